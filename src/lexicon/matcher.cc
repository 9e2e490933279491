#include "lexicon/matcher.h"

#include "text/utf8.h"

namespace dyad::lexicon {
namespace {

bool IsHyphen(std::string_view form) { return form == "-" || form == "\u2010" || form == "\u2011"; }


}  // namespace

std::string NameMatcher::FoldToken(std::string_view form) {
  std::string key = text::FoldKey(form);
  // Typographic apostrophes fold to ASCII ("’s" and "'s" meet).
  constexpr std::string_view kTypographic = "\u2019";
  if (key.find(kTypographic) == std::string::npos) return key;
  std::string out;
  for (size_t i = 0; i < key.size();) {
    const bool apostrophe = key.compare(i, kTypographic.size(), kTypographic) == 0;
    out += apostrophe ? '\'' : key[i];
    i += apostrophe ? kTypographic.size() : 1;
  }
  return out;
}

uint32_t NameMatcher::TokenId(std::string_view folded) const {
  static_assert(kNone == StringTable::kMissing);
  return token_ids_.Find(folded);
}

uint32_t NameMatcher::ExactTokenId(std::string_view form) const { return exact_token_ids_.Find(form); }

uint32_t NameMatcher::Child(uint32_t node, uint32_t token) const {
  if (token == kNone) return kNone;
  auto it = edges_.find((static_cast<uint64_t>(node) << 32) | token);
  return it == edges_.end() ? kNone : it->second;
}

void NameMatcher::Add(std::string_view name, bool exact, MatchPayload payload, const text::Abbreviations& abbrevs) {
  if (node_payloads_.empty()) node_payloads_.emplace_back();  // the root
  uint32_t node = 0;
  bool any = false;
  for (const auto& span : text::Tokenize(name, abbrevs)) {
    std::string_view form = name.substr(span.begin, span.size());
    if (IsHyphen(form)) continue;
    const auto next_id = static_cast<uint32_t>(token_ids_.size() + exact_token_ids_.size());
    const uint32_t tok = exact ? exact_token_ids_.Insert(form, next_id) : token_ids_.Insert(FoldToken(form), next_id);
    uint64_t edge = (static_cast<uint64_t>(node) << 32) | tok;
    auto it = edges_.find(edge);
    if (it == edges_.end()) {
      it = edges_.emplace(edge, static_cast<uint32_t>(node_payloads_.size())).first;
      node_payloads_.emplace_back();
    }
    node = it->second;
    any = true;
  }
  if (!any) return;
  // One payload per (entry, kind, role, office) at a node.
  for (uint32_t p : node_payloads_[node]) {
    const MatchPayload& q = payloads_[p];
    if (q.entry == payload.entry && q.kind == payload.kind && q.role == payload.role && q.office == payload.office)
      return;
  }
  node_payloads_[node].push_back(static_cast<uint32_t>(payloads_.size()));
  payloads_.push_back(std::move(payload));
  ++patterns_;
}

NameMatcher NameMatcher::Build(const ActorDictionary& dict, const text::Abbreviations& abbrevs) {
  NameMatcher m;
  m.node_payloads_.emplace_back();
  for (uint32_t i = 0; i < dict.entries.size(); ++i) {
    const ActorEntry& e = dict.entries[i];
    if (e.kind == EntryKind::kAgent) {
      for (const auto& t : e.terms) m.Add(t, false, {i, MatchKind::kTerm, e.code, ""}, abbrevs);
      for (const auto& t : e.titles) m.Add(t.text, false, {i, MatchKind::kTitle, e.code, t.office}, abbrevs);
      continue;
    }
    m.Add(e.name, false, {i, MatchKind::kName, "", ""}, abbrevs);
    for (const auto& a : e.aliases) m.Add(a.text, a.exact, {i, MatchKind::kName, "", ""}, abbrevs);
    for (const auto& d : e.demonyms) m.Add(d, false, {i, MatchKind::kDemonym, "", ""}, abbrevs);
    for (const auto& mt : e.metonyms) m.Add(mt.text, false, {i, MatchKind::kMetonym, mt.role, ""}, abbrevs);
    for (const auto& t : e.titles) m.Add(t.text, false, {i, MatchKind::kTitle, "GOV", t.office}, abbrevs);
  }
  return m;
}

std::vector<NameMatch> NameMatcher::Match(const std::vector<std::string_view>& forms) const {
  const int n = static_cast<int>(forms.size());
  std::vector<uint32_t> folded(n), exact(n);
  std::vector<bool> hyphen(n);
  for (int i = 0; i < n; ++i) {
    hyphen[i] = IsHyphen(forms[i]);
    folded[i] = TokenId(FoldToken(forms[i]));
    exact[i] = ExactTokenId(forms[i]);
  }
  const uint32_t the = TokenId("the");
  std::vector<NameMatch> out;
  std::vector<uint32_t> frontier, next, best_nodes, ahead_nodes;
  // The end of the longest name starting at token i (-1: none), and its trie nodes.
  auto longest_at = [&](int i, std::vector<uint32_t>* nodes) {
    int best_end = -1;
    frontier.assign(1, 0);
    for (int j = i; j < n && !frontier.empty(); ++j) {
      if (hyphen[j]) continue;  // "Díaz-Canel" == "Díaz Canel"
      next.clear();
      for (uint32_t node : frontier) {
        for (uint32_t tok : {folded[j], exact[j]}) {
          uint32_t child = Child(node, tok);
          if (child != kNone) next.push_back(child);
        }
      }
      frontier.swap(next);
      std::vector<uint32_t> with_payload;
      for (uint32_t node : frontier)
        if (!node_payloads_[node].empty()) with_payload.push_back(node);
      if (!with_payload.empty()) {
        best_end = j + 1;
        *nodes = std::move(with_payload);
      }
    }
    return best_end;
  };
  for (int i = 0; i < n;) {
    if (hyphen[i] || (folded[i] == kNone && exact[i] == kNone)) {
      ++i;
      continue;
    }
    const int best_end = longest_at(i, &best_nodes);
    // "the West Bank": a name that starts with the article ("the West")
    // yields to a longer one right after the article.
    if (best_end < 0 || (the != kNone && folded[i] == the && i + 1 < n && longest_at(i + 1, &ahead_nodes) > best_end)) {
      ++i;
      continue;
    }
    NameMatch m{i, best_end, {}};
    for (uint32_t node : best_nodes)
      for (uint32_t p : node_payloads_[node]) m.payloads.push_back(&payloads_[p]);
    out.push_back(std::move(m));
    i = best_end;
  }
  return out;
}

}  // namespace dyad::lexicon
