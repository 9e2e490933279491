#include "syntax/evaluate.h"

namespace dyad::syntax {
namespace {
std::string_view Universal(std::string_view rel) { return rel.substr(0, rel.find(':')); }
}  // namespace

Status AddScores(const Sentence& gold, const Sentence& pred, UdScores* s) {
  if (gold.tokens.size() != pred.tokens.size()) {
    return Status::InvalidArgument("sentence \"" + gold.text.substr(0, 60) + "\": gold has " + std::to_string(gold.tokens.size()) +
                                   " words, prediction " + std::to_string(pred.tokens.size()));
  }
  ++s->sentences;
  for (size_t i = 0; i < gold.tokens.size(); ++i) {
    const Token &g = gold.tokens[i], &p = pred.tokens[i];
    if (g.form != p.form) {
      return Status::InvalidArgument("sentence \"" + gold.text.substr(0, 60) + "\": word " + std::to_string(i + 1) + " is '" + g.form +
                                     "' in gold but '" + p.form + "' in prediction");
    }
    ++s->words;
    s->upos += g.upos == p.upos;
    s->xpos += g.xpos == p.xpos;
    s->lemma += g.lemma == p.lemma;
    bool head = g.head == p.head;
    s->uas += head;
    s->las += head && g.deprel == p.deprel;
    s->las_universal += head && Universal(g.deprel) == Universal(p.deprel);
  }
  return Status::Ok();
}

Result<UdScores> ScoreCorpus(const std::vector<ConlluSentence>& gold, const std::vector<ConlluSentence>& pred) {
  if (gold.size() != pred.size()) {
    return Status::InvalidArgument("gold has " + std::to_string(gold.size()) + " sentences, prediction " + std::to_string(pred.size()));
  }
  UdScores scores;
  for (size_t i = 0; i < gold.size(); ++i) DYAD_RETURN_IF_ERROR(AddScores(gold[i].sentence, pred[i].sentence, &scores));
  return scores;
}

}  // namespace dyad::syntax
