// Sentence segmentation over the tokens of one paragraph.
//
// A sentence ends at ".", "!", "?" or "..." (with any closing quotes or
// brackets after it) when the next token can open a sentence: a capital, a
// digit, an opening quote or bracket. Abbreviations do not end a sentence by
// themselves: titles ("Gen.", "Gov.", "Dr.") never do, others ("U.S.", "Jan.")
// only before a closed-class sentence opener ("The", "He", "But"). A sentence
// longer than kMaxSentenceTokens is cut, so later stages get bounded input.
#ifndef DYAD_TEXT_SEGMENT_H_
#define DYAD_TEXT_SEGMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "text/tokenize.h"

namespace dyad::text {

inline constexpr size_t kMaxSentenceTokens = 250;

struct SentenceRange {
  size_t first;  // token index
  size_t last;   // one past the last token
};

// Sentences of a paragraph. `forms` are its tokens' texts; `attached[i]` is
// true when token i follows token i-1 with no space ("MOSCOW.-Russia" does not
// split there; "said.The", a lost space, still does). `openers` are lower-case
// closed-class words that may open a sentence after an abbreviation.
std::vector<SentenceRange> SegmentSentences(const std::vector<std::string_view>& forms,
                                            const std::vector<bool>& attached,
                                            const Abbreviations& abbrevs,
                                            const ViewSet& openers);

bool IsSentenceFinal(std::string_view form);
bool IsClosingPunct(std::string_view form);
bool IsOpeningQuote(std::string_view form);

}  // namespace dyad::text

#endif  // DYAD_TEXT_SEGMENT_H_
