#include "serve/api.h"

#include <algorithm>
#include <charconv>
#include <variant>

namespace dyad::serve {
namespace {

using json = nlohmann::json;
using Arg = std::variant<std::string, int64_t, double>;

std::string Get(const Params& p, const std::string& key) {
  auto it = p.find(key);
  return it == p.end() ? std::string() : it->second;
}

// Prepares `sql` and binds `args` in order (1-based).
Result<store::Statement> Bound(store::Database& db, const std::string& sql, const std::vector<Arg>& args) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < args.size(); ++i) {
    int n = static_cast<int>(i) + 1;
    if (auto* s = std::get_if<std::string>(&args[i])) st->Bind(n, std::string_view(*s));
    else if (auto* v = std::get_if<int64_t>(&args[i])) st->Bind(n, *v);
    else st->BindDouble(n, std::get<double>(args[i]));
  }
  return std::move(*st);
}

// Runs `sql` and calls `row` for each result row.
template <typename F>
Status ForEach(store::Database& db, const std::string& sql, const std::vector<Arg>& args, F row) {
  auto st = Bound(db, sql, args);
  if (!st.ok()) return st.status();
  return st->ForEachRow(row);
}

json TextOrNull(const store::Statement& st, int col) { return st.IsNull(col) ? json(nullptr) : json(st.Text(col)); }

bool ValidDate(const std::string& s) { return s.empty() || Date::Parse(s).has_value(); }

// A prefix test that needs no LIKE (so % and _ in a parameter are literal).
std::string PrefixOf(const std::string& column) { return "substr(" + column + ", 1, length(?)) = ?"; }

// The SQL expression for the period of an event date.
Result<std::string> PeriodExpr(const Params& p, const std::string& date_column) {
  std::string interval = Get(p, "interval");
  if (interval.empty() || interval == "month") return "substr(" + date_column + ", 1, 7)";
  if (interval == "week") return "strftime('%Y-W%W', " + date_column + ")";
  if (interval == "day") return date_column;
  return Status::InvalidArgument("interval must be week or month");
}

constexpr const char* kEventDate = "COALESCE(e.event_date, d.date)";

}  // namespace

Result<int> LimitParam(const Params& p, int default_limit, int max_limit) {
  std::string s = Get(p, "limit");
  if (s.empty()) return std::min(default_limit, max_limit);
  long long v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc::result_out_of_range) return max_limit;
  if (ec != std::errc() || ptr != s.data() + s.size() || v < 0) return Status::InvalidArgument("limit must be a number >= 0");
  return static_cast<int>(std::min<long long>(v, max_limit));
}

Result<int> OffsetParam(const Params& p) {
  std::string s = Get(p, "offset");
  if (s.empty()) return 0;
  int v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v < 0) return Status::InvalidArgument("offset must be a number >= 0");
  return v;
}

Result<Page> PageParams(const Params& p, int max_limit) {
  auto limit = LimitParam(p, kDefaultLimit, max_limit);
  if (!limit.ok()) return limit.status();
  auto offset = OffsetParam(p);
  if (!offset.ok()) return offset.status();
  return Page{*limit, *offset};
}

Result<EventFilter> ParseEventFilter(const Params& p, int max_limit) {
  EventFilter f;
  f.actor = Get(p, "actor");
  f.source = Get(p, "source");
  f.target = Get(p, "target");
  f.root = Get(p, "root");
  f.plover = Get(p, "plover");
  f.from = Get(p, "from");
  f.to = Get(p, "to");
  f.doc = Get(p, "doc");
  if (!ValidDate(f.from) || !ValidDate(f.to)) return Status::InvalidArgument("from and to must be YYYY-MM-DD");
  auto page = PageParams(p, max_limit);
  if (!page.ok()) return page.status();
  f.limit = page->limit;
  f.offset = page->offset;
  return f;
}

