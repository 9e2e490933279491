// A table from CAMEO code prefixes to CAMEO codes, read from a TSV data file
// (act TAB code TAB note; '#' comments) and looked up by longest prefix: the
// coder's negation table (data/verbs/negation.tsv) is one. Every code must
// exist in the ontology; a malformed line is a DataError naming file and line.
#ifndef DYAD_CODING_CODE_MAP_H_
#define DYAD_CODING_CODE_MAP_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "coding/ontology.h"
#include "dyad/status.h"

namespace dyad::coding {

class CodeMap {
 public:
  static Result<CodeMap> Load(const std::string& path, const Ontology& ontology);
  static Result<CodeMap> Parse(std::string_view text, const std::string& name, const Ontology& ontology);
  // The code for `act` by longest prefix (0361 -> 036 -> 03), or nullopt.
  std::optional<std::string> Lookup(std::string_view act) const;
  size_t size() const { return rows_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> rows_;
};

}  // namespace dyad::coding

#endif  // DYAD_CODING_CODE_MAP_H_
