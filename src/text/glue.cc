#include "text/glue.h"

#include <algorithm>
#include <fstream>

#include "base/strings.h"

namespace dyad::text {

Status WordList::AddFile(const std::string& path) {
  std::string content;
  if (!ReadWholeFile(path, &content)) return Status::NotFound(path + ": cannot open word list");
  for (std::string_view line : SplitLines(content)) {
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (line.find('\'') != std::string_view::npos) continue;  // possessives add nothing
    Add(line);
  }
  return Status::Ok();
}

void WordList::Add(std::string_view word) {
  std::string lower = Lower(word);
  if (lower == word) lower_.Insert(lower);
  any_case_.Insert(lower);
}

bool WordList::Known(std::string_view word) const {
  // ASCII words are lowered inside the key; others go through Lower.
  const bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii && !word.empty() && word.size() <= StringTable::kInline)
    return any_case_.Find(StringTable::MakeKey(word, true)) != StringTable::kMissing;
  return any_case_.Contains(Lower(word));
}

bool WordList::Common(std::string_view lower) const { return lower_.Contains(lower); }

void DocVocabulary::AddText(std::string_view text) {
  if (counts_.empty()) counts_.reserve(text.size() / 8);
  ForEachLetterRun(text, [&](size_t b, size_t e) { ++counts_[text.substr(b, e - b)]; });
}

int DocVocabulary::Count(std::string_view run) const {
  auto it = counts_.find(run);
  return it == counts_.end() ? 0 : it->second;
}

namespace {

struct Char {
  size_t offset;
  char32_t c;
};

// Into *out (cleared), so that FindGlueSplits reuses one buffer for all runs.
void Decode(std::string_view s, std::vector<Char>* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) {
    size_t len;
    out->push_back({i, DecodeAt(s, i, &len)});
    i += len;
  }
}

bool AllLower(const std::vector<Char>& cs, size_t from) {
  for (size_t i = from; i < cs.size(); ++i)
    if (IsUpper(cs[i].c)) return false;
  return true;
}

bool HasNamePrefix(std::string_view run, const GlueResources& res) {
  for (const auto& p : res.name_prefixes)
    if (StartsWith(run, p) && run.size() > p.size()) return true;
  return false;
}

// A word the article or the word list knows, in the case it is written.
bool KnownName(std::string_view part, const GlueResources& res, const DocVocabulary& vocab) {
  return vocab.Count(part) > 0 || res.words.Known(part);
}

// "TrumpThe", "VelázquezVenezuelan": a lower-case letter followed by a capital
// that starts a lower-case word. Returns the split offset within `run`, or 0.
size_t CaseTransitionSplit(std::string_view run, const std::vector<Char>& cs, const GlueResources& res,
                           const DocVocabulary& vocab) {
  if (res.camel_words.count(run) || HasNamePrefix(run, res)) return 0;
  for (size_t i = 2; i + 1 < cs.size(); ++i) {
    if (!IsLower(cs[i - 1].c) || !IsUpper(cs[i].c) || !IsLower(cs[i + 1].c)) continue;
    std::string_view left = run.substr(0, cs[i].offset), right = run.substr(cs[i].offset);
    // The right part up to any further capital, so "TrumpTheRest" checks "The".
    size_t right_end = right.size();
    for (size_t j = i + 1; j < cs.size(); ++j)
      if (IsUpper(cs[j].c)) {
        right_end = cs[j].offset - cs[i].offset;
        break;
      }
    std::string_view right_word = right.substr(0, right_end);
    bool right_known = res.words.Known(right_word) || vocab.Count(right_word) > 0 ||
                       res.function_words.count(Lower(right_word));
    if (right_known && (KnownName(left, res, vocab) || res.function_words.count(Lower(right_word)))) {
      return cs[i].offset;
    }
  }
  return 0;
}

// "Thursdaywhile", "Putinin", "conflictwhich": an unknown run that is a known
// word or name followed by a lower-case word. Returns the split offset or 0.
size_t LowercaseGlueSplit(std::string_view run, const std::vector<Char>& cs, const GlueResources& res,
                          const DocVocabulary& vocab) {
  if (cs.size() < 5 || res.words.Known(run) || !AllLower(cs, 1)) return 0;
  bool capitalized = IsUpper(cs[0].c);
  size_t best = 0;
  bool best_is_function = false;
  for (size_t i = cs.size() - 2; i >= 2; --i) {  // right part of at least two letters
    std::string_view left = run.substr(0, cs[i].offset), right = run.substr(cs[i].offset);
    bool function = right.size() <= res.longest_function_word && res.function_words.count(right) > 0;
    bool right_ok = function || (right.size() > 3 && res.words.Common(right));
    if (!right_ok) continue;
    // A name glued to the next word needs the article to spell the name on its
    // own elsewhere, unless the next word is a long closed-class word
    // ("Thursdaywhile"): otherwise "Orban" would become "Orb an".
    bool in_vocab = vocab.Count(left) > 0;
    bool left_ok = i >= 3 && (capitalized ? (in_vocab || (function && right.size() >= 4 && res.words.Known(left)))
                                          : (function && res.words.Common(left)));
    if (!left_ok) continue;
    // Prefer a closed-class right part, then the longest left part.
    if (!best || (function && !best_is_function)) {
      best = cs[i].offset;
      best_is_function = function;
    }
  }
  return best;
}

}  // namespace

std::vector<size_t> FindGlueSplits(std::string_view line, const GlueResources& res, const DocVocabulary& vocab) {
  std::vector<size_t> splits;
  std::vector<Char> cs;
  ForEachLetterRun(line, [&](size_t b, size_t e) {
    if (e - b < 5) return;
    std::string_view run = line.substr(b, e - b);
    Decode(run, &cs);
    size_t at = CaseTransitionSplit(run, cs, res, vocab);
    if (!at) at = LowercaseGlueSplit(run, cs, res, vocab);
    if (at) splits.push_back(b + at);
  });
  return splits;
}

}  // namespace dyad::text
