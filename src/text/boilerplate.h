// Boilerplate recognition: which lines of an article are not its text (ads,
// photo credits, share buttons, newsletter prompts, author bios, credits), as
// rules loaded from a data file (data/text/boilerplate.tsv, format documented
// there and in docs/text-resources.md).
#ifndef DYAD_TEXT_BOILERPLATE_H_
#define DYAD_TEXT_BOILERPLATE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::text {

class BoilerplateRules {
 public:
  static Result<BoilerplateRules> Load(const std::string& path);
  static Result<BoilerplateRules> Parse(std::string_view content, const std::string& name);

  // Where a line stands in its document: its index among the non-empty lines
  // and how many there are.
  struct Position {
    int index = 0;
    int count = 1;
  };
  // The reason a line is boilerplate, or nullopt when it is text.
  std::optional<std::string> Match(std::string_view line, Position pos) const;
  // The same for a line already passed through NormalizeLine.
  std::optional<std::string> MatchNormalized(const std::string& norm, Position pos) const;

  size_t size() const { return rules_.size(); }

  // Lowercased, white space collapsed, decoration stripped at both ends.
  static std::string NormalizeLine(std::string_view line);

 private:
  enum class Kind { kLine, kPrefix, kSuffix, kContains };
  enum class Place { kAny, kHead, kTail };
  struct Rule {
    Kind kind;
    std::vector<std::string> patterns;  // all must match
    std::string reason;
    int max_words = 0;
    Place place = Place::kAny;
  };
  bool Matches(const Rule& rule, const std::string& norm, int words, Position pos) const;

  std::vector<Rule> rules_;
};

}  // namespace dyad::text

#endif  // DYAD_TEXT_BOILERPLATE_H_
