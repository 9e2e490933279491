// A table from CAMEO code prefixes to CAMEO codes, read from a TSV data file
// (act TAB code [TAB note]; '#' starts a comment at a line's start or after
// white space) and looked up by longest prefix: the coder's negation table
// (data/verbs/negation.tsv) and intent table (data/verbs/intent.tsv). Every
// code must exist in the ontology; a malformed line, an unknown code, an act
// listed twice or a row the caller's check refuses is a DataError naming
// file and line.
#ifndef DYAD_CODING_CODE_MAP_H_
#define DYAD_CODING_CODE_MAP_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "coding/ontology.h"
#include "dyad/status.h"

namespace dyad::coding {

class CodeMap {
 public:
  // Why a row (act, code) is refused; "" accepts it.
  using RowCheck = std::function<std::string(std::string_view act, std::string_view code)>;

  static Result<CodeMap> Load(const std::string& path, const Ontology& ontology, const RowCheck& check = {});
  static Result<CodeMap> Parse(std::string_view text, const std::string& name, const Ontology& ontology,
                               const RowCheck& check = {});
  // The code for `act` by longest prefix (0361 -> 036 -> 03), or nullopt.
  std::optional<std::string> Lookup(std::string_view act) const;
  size_t size() const { return rows_.size(); }
  const std::map<std::string, std::string, std::less<>>& rows() const { return rows_; }

 private:
  std::map<std::string, std::string, std::less<>> rows_;
};

}  // namespace dyad::coding

#endif  // DYAD_CODING_CODE_MAP_H_
