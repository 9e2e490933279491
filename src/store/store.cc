#include "dyad/store.h"

#include <chrono>
#include <cstdio>

#include "store/schema.h"
#include "store/sqlite.h"

namespace dyad {

using store::Database;
using store::Statement;

namespace {

// Put's statements, prepared on the first Put and kept: preparing a dozen
// statements per document cost more than binding them.
// `savepoint`, `release` and `undo` bracket each document inside its batch,
// so that a failed Put takes back its own rows and nothing else. `remove`
// deletes a document's rows from every table, the documents row last.
// The statements run once per row bind every parameter each time, so they
// run with RunRebound (no sqlite3_clear_bindings over all of them).
// `token_layer` is the JSON text of the document's tokens (schema 4), built
// in a buffer kept between documents.
struct PutStatements {
  std::vector<Statement> remove;
  Statement find, document, drop, repair, quotation, sentence, token_layer, actor, mention, event, quote;
  Statement savepoint, release, undo;
  std::string token_json;
  Status Prepare(Database& db);
};

}  // namespace

struct Store::Impl {
  Database db;
  int version = 0;
  Batching batching;
  // The open batch: a transaction begun by the first Put after a commit.
  bool in_batch = false;
  int pending = 0;  // documents put in it
  std::chrono::steady_clock::time_point batch_begin;
  // Declared after db, so finalized before it closes.
  std::unique_ptr<PutStatements> put;
  Statement is_current;  // prepared on the first IsCurrent

