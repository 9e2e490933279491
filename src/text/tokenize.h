// Tokenization in the Universal Dependencies English (EWT) convention, the one
// the parser is trained on: punctuation apart ("said," -> "said" ","),
// clitics apart ("didn't" -> "did" "n't", "Venezuela's" -> "Venezuela" "'s"),
// hyphens apart ("US-led" -> "US" "-" "led"), while words with a hyphenated
// prefix ("anti-Maduro", "re-elected", as EWT keeps them), abbreviations
// ("U.S.", "Gen."), numbers ("2,000", "3.5"), URLs and e-mail addresses stay
// whole. Abbreviations and prefixes come from data/text/abbreviations.tsv.
#ifndef DYAD_TEXT_TOKENIZE_H_
#define DYAD_TEXT_TOKENIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/status.h"

namespace dyad::text {

enum class AbbrevClass { kTitle, kMonth, kOther };

class Abbreviations {
 public:
  static Result<Abbreviations> Load(const std::string& path);
  static Result<Abbreviations> Parse(std::string_view content, const std::string& name);
  // The class of a token ending in '.', if it is an abbreviation: listed,
  // a capital initial ("J."), or letters and dots ("U.S.", "e.g.").
  std::optional<AbbrevClass> Classify(std::string_view token) const;
  // Whether a word before a hyphen is a listed prefix (any case) that stays
  // joined with the word after it.
  bool IsHyphenPrefix(std::string_view word) const;

 private:
  static constexpr size_t kMaxPrefixBytes = 16;
  std::unordered_map<std::string, AbbrevClass> entries_;
  std::unordered_set<std::string> hyphen_prefixes_;
};

// A token's byte span in the tokenized text.
struct TokenSpan {
  uint32_t begin;
  uint32_t end;
  uint32_t size() const { return end - begin; }
};

// Tokens of `text` (one line or paragraph), offsets relative to `text`.
std::vector<TokenSpan> Tokenize(std::string_view text, const Abbreviations& abbrevs);

}  // namespace dyad::text

#endif  // DYAD_TEXT_TOKENIZE_H_