// The WHERE clause shared by the event queries (events e, documents d,
// actors sa/ta); appends the bound values to *args.
static std::string EventWhere(const EventFilter& f, std::vector<Arg>* args) {
  std::string w = " WHERE 1";
  if (!f.actor.empty()) {
    w += " AND (" + PrefixOf("e.source") + " OR " + PrefixOf("e.target") + " OR sa.name = ? OR ta.name = ?)";
    for (int i = 0; i < 6; ++i) args->push_back(f.actor);
  }
  if (!f.source.empty()) {
    w += " AND " + PrefixOf("e.source");
    args->insert(args->end(), {f.source, f.source});
  }
  if (!f.target.empty()) {
    w += " AND " + PrefixOf("e.target");
    args->insert(args->end(), {f.target, f.target});
  }
  if (!f.root.empty()) {
    w += " AND e.root = ?";
    args->push_back(f.root);
  }
  if (!f.plover.empty()) {
    w += " AND e.plover = ?";
    args->push_back(f.plover);
  }
  if (!f.from.empty()) {
    w += std::string(" AND ") + kEventDate + " >= ?";
    args->push_back(f.from);
  }
  if (!f.to.empty()) {
    w += std::string(" AND ") + kEventDate + " <= ?";
    args->push_back(f.to);
  }
  if (!f.doc.empty()) {
    w += " AND d.id = ?";
    args->push_back(f.doc);
  }
  return w;
}

static constexpr const char* kEventFrom =
    " FROM events e JOIN documents d ON d.doc = e.doc"
    " LEFT JOIN actors sa ON sa.doc = e.doc AND sa.idx = e.source_actor"
    " LEFT JOIN actors ta ON ta.doc = e.doc AND ta.idx = e.target_actor";

Result<std::vector<EventRow>> QueryEvents(store::Database& db, const EventFilter& f) {
  std::vector<Arg> args;
  std::string sql =
      std::string("SELECT d.id, d.doc, e.idx, ") + kEventDate +
      ", e.date_resolved, e.source, e.target, COALESCE(sa.name, ''), COALESCE(ta.name, ''),"
      " COALESCE(sa.kind, ''), COALESCE(ta.kind, ''), COALESCE(sa.country, ''), COALESCE(ta.country, ''),"
      " e.cameo, e.root, e.plover, e.rule, COALESCE(s.text, ''), d.url, d.date, d.ingested_at, e.quad_class,"
      " e.goldstein, e.intent, e.sentence, COALESCE(e.source_actor, -1), COALESCE(e.target_actor, -1), e.predicate,"
      " COALESCE(s.raw_begin, 0), e.evidence_begin, e.evidence_end, e.trigger_begin, e.trigger_end" +
      kEventFrom + " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence" + EventWhere(f, &args) +
      " ORDER BY " + kEventDate + ", d.id, e.idx LIMIT ? OFFSET ?";
  args.push_back(int64_t{f.limit});
  args.push_back(int64_t{f.offset});
  std::vector<EventRow> out;
  Status s = ForEach(db, sql, args, [&](const store::Statement& st) {
    EventRow e;
    e.doc = st.Text(0);
    e.doc_key = st.Int(1);
    e.idx = static_cast<int>(st.Int(2));
    e.date = st.Text(3);
    e.date_resolved = st.Int(4) != 0;
    e.source = st.Text(5);
    e.target = st.Text(6);
    e.source_actor = st.Text(7);
    e.target_actor = st.Text(8);
    e.source_kind = st.Text(9);
    e.target_kind = st.Text(10);
    e.source_country = st.Text(11);
    e.target_country = st.Text(12);
    e.cameo = st.Text(13);
    e.root = st.Text(14);
    e.plover = st.Text(15);
    e.rule = st.Text(16);
    e.sentence_text = st.Text(17);
    e.url = st.Text(18);
    e.doc_date = st.Text(19);
    e.ingested_at = st.Text(20);
    e.quad_class = static_cast<int>(st.Int(21));
    e.goldstein = st.Double(22);
    e.intent = st.Int(23) != 0;
    e.sentence = static_cast<int>(st.Int(24));
    e.source_actor_idx = static_cast<int>(st.Int(25));
    e.target_actor_idx = static_cast<int>(st.Int(26));
    e.predicate = static_cast<int>(st.Int(27));
    e.sentence_begin = st.Int(28);
    e.evidence_begin = st.Int(29);
    e.evidence_end = st.Int(30);
    e.trigger_begin = st.Int(31);
    e.trigger_end = st.Int(32);
    out.push_back(std::move(e));
  });
  if (!s.ok()) return s;
  return out;
}

