#include "text/tokenize.h"

#include "base/strings.h"
#include "text/utf8.h"

namespace dyad::text {

Result<Abbreviations> Abbreviations::Load(const std::string& path) {
  std::string content;
  if (!ReadWholeFile(path, &content)) return Status::NotFound(path + ": cannot open abbreviations");
  return Parse(content, path);
}

Result<Abbreviations> Abbreviations::Parse(std::string_view content, const std::string& name) {
  Abbreviations a;
  int64_t line_no = 0;
  for (std::string_view line : SplitLines(content)) {
    ++line_no;
    if (Trim(line).empty() || line[0] == '#') continue;
    auto f = Split(line, '\t');
    Where where{name, line_no, -1, std::string(line)};
    std::string_view cls = f.size() == 2 ? Trim(f[1]) : std::string_view();
    if (cls == "prefix") {
      if (f[0].size() < 2 || f[0].back() != '-') return Status::DataError(where, "expected a prefix ending in '-'");
      a.hyphen_prefixes_.insert(Lower(f[0].substr(0, f[0].size() - 1)));
      continue;
    }
    if (f.size() != 2 || f[0].empty() || f[0].back() != '.') {
      return Status::DataError(where, "expected an abbreviation ending in '.', a tab and its class");
    }
    AbbrevClass c;
    if (cls == "title") c = AbbrevClass::kTitle;
    else if (cls == "month") c = AbbrevClass::kMonth;
    else if (cls == "other") c = AbbrevClass::kOther;
    else return Status::DataError(where, "class must be title, month, other or prefix");
    a.entries_[std::string(f[0])] = c;
  }
  return a;
}

namespace {

// "U.S.", "e.g.", "a.m.", "Ph.D.": one or two letters between dots.
bool IsLetterDots(std::string_view t) {
  if (t.size() < 3 || t.back() != '.') return false;
  int run = 0, dots = 0;
  for (char c : t) {
    if (c == '.') {
      if (run == 0 || run > 2) return false;
      ++dots;
      run = 0;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      ++run;
    } else {
      return false;
    }
  }
  return dots >= 2;
}

}  // namespace

bool Abbreviations::IsHyphenPrefix(std::string_view word) const {
  return word.size() <= kMaxPrefixBytes && hyphen_prefixes_.count(Lower(word)) > 0;
}

std::optional<AbbrevClass> Abbreviations::Classify(std::string_view token) const {
  if (token.size() < 2 || token.back() != '.') return std::nullopt;
  if (auto it = entries_.find(std::string(token)); it != entries_.end()) return it->second;
  if (token.size() == 2 && token[0] >= 'A' && token[0] <= 'Z') return AbbrevClass::kTitle;  // initial
  if (IsLetterDots(token)) return AbbrevClass::kOther;
  return std::nullopt;
}

namespace {

struct Scanner {
  std::string_view text;
  const Abbreviations& abbrevs;
  std::vector<TokenSpan>* out;

  char32_t At(size_t i, size_t* len = nullptr) const {
    size_t l;
    char32_t c = i < text.size() ? DecodeAt(text, i, &l) : 0;
    if (len) *len = i < text.size() ? l : 0;
    return c;
  }
  char32_t Before(size_t i) const {
    if (i == 0) return 0;
    size_t l;
    return DecodeAt(text, i - PrevLength(text, i), &l);
  }
  void Emit(size_t b, size_t e) {
    if (e > b) out->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }

  static bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

  // Whether the connector at i joins the word that ends there with what follows.
  bool Joins(size_t word_begin, size_t i, size_t end) const {
    size_t len;
    char32_t c = At(i, &len);
    if (i + len >= end) return false;
    char32_t prev = Before(i), next = At(i + len);
    if (!IsWordChar(prev) || !IsWordChar(next)) return false;
    if (IsApostrophe(c)) return IsLetter(next);
    switch (c) {
      case '.': {
        if (IsDigit(prev) && IsDigit(next)) return true;                  // 3.5
        std::string_view seg = text.substr(word_begin, i - word_begin);
        size_t last_dot = seg.rfind('.');
        size_t seg_len = seg.size() - (last_dot == std::string_view::npos ? 0 : last_dot + 1);
        if (seg_len <= 2 && IsLetter(next) && At(i + len + 1) == '.') return true;  // U.S.
        if (seg_len <= 2 && IsLetter(next) && last_dot != std::string_view::npos) return true;
        if (IsLower(prev) && IsLower(next)) return true;                   // example.com
        // PanARMENIAN.Net, but not a lost space in "said.Net gains".
        bool has_capital = false;
        for (size_t k = word_begin; k < i; ++k) has_capital |= text[k] >= 'A' && text[k] <= 'Z';
        return IsDomainSuffix(i + len, end) && (IsLower(next) || has_capital);
      }
      case '-': return IsLetter(next) && abbrevs.IsHyphenPrefix(text.substr(word_begin, i - word_begin));  // re-elected
      case ',': case ':': return IsDigit(prev) && IsDigit(next);            // 2,000  10:30
      case '/': case '@': case '_': return true;                            // and/or  11/21
      case '&': return IsUpper(prev) && IsUpper(next);                      // AT&T
      default: return false;
    }
  }

