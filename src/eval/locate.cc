#include "eval/locate.h"

#include <string>

namespace dyad::eval {
namespace {

// Length of the white-space character at text[i], 0 if none. NBSP (U+00A0)
// counts because pasted articles often carry it where a space was meant.
size_t SpaceAt(std::string_view text, size_t i) {
  unsigned char c = text[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) return 2;
  return 0;
}

// `text` with white-space runs collapsed to one space and trimmed; raw[k] is
// the raw offset of normalized byte k, raw[size] the raw end.
struct Normalized {
  std::string text;
  std::vector<uint32_t> raw;
};
Normalized Normalize(std::string_view text) {
  Normalized n;
  size_t i = 0;
  while (i < text.size()) {
    size_t w = SpaceAt(text, i);
    if (w == 0) {
      n.text.push_back(text[i]);
      n.raw.push_back(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && (w = SpaceAt(text, i)) > 0) i += w;
    if (!n.text.empty() && i < text.size()) {
      n.text.push_back(' ');
      n.raw.push_back(static_cast<uint32_t>(start));
    }
  }
  n.raw.push_back(static_cast<uint32_t>(text.size()));
  return n;
}

}  // namespace

std::optional<Located> LocateText(std::string_view text, std::string_view needle) {
  if (needle.empty()) return std::nullopt;
  size_t at = text.find(needle);
  if (at != std::string_view::npos) {
    return Located{Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())}, false};
  }
  Normalized hay = Normalize(text);
  Normalized pin = Normalize(needle);
  if (pin.text.empty()) return std::nullopt;
  at = hay.text.find(pin.text);
  if (at == std::string::npos) return std::nullopt;
  size_t last = at + pin.text.size() - 1;  // the last matched normalized byte
  return Located{Span{hay.raw[at], hay.raw[last] + 1}, true};
}

std::vector<Span> FindAll(std::string_view text, std::string_view needle) {
  std::vector<Span> spans;
  if (needle.empty()) return spans;
  for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + needle.size())) {
    spans.push_back(Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())});
  }
  return spans;
}

}  // namespace dyad::eval
