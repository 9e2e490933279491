// The event ontology: CAMEO 1.1b3 codes (name, Goldstein score, quad class)
// and their PLOVER event types, loaded from data/ontology (docs/ontology.md).
//
// Contract: Load reads `<data_dir>/ontology/cameo.tsv` and
// `<data_dir>/ontology/cameo_plover.tsv` strictly; a malformed line is a
// Status::DataError naming the file and line. After loading, every code has a
// Goldstein score and a quad class, and every root 01..20 is present.
// PloverType applies the lookup rule of the gold files: the code's own row,
// else its 3-digit parent's, else its root's; CAMEO 01x and 02x have none.
#ifndef DYAD_CODING_ONTOLOGY_H_
#define DYAD_CODING_ONTOLOGY_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::coding {

// One CAMEO event code.
struct CameoCode {
  std::string code;            // "0332": 2, 3 or 4 digits
  std::string name;            // as the manual names it
  double goldstein = 0;        // -10 (conflict) .. +10 (cooperation)
  std::string goldstein_from;  // the code whose score this is (itself or an ancestor)
  int quad = 0;                // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  std::string root() const { return code.substr(0, 2); }
};

// One row of the CAMEO -> PLOVER table.
struct PloverMapping {
  std::string cameo;                  // the row's CAMEO code
  std::string type;                   // "AGREE"
  std::string mode;                   // "" when the table gives none
  std::vector<std::string> contexts;  // empty when the table gives none
};

class Ontology {
 public:
  // Loads the two files under `data_dir` (the folder that holds ontology/).
  static Result<Ontology> Load(const std::string& data_dir);
  // Parses the files' contents; `cameo_name`/`plover_name` label errors.
  static Result<Ontology> Parse(std::string_view cameo_tsv, const std::string& cameo_name,
                                std::string_view plover_tsv, const std::string& plover_name);

  // The code, or nullptr when CAMEO 1.1b3 has no such code.
  const CameoCode* Find(std::string_view code) const;
  // The row the lookup rule picks for `cameo` (own, 3-digit parent, root), or
  // nullptr when there is none (01x, 02x, unknown codes).
  const PloverMapping* FindPlover(std::string_view cameo) const;
  std::optional<std::string> PloverType(std::string_view cameo) const;
  // Gives `event` the code with its root, quad class, Goldstein score and
  // PLOVER type (none of them for a code CAMEO lacks).
  void SetEventCode(const std::string& code, Event* event) const;

  const std::vector<CameoCode>& codes() const { return codes_; }  // file order
  size_t plover_rows() const { return plover_.size(); }

 private:
  std::vector<CameoCode> codes_;
  std::map<std::string, size_t, std::less<>> index_;
  std::map<std::string, PloverMapping, std::less<>> plover_;
};

}  // namespace dyad::coding

#endif  // DYAD_CODING_ONTOLOGY_H_
