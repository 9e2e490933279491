#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>

#include "syntax/word_features.h"

namespace dyad::syntax {
namespace {

bool IsProperTag(std::string_view xpos) { return xpos == "NNP" || xpos == "NNPS"; }

// Rule turning `form` into `lemma`: bytes to strip from the end, text to append.
std::string RuleFor(std::string_view form, std::string_view lemma) {
  size_t common = 0;
  while (common < form.size() && common < lemma.size() && form[common] == lemma[common]) ++common;
  return std::to_string(form.size() - common) + "\t" + std::string(lemma.substr(common));
}

bool ApplyRule(std::string_view rule, std::string_view form, std::string* out) {
  size_t tab = rule.find('\t');
  if (tab == std::string_view::npos) return false;
  size_t strip = 0;
  for (char c : rule.substr(0, tab)) strip = strip * 10 + static_cast<size_t>(c - '0');
  if (strip > form.size()) return false;
  *out = std::string(form.substr(0, form.size() - strip)) + std::string(rule.substr(tab + 1));
  return true;
}

// The most frequent value; ties broken by the smaller string, for determinism.
std::string Best(const std::map<std::string, int>& counts) {
  const std::pair<const std::string, int>* best = nullptr;
  for (const auto& kv : counts)
    if (!best || kv.second > best->second) best = &kv;
  return best ? best->first : "";
}

template <typename Map>
std::vector<std::pair<std::string, std::string>> Sorted(const Map& m) {
  std::vector<std::pair<std::string, std::string>> v(m.begin(), m.end());
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

Lemmatizer Lemmatizer::Train(const std::vector<ConlluSentence>& sentences) {
  std::map<std::string, std::map<std::string, int>> dict_counts, rule_counts;
  for (const auto& cs : sentences) {
    for (const Token& t : cs.sentence.tokens) {
      if (t.form.empty() || t.lemma.empty()) continue;
      dict_counts[t.form + "\t" + t.xpos][t.lemma]++;
      std::string lower = AsciiLower(t.form);
      if (lower != t.form) dict_counts[lower + "\t" + t.xpos][t.lemma]++;
      // Rules learn on the form as the lemma is cased: proper nouns keep case.
      std::string base = IsProperTag(t.xpos) ? t.form : lower;
      std::string rule = RuleFor(base, t.lemma);
      for (int k = 0; k <= kMaxSuffix && k <= static_cast<int>(lower.size()); ++k) {
        rule_counts[t.xpos + "\t" + lower.substr(lower.size() - k)][rule]++;
      }
    }
  }
  Lemmatizer lem;
  for (const auto& [key, counts] : dict_counts) lem.dict_[key] = Best(counts);
  // Keep a suffix rule only where it differs from its one-shorter suffix's rule:
  // lookup takes the longest stored suffix, so the rest add nothing.
  for (const auto& [key, counts] : rule_counts) {
    std::string best = Best(counts);
    size_t tab = key.find('\t');
    std::string suffix = key.substr(tab + 1);
    if (!suffix.empty()) {
      auto parent = rule_counts.find(key.substr(0, tab + 1) + suffix.substr(1));
      if (parent != rule_counts.end() && Best(parent->second) == best) continue;
    }
    lem.rules_[key] = best;
  }
  return lem;
}

std::string Lemmatizer::Lemmatize(std::string_view form, std::string_view xpos) const {
  if (form.empty()) return "_";
  std::string key = std::string(form) + "\t" + std::string(xpos);
  if (auto it = dict_.find(key); it != dict_.end()) return it->second;
  std::string lower = AsciiLower(form);
  if (auto it = dict_.find(lower + "\t" + std::string(xpos)); it != dict_.end()) return it->second;
  std::string base = IsProperTag(xpos) ? std::string(form) : lower;
  for (int k = std::min<int>(kMaxSuffix, static_cast<int>(lower.size())); k >= 0; --k) {
    auto it = rules_.find(std::string(xpos) + "\t" + lower.substr(lower.size() - k));
    if (it == rules_.end()) continue;
    std::string out;
    if (ApplyRule(it->second, base, &out) && !out.empty()) return out;
  }
  return base;
}

void Lemmatizer::Write(BinaryWriter* w) const {
  for (const auto* m : {&dict_, &rules_}) {
    auto v = Sorted(*m);
    w->VarU(v.size());
    for (const auto& [k, val] : v) {
      w->Str(k);
      w->Str(val);
    }
  }
}

bool Lemmatizer::Read(BinaryReader* r) {
  for (auto* m : {&dict_, &rules_}) {
    uint64_t n;
    if (!r->VarU(&n) || n > (1u << 24)) return false;
    m->clear();
    m->reserve(n);
    for (uint64_t i = 0; i < n; ++i) {
      std::string k, v;
      if (!r->Str(&k) || !r->Str(&v)) return false;
      (*m)[std::move(k)] = std::move(v);
    }
  }
  return true;
}

}  // namespace dyad::syntax
