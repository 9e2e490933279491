#include "text/clean.h"

#include <unicode/normalizer2.h>

#include <algorithm>
#include <cstring>

#include "base/strings.h"
#include "text/utf8.h"

namespace dyad::text {
namespace {

struct Line {
  uint32_t begin, end;  // trimmed, in the source text
  bool keep = true;
};

bool IsBlank(char32_t c) { return IsSpace(c); }

// Lines of `src` trimmed of white space; blank lines are left out.
std::vector<Line> NonBlankLines(std::string_view src) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= src.size()) {
    size_t nl = src.find('\n', start);
    size_t end = nl == std::string_view::npos ? src.size() : nl;
    size_t b = start, e = end, len;
    while (b < e && IsBlank(DecodeAt(src, b, &len))) b += len;
    while (e > b) {
      size_t l = PrevLength(src, e);
      if (!IsBlank(DecodeAt(src, e - l, &len))) break;
      e -= l;
    }
    if (e > b) lines.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

bool HasLetter(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    if (IsLetter(DecodeAt(s, i, &len))) return true;
    i += len;
  }
  return false;
}

// A short line that stops mid-phrase: no final punctuation and a last word
// that cannot end a phrase ("According to the criteria of").
bool IsDanglingFragment(const std::string& norm, std::string_view line, const ViewSet& dangling_words) {
  std::string_view trimmed = Trim(line);
  if (trimmed.empty()) return false;
  char last = trimmed.back();
  if (last == '.' || last == '!' || last == '?' || last == '"' || last == ':') return false;
  if (EndsWith(trimmed, "\u201D") || EndsWith(trimmed, "\u2019")) return false;
  size_t space = norm.rfind(' ');
  std::string last_word = space == std::string::npos ? norm : norm.substr(space + 1);
  int words = 1;
  for (char c : norm) words += c == ' ';
  return words <= 12 && dangling_words.count(last_word) > 0;
}

// Where each of some strings (of at least 8 bytes) occurs in a text: one
// pass over the text with an 8-byte window looked up in a small table of the
// strings' first 8 bytes, then a comparison wherever a first 8 bytes recur.
// Linear in the text for natural language, where that is rare, unlike a
// search of the whole text for each string.
class Occurrences {
 public:
  // Collects every position of `text` where the first 8 bytes of a needle
  // (each at least 8 bytes long) occur.
  Occurrences(std::string_view text, const std::vector<std::string_view>& needles) : text_(text) {
    size_t capacity = 16;
    while (capacity < 2 * needles.size()) capacity *= 2;
    table_.assign(capacity, -1);
    for (std::string_view needle : needles) {
      const uint64_t w = Window(needle.data());
      size_t i = Home(w);
      while (table_[i] >= 0 && windows_[table_[i]] != w) i = (i + 1) & (table_.size() - 1);
      if (table_[i] < 0) {
        table_[i] = static_cast<int>(windows_.size());
        windows_.push_back(w);
        positions_.emplace_back();
      }
    }
    for (size_t at = 0; at + 8 <= text.size(); ++at) {
      const int entry = Find(Window(text.data() + at));
      if (entry >= 0) positions_[entry].push_back(at);
    }
  }
  // Calls fn(position) for each occurrence of `needle` (one of those given),
  // ascending, until fn returns true.
  template <typename F>
  void ForEach(std::string_view needle, F&& fn) const {
    for (size_t at : positions_[Find(Window(needle.data()))])
      if (text_.compare(at, needle.size(), needle) == 0 && fn(at)) return;
  }

 private:
  static uint64_t Window(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  size_t Home(uint64_t w) const { return (w * 0x9E3779B97F4A7C15ULL >> 40) & (table_.size() - 1); }
  int Find(uint64_t w) const {
    for (size_t i = Home(w);; i = (i + 1) & (table_.size() - 1)) {
      if (table_[i] < 0) return -1;
      if (windows_[table_[i]] == w) return table_[i];
    }
  }
  std::string_view text_;
  std::vector<int> table_;  // open addressing: index into windows_, -1 empty
  std::vector<uint64_t> windows_;
  std::vector<std::vector<size_t>> positions_;
};

// Repeats: a line said again, or a pull-quote that repeats a passage of a
// longer line. Every kept line of 5 to 80 words is searched for in all the
// others at once; the first other line (in order) that holds it and is
// still kept drops it, unless that is a later copy of the same line (the
// later copy is the one dropped).
void DropRepeats(const std::vector<std::string>& norms, std::vector<Line>& lines,
                 std::vector<std::pair<size_t, std::string>>* dropped) {
  const int count = static_cast<int>(lines.size());
  if (count > 2000) return;  // (kept from when the search was quadratic: outputs stay as they were)
  std::string all;
  std::vector<size_t> starts;
  for (int j = 0; j < count; ++j) {
    starts.push_back(all.size());
    all += norms[j];
    all += '\x01';
  }
  auto line_at = [&](size_t offset) {
    return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin()) - 1;
  };
  // Drops line i for the occurrence of its text at `at`, if that is in
  // another kept line that is longer or an earlier copy.
  auto drop_for = [&](int i, size_t at) {
    int j = line_at(at);
    if (j == i || !lines[j].keep) return false;
    bool same = norms[j].size() == norms[i].size();
    if (same && j > i) return false;
    lines[i].keep = false;
    dropped->push_back({static_cast<size_t>(i), same ? "repeated line" : "repeated pull-quote"});
    return true;
  };
  std::vector<int> candidates;
  std::vector<std::string_view> needles;  // those of 8 bytes or more (5 words nearly always are)
  for (int i = 0; i < count; ++i) {
    if (!lines[i].keep) continue;
    size_t words = 1 + std::count(norms[i].begin(), norms[i].end(), ' ');
    if (words < 5 || words > 80) continue;
    candidates.push_back(i);
    if (norms[i].size() >= 8) needles.push_back(norms[i]);
  }
  const Occurrences occurrences(all, needles);
  for (int i : candidates) {
    if (norms[i].size() >= 8) {
      occurrences.ForEach(norms[i], [&](size_t at) { return drop_for(i, at); });
      continue;
    }
    for (size_t at = all.find(norms[i]); at != std::string::npos; at = all.find(norms[i], at + 1))
      if (drop_for(i, at)) break;
  }
}

void ClassifyLines(std::string_view src, std::vector<Line>& lines, const CleanResources& res,
                   std::vector<std::pair<size_t, std::string>>* dropped) {
  std::vector<std::string> norms;
  norms.reserve(lines.size());
  for (const Line& l : lines) norms.push_back(BoilerplateRules::NormalizeLine(src.substr(l.begin, l.end - l.begin)));
  const int count = static_cast<int>(lines.size());
  for (int i = 0; i < count; ++i) {
    std::string_view text = src.substr(lines[i].begin, lines[i].end - lines[i].begin);
    std::optional<std::string> reason;
    if (!HasLetter(text)) reason = "no text";
    else if (auto r = res.boilerplate.MatchNormalized(norms[i], {i, count})) reason = *r;
    else if (IsDanglingFragment(norms[i], text, res.dangling_words)) reason = "dangling fragment";
    if (reason) {
      lines[i].keep = false;
      dropped->push_back({static_cast<size_t>(i), *reason});
    }
  }
  DropRepeats(norms, lines, dropped);
}

const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  return icu::Normalizer2::getNFCInstance(err);
}

