// Event exports shared by `dyad code`, `dyad export` and GET /api/export:
//   csv     one event a line under a header (RFC 4180 quoting)
//   gdelt   the GDELT 1.0 event table's 58 columns in their order, no header;
//           what dyad does not know (tone, geography, ethnic and religious
//           codes) is left empty
//   plover  PLOVER JSON records (PLOVER manual field names), one a line
//   graphml the actor network: nodes are 6-character actor codes, edges carry
//           count and mean_goldstein
// and the per-document writers `dyad code` prints with (tsv, PLOVER JSON).
#ifndef DYAD_SERVE_EXPORT_H_
#define DYAD_SERVE_EXPORT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "coding/ontology.h"
#include "dyad/document.h"
#include "dyad/status.h"
#include "serve/api.h"

namespace dyad::serve {

// `dyad code --format tsv`: the header line and one event a line; tabs and
// line breaks inside a field become spaces.
extern const char kEventTsvHeader[];
void WriteEventTsv(std::ostream& out, const Document& doc, const Event& e);

// One PLOVER event record (PLOVER manual, "PLOVER JSON") for doc.events[index],
// which must have a PLOVER type. Fields beyond the manual's (cameo, goldstein,
// intent, date_resolved, doc, rule) are named as in `dyad code --format jsonl`.
nlohmann::ordered_json PloverJson(const Document& doc, size_t index, const coding::Ontology& ontology,
                                  const std::string& coder);

inline constexpr int kMaxExportRows = 100000;

struct ExportFile {
  std::string content_type;
  std::string extension;  // "csv", "tsv", "jsonl", "graphml"
  std::string body;
};

// Exports the stored events that match `p` (the /api/events filters; limit
// defaults to and is capped at kMaxExportRows) in `format`. `db_path` is the
// store's file, opened read-only for the PLOVER records, which need whole
// documents.
Result<ExportFile> Export(store::Database& db, const std::string& db_path, const std::string& format, Params p);

}  // namespace dyad::serve

#endif  // DYAD_SERVE_EXPORT_H_