EventRow EventRowOf(const Document& doc, size_t i) {
  const Event& e = doc.events[i];
  auto actor = [&](int a) { return a >= 0 ? doc.actors[a].name : std::string(); };
  EventRow r;
  r.doc = doc.id;
  r.idx = static_cast<int>(i);
  r.date = e.event_date ? e.event_date->ToString() : (doc.date ? doc.date->ToString() : "");
  r.date_resolved = e.date_resolved;
  r.source = e.source;
  r.target = e.target;
  r.source_actor = actor(e.source_actor);
  r.target_actor = actor(e.target_actor);
  r.source_actor_idx = e.source_actor;
  r.target_actor_idx = e.target_actor;
  r.cameo = e.cameo;
  r.root = e.root;
  r.plover = e.plover;
  r.rule = e.rule;
  r.sentence = e.sentence;
  r.sentence_text = doc.sentences[e.sentence].text;
  r.quad_class = e.quad_class;
  r.goldstein = e.goldstein;
  r.intent = e.intent;
  r.predicate = e.predicate;
  r.evidence_begin = e.evidence.begin;
  r.evidence_end = e.evidence.end;
  r.trigger_begin = e.trigger.begin;
  r.trigger_end = e.trigger.end;
  return r;
}

json EventRowJson(const EventRow& e) {
  return {{"id", e.doc + ":" + std::to_string(e.idx)},
          {"doc", e.doc},
          {"date", e.date.empty() ? json(nullptr) : json(e.date)},
          {"date_resolved", e.date_resolved},
          {"source", e.source},
          {"target", e.target},
          {"source_actor", e.source_actor},
          {"target_actor", e.target_actor},
          {"cameo", e.cameo},
          {"root", e.root},
          {"quad_class", e.quad_class},
          {"goldstein", e.goldstein},
          {"plover", e.plover.empty() ? json(nullptr) : json(e.plover)},
          {"intent", e.intent},
          {"sentence", e.sentence_text},
          {"rule", e.rule}};
}

Result<json> Stats(store::Database& db) {
  json j;
  Status s = ForEach(db,
                     "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM sentences),"
                     " (SELECT COUNT(*) FROM events), (SELECT COUNT(DISTINCT name) FROM actors),"
                     " (SELECT COUNT(*) FROM quotes), (SELECT MIN(date) FROM documents), (SELECT MAX(date) FROM documents)",
                     {}, [&](const store::Statement& st) {
                       j = {{"documents", st.Int(0)}, {"sentences", st.Int(1)}, {"events", st.Int(2)},
                            {"actors", st.Int(3)},    {"quotes", st.Int(4)},    {"first_date", TextOrNull(st, 5)},
                            {"last_date", TextOrNull(st, 6)}};
                     });
  if (!s.ok()) return s;
  return j;
}

Result<json> Documents(store::Database& db, const Params& p) {
  auto page = PageParams(p);
  if (!page.ok()) return page.status();
  std::vector<Arg> args;
  std::string sql =
      "SELECT d.id, d.title, d.date, d.source, d.url, d.n_sentences,"
      " (SELECT COUNT(*) FROM events e WHERE e.doc = d.doc), d.date_approx FROM documents d";
  std::string q = Get(p, "q");
  if (!q.empty()) {
    sql += " WHERE instr(lower(d.title), lower(?)) > 0 OR instr(lower(d.id), lower(?)) > 0";
    args.insert(args.end(), {q, q});
  }
  sql += " ORDER BY d.date DESC, d.id LIMIT ? OFFSET ?";
  args.insert(args.end(), {int64_t{page->limit}, int64_t{page->offset}});
  json out = json::array();
  Status s = ForEach(db, sql, args, [&](const store::Statement& st) {
    out.push_back({{"id", st.Text(0)}, {"title", st.Text(1)}, {"date", TextOrNull(st, 2)}, {"source", st.Text(3)},
                   {"url", st.Text(4)}, {"sentences", st.Int(5)}, {"events", st.Int(6)},
                   {"date_approx", TextOrNull(st, 7)}});
  });
  if (!s.ok()) return s;
  return out;
}

