// Training the syntax models from CoNLL-U: the tagger on gold tags, then the
// parser on jackknifed (predicted) tags, so that its features look at test
// time like they did in training.
#ifndef DYAD_SYNTAX_TRAIN_H_
#define DYAD_SYNTAX_TRAIN_H_

#include <iosfwd>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace dyad::syntax {

// A copy of `train` whose UPOS/XPOS come from taggers trained on the other
// folds (sentence i is in fold i % folds). folds < 2 returns gold tags.
std::vector<ConlluSentence> JackknifeTags(const std::vector<ConlluSentence>& train, int folds, const TaggerOptions& options,
                                          std::ostream* log);

// Tags `sentences` in place with `tagger` (UPOS, XPOS, lemma).
void RetagAll(const Tagger& tagger, std::vector<ConlluSentence>* sentences);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TRAIN_H_
