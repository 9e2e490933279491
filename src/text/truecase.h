// Case normalization for the models: headlines and shouted words.
//
// The tagger and parser learned English as it is usually written, where a
// capital inside a sentence marks a name. A title-case headline ("Minister
// Calls Talks With Peru") or a word in capitals ("Moscow REJECTS It") breaks
// that signal. NormalizeCase gives such words a lower-case Token::norm for
// the models, when the word list knows the word in lower case; names
// ("Peru", "NATO") stay as written. The tokens' forms do not change.
#ifndef DYAD_TEXT_TRUECASE_H_
#define DYAD_TEXT_TRUECASE_H_

#include "dyad/document.h"
#include "text/glue.h"

namespace dyad::text {

// Sets Token::norm of the words of `s` that are capitalized only because `s`
// is a title-case heading (all but the first word), and of all-capital words
// of four letters or more that stand alone (not in a run of capitals, which
// is a name: "MEXICO CITY"), when `words` lists their lower case.
void NormalizeCase(Sentence* s, const WordList& words);

// Whether a heading's words of four letters or more are (nearly) all
// capitalized: at least two of them, and four in five capitalized.
bool IsTitleCase(const Sentence& s);

}  // namespace dyad::text

#endif  // DYAD_TEXT_TRUECASE_H_