static Result<json> QuotesWhere(store::Database& db, const std::string& where, const std::vector<Arg>& args_in,
                                int limit) {
  std::vector<Arg> args = args_in;
  std::string sql =
      "SELECT d.id, q.speaker, COALESCE(a.name, ''), CAST(substr(d.raw, q.raw_begin + 1, q.raw_end - q.raw_begin) AS TEXT),"
      " COALESCE(s.text, ''), q.idx, q.rule FROM quotes q JOIN documents d ON d.doc = q.doc"
      " LEFT JOIN actors a ON a.doc = q.doc AND a.idx = q.speaker_actor"
      " LEFT JOIN sentences s ON s.doc = q.doc AND s.idx = q.first_sentence" +
      where + " ORDER BY d.date, d.id, q.idx LIMIT ?";
  args.push_back(int64_t{limit});
  json out = json::array();
  Status s = ForEach(db, sql, args, [&](const store::Statement& st) {
    out.push_back({{"doc", st.Text(0)}, {"speaker", st.Text(1)}, {"speaker_name", st.Text(2)}, {"quote", st.Text(3)},
                   {"sentence", st.Text(4)}});
  });
  if (!s.ok()) return s;
  return out;
}

Result<json> DocumentDetail(store::Database& db, const std::string& id) {
  json j;
  int64_t key = -1;
  Status s = ForEach(db, "SELECT doc, id, title, date, url, source, date_approx FROM documents WHERE id = ?", {id},
                     [&](const store::Statement& st) {
                       key = st.Int(0);
                       j = {{"id", st.Text(1)}, {"title", st.Text(2)}, {"date", TextOrNull(st, 3)},
                            {"url", st.Text(4)}, {"source", st.Text(5)}, {"date_approx", TextOrNull(st, 6)}};
                     });
  if (!s.ok()) return s;
  if (key < 0) return Status::NotFound("no document '" + id + "'");
  json sentences = json::array();
  s = ForEach(db, "SELECT idx, text, raw_begin, raw_end FROM sentences WHERE doc = ? ORDER BY idx", {key},
              [&](const store::Statement& st) {
                sentences.push_back({{"idx", st.Int(0)}, {"text", st.Text(1)}, {"begin", st.Int(2)}, {"end", st.Int(3)}});
              });
  if (!s.ok()) return s;
  json mentions = json::array();
  s = ForEach(db,
              "SELECT m.sent, m.text, m.raw_begin, m.raw_end, COALESCE(a.name, ''), m.code, m.how FROM mentions m"
              " LEFT JOIN actors a ON a.doc = m.doc AND a.idx = m.actor WHERE m.doc = ? ORDER BY m.idx",
              {key}, [&](const store::Statement& st) {
                mentions.push_back({{"sentence", st.Int(0)}, {"text", st.Text(1)}, {"begin", st.Int(2)},
                                    {"end", st.Int(3)}, {"actor", st.Text(4)}, {"code", st.Text(5)}, {"how", st.Text(6)}});
              });
  if (!s.ok()) return s;
  EventFilter f;
  f.doc = id;
  f.limit = 100000;  // a document's own events are few
  auto events = QueryEvents(db, f);
  if (!events.ok()) return events.status();
  json ev = json::array();
  for (const auto& e : *events) ev.push_back(EventRowJson(e));
  auto quotes = QuotesWhere(db, " WHERE q.doc = ?", {key}, 100000);
  if (!quotes.ok()) return quotes.status();
  j["sentences"] = std::move(sentences);
  j["mentions"] = std::move(mentions);
  j["events"] = std::move(ev);
  j["quotes"] = std::move(*quotes);
  return j;
}