  Status BeginBatch();
  Status Commit();
  bool BatchIsDue() const;
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() {
  if (impl_) Flush();  // a failure cannot be reported here; callers that care Flush first
}
int Store::schema_version() const { return impl_->version; }
int Store::pending() const { return impl_->pending; }

Status Store::Impl::BeginBatch() {
  if (in_batch) return Status::Ok();
  DYAD_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  in_batch = true;
  pending = 0;
  batch_begin = std::chrono::steady_clock::now();
  return Status::Ok();
}

Status Store::Impl::Commit() {
  if (!in_batch) return Status::Ok();
  const int documents = pending;
  in_batch = false;
  pending = 0;
  if (Status s = db.Exec("COMMIT"); !s.ok()) {
    db.Exec("ROLLBACK");  // a COMMIT that failed (e.g. busy) leaves the transaction open
    return Status::IOError("committing a batch of " + std::to_string(documents) + " documents (none stored): " +
                           s.message());
  }
  return Status::Ok();
}

bool Store::Impl::BatchIsDue() const {
  if (pending >= batching.documents) return true;
  return batching.seconds > 0 &&
         std::chrono::duration<double>(std::chrono::steady_clock::now() - batch_begin).count() >= batching.seconds;
}

namespace {

Result<int> UserVersion(Database& db) {
  auto st = db.Prepare("PRAGMA user_version");
  if (!st.ok()) return st.status();
  auto row = st->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(st->Int(0));
}

Status Migrate(Database& db, int from) {
  DYAD_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  for (int v = from; v < store::kSchemaVersion; ++v) {
    Status s = db.Exec(store::kMigrations[v]);
    if (s.ok()) s = db.Exec("PRAGMA user_version = " + std::to_string(v + 1));
    if (!s.ok()) {
      db.Exec("ROLLBACK");
      return Status::IOError("migrating the store to schema " + std::to_string(v + 1) + ": " + s.message());
    }
  }
  return db.Exec("COMMIT");
}

// FNV-1a, 64 bits: a fingerprint for change detection, not for security.
uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::optional<Date> DateOrNull(const Statement& st, int col) {
  return st.IsNull(col) ? std::nullopt : Date::Parse(st.Text(col));
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, Mode mode) {
  return Open(path, mode, Batching{});
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, Mode mode, Batching batching) {
  auto db = Database::Open(path, mode == Mode::kReadOnly);
  if (!db.ok()) return db.status();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(*db);
  Database& d = impl->db;
  if (mode == Mode::kReadWrite) {
    // WAL lets readers (the server) run while an ingest writes.
    DYAD_RETURN_IF_ERROR(d.Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"));
    // A page cache that holds a whole batch (64 documents write about 5 MB
    // of pages; SQLite's default cache is 2 MB): with the default, dirty
    // pages spilled to the WAL in mid-transaction and were written again
    // when touched again. Only memory changes; what is durable when stays.
    DYAD_RETURN_IF_ERROR(d.Exec("PRAGMA cache_size = -16384"));  // KiB
  }
  // Foreign keys stay unenforced (SQLite's default): Put writes a document's
  // rows only under the key it has just inserted and deletes all of them
  // itself, so the check could never fail, and looking up the parent for
  // each of a document's ~1,000 token rows was 13 % of Put's instructions.
  // The schema's REFERENCES ... ON DELETE CASCADE clauses document the
  // relations (and act for a connection that turns enforcement on).
  auto version = UserVersion(d);
  if (!version.ok()) return Status::IOError(path + ": not a dyad store (" + version.status().message() + ")");
  if (*version > store::kSchemaVersion) {
    return Status::InvalidArgument(path + ": schema " + std::to_string(*version) + " is newer than this dyad (" +
                                   std::to_string(store::kSchemaVersion) + ")");
  }
  if (*version < store::kSchemaVersion) {
    if (mode == Mode::kReadOnly) return Status::InvalidArgument(path + ": store needs migrating; open it read-write");
    DYAD_RETURN_IF_ERROR(Migrate(d, *version));
  }
  impl->version = store::kSchemaVersion;
  impl->batching = batching;
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

std::string Store::ContentHash(const Document& doc, const std::string& version) {
  uint64_t h = Fnv1a(doc.raw);
  for (const std::string* field : {&doc.id, &doc.title, &doc.url, &version}) {
    h = Fnv1a(*field, Fnv1a("\x1f", h));
  }
  h = Fnv1a(doc.date ? doc.date->ToString() : "-", h);
  // Only when present, so that the hashes of other documents stay as they were.
  if (doc.approximate_date) h = Fnv1a(doc.approximate_date->ToString(), Fnv1a("~", h));
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Result<bool> Store::IsCurrent(const std::string& id, const std::string& hash) {
  Statement& st = impl_->is_current;
  if (!st.prepared()) {
    auto prepared = impl_->db.Prepare("SELECT 1 FROM documents WHERE id = ?1 AND content_hash = ?2");
    if (!prepared.ok()) return prepared.status();
    st = std::move(*prepared);
  }
  auto row = st.BindRef(1, id).BindRef(2, hash).Step();
  st.Reset();
  return row;
}

namespace {

// `v` as a JSON string: quotes, backslashes and control characters escaped,
// other bytes (UTF-8) as they are.
void AppendJsonString(std::string_view v, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char c : v) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (u < 0x20) {
      out->append("\\u00");
      out->push_back(kHex[u >> 4]);
      out->push_back(kHex[u & 15]);
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

// The token layer of schema 4: per sentence, an array of
// [form, lemma, upos, xpos, head, deprel, raw_begin, raw_end, space_after].
void TokenLayerJson(const Document& doc, std::string* out) {
  out->clear();
  out->push_back('[');
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (i) out->push_back(',');
    out->push_back('[');
    const std::vector<Token>& tokens = doc.sentences[i].tokens;
    for (size_t j = 0; j < tokens.size(); ++j) {
      const Token& t = tokens[j];
      out->append(j ? ",[" : "[");
      for (const std::string* field : {&t.form, &t.lemma, &t.upos, &t.xpos}) {
        AppendJsonString(*field, out);
        out->push_back(',');
      }
      out->append(std::to_string(t.head)).push_back(',');
      AppendJsonString(t.deprel, out);
      out->push_back(',');
      out->append(std::to_string(t.raw.begin)).push_back(',');
      out->append(std::to_string(t.raw.end)).append(t.space_after ? ",1]" : ",0]");
    }
    out->push_back(']');
  }
  out->push_back(']');
}

Status InsertLayers(PutStatements& st, int64_t doc_key, const Document& doc) {
  for (const Drop& d : doc.drops) {
    DYAD_RETURN_IF_ERROR(st.drop.Bind(1, doc_key).Bind(2, d.raw.begin).Bind(3, d.raw.end).BindRef(4, d.reason).RunRebound());
  }
  for (const Repair& r : doc.repairs) {
    DYAD_RETURN_IF_ERROR(
        st.repair.Bind(1, doc_key).Bind(2, r.raw.begin).Bind(3, r.raw.end).BindRef(4, r.repaired).RunRebound());
  }
  for (size_t q = 0; q < doc.quotations.size(); ++q) {
    const Span& s = doc.quotations[q];
    DYAD_RETURN_IF_ERROR(
        st.quotation.Bind(1, doc_key).Bind(2, static_cast<int64_t>(q)).Bind(3, s.begin).Bind(4, s.end).RunRebound());
  }
  Statement& sent = st.sentence;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    sent.Bind(1, doc_key).Bind(2, static_cast<int64_t>(i)).Bind(3, s.raw.begin).Bind(4, s.raw.end);
    sent.Bind(5, s.paragraph).Bind(7, s.heading ? 1 : 0).BindRef(8, s.text);
    if (s.quotation >= 0) sent.Bind(6, s.quotation);
    else sent.BindNull(6);
    DYAD_RETURN_IF_ERROR(sent.RunRebound());
  }
  TokenLayerJson(doc, &st.token_json);
  return st.token_layer.Bind(1, doc_key).BindRef(2, st.token_json).RunRebound();
}

Status InsertActors(PutStatements& st, int64_t doc_key, const Document& doc) {
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    const Actor& a = doc.actors[i];
    st.actor.Bind(1, doc_key).Bind(2, static_cast<int64_t>(i)).BindRef(3, a.name).BindRef(4, a.kind).BindRef(5, a.code);
    // Never a null pointer: that would bind NULL, not ''.
    st.actor.BindRef(6, a.country).Bind(7, std::string_view(&a.gender, a.gender ? 1 : 0));
    st.actor.Bind(8, a.in_dictionary ? 1 : 0);
    DYAD_RETURN_IF_ERROR(st.actor.RunRebound());
  }
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    st.mention.Bind(1, doc_key).Bind(2, static_cast<int64_t>(i)).Bind(3, m.sentence).Bind(4, m.first_token);
    st.mention.Bind(5, m.last_token).Bind(6, m.raw.begin).Bind(7, m.raw.end).BindRef(8, m.text).Bind(9, m.actor);
    st.mention.BindRef(10, m.code).BindRef(11, m.how);
    DYAD_RETURN_IF_ERROR(st.mention.RunRebound());
  }
  return Status::Ok();
}

// Binds an index into another table of the same document, NULL when negative.
void BindIndex(Statement& st, int col, int index) {
  if (index >= 0) st.Bind(col, index);
  else st.BindNull(col);
}

Status InsertEvents(PutStatements& st, int64_t doc_key, const Document& doc) {
  Statement& event = st.event;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    event.Bind(1, doc_key).Bind(2, static_cast<int64_t>(i)).Bind(3, e.sentence).Bind(4, e.predicate);
    BindIndex(event, 5, e.source_actor);
    BindIndex(event, 6, e.target_actor);
    event.BindRef(7, e.source).BindRef(8, e.target).BindRef(9, e.cameo).BindRef(10, e.root).Bind(11, e.quad_class);
    event.BindDouble(12, e.goldstein).BindRef(13, e.plover);
    if (e.event_date) event.Bind(14, e.event_date->ToString());
    else event.BindNull(14);
    event.Bind(15, e.date_resolved ? 1 : 0).Bind(16, e.intent ? 1 : 0);
    event.Bind(17, e.evidence.begin).Bind(18, e.evidence.end).Bind(19, e.trigger.begin).Bind(20, e.trigger.end);
    event.BindRef(21, e.rule);
    DYAD_RETURN_IF_ERROR(event.RunRebound());
  }
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    st.quote.Bind(1, doc_key).Bind(2, static_cast<int64_t>(i)).Bind(3, q.raw.begin).Bind(4, q.raw.end);
    BindIndex(st.quote, 5, q.speaker_actor);
    BindIndex(st.quote, 6, q.speaker_mention);
    st.quote.BindRef(7, q.speaker).Bind(8, q.first_sentence).Bind(9, q.last_sentence).BindRef(10, q.rule);
    DYAD_RETURN_IF_ERROR(st.quote.RunRebound());
  }
  return Status::Ok();
}

// Loads the document's events and quotes, in stored order.
Status LoadEvents(Database& db, int64_t key, Document* doc) {
  auto index = [](const Statement& st, int col) { return st.IsNull(col) ? -1 : static_cast<int>(st.Int(col)); };
  auto span = [](const Statement& st, int col) {
    return Span{static_cast<uint32_t>(st.Int(col)), static_cast<uint32_t>(st.Int(col + 1))};
  };
  auto events = db.Prepare(
      "SELECT sentence, predicate, source_actor, target_actor, source, target, cameo, root, quad_class, goldstein, "
      "plover, event_date, date_resolved, intent, evidence_begin, evidence_end, trigger_begin, trigger_end, rule "
      "FROM events WHERE doc = ?1 ORDER BY idx");
  if (!events.ok()) return events.status();
  events->Bind(1, key);
  DYAD_RETURN_IF_ERROR(events->ForEachRow([&](const Statement& st) {
    Event e;
    e.sentence = static_cast<int>(st.Int(0));
    e.predicate = static_cast<int>(st.Int(1));
    e.source_actor = index(st, 2);
    e.target_actor = index(st, 3);
    e.source = st.Text(4);
    e.target = st.Text(5);
    e.cameo = st.Text(6);
    e.root = st.Text(7);
    e.quad_class = static_cast<int>(st.Int(8));
    e.goldstein = st.Double(9);
    e.plover = st.Text(10);
    e.event_date = DateOrNull(st, 11);
    e.date_resolved = st.Int(12) != 0;
    e.intent = st.Int(13) != 0;
    e.evidence = span(st, 14);
    e.trigger = span(st, 16);
    e.rule = st.Text(18);
    doc->events.push_back(std::move(e));
  }));
  auto quotes = db.Prepare(
      "SELECT raw_begin, raw_end, speaker_actor, speaker_mention, speaker, first_sentence, last_sentence, rule "
      "FROM quotes WHERE doc = ?1 ORDER BY idx");
  if (!quotes.ok()) return quotes.status();
  quotes->Bind(1, key);
  DYAD_RETURN_IF_ERROR(quotes->ForEachRow([&](const Statement& st) {
    Quote q;
    q.raw = span(st, 0);
    q.speaker_actor = index(st, 2);
    q.speaker_mention = index(st, 3);
    q.speaker = st.Text(4);
    q.first_sentence = static_cast<int>(st.Int(5));
    q.last_sentence = static_cast<int>(st.Int(6));
    q.rule = st.Text(7);
    doc->quotes.push_back(std::move(q));
  }));
  return Status::Ok();
}

Result<Store::PutOutcome> PutInTransaction(Database& db, PutStatements& st, const Document& doc,
                                           const std::string& hash) {
  auto row = st.find.BindRef(1, doc.id).Step();
  if (!row.ok()) {
    st.find.Reset();
    return row.status();
  }
  const bool stored = *row, unchanged = stored && st.find.Text(1) == hash;
  const int64_t stored_key = stored ? st.find.Int(0) : 0;
  st.find.Reset();
  if (unchanged) return Store::PutOutcome::kUnchanged;
  Store::PutOutcome outcome = Store::PutOutcome::kAdded;
  if (stored) {
    for (Statement& remove : st.remove) DYAD_RETURN_IF_ERROR(remove.Bind(1, stored_key).Run());
    outcome = Store::PutOutcome::kReplaced;
  }
  size_t n_tokens = 0;
  for (const Sentence& s : doc.sentences) n_tokens += s.tokens.size();
  Statement& ins = st.document;
  ins.BindRef(1, doc.id).BindRef(2, doc.source).BindRef(3, doc.url).BindRef(4, doc.title);
  if (doc.date) ins.Bind(5, doc.date->ToString());
  else ins.BindNull(5);
  ins.BindRef(6, hash).BindBlobRef(7, doc.raw).BindRef(8, doc.clean);
  ins.Bind(9, static_cast<int64_t>(doc.sentences.size())).Bind(10, static_cast<int64_t>(n_tokens));
  if (doc.approximate_date) ins.Bind(11, doc.approximate_date->ToString());
  else ins.BindNull(11);
  DYAD_RETURN_IF_ERROR(ins.Run());
  int64_t key = sqlite3_last_insert_rowid(db.handle());
  DYAD_RETURN_IF_ERROR(InsertLayers(st, key, doc));
  DYAD_RETURN_IF_ERROR(InsertActors(st, key, doc));
  DYAD_RETURN_IF_ERROR(InsertEvents(st, key, doc));
  return outcome;
}

// PutInTransaction between SAVEPOINT and RELEASE; on failure the caller rolls
// back to the savepoint.
Result<Store::PutOutcome> PutInSavepoint(Database& db, PutStatements& st, const Document& doc,
                                         const std::string& hash) {
  DYAD_RETURN_IF_ERROR(st.savepoint.Run());
  auto outcome = PutInTransaction(db, st, doc, hash);
  if (outcome.ok()) DYAD_RETURN_IF_ERROR(st.release.Run());
  return outcome;
}

}  // namespace

Status PutStatements::Prepare(Database& db) {
  const std::pair<Statement*, const char*> sql[] = {
      {&find, "SELECT doc, content_hash FROM documents WHERE id = ?1"},
      {&document,
       "INSERT INTO documents (id, source, url, title, date, content_hash, raw, clean, n_sentences, n_tokens, date_approx) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
      {&drop, "INSERT INTO drops VALUES (?1, ?2, ?3, ?4)"},
      {&repair, "INSERT INTO repairs VALUES (?1, ?2, ?3, ?4)"},
      {&quotation, "INSERT INTO quotations VALUES (?1, ?2, ?3, ?4)"},
      {&sentence, "INSERT INTO sentences VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
      {&token_layer, "INSERT INTO token_layers VALUES (?1, ?2)"},
      {&actor, "INSERT INTO actors VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
      {&mention, "INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
      {&event,
       "INSERT INTO events (doc, idx, sentence, predicate, source_actor, target_actor, source, target, cameo, root, "
       "quad_class, goldstein, plover, event_date, date_resolved, intent, evidence_begin, evidence_end, "
       "trigger_begin, trigger_end, rule) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"},
      {&quote,
       "INSERT INTO quotes (doc, idx, raw_begin, raw_end, speaker_actor, speaker_mention, speaker, first_sentence, "
       "last_sentence, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
      {&savepoint, "SAVEPOINT put"},
      {&release, "RELEASE put"},
      {&undo, "ROLLBACK TO put"},
  };
  for (const auto& [statement, text] : sql) {
    auto prepared = db.Prepare(text);
    if (!prepared.ok()) return prepared.status();
    *statement = std::move(*prepared);
  }
  // Every table keyed by doc (an index or primary key leads with it), then
  // the document itself.
  for (const char* table : {"drops", "repairs", "quotations", "sentences", "token_layers", "actors", "mentions",
                            "events", "quotes", "documents"}) {
    auto prepared = db.Prepare(std::string("DELETE FROM ") + table + " WHERE doc = ?1");
    if (!prepared.ok()) return prepared.status();
    remove.push_back(std::move(*prepared));
  }
  return Status::Ok();
}

Result<Store::PutOutcome> Store::Put(const Document& doc, const std::string& hash) {
  Database& db = impl_->db;
  if (!impl_->put) {
    auto put = std::make_unique<PutStatements>();
    DYAD_RETURN_IF_ERROR(put->Prepare(db));
    impl_->put = std::move(put);
  }
  PutStatements& st = *impl_->put;
  DYAD_RETURN_IF_ERROR(impl_->BeginBatch());
  auto outcome = PutInSavepoint(db, st, doc, hash);
  if (!outcome.ok()) {
    if (impl_->pending == 0) {
      db.Exec("ROLLBACK");  // nothing else in the batch: end it
      impl_->in_batch = false;
    } else {
      st.undo.Run();  // this document's rows only; the savepoint stays open
      st.release.Run();
    }
    return Status::IOError("storing " + doc.id + ": " + outcome.status().message());
  }
  ++impl_->pending;
  if (impl_->BatchIsDue()) DYAD_RETURN_IF_ERROR(impl_->Commit());
  return outcome;
}

Status Store::Flush() { return impl_->Commit(); }

Result<std::optional<Document>> Store::Get(const std::string& id) {
  Database& db = impl_->db;
  auto st = db.Prepare("SELECT doc, id, source, url, title, date, raw, clean, date_approx FROM documents WHERE id = ?1");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<Document>();
  Document doc;
  int64_t key = st->Int(0);
  doc.id = st->Text(1);
  doc.source = st->Text(2);
  doc.url = st->Text(3);
  doc.title = st->Text(4);
  doc.date = DateOrNull(*st, 5);
  doc.raw = st->Text(6);
  doc.clean = st->Text(7);
  doc.approximate_date = DateOrNull(*st, 8);

  auto drops = db.Prepare("SELECT raw_begin, raw_end, reason FROM drops WHERE doc = ?1 ORDER BY rowid");
  if (!drops.ok()) return drops.status();
  drops->Bind(1, key);
  DYAD_RETURN_IF_ERROR(drops->ForEachRow([&](const Statement&) {
    doc.drops.push_back({{static_cast<uint32_t>(drops->Int(0)), static_cast<uint32_t>(drops->Int(1))}, drops->Text(2)});
  }));
  auto repairs = db.Prepare("SELECT raw_begin, raw_end, repaired FROM repairs WHERE doc = ?1 ORDER BY rowid");
  if (!repairs.ok()) return repairs.status();
  repairs->Bind(1, key);
  DYAD_RETURN_IF_ERROR(repairs->ForEachRow([&](const Statement&) {
    doc.repairs.push_back(
        {{static_cast<uint32_t>(repairs->Int(0)), static_cast<uint32_t>(repairs->Int(1))}, repairs->Text(2)});
  }));
  auto quotes = db.Prepare("SELECT raw_begin, raw_end FROM quotations WHERE doc = ?1 ORDER BY idx");
  if (!quotes.ok()) return quotes.status();
  quotes->Bind(1, key);
  DYAD_RETURN_IF_ERROR(quotes->ForEachRow([&](const Statement&) {
    doc.quotations.push_back({static_cast<uint32_t>(quotes->Int(0)), static_cast<uint32_t>(quotes->Int(1))});
  }));

  auto sents = db.Prepare(
      "SELECT raw_begin, raw_end, paragraph, quotation, heading, text FROM sentences WHERE doc = ?1 ORDER BY idx");
  if (!sents.ok()) return sents.status();
  sents->Bind(1, key);
  DYAD_RETURN_IF_ERROR(sents->ForEachRow([&](const Statement&) -> Status {
    Sentence s;
    s.raw = {static_cast<uint32_t>(sents->Int(0)), static_cast<uint32_t>(sents->Int(1))};
    s.paragraph = static_cast<int>(sents->Int(2));
    s.quotation = sents->IsNull(3) ? -1 : static_cast<int>(sents->Int(3));
    s.heading = sents->Int(4) != 0;
    s.text = sents->Text(5);
    doc.sentences.push_back(std::move(s));
    return Status::Ok();
  }));
  auto toks = db.Prepare(
      "SELECT sent, form, lemma, upos, xpos, head, deprel, raw_begin, raw_end, space_after FROM tokens "
      "WHERE doc = ?1 ORDER BY sent, idx");
  if (!toks.ok()) return toks.status();
  toks->Bind(1, key);
  DYAD_RETURN_IF_ERROR(toks->ForEachRow([&](const Statement&) -> Status {
    size_t sent = static_cast<size_t>(toks->Int(0));
    if (sent >= doc.sentences.size()) return Status::Internal("token of a missing sentence in " + id);
    Token t;
    t.form = toks->Text(1);
    t.lemma = toks->Text(2);
    t.upos = toks->Text(3);
    t.xpos = toks->Text(4);
    t.head = static_cast<int>(toks->Int(5));
    t.deprel = toks->Text(6);
    t.raw = {static_cast<uint32_t>(toks->Int(7)), static_cast<uint32_t>(toks->Int(8))};
    t.space_after = toks->Int(9) != 0;
    doc.sentences[sent].tokens.push_back(std::move(t));
    return Status::Ok();
  }));
  DYAD_RETURN_IF_ERROR(LoadActors(db, key, &doc));
  DYAD_RETURN_IF_ERROR(LoadEvents(db, key, &doc));
  return std::optional<Document>(std::move(doc));
}

Status Store::LoadActors(store::Database& db, int64_t key, Document* doc) {
  auto actors = db.Prepare(
      "SELECT name, kind, code, country, gender, in_dictionary FROM actors WHERE doc = ?1 ORDER BY idx");
  if (!actors.ok()) return actors.status();
  actors->Bind(1, key);
  DYAD_RETURN_IF_ERROR(actors->ForEachRow([&](const Statement&) -> Status {
    Actor a;
    a.name = actors->Text(0);
    a.kind = actors->Text(1);
    a.code = actors->Text(2);
    a.country = actors->Text(3);
    std::string g = actors->Text(4);
    a.gender = g.empty() ? 0 : g[0];
    a.in_dictionary = actors->Int(5) != 0;
    doc->actors.push_back(std::move(a));
    return Status::Ok();
  }));
  auto mentions = db.Prepare(
      "SELECT sent, first_token, last_token, raw_begin, raw_end, text, actor, code, how FROM mentions "
      "WHERE doc = ?1 ORDER BY idx");
  if (!mentions.ok()) return mentions.status();
  mentions->Bind(1, key);
  DYAD_RETURN_IF_ERROR(mentions->ForEachRow([&](const Statement&) -> Status {
    Mention m;
    m.sentence = static_cast<int>(mentions->Int(0));
    m.first_token = static_cast<int>(mentions->Int(1));
    m.last_token = static_cast<int>(mentions->Int(2));
    m.raw = {static_cast<uint32_t>(mentions->Int(3)), static_cast<uint32_t>(mentions->Int(4))};
    m.text = mentions->Text(5);
    m.actor = static_cast<int>(mentions->Int(6));
    m.code = mentions->Text(7);
    m.how = mentions->Text(8);
    doc->mentions.push_back(std::move(m));
    return Status::Ok();
  }));
  return Status::Ok();
}

Result<std::vector<ActorSummary>> Store::ListActors() {
  // One row per canonical name and code, with how often and where it is mentioned.
  auto st = impl_->db.Prepare(
      "SELECT a.name, a.kind, m.code, COUNT(*), COUNT(DISTINCT m.doc) FROM mentions m "
      "JOIN actors a ON a.doc = m.doc AND a.idx = m.actor "
      "GROUP BY a.name, a.kind, m.code ORDER BY COUNT(*) DESC, a.name");
  if (!st.ok()) return st.status();
  std::vector<ActorSummary> out;
  DYAD_RETURN_IF_ERROR(st->ForEachRow([&](const Statement&) -> Status {
    out.push_back({st->Text(0), st->Text(1), st->Text(2), static_cast<int>(st->Int(3)), static_cast<int>(st->Int(4))});
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<DocumentSummary>> Store::List() {
  auto st = impl_->db.Prepare(
      "SELECT d.id, d.title, d.source, d.url, d.date, d.n_sentences, d.n_tokens, "
      "(SELECT COUNT(*) FROM drops x WHERE x.doc = d.doc) FROM documents d ORDER BY d.date, d.id");
  if (!st.ok()) return st.status();
  std::vector<DocumentSummary> out;
  DYAD_RETURN_IF_ERROR(st->ForEachRow([&](const Statement&) -> Status {
    DocumentSummary s;
    s.id = st->Text(0);
    s.title = st->Text(1);
    s.source = st->Text(2);
    s.url = st->Text(3);
    s.date = DateOrNull(*st, 4);
    s.sentences = static_cast<int>(st->Int(5));
    s.tokens = static_cast<int>(st->Int(6));
    s.drops = static_cast<int>(st->Int(7));
    out.push_back(std::move(s));
    return Status::Ok();
  }));
  return out;
}

}  // namespace dyad
