// Finding a quoted piece of text (a gold sentence, a quote, a mention) in a
// document's raw text, as byte spans.
#ifndef DYAD_EVAL_LOCATE_H_
#define DYAD_EVAL_LOCATE_H_

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad::eval {

struct Located {
  Span span;
  bool normalized = false;  // found only after collapsing white space
};

// The first occurrence of `needle` in `text`: verbatim, else with every run of
// white space (ASCII, NBSP) on both sides treated as one space. The span then
// runs from the raw byte of the first match character to the end of the last.
std::optional<Located> LocateText(std::string_view text, std::string_view needle);

// Every verbatim occurrence (non-overlapping, left to right).
std::vector<Span> FindAll(std::string_view text, std::string_view needle);

inline bool Overlaps(const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; }
inline uint32_t OverlapSize(const Span& a, const Span& b) {
  uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

}  // namespace dyad::eval

#endif  // DYAD_EVAL_LOCATE_H_
