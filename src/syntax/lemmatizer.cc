#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>

#include "syntax/hash.h"
#include "syntax/word_features.h"

namespace dyad::syntax {
namespace {

bool IsProperTag(std::string_view xpos) { return xpos == "NNP" || xpos == "NNPS"; }

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  return common;
}

// Rule turning `form` into `lemma`: bytes to strip from the end, text to
// append. A leading '=' marks a rule for the form as written rather than its
// lowercase: a lemma that keeps the form's capital ("Colombian"/JJ) would
// otherwise be learned as "replace the whole word", a rule that rewrites
// every other word with that suffix into this one.
std::string RuleFor(std::string_view form, std::string_view lower, std::string_view lemma) {
  const size_t cased = CommonPrefix(form, lemma), common = CommonPrefix(lower, lemma);
  if (cased > common) return "=" + std::to_string(form.size() - cased) + "\t" + std::string(lemma.substr(cased));
  return std::to_string(lower.size() - common) + "\t" + std::string(lemma.substr(common));
}

// Applies `rule` to `base`, or to the form as written when the rule says '='.
bool ApplyRule(std::string_view rule, std::string_view form, std::string_view base, std::string* out) {
  const bool cased = !rule.empty() && rule[0] == '=';
  if (cased) {
    rule.remove_prefix(1);
    base = form;
  }
  size_t tab = rule.find('\t');
  if (tab == std::string_view::npos) return false;
  size_t strip = 0;
  for (char c : rule.substr(0, tab)) strip = strip * 10 + static_cast<size_t>(c - '0');
  if (strip > base.size()) return false;
  // Rules count bytes; one learned on ASCII words must not cut a character.
  if (strip < base.size() && (static_cast<unsigned char>(base[base.size() - strip]) & 0xC0) == 0x80) return false;
  *out = std::string(base.substr(0, base.size() - strip)) + std::string(rule.substr(tab + 1));
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

uint64_t Lemmatizer::DictKey(uint64_t form_hash, uint64_t xpos_hash) { return Combine(form_hash, xpos_hash); }

Lemmatizer Lemmatizer::Train(const std::vector<ConlluSentence>& sentences) {
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> dict_counts;
  std::map<std::string, std::map<std::string, int>> rule_counts;
  for (const auto& cs : sentences) {
    for (const Token& t : cs.sentence.tokens) {
      if (t.form.empty() || t.lemma.empty()) continue;
      dict_counts[{t.form, t.xpos}][t.lemma]++;
      std::string lower = AsciiLower(t.form);
      if (lower != t.form) dict_counts[{lower, t.xpos}][t.lemma]++;
      // Rules learn on the form as the lemma is cased: proper nouns keep case.
      std::string base = IsProperTag(t.xpos) ? t.form : lower;
      std::string rule = RuleFor(t.form, base, t.lemma);
      for (int k = 0; k <= kMaxSuffix && k <= static_cast<int>(lower.size()); ++k) {
        rule_counts[t.xpos + "\t" + lower.substr(lower.size() - k)][rule]++;
      }
    }
  }
  Lemmatizer lem;
  for (const auto& [key, counts] : dict_counts) lem.dict_[DictKey(HashString(key.first), HashString(key.second))] = Best(counts);
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
  lem.IndexLemmas();
  return lem;
}

std::string Lemmatizer::Lemmatize(std::string_view form, std::string_view xpos) const {
  return Lemmatize(form, HashString(form), HashString(AsciiLower(form)), xpos, HashString(xpos));
}

bool Lemmatizer::KnownLemma(std::string_view form) const { return lemmas_.count(AsciiLower(form)) > 0; }

bool Lemmatizer::Seen(std::string_view form, std::string_view xpos) const {
  return Find(DictKey(HashString(AsciiLower(form)), HashString(xpos))) != nullptr;
}

std::string Lemmatizer::Lemmatize(std::string_view form, uint64_t form_hash, uint64_t lower_hash, std::string_view xpos,
                                  uint64_t xpos_hash) const {
  if (form.empty()) return "_";
  if (const std::string* lemma = Find(DictKey(form_hash, xpos_hash))) return *lemma;
  if (const std::string* lemma = Find(DictKey(lower_hash, xpos_hash))) return *lemma;
  // A past form seen only as the other past form ("won"/VBN, known as
  // VBD): the same lemma, rather than a suffix rule's guess ("w").
  if (xpos == "VBN" || xpos == "VBD") {
    static const uint64_t kVbd = HashString("VBD"), kVbn = HashString("VBN");
    if (const std::string* lemma = Find(DictKey(lower_hash, xpos == "VBN" ? kVbd : kVbn))) return *lemma;
  }
  std::string lower = AsciiLower(form);
  // An unknown base-form verb is its own lemma: a suffix rule learned on
  // other words only damages it ("sway" had become "s").
  // So is a third-person form without its -s (a subjunctive tagged VBZ:
  // "that Venezuela publish" had become "publibe").
  if (xpos == "VB" || xpos == "VBP" || (xpos == "VBZ" && !lower.ends_with('s'))) return lower;
  std::string base = IsProperTag(xpos) ? std::string(form) : lower;
  std::string first;  // the longest suffix's rule: the answer when no rule gives a known lemma
  for (int k = std::min<int>(kMaxSuffix, static_cast<int>(lower.size())); k >= 0; --k) {
    auto it = rules_.find(std::string(xpos) + "\t" + lower.substr(lower.size() - k));
    if (it == rules_.end()) continue;
    std::string out;
    if (!ApplyRule(it->second, form, base, &out) || out.empty()) continue;
    if (lemmas_.count(AsciiLower(out))) return out;
    if (first.empty()) first = std::move(out);
  }
  // "blamed" -> "blam" (the rule of "claimed"): the "e" the suffix took.
  bool verb_form = xpos == "VBD" || xpos == "VBN" || xpos == "VBG";
  if (verb_form && !first.empty() && lemmas_.count(AsciiLower(first) + "e")) return first + "e";
  return first.empty() ? base : first;
}

const std::string* Lemmatizer::Find(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {  // keys are mixed hashes already
    const Slot& slot = slots_[i];
    if (slot.lemma == kNoLemma) return nullptr;
    if (slot.key == key) return &lemma_pool_[slot.lemma];
  }
}

void Lemmatizer::IndexLemmas() {
  lemmas_.clear();
  for (const auto& [key, lemma] : dict_) lemmas_.insert(AsciiLower(lemma));
  // At most half full, so that probes stay short and always end.
  size_t capacity = 16;
  while (capacity < 2 * dict_.size()) capacity *= 2;
  slots_.assign(capacity, Slot{});
  lemma_pool_.clear();
  std::unordered_map<std::string_view, uint32_t> pooled;  // views of dict_'s strings
  for (const auto& [key, lemma] : dict_) {
    auto [it, added] = pooled.try_emplace(lemma, static_cast<uint32_t>(lemma_pool_.size()));
    if (added) lemma_pool_.push_back(lemma);
    size_t i = key & (capacity - 1);
    while (slots_[i].lemma != kNoLemma) i = (i + 1) & (capacity - 1);
    slots_[i] = {key, it->second};
  }
}

void Lemmatizer::Write(BinaryWriter* w) const {
  std::vector<std::pair<uint64_t, std::string>> dict(dict_.begin(), dict_.end());
  std::sort(dict.begin(), dict.end());
  w->VarU(dict.size());
  for (const auto& [k, val] : dict) {
    w->U32(static_cast<uint32_t>(k));
    w->U32(static_cast<uint32_t>(k >> 32));
    w->Str(val);
  }
  auto rules = Sorted(rules_);
  w->VarU(rules.size());
  for (const auto& [k, val] : rules) {
    w->Str(k);
    w->Str(val);
  }
}

bool Lemmatizer::Read(BinaryReader* r) {
  uint64_t n;
  if (!r->VarU(&n) || n > (1u << 24)) return false;
  dict_.clear();
  dict_.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint32_t lo, hi;
    std::string v;
    if (!r->U32(&lo) || !r->U32(&hi) || !r->Str(&v)) return false;
    dict_[static_cast<uint64_t>(hi) << 32 | lo] = std::move(v);
  }
  for (auto* m : {&rules_}) {
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
  IndexLemmas();
  return true;
}

}  // namespace dyad::syntax