  // "com", "Net", "org"... ending the chunk after a period: a domain name.
  bool IsDomainSuffix(size_t b, size_t end) const {
    size_t e = b;
    while (e < end && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
    if (e - b < 2 || e - b > 4 || (e < end && IsWordChar(At(e)))) return false;
    static const char* kSuffixes[] = {"com", "net", "org", "gov", "edu", "info", "io", "co", "ru", "uk", "ve", "mx"};
    std::string s = Lower(text.substr(b, e - b));
    for (const char* k : kSuffixes)
      if (s == k) return true;
    return false;
  }

  // Splits the clitics off a word ("did|n't", "Venezuela|'s", "can|not").
  void EmitWord(size_t b, size_t e) {
    std::string_view w = text.substr(b, e - b);
    // Only words with an apostrophe or of the right length can hold a clitic.
    bool apostrophe = w.find('\'') != std::string_view::npos || w.find("\u2019") != std::string_view::npos;
    if (!apostrophe && w.size() != 5 && w.size() != 6) return Emit(b, e);
    std::string lower = Lower(w);
    auto ends = [&](std::string_view suffix) { return EndsWith(lower, suffix) && lower.size() > suffix.size(); };
    for (std::string_view nt : {"n't", "n\u2019t"}) {
      if (ends(nt)) {
        Emit(b, e - nt.size());
        Emit(e - nt.size(), e);
        return;
      }
    }
    for (std::string_view cl : {"'s", "'re", "'ve", "'ll", "'d", "'m", "\u2019s", "\u2019re", "\u2019ve",
                                "\u2019ll", "\u2019d", "\u2019m"}) {
      if (ends(cl)) {
        Emit(b, e - cl.size());
        Emit(e - cl.size(), e);
        return;
      }
    }
    if (lower == "cannot") {
      Emit(b, b + 3);
      Emit(b + 3, e);
      return;
    }
    if (lower == "gonna" || lower == "wanna" || lower == "gotta") {
      Emit(b, b + 3);
      Emit(b + 3, e);
      return;
    }
    Emit(b, e);
  }

  bool IsUrlOrEmail(std::string_view chunk) const {
    if (StartsWith(chunk, "http://") || StartsWith(chunk, "https://") || StartsWith(chunk, "www.")) return true;
    size_t at = chunk.find('@');
    return at != std::string_view::npos && at > 0 && chunk.find('.', at) != std::string_view::npos &&
           IsWordChar(static_cast<unsigned char>(chunk[0]));
  }

  void Chunk(size_t b, size_t e) {
    if (IsUrlOrEmail(text.substr(b, e - b))) {
      size_t end = e;
      while (end > b && std::string_view(".,;:!?)\"'").find(text[end - 1]) != std::string_view::npos) --end;
      Emit(b, end);
      for (size_t i = end; i < e; ++i) Emit(i, i + 1);
      return;
    }
    size_t i = b;
    while (i < e) {
      size_t len;
      char32_t c = At(i, &len);
      if (IsWordChar(c)) {
        size_t j = i;
        for (;;) {
          while (j < e && IsWordChar(At(j, &len))) j += len;
          if (j < e && Joins(i, j, e)) {
            At(j, &len);
            j += len;
            continue;
          }
          break;
        }
        // A final period belongs to an abbreviation ("Gen.", "U.S.", "J.").
        if (j < e && text[j] == '.' && abbrevs.Classify(text.substr(i, j + 1 - i))) ++j;
        EmitWord(i, j);
        i = j;
      } else if (c == '.' && i + 1 < e && text[i + 1] == '.') {
        size_t j = i;
        while (j < e && text[j] == '.') ++j;
        Emit(i, j);
        i = j;
      } else if (c == '-' && i + 1 < e && text[i + 1] == '-') {
        size_t j = i;
        while (j < e && text[j] == '-') ++j;
        Emit(i, j);
        i = j;
      } else {
        Emit(i, i + len);
        i += len;
      }
    }
  }

  void Run() {
    size_t i = 0, chunk = std::string_view::npos;
    while (i < text.size()) {
      size_t len;
      char32_t c = At(i, &len);
      if (IsSpace(c)) {
        if (chunk != std::string_view::npos) Chunk(chunk, i);
        chunk = std::string_view::npos;
      } else if (chunk == std::string_view::npos) {
        chunk = i;
      }
      i += len;
    }
    if (chunk != std::string_view::npos) Chunk(chunk, text.size());
  }
};

}  // namespace

std::vector<TokenSpan> Tokenize(std::string_view text, const Abbreviations& abbrevs) {
  std::vector<TokenSpan> out;
  Scanner{text, abbrevs, &out}.Run();
  return out;
}

}  // namespace dyad::text
