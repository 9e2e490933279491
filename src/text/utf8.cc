#include "text/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>

namespace dyad::text {

std::optional<size_t> FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::nullopt;
}

bool LooksBinary(std::string_view s) {
  size_t n = std::min<size_t>(s.size(), 64 * 1024), control = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = s[i];
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return n > 0 && control * 20 > n;  // more than 5 % control bytes
}

char32_t DecodeNonAsciiAt(std::string_view s, size_t i, size_t* len) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, static_cast<int32_t>(s.size()), c);
  *len = static_cast<size_t>(j) - i;
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

size_t PrevLength(std::string_view s, size_t i) {
  size_t j = i;
  while (j > 0) {
    --j;
    if ((static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) break;
  }
  return i - j;
}

void AppendUtf8(char32_t c, std::string* out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
  if (!error) out->append(buf, static_cast<size_t>(len));
}

bool IsNonAsciiLetter(char32_t c) {
  return u_isUAlphabetic(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK;
}
bool IsNonAsciiUpper(char32_t c) { return u_isUUppercase(c) || u_istitle(c); }
bool IsNonAsciiLower(char32_t c) { return u_isULowercase(c); }
bool IsNonAsciiDigit(char32_t c) { return u_isdigit(c); }
bool IsNonAsciiSpace(char32_t c) { return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF; }

namespace {

const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  return icu::Normalizer2::getNFCInstance(err);
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

}  // namespace

bool IsNfc(std::string_view s) {
  if (IsAscii(s)) return true;
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  return Nfc()->isNormalized(u, err) && U_SUCCESS(err);
}

std::string ToNfc(std::string_view s) {
  if (IsAscii(s)) return std::string(s);
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString n = Nfc()->normalize(u, err);
  std::string out;
  if (U_FAILURE(err)) return std::string(s);
  n.toUTF8String(out);
  return out;
}

// Lowercases out[0, n) in place, 8 bytes at a time, while it is ASCII;
// false (out partly lowered, maybe wrongly) when a byte is >= 0x80.
static bool LowerAsciiInPlace(char* out, size_t n) {
  constexpr uint64_t kHigh = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, out + i, 8);
    if (x & kHigh) return false;
    // Per byte (all < 0x80): high bit of x + (0x80 - 'A') is set when the
    // byte is >= 'A', of x + (0x80 - 'Z' - 1) when it is > 'Z'.
    const uint64_t upper = ((x + kOnes * (0x80 - 'A')) ^ (x + kOnes * (0x80 - 'Z' - 1))) & kHigh;
    x |= upper >> 2;  // 0x80 >> 2 == 0x20
    std::memcpy(out + i, &x, 8);
  }
  unsigned seen = 0;  // the tail's bytes or-ed: lowered without branches, checked once
  for (; i < n; ++i) {
    const unsigned c = static_cast<unsigned char>(out[i]);
    seen |= c;
    out[i] = static_cast<char>(c | (static_cast<unsigned>(c - 'A' < 26u) << 5));
  }
  return seen < 0x80;
}

// Lowercases out[0, n) in place when it is ASCII and punctuation that has no
// case: U+00A0-U+00BF (no-break space, guillemets, ...) and U+2010-U+2027
// (dashes, curly quotes, ellipsis). Lowering those leaves them and does not
// change how the ASCII letters around them lower, so the result is ICU's;
// false at any other byte >= 0x80. News text is mostly this.
// Without `latin1` only U+2010-U+2027, which are also inert under NFD and NFC
// (U+00A8 is not) and no combining marks: FoldKey's fast path.
static bool LowerAsciiAndCaselessInPlace(char* out, size_t n, bool latin1) {
  for (size_t i = 0; i < n;) {
    const unsigned c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      out[i++] = static_cast<char>(c | (static_cast<unsigned>(c - 'A' < 26u) << 5));
      continue;
    }
    const auto at = [&](size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(out[k])); };
    if (latin1 && c == 0xC2 && i + 1 < n && at(i + 1) >= 0xA0 && at(i + 1) <= 0xBF) {
      i += 2;
    } else if (c == 0xE2 && i + 2 < n && at(i + 1) == 0x80 && at(i + 2) >= 0x90 && at(i + 2) <= 0xA7) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

std::string Lower(std::string_view s) {
  {
    std::string out(s);
    if (LowerAsciiInPlace(out.data(), out.size())) return out;
    if (LowerAsciiAndCaselessInPlace(out.data(), out.size(), true)) return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string out;
  u.toLower().toUTF8String(out);
  return out;
}

std::string FoldKey(std::string_view s) {
  {
    std::string out(s);
    if (LowerAsciiInPlace(out.data(), out.size())) return out;
    if (LowerAsciiAndCaselessInPlace(out.data(), out.size(), false)) return out;
  }
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString d = nfd->normalize(u, err), kept;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) != U_NON_SPACING_MARK) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toLower().toUTF8String(out);
  return ToNfc(out);
}

}  // namespace dyad::text