Result<json> Actors(store::Database& db, const Params& p) {
  auto page = PageParams(p);
  if (!page.ok()) return page.status();
  std::vector<Arg> args;
  // One row per canonical name: its most frequent kind and code.
  std::string sql =
      "SELECT a.name, MAX(a.kind), (SELECT m2.code FROM mentions m2 JOIN actors a2 ON a2.doc = m2.doc AND"
      " a2.idx = m2.actor WHERE a2.name = a.name GROUP BY m2.code ORDER BY COUNT(*) DESC LIMIT 1),"
      " COUNT(m.idx), COUNT(DISTINCT m.doc) FROM actors a JOIN mentions m ON m.doc = a.doc AND m.actor = a.idx";
  std::string q = Get(p, "q");
  if (!q.empty()) {
    sql += " WHERE instr(lower(a.name), lower(?)) > 0 OR " + PrefixOf("a.code");
    args.insert(args.end(), {q, q, q});
  }
  sql += " GROUP BY a.name ORDER BY COUNT(m.idx) DESC, a.name LIMIT ? OFFSET ?";
  args.insert(args.end(), {int64_t{page->limit}, int64_t{page->offset}});
  json out = json::array();
  Status s = ForEach(db, sql, args, [&](const store::Statement& st) {
    out.push_back({{"name", st.Text(0)}, {"kind", st.Text(1)}, {"code", st.Text(2)}, {"mentions", st.Int(3)},
                   {"documents", st.Int(4)}});
  });
  if (!s.ok()) return s;
  return out;
}

Result<json> ActorDetail(store::Database& db, const std::string& name) {
  json j = {{"name", name}};
  bool found = false;
  Status s = ForEach(db,
                     "SELECT MAX(a.kind), COUNT(m.idx), COUNT(DISTINCT a.doc) FROM actors a"
                     " LEFT JOIN mentions m ON m.doc = a.doc AND m.actor = a.idx WHERE a.name = ? GROUP BY a.name",
                     {name}, [&](const store::Statement& st) {
                       found = true;
                       j["kind"] = st.Text(0);
                       j["mentions"] = st.Int(1);
                       j["documents"] = st.Int(2);
                     });
  if (!s.ok()) return s;
  if (!found) return Status::NotFound("no actor '" + name + "'");
  json codes = json::array();
  s = ForEach(db,
              "SELECT m.code, MIN(d.date), MAX(d.date), COUNT(*) FROM mentions m JOIN actors a ON a.doc = m.doc AND"
              " a.idx = m.actor JOIN documents d ON d.doc = m.doc WHERE a.name = ? GROUP BY m.code ORDER BY MIN(d.date)",
              {name}, [&](const store::Statement& st) {
                codes.push_back({{"code", st.Text(0)}, {"from", TextOrNull(st, 1)}, {"to", TextOrNull(st, 2)},
                                 {"mentions", st.Int(3)}});
              });
  if (!s.ok()) return s;
  json aliases = json::array();
  s = ForEach(db,
              "SELECT m.text FROM mentions m JOIN actors a ON a.doc = m.doc AND a.idx = m.actor WHERE a.name = ?"
              " GROUP BY m.text ORDER BY COUNT(*) DESC, m.text LIMIT 100",
              {name}, [&](const store::Statement& st) { aliases.push_back(st.Text(0)); });
  if (!s.ok()) return s;
  s = ForEach(db,
              "SELECT (SELECT COUNT(*) FROM events e JOIN actors a ON a.doc = e.doc AND a.idx = e.source_actor"
              " WHERE a.name = ?1), (SELECT COUNT(*) FROM events e JOIN actors a ON a.doc = e.doc AND"
              " a.idx = e.target_actor WHERE a.name = ?1)",
              {name}, [&](const store::Statement& st) {
                j["events_as_source"] = st.Int(0);
                j["events_as_target"] = st.Int(1);
              });
  if (!s.ok()) return s;
  j["codes"] = std::move(codes);
  j["aliases"] = std::move(aliases);
  return j;
}

