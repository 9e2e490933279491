// Template implementation for glue.h.
#ifndef DYAD_TEXT_GLUE_INL_H_
#define DYAD_TEXT_GLUE_INL_H_

#include "text/utf8.h"

namespace dyad::text {

template <typename Fn>
void ForEachLetterRun(std::string_view text, Fn fn) {
  size_t run_begin = std::string_view::npos;
  for (size_t i = 0; i < text.size();) {
    size_t len;
    char32_t c = DecodeAt(text, i, &len);
    bool letter = IsLetter(c);
    if (letter && run_begin == std::string_view::npos) run_begin = i;
    if (!letter && run_begin != std::string_view::npos) {
      fn(run_begin, i);
      run_begin = std::string_view::npos;
    }
    i += len;
  }
  if (run_begin != std::string_view::npos) fn(run_begin, text.size());
}

}  // namespace dyad::text

#endif  // DYAD_TEXT_GLUE_INL_H_
