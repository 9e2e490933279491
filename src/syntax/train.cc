#include "syntax/train.h"

#include <ostream>

namespace dyad::syntax {

void RetagAll(const Tagger& tagger, std::vector<ConlluSentence>* sentences) {
  for (auto& cs : *sentences) tagger.Tag(&cs.sentence);
}

std::vector<ConlluSentence> JackknifeTags(const std::vector<ConlluSentence>& train, int folds, const TaggerOptions& options,
                                          std::ostream* log) {
  std::vector<ConlluSentence> out = train;
  if (folds < 2) return out;
  for (int f = 0; f < folds; ++f) {
    std::vector<ConlluSentence> rest, held;
    std::vector<size_t> held_index;
    for (size_t i = 0; i < train.size(); ++i) {
      if (static_cast<int>(i % folds) == f) {
        held.push_back(train[i]);
        held_index.push_back(i);
      } else {
        rest.push_back(train[i]);
      }
    }
    Tagger tagger = Tagger::Train(rest, nullptr, options, nullptr);
    size_t ok = 0, all = 0;
    for (size_t k = 0; k < held.size(); ++k) {
      Sentence& s = out[held_index[k]].sentence;
      Sentence tagged = s;
      tagger.Tag(&tagged);
      for (size_t i = 0; i < s.tokens.size(); ++i) {
        ok += tagged.tokens[i].upos == s.tokens[i].upos;
        ++all;
        s.tokens[i].upos = tagged.tokens[i].upos;
        s.tokens[i].xpos = tagged.tokens[i].xpos;
      }
    }
    if (log) *log << "jackknife fold " << f + 1 << "/" << folds << ": held-out UPOS " << 100.0 * ok / std::max<size_t>(1, all) << std::endl;
  }
  return out;
}

}  // namespace dyad::syntax
