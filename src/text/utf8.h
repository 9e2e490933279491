// UTF-8 helpers for the text stage: validation with byte offsets, code point
// iteration and the character classes the cleaner and tokenizer need.
#ifndef DYAD_TEXT_UTF8_H_
#define DYAD_TEXT_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dyad::text {

// Offset of the first byte that is not part of well-formed UTF-8, if any.
std::optional<size_t> FindInvalidUtf8(std::string_view s);

// True when `s` is evidently not text: a NUL byte, or many control bytes, in
// its first 64 KiB.
bool LooksBinary(std::string_view s);

// The out-of-line halves of the functions below, for what is not ASCII.
char32_t DecodeNonAsciiAt(std::string_view s, size_t i, size_t* len);
bool IsNonAsciiLetter(char32_t c);
bool IsNonAsciiUpper(char32_t c);
bool IsNonAsciiLower(char32_t c);
bool IsNonAsciiDigit(char32_t c);
bool IsNonAsciiSpace(char32_t c);

// Decodes the code point at s[i] (s must be valid UTF-8); *len gets its size.
// ASCII inline: these run for every byte of an article.
inline char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  const unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  return DecodeNonAsciiAt(s, i, len);
}
// Size in bytes of the code point that ends just before s[i].
size_t PrevLength(std::string_view s, size_t i);
void AppendUtf8(char32_t c, std::string* out);

// alphabetic, or a combining mark (part of a letter)
inline bool IsLetter(char32_t c) { return c < 0x80 ? (c | 0x20) - 'a' < 26u : IsNonAsciiLetter(c); }
inline bool IsUpper(char32_t c) { return c < 0x80 ? c - 'A' < 26u : IsNonAsciiUpper(c); }
inline bool IsLower(char32_t c) { return c < 0x80 ? c - 'a' < 26u : IsNonAsciiLower(c); }
inline bool IsDigit(char32_t c) { return c < 0x80 ? c - '0' < 10u : IsNonAsciiDigit(c); }
// incl. no-break and other Unicode spaces
inline bool IsSpace(char32_t c) { return c < 0x80 ? c == ' ' || c - '\t' < 5u : IsNonAsciiSpace(c); }
inline bool IsWordChar(char32_t c) { return IsLetter(c) || IsDigit(c); }  // letter or digit

// Lowercased, accents removed, NFC: the key for case- and accent-insensitive
// lookups ("Velázquez" -> "velazquez").
std::string FoldKey(std::string_view s);
// Lowercased (full Unicode), accents kept.
std::string Lower(std::string_view s);

// Whether Lower(s) == lower. For ASCII `s` (Lower is then ASCII lowering,
// byte for byte) without building the lowered copy: word tests in the
// lexicon and coder ran Lower on every token for a handful of comparisons.
// Any byte >= 0x80 in `s` falls back to Lower itself (lowering may change
// the length of non-ASCII text, so sizes decide only for ASCII).
inline bool LowerEquals(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) {
    for (unsigned char c : s)
      if (c >= 0x80) return Lower(s) == lower;
    return false;
  }
  bool same = true;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) return Lower(s) == lower;
    same &= static_cast<char>(c | (static_cast<unsigned>(c - 'A' < 26u) << 5)) == lower[i];
  }
  return same;
}

// NFC-normalized copy of s.
std::string ToNfc(std::string_view s);
// True when s is already in NFC (fast for ASCII).
bool IsNfc(std::string_view s);

}  // namespace dyad::text

#endif  // DYAD_TEXT_UTF8_H_