// Appends src[b, e) in NFC: runs that are already NFC are copied, the rest
// replaced segment by segment so offsets stay as exact as they can be.
void AppendNfc(std::string_view src, uint32_t b, uint32_t e, CleanTextBuilder* out) {
  std::string_view s = src.substr(b, e - b);
  if (IsNfc(s)) return out->Copy(src, b, e - b);
  const icu::Normalizer2* nfc = Nfc();
  uint32_t seg = b;
  auto flush = [&](uint32_t to) {
    if (to <= seg) return;
    std::string_view piece = src.substr(seg, to - seg);
    std::string n = ToNfc(piece);
    if (n == piece) out->Copy(src, seg, to - seg);
    else out->Replace(n, seg, to - seg);
    seg = to;
  };
  for (uint32_t i = b; i < e;) {
    size_t len;
    char32_t c = DecodeAt(src, i, &len);
    if (i > seg && nfc->hasBoundaryBefore(static_cast<UChar32>(c))) flush(i);
    i += static_cast<uint32_t>(len);
  }
  flush(e);
}

}  // namespace

std::vector<Paragraph> CleanDocument(Document* doc, const CleanResources& res) {
  // The text to clean: the raw input, or what the reader extracted from it.
  const bool extracted = !doc->clean.empty();
  std::string src_text = extracted ? std::move(doc->clean) : std::string();
  OffsetMap src_map = extracted ? std::move(doc->map) : OffsetMap();
  std::string_view src = extracted ? std::string_view(src_text) : std::string_view(doc->raw);
  auto to_raw = [&](uint32_t b, uint32_t e) {
    return extracted ? Span{src_map.RawBegin(b), src_map.RawEnd(e)} : Span{b, e};
  };

  std::vector<Line> lines = NonBlankLines(src);
  std::vector<std::pair<size_t, std::string>> dropped;
  ClassifyLines(src, lines, res, &dropped);
  std::sort(dropped.begin(), dropped.end());
  doc->drops.clear();
  for (auto& [i, reason] : dropped) doc->drops.push_back({to_raw(lines[i].begin, lines[i].end), reason});

  DocVocabulary vocab;
  for (const Line& l : lines)
    if (l.keep) vocab.AddText(src.substr(l.begin, l.end - l.begin));

  CleanTextBuilder builder;
  std::vector<Paragraph> paragraphs;
  doc->repairs.clear();
  for (const Line& l : lines) {
    if (!l.keep) continue;
    if (!paragraphs.empty()) builder.Insert("\n", l.begin);
    uint32_t para_begin = static_cast<uint32_t>(builder.text().size());
    std::string_view line = src.substr(l.begin, l.end - l.begin);
    uint32_t at = l.begin;
    for (size_t split : FindGlueSplits(line, res.glue, vocab)) {
      uint32_t cut = l.begin + static_cast<uint32_t>(split);
      AppendNfc(src, at, cut, &builder);
      builder.Insert(" ", cut);
      at = cut;
      // The glued run around the cut, for the repair log.
      uint32_t rb = cut, re = cut;
      ForEachLetterRun(line, [&](size_t b, size_t e) {
        if (l.begin + b < cut && cut < l.begin + e) rb = l.begin + b, re = l.begin + e;
      });
      std::string repaired(src.substr(rb, cut - rb));
      repaired += ' ';
      repaired += src.substr(cut, re - cut);
      doc->repairs.push_back({to_raw(rb, re), ToNfc(repaired)});
    }
    AppendNfc(src, at, l.end, &builder);
    paragraphs.push_back({para_begin, static_cast<uint32_t>(builder.text().size())});
  }
  builder.Finish(&doc->clean, &doc->map);
  if (extracted) doc->map = OffsetMap::Compose(doc->map, src_map);
  return paragraphs;
}

}  // namespace dyad::text
