#include "text/boilerplate.h"

#include <cctype>
#include <cstring>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "text/utf8.h"

namespace dyad::text {
namespace {

// Decoration that frames boilerplate lines ("- Advertisement -", "| Share |").
bool IsDecoration(char32_t c) {
  switch (c) {
    case ' ': case '-': case '|': case '*': case '_': case '=': case '~': case ':': case '.': case '>':
    case 0x2013: case 0x2014: case 0x2022: case 0x00B7: case 0x25BA: case 0x2192:
      return true;
    default:
      return IsSpace(c);
  }
}

int CountWords(const std::string& norm) {
  int words = 0;
  bool in_word = false;
  for (char c : norm) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool IsAsciiWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

// True when `pattern` occurs in `text` and does not cut a word at either edge.
bool ContainsWord(const std::string& text, const std::string& pattern) {
  for (size_t at = text.find(pattern); at != std::string::npos; at = text.find(pattern, at + 1)) {
    size_t end = at + pattern.size();
    bool left_ok = at == 0 || !IsAsciiWordByte(pattern.front()) || !IsAsciiWordByte(text[at - 1]);
    bool right_ok = end == text.size() || !IsAsciiWordByte(pattern.back()) || !IsAsciiWordByte(text[end]);
    if (left_ok && right_ok) return true;
  }
  return false;
}

}  // namespace

std::string BoilerplateRules::NormalizeLine(std::string_view line) {
  // Written through a pointer: collapsing never lengthens the line (a space
  // is written only for a run of at least one space character).
  std::string collapsed(line.size(), '\0');
  char* const out = collapsed.data();
  size_t n = 0;
  bool space = false;
  for (size_t i = 0; i < line.size();) {
    const unsigned char b = static_cast<unsigned char>(line[i]);
    size_t len = 1;
    // ASCII inline (IsSpace's ASCII spaces), the rest decoded.
    const bool is_space = b < 0x80 ? (b == ' ' || (b >= '\t' && b <= '\r'))
                                   : IsSpace(DecodeAt(line, i, &len));
    if (is_space) {
      space = true;
    } else {
      if (space && n > 0) out[n++] = ' ';
      space = false;
      if (len == 1) out[n++] = static_cast<char>(b);
      else std::memcpy(out + n, line.data() + i, len), n += len;
    }
    i += len;
  }
  collapsed.resize(n);
  // Strip decoration at both ends.
  size_t b = 0, e = collapsed.size();
  while (b < e) {
    size_t len;
    char32_t c = DecodeAt(collapsed, b, &len);
    if (!IsDecoration(c)) break;
    b += len;
  }
  while (e > b) {
    size_t len = PrevLength(collapsed, e), l2;
    if (!IsDecoration(DecodeAt(collapsed, e - len, &l2))) break;
    e -= len;
  }
  return Lower(std::string_view(collapsed).substr(b, e - b));
}

Result<BoilerplateRules> BoilerplateRules::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open boilerplate rules");
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path);
}

Result<BoilerplateRules> BoilerplateRules::Parse(std::string_view content, const std::string& name) {
  BoilerplateRules rules;
  int64_t line_no = 0;
  for (std::string_view line : SplitLines(content)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = Split(line, '\t');
    Where where{name, line_no, -1, std::string(line.substr(0, 60))};
    if (f.size() < 3) return Status::DataError(where, "expected kind, pattern and reason separated by tabs");
    Rule r;
    if (f[0] == "line") r.kind = Kind::kLine;
    else if (f[0] == "prefix") r.kind = Kind::kPrefix;
    else if (f[0] == "suffix") r.kind = Kind::kSuffix;
    else if (f[0] == "contains") r.kind = Kind::kContains;
    else return Status::DataError(where, "unknown kind '" + std::string(f[0]) + "' (line, prefix, suffix, contains)");
    for (std::string_view p : SplitOn(f[1], "&&")) {
      if (Trim(p).empty()) return Status::DataError(where, "empty pattern");
      r.patterns.push_back(Lower(Trim(p)));
    }
    r.reason = std::string(Trim(f[2]));
    if (f.size() > 3 && !Trim(f[3]).empty()) {
      if (!ParseInt(Trim(f[3]), &r.max_words) || r.max_words < 0) {
        return Status::DataError(where, "max_words must be a non-negative number");
      }
    }
    if (f.size() > 4) {
      std::string_view w = Trim(f[4]);
      if (w == "head") r.place = Place::kHead;
      else if (w == "tail") r.place = Place::kTail;
      else if (w != "any" && !w.empty()) return Status::DataError(where, "where must be any, head or tail");
    }
    rules.rules_.push_back(std::move(r));
  }
  return rules;
}

bool BoilerplateRules::Matches(const Rule& rule, const std::string& norm, int words, Position pos) const {
  if (rule.max_words > 0 && words > rule.max_words) return false;
  if (rule.place == Place::kHead && pos.index >= 3) return false;
  if (rule.place == Place::kTail && pos.index < pos.count - 4) return false;
  for (const std::string& p : rule.patterns) {
    bool ok = false;
    switch (rule.kind) {
      case Kind::kLine: ok = norm == p; break;
      case Kind::kPrefix: ok = norm.compare(0, p.size(), p) == 0; break;
      case Kind::kSuffix: ok = norm.size() >= p.size() && norm.compare(norm.size() - p.size(), p.size(), p) == 0; break;
      case Kind::kContains: ok = ContainsWord(norm, p); break;
    }
    if (!ok) return false;
  }
  return true;
}

std::optional<std::string> BoilerplateRules::Match(std::string_view line, Position pos) const {
  return MatchNormalized(NormalizeLine(line), pos);
}

std::optional<std::string> BoilerplateRules::MatchNormalized(const std::string& norm, Position pos) const {
  int words = CountWords(norm);
  for (const Rule& r : rules_) {
    if (Matches(r, norm, words, pos)) return r.reason;
  }
  return std::nullopt;
}

}  // namespace dyad::text