Result<json> Events(store::Database& db, const Params& p) {
  auto f = ParseEventFilter(p);
  if (!f.ok()) return f.status();
  auto rows = QueryEvents(db, *f);
  if (!rows.ok()) return rows.status();
  json out = json::array();
  for (const auto& e : *rows) out.push_back(EventRowJson(e));
  return out;
}

namespace {

// Where `needle` stands in `text` at or after *pos (advancing *pos), or npos.
size_t FindFrom(const std::string& text, const std::string& needle, size_t* pos) {
  size_t at = needle.empty() ? std::string::npos : text.find(needle, *pos);
  if (at != std::string::npos) *pos = at + needle.size();
  return at;
}

}  // namespace

Result<json> EventDetail(store::Database& db, const std::string& doc, int idx) {
  EventFilter f;
  f.doc = doc;
  f.limit = 100000;
  auto rows = QueryEvents(db, f);
  if (!rows.ok()) return rows.status();
  const EventRow* e = nullptr;
  for (const auto& r : *rows)
    if (r.idx == idx) e = &r;
  if (!e) return Status::NotFound("no event " + doc + ":" + std::to_string(idx));
  // Token offsets in the sentence text: each token's form found in order.
  std::vector<std::pair<size_t, size_t>> tokens;
  size_t pos = 0;
  Status s = ForEach(db, "SELECT form FROM tokens WHERE doc = ? AND sent = ? ORDER BY idx",
                     {e->doc_key, int64_t{e->sentence}}, [&](const store::Statement& st) {
                       std::string form = st.Text(0);
                       size_t at = FindFrom(e->sentence_text, form, &pos);
                       tokens.emplace_back(at, at == std::string::npos ? at : at + form.size());
                     });
  if (!s.ok()) return s;
  auto span = [&](int first, int last) -> std::optional<std::pair<size_t, size_t>> {
    if (first < 0 || last <= first || static_cast<size_t>(last) > tokens.size()) return std::nullopt;
    if (tokens[first].first == std::string::npos || tokens[last - 1].first == std::string::npos) return std::nullopt;
    return std::make_pair(tokens[first].first, tokens[last - 1].second);
  };
  json spans = json::array();
  auto actor_span = [&](int actor, const char* role) -> Status {
    if (actor < 0) return Status::Ok();
    bool done = false;
    return ForEach(db,
                   "SELECT first_token, last_token FROM mentions WHERE doc = ? AND sent = ? AND actor = ? ORDER BY idx",
                   {e->doc_key, int64_t{e->sentence}, int64_t{actor}}, [&](const store::Statement& st) {
                     if (done) return;
                     if (auto sp = span(static_cast<int>(st.Int(0)), static_cast<int>(st.Int(1)))) {
                       spans.push_back({{"begin", sp->first}, {"end", sp->second}, {"role", role}});
                       done = true;
                     }
                   });
  };
  if (Status a = actor_span(e->source_actor_idx, "source"); !a.ok()) return a;
  if (Status a = actor_span(e->target_actor_idx, "target"); !a.ok()) return a;
  if (auto sp = span(e->predicate, e->predicate + 1)) {
    spans.push_back({{"begin", sp->first}, {"end", sp->second}, {"role", "trigger"}});
  } else {
    // No predicate token: the trigger's raw span, relative to the sentence.
    int64_t b = e->trigger_begin - e->sentence_begin, en = e->trigger_end - e->sentence_begin;
    int64_t n = static_cast<int64_t>(e->sentence_text.size());
    if (b >= 0 && en > b && en <= n) spans.push_back({{"begin", b}, {"end", en}, {"role", "trigger"}});
  }
  json j = EventRowJson(*e);
  j["evidence"] = {{"sentence", e->sentence_text},
                   {"begin", 0},
                   {"end", e->sentence_text.size()},
                   {"spans", std::move(spans)}};
  return j;
}

