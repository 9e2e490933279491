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

// Decodes the code point at s[i] (s must be valid UTF-8); *len gets its size.
char32_t DecodeAt(std::string_view s, size_t i, size_t* len);
// Size in bytes of the code point that ends just before s[i].
size_t PrevLength(std::string_view s, size_t i);
void AppendUtf8(char32_t c, std::string* out);

bool IsLetter(char32_t c);     // alphabetic, or a combining mark (part of a letter)
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsDigit(char32_t c);
bool IsSpace(char32_t c);      // incl. no-break and other Unicode spaces
bool IsWordChar(char32_t c);   // letter or digit

// Lowercased, accents removed, NFC: the key for case- and accent-insensitive
// lookups ("Velázquez" -> "velazquez").
std::string FoldKey(std::string_view s);
// Lowercased (full Unicode), accents kept.
std::string Lower(std::string_view s);

// NFC-normalized copy of s.
std::string ToNfc(std::string_view s);
// True when s is already in NFC (fast for ASCII).
bool IsNfc(std::string_view s);

}  // namespace dyad::text

#endif  // DYAD_TEXT_UTF8_H_
