// dyad::serve API: the queries behind `dyad serve` (docs/api.md), as plain
// functions over a read-only store::Database that return JSON. They know
// nothing of HTTP, so they are tested without a server. Every value from a
// request is bound as an SQL parameter, never spliced into the SQL text.
#ifndef DYAD_SERVE_API_H_
#define DYAD_SERVE_API_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "store/sqlite.h"

namespace dyad::serve {

using Params = std::map<std::string, std::string>;  // query parameters

inline constexpr int kDefaultLimit = 100;
inline constexpr int kMaxLimit = 1000;

// limit/offset from the parameters: default 100, capped at 1000; an invalid
// number is an InvalidArgument.
Result<int> LimitParam(const Params& p, int default_limit = kDefaultLimit, int max_limit = kMaxLimit);
Result<int> OffsetParam(const Params& p);
// `limit` and `offset` together, as the list endpoints page.
struct Page {
  int limit;
  int offset;
};
Result<Page> PageParams(const Params& p, int max_limit = kMaxLimit);

// The filters of /api/events and /api/export.
struct EventFilter {
  std::string actor;   // a name or code prefix, either side
  std::string source;  // code prefixes
  std::string target;
  std::string root;    // CAMEO root, "04"
  std::string plover;  // PLOVER type, "AGREE"
  std::string from;    // YYYY-MM-DD, inclusive
  std::string to;
  std::string doc;     // document id
  int limit = kDefaultLimit;
  int offset = 0;
};
Result<EventFilter> ParseEventFilter(const Params& p, int max_limit = kMaxLimit);

// One stored event with what the API and the exports show of it.
struct EventRow {
  std::string doc;   // document id
  int64_t doc_key = 0;
  int idx = 0;
  std::string date;  // event date, or the publication date standing in; "" unknown
  bool date_resolved = false;
  std::string source, target, source_actor, target_actor;
  std::string source_kind, target_kind, source_country, target_country;
  std::string cameo, root, plover, rule, sentence_text, url, doc_date, ingested_at;
  int quad_class = 0;
  double goldstein = 0;
  bool intent = false;
  int sentence = 0;
  int source_actor_idx = -1, target_actor_idx = -1, predicate = -1;
  int64_t sentence_begin = 0, evidence_begin = 0, evidence_end = 0, trigger_begin = 0, trigger_end = 0;
};
Result<std::vector<EventRow>> QueryEvents(store::Database& db, const EventFilter& f);
nlohmann::json EventRowJson(const EventRow& e);
// The row event `i` of a processed (not necessarily stored) document would
// read back as, so that freshly coded events show exactly as stored ones.
EventRow EventRowOf(const Document& doc, size_t i);

Result<nlohmann::json> Stats(store::Database& db);
Result<nlohmann::json> Documents(store::Database& db, const Params& p);
Result<nlohmann::json> DocumentDetail(store::Database& db, const std::string& id);  // NotFound when absent
Result<nlohmann::json> Actors(store::Database& db, const Params& p);
Result<nlohmann::json> ActorDetail(store::Database& db, const std::string& name);
Result<nlohmann::json> Events(store::Database& db, const Params& p);
Result<nlohmann::json> EventDetail(store::Database& db, const std::string& doc, int idx);
Result<nlohmann::json> Dyads(store::Database& db, const Params& p);
Result<nlohmann::json> Network(store::Database& db, const Params& p);
Result<nlohmann::json> Timeline(store::Database& db, const Params& p);
Result<nlohmann::json> Quotes(store::Database& db, const Params& p);
Result<nlohmann::json> Search(store::Database& db, const Params& p);

}  // namespace dyad::serve

#endif  // DYAD_SERVE_API_H_
