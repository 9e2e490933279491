// Tokenization in the Universal Dependencies English (EWT) convention, the one
// the parser is trained on: punctuation apart ("said," -> "said" ","),
// clitics apart ("didn't" -> "did" "n't", "Venezuela's" -> "Venezuela" "'s"),
// hyphens apart ("anti-Maduro" -> "anti" "-" "Maduro"), while abbreviations
// ("U.S.", "Gen."), numbers ("2,000", "3.5"), URLs and e-mail addresses stay
// whole. Abbreviations come from data/text/abbreviations.tsv.
#ifndef DYAD_TEXT_TOKENIZE_H_
#define DYAD_TEXT_TOKENIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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

 private:
  std::unordered_map<std::string, AbbrevClass> entries_;
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
