#include "syntax/word_features.h"

#include "syntax/hash.h"

namespace dyad::syntax {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {

std::string Shape(std::string_view form) {
  std::string shape;
  char last = 0;
  int run = 0;
  for (unsigned char c : form) {
    char k = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd' : c >= 0x80 ? 'u' : static_cast<char>(c);
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) shape += k;
  }
  return shape;
}

uint64_t Flags(std::string_view form) {
  bool digit = false, hyphen = false, upper = false, lower = false, alpha_start = false, nonascii = false;
  for (unsigned char c : form) {
    digit |= c >= '0' && c <= '9';
    hyphen |= c == '-';
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
    nonascii |= c >= 0x80;
  }
  if (!form.empty()) alpha_start = (form[0] >= 'A' && form[0] <= 'Z');
  return digit | hyphen << 1 | upper << 2 | (upper && !lower) << 3 | alpha_start << 4 | nonascii << 5 |
         static_cast<uint64_t>(form.size() > 12 ? 12 : form.size()) << 6;
}

WordInfo Pseudo(std::string_view name) {
  WordInfo w;
  w.form = w.lower = w.shape = HashString(name);
  for (auto& s : w.suffix) s = w.form;
  for (auto& p : w.prefix) p = w.form;
  w.flags = 1 << 12;
  return w;
}

}  // namespace

WordInfo ComputeWordInfo(std::string_view form) {
  WordInfo w;
  std::string lower = AsciiLower(form);
  w.form = HashString(form);
  w.lower = HashString(lower);
  for (int k = 1; k <= 5; ++k) {
    size_t n = std::min<size_t>(k, lower.size());
    w.suffix[k - 1] = HashString(std::string_view(lower).substr(lower.size() - n));
  }
  for (int k = 1; k <= 3; ++k) w.prefix[k - 1] = HashString(std::string_view(lower).substr(0, std::min<size_t>(k, lower.size())));
  w.shape = HashString(Shape(form));
  w.flags = Flags(form);
  return w;
}

const WordInfo& BoundaryWord() {
  static const WordInfo w = Pseudo("<boundary>");
  return w;
}

const WordInfo& RootWord() {
  static const WordInfo w = Pseudo("<root>");
  return w;
}

}  // namespace dyad::syntax
