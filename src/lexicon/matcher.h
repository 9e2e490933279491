// NameMatcher: finds dictionary names in a sentence's tokens, longest match
// first, in one left-to-right pass over a token trie (no per-entry regex).
//
// Every name of every entry (canonical names, aliases, demonyms, capitals and
// metonyms, agent terms and titles) is tokenized like article text and stored
// as a path of token keys. Keys are case- and accent-folded ("Díaz" and "diaz"
// meet) except for exact aliases ("alias!: US"), which match only as written.
// Hyphens are ignored on both sides, so "Díaz-Canel" matches "Díaz Canel".
#ifndef DYAD_LEXICON_MATCHER_H_
#define DYAD_LEXICON_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/string_table.h"
#include "lexicon/actor_dictionary.h"
#include "text/tokenize.h"

namespace dyad::lexicon {

// What a matched name is to its entry.
enum class MatchKind {
  kName,     // canonical name or alias of a person, org, group, media, country or region
  kDemonym,  // "Colombian", "Venezuelans"
  kMetonym,  // "Kremlin", "Caracas": stands for the country's `role`
  kTerm,     // an agent term: "army", "foreign ministry" (role)
  kTitle,    // a title: "foreign minister" (role + office)
};

struct MatchPayload {
  uint32_t entry;      // index into ActorDictionary::entries
  MatchKind kind;
  std::string role;    // metonyms, terms, titles: the role code ("GOV", "MIL")
  std::string office;  // titles: the office ("foreign_minister")
};

struct NameMatch {
  int first;  // token range [first, last)
  int last;
  std::vector<const MatchPayload*> payloads;  // every reading of the span, in dictionary order
};

class NameMatcher {
 public:
  NameMatcher() = default;
  NameMatcher(NameMatcher&&) = default;
  NameMatcher& operator=(NameMatcher&&) = default;

  static NameMatcher Build(const ActorDictionary& dict, const text::Abbreviations& abbrevs);

  // Longest matches, left to right, not overlapping; except that a name
  // starting with "the" yields to a longer name starting right after it
  // ("the West Bank" is West Bank, not "the West" and a bank).
  std::vector<NameMatch> Match(const std::vector<std::string_view>& forms) const;

  size_t patterns() const { return patterns_; }

  // The folded key of a token, as the trie stores it.
  static std::string FoldToken(std::string_view form);

 private:
  void Add(std::string_view name, bool exact, MatchPayload payload, const text::Abbreviations& abbrevs);
  uint32_t Child(uint32_t node, uint32_t token) const;
  // The id of a folded key or of an exact alias's token as written.
  uint32_t TokenId(std::string_view folded) const;
  uint32_t ExactTokenId(std::string_view form) const;

  static constexpr uint32_t kNone = UINT32_MAX;
  // Token ids, one numbering for both: folded keys, and the tokens of exact
  // aliases as written.
  StringTable token_ids_, exact_token_ids_;
  std::unordered_map<uint64_t, uint32_t> edges_;  // (node << 32 | token) -> child
  std::vector<std::vector<uint32_t>> node_payloads_;
  std::vector<MatchPayload> payloads_;
  size_t patterns_ = 0;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_MATCHER_H_
