// UD evaluation with gold tokenization: the predicted and gold files must
// have the same words in the same order. Punctuation is included.
//   LAS compares the full relation ("nmod:poss"); LAS-universal (CoNLL 2018's
//   definition) compares only the part before ':'.
#ifndef DYAD_SYNTAX_EVALUATE_H_
#define DYAD_SYNTAX_EVALUATE_H_

#include <string>
#include <vector>

#include "dyad/status.h"
#include "syntax/conllu.h"

namespace dyad::syntax {

struct UdScores {
  size_t sentences = 0, words = 0;
  size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_universal = 0;
  static double Pct(size_t k, size_t n) { return n ? 100.0 * static_cast<double>(k) / static_cast<double>(n) : 0.0; }
  double UposPct() const { return Pct(upos, words); }
  double XposPct() const { return Pct(xpos, words); }
  double LemmaPct() const { return Pct(lemma, words); }
  double UasPct() const { return Pct(uas, words); }
  double LasPct() const { return Pct(las, words); }
  double LasUniversalPct() const { return Pct(las_universal, words); }
};

// Adds one sentence pair to the counts. Fails when the words differ.
Status AddScores(const Sentence& gold, const Sentence& pred, UdScores* scores);
Result<UdScores> ScoreCorpus(const std::vector<ConlluSentence>& gold, const std::vector<ConlluSentence>& pred);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_EVALUATE_H_