Result<json> Dyads(store::Database& db, const Params& p) {
  auto period = PeriodExpr(p, kEventDate);
  if (!period.ok()) return period.status();
  EventFilter f;
  f.actor = Get(p, "actor");
  f.root = Get(p, "root");
  f.from = Get(p, "from");
  f.to = Get(p, "to");
  if (!ValidDate(f.from) || !ValidDate(f.to)) return Status::InvalidArgument("from and to must be YYYY-MM-DD");
  auto limit = LimitParam(p, kMaxLimit);
  if (!limit.ok()) return limit.status();
  std::vector<Arg> args;
  std::string sql = "SELECT e.source, e.target, " + *period + " AS period, COUNT(*), AVG(e.goldstein)" + kEventFrom +
                    EventWhere(f, &args) + " AND e.target != '' AND " + kEventDate +
                    " IS NOT NULL GROUP BY e.source, e.target, period ORDER BY period, COUNT(*) DESC LIMIT ?";
  args.push_back(int64_t{*limit});
  json out = json::array();
  Status s = ForEach(db, sql, args, [&](const store::Statement& st) {
    out.push_back({{"source", st.Text(0)}, {"target", st.Text(1)}, {"period", st.Text(2)}, {"count", st.Int(3)},
                   {"mean_goldstein", st.Double(4)}});
  });
  if (!s.ok()) return s;
  return out;
}

constexpr size_t kMaxNetworkEdges = 2000;

Result<json> Network(store::Database& db, const Params& p) {
  EventFilter f;
  f.root = Get(p, "root");
  f.plover = Get(p, "plover");
  f.from = Get(p, "from");
  f.to = Get(p, "to");
  if (!ValidDate(f.from) || !ValidDate(f.to)) return Status::InvalidArgument("from and to must be YYYY-MM-DD");
  Params mp = {{"limit", Get(p, "min_count")}};
  auto min_count = LimitParam(mp, 1, 1 << 30);
  if (!min_count.ok()) return Status::InvalidArgument("min_count must be a number >= 0");
  std::vector<Arg> args;
  std::string sql = std::string("SELECT substr(e.source, 1, 6), substr(e.target, 1, 6), e.root, COUNT(*),"
                                " SUM(e.goldstein)") +
                    kEventFrom + EventWhere(f, &args) +
                    " AND e.source != '' AND e.target != '' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
  struct Edge {
    int64_t count = 0;
    double sum = 0;
    json roots = json::object();
  };
  std::map<std::pair<std::string, std::string>, Edge> edges;
  Status s = ForEach(db, sql, args, [&](const store::Statement& st) {
    Edge& e = edges[{st.Text(0), st.Text(1)}];
    e.count += st.Int(3);
    e.sum += st.Double(4);
    e.roots[st.Text(2)] = st.Int(3);
  });
  if (!s.ok()) return s;
  // Result size is bounded: the kMaxNetworkEdges busiest dyads, and a flag
  // when more were left out.
  std::vector<std::pair<const std::pair<std::string, std::string>*, Edge*>> kept;
  for (auto& [k, e] : edges)
    if (e.count >= *min_count) kept.push_back({&k, &e});
  std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.second->count > b.second->count; });
  bool truncated = kept.size() > kMaxNetworkEdges;
  if (truncated) kept.resize(kMaxNetworkEdges);
  json jedges = json::array();
  std::map<std::string, std::pair<std::string, int64_t>> nodes;  // code -> label, mentions
  for (auto& [k, e] : kept) {
    nodes[k->first];
    nodes[k->second];
    jedges.push_back({{"source", k->first}, {"target", k->second}, {"count", e->count},
                      {"mean_goldstein", e->sum / e->count}, {"roots", std::move(e->roots)}});
  }
  // Labels: the most mentioned actor name under each 6-character code.
  s = ForEach(db,
              "SELECT substr(m.code, 1, 6), a.name, COUNT(*) FROM mentions m JOIN actors a ON a.doc = m.doc AND"
              " a.idx = m.actor WHERE m.code != '' GROUP BY 1, 2",
              {}, [&](const store::Statement& st) {
                auto it = nodes.find(st.Text(0));
                if (it == nodes.end()) return;
                if (st.Int(2) > it->second.second || it->second.first.empty()) {
                  if (st.Int(2) > it->second.second) it->second.first = st.Text(1);
                }
              });
  if (!s.ok()) return s;
  std::map<std::string, int64_t> mentions;
  s = ForEach(db, "SELECT substr(code, 1, 6), COUNT(*) FROM mentions WHERE code != '' GROUP BY 1", {},
              [&](const store::Statement& st) { mentions[st.Text(0)] = st.Int(1); });
  if (!s.ok()) return s;
  json jnodes = json::array();
  for (const auto& [code, v] : nodes)
    jnodes.push_back({{"id", code}, {"label", v.first.empty() ? code : v.first}, {"mentions", mentions[code]}});
  return json{{"nodes", std::move(jnodes)}, {"edges", std::move(jedges)}, {"truncated", truncated}};
}

Result<json> Timeline(store::Database& db, const Params& p) {
  auto period = PeriodExpr(p, kEventDate);
  if (!period.ok()) return period.status();
  EventFilter f;
  f.actor = Get(p, "actor");
  f.source = Get(p, "source");
  f.target = Get(p, "target");
  f.root = Get(p, "root");
  f.from = Get(p, "from");
  f.to = Get(p, "to");
  if (!ValidDate(f.from) || !ValidDate(f.to)) return Status::InvalidArgument("from and to must be YYYY-MM-DD");
  std::vector<Arg> args;
  std::string sql = "SELECT " + *period +
                    " AS period, COUNT(*), AVG(e.goldstein), SUM(e.quad_class IN (1, 2)), SUM(e.quad_class IN (3, 4))" +
                    kEventFrom + EventWhere(f, &args) + " AND " + kEventDate +
                    " IS NOT NULL GROUP BY period ORDER BY period LIMIT 10000";
  json out = json::array();
  Status s = ForEach(db, sql, args, [&](const store::Statement& st) {
    out.push_back({{"period", st.Text(0)}, {"count", st.Int(1)}, {"mean_goldstein", st.Double(2)},
                   {"cooperation", st.Int(3)}, {"conflict", st.Int(4)}});
  });
  if (!s.ok()) return s;
  return out;
}

Result<json> Quotes(store::Database& db, const Params& p) {
  auto limit = LimitParam(p);
  if (!limit.ok()) return limit.status();
  std::vector<Arg> args;
  std::string where = " WHERE 1";
  if (std::string sp = Get(p, "speaker"); !sp.empty()) {
    where += " AND (" + PrefixOf("q.speaker") + " OR a.name = ?)";
    args.insert(args.end(), {sp, sp, sp});
  }
  if (std::string doc = Get(p, "doc"); !doc.empty()) {
    where += " AND d.id = ?";
    args.push_back(doc);
  }
  return QuotesWhere(db, where, args, *limit);
}

Result<json> Search(store::Database& db, const Params& p) {
  std::string q = Get(p, "q");
  if (q.empty()) return Status::InvalidArgument("q is required");
  if (q.size() > 200) return Status::InvalidArgument("q is longer than 200 bytes");
  Params ap = {{"q", q}, {"limit", "20"}};
  auto actors = Actors(db, ap);
  if (!actors.ok()) return actors.status();
  json sentences = json::array();
  Status s = ForEach(db,
                     "SELECT d.id, s.idx, s.text FROM sentences s JOIN documents d ON d.doc = s.doc"
                     " WHERE instr(lower(s.text), lower(?)) > 0 ORDER BY d.date DESC, d.id, s.idx LIMIT 50",
                     {q}, [&](const store::Statement& st) {
                       sentences.push_back({{"doc", st.Text(0)}, {"idx", st.Int(1)}, {"text", st.Text(2)}});
                     });
  if (!s.ok()) return s;
  return json{{"actors", std::move(*actors)}, {"sentences", std::move(sentences)}};
}

}  // namespace dyad::serve
