#include "dyad/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "dyad/pipeline.h"
#include "store/schema.h"

namespace dyad {
namespace {
namespace fs = std::filesystem;

class StoreTest : public testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("dyad_store_" + std::to_string(::getpid()) + "_" +
                                          testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Cleanup();
    pipeline_ = std::move(*Pipeline::Create({}));
  }
  void TearDown() override { Cleanup(); }
  void Cleanup() {
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path_ + ext);
  }

  Document Make(const std::string& id, const std::string& text) {
    Document d;
    d.id = id;
    d.source = id + ".txt";
    d.date = Date::Parse("2024-08-28");
    d.raw = text;
    EXPECT_TRUE(pipeline_->Process(&d).ok());
    return d;
  }

  // The single integer a query on the file gives, through a connection of
  // its own (so it sees committed data only); -1 on error.
  int64_t Query(const std::string& sql) {
    sqlite3* db = nullptr;
    int64_t value = -1;
    if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        value = sqlite3_column_int64(st, 0);
      sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return value;
  }
  int64_t Committed() { return Query("SELECT COUNT(*) FROM documents"); }
  // Rows of any table whose doc is not a stored document.
  int64_t Orphans() {
    int64_t orphans = 0;
    for (const char* table : {"drops", "repairs", "quotations", "sentences", "token_layers", "actors", "mentions",
                              "events", "quotes"}) {
      orphans += Query(std::string("SELECT COUNT(*) FROM ") + table +
                       " WHERE doc NOT IN (SELECT doc FROM documents)");
    }
    return orphans;
  }
  // A store as dyad wrote it at schema `version` (< kSchemaVersion), holding
  // the rows `sql` inserts.
  void WriteOldStore(int version, const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    for (int v = 0; v < version; ++v)
      ASSERT_EQ(sqlite3_exec(db, store::kMigrations[v], nullptr, nullptr, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, ("PRAGMA user_version = " + std::to_string(version)).c_str(), nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  void Poison() {  // a trigger that makes storing a document with a token 'POISON' fail
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "CREATE TRIGGER poison BEFORE INSERT ON token_layers WHEN NEW.tokens LIKE '%\"POISON\"%' "
                           "BEGIN SELECT RAISE(ABORT, 'poisoned'); END",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  std::vector<Document> MakeMany(int n) {
    std::vector<Document> docs;
    for (int i = 0; i < n; ++i)
      docs.push_back(Make("d" + std::to_string(i), "Chile accused Peru of hiding troops. Talk " + std::to_string(i) + "."));
    return docs;
  }

  std::string path_;
  std::unique_ptr<Pipeline> pipeline_;
};

void ExpectSameTokens(const Document& got, const Document& want) {
  ASSERT_EQ(got.sentences.size(), want.sentences.size());
  for (size_t i = 0; i < want.sentences.size(); ++i) {
    ASSERT_EQ(got.sentences[i].tokens.size(), want.sentences[i].tokens.size()) << "sentence " << i;
    for (size_t j = 0; j < want.sentences[i].tokens.size(); ++j) {
      const Token &g = got.sentences[i].tokens[j], &w = want.sentences[i].tokens[j];
      EXPECT_EQ(g.form, w.form);
      EXPECT_EQ(g.lemma, w.lemma);
      EXPECT_EQ(g.upos, w.upos);
      EXPECT_EQ(g.xpos, w.xpos);
      EXPECT_EQ(g.head, w.head);
      EXPECT_EQ(g.deprel, w.deprel);
      EXPECT_EQ(g.raw, w.raw);
      EXPECT_EQ(g.space_after, w.space_after);
    }
  }
}

TEST_F(StoreTest, RoundTripsEveryLayer) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Document d = Make("doc1", "\u201CWe agree,\u201D the minister said on Thursdaywhile aides waited.\n- Advertisement -\n");
  auto put = (*store)->Put(d, "h1");
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(*put, Store::PutOutcome::kAdded);

  auto got = (*store)->Get("doc1");
  ASSERT_TRUE(got.ok() && got->has_value());
  const Document& g = **got;
  EXPECT_EQ(g.raw, d.raw);
  EXPECT_EQ(g.clean, d.clean);
  EXPECT_EQ(g.date, d.date);
  ASSERT_EQ(g.sentences.size(), d.sentences.size());
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    EXPECT_EQ(g.sentences[i].text, d.sentences[i].text);
    EXPECT_EQ(g.sentences[i].raw, d.sentences[i].raw);
    EXPECT_EQ(g.sentences[i].quotation, d.sentences[i].quotation);
    ASSERT_EQ(g.sentences[i].tokens.size(), d.sentences[i].tokens.size());
    for (size_t j = 0; j < d.sentences[i].tokens.size(); ++j) {
      EXPECT_EQ(g.sentences[i].tokens[j].form, d.sentences[i].tokens[j].form);
      EXPECT_EQ(g.sentences[i].tokens[j].raw, d.sentences[i].tokens[j].raw);
    }
  }
  ASSERT_EQ(g.drops.size(), 1u);
  EXPECT_EQ(g.drops[0].reason, "advertisement");
  ASSERT_EQ(g.repairs.size(), 1u);
  EXPECT_EQ(g.repairs[0].repaired, "Thursday while");
  ASSERT_EQ(g.quotations.size(), 1u);
}

// Events and quotes, including the "none" values (no target actor, no
// PLOVER type, no date, no speaker), come back exactly as they were put.
TEST_F(StoreTest, RoundTripsEventsAndQuotes) {
  auto store = std::move(*Store::Open(path_));
  EXPECT_EQ(store->schema_version(), store::kSchemaVersion);
  Document d = Make("ev", "\u201CWe agree,\u201D the minister said. Chile accused Peru of hiding troops.");
  d.events.clear();
  d.quotes.clear();
  Event e;
  e.sentence = 1;
  e.predicate = 1;
  e.source_actor = 0;
  e.target_actor = -1;
  e.source = "CHLGOV";
  e.target = "";
  e.cameo = "112";
  e.root = "11";
  e.quad_class = 3;
  e.goldstein = -2.5;
  e.plover = "ACCUSE";
  e.event_date = Date::Parse("2024-08-27");
  e.date_resolved = true;
  e.intent = true;
  e.evidence = {40, 80};
  e.trigger = {46, 53};
  e.rule = "verbs.txt:12 accuse +X of Y";
  d.events.push_back(e);
  Event f = e;
  f.source_actor = -1;
  f.target_actor = 2;
  f.target = "PERGOV";
  f.cameo = "010";
  f.root = "01";
  f.plover = "";
  f.goldstein = 0;
  f.event_date.reset();
  f.date_resolved = false;
  f.intent = false;
  d.events.push_back(f);
  Quote q;
  q.raw = {3, 11};
  q.speaker_actor = 1;
  q.speaker_mention = 0;
  q.speaker = "CHLGOV";
  q.first_sentence = 0;
  q.last_sentence = 0;
  q.rule = "X said after";
  d.quotes.push_back(q);
  Quote anonymous;
  anonymous.raw = {3, 11};
  anonymous.rule = "";
  d.quotes.push_back(anonymous);
  ASSERT_TRUE(store->Put(d, "h").ok());

  auto got = store->Get("ev");
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
  const Document& g = **got;
  ASSERT_EQ(g.events.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Event& a = d.events[i];
    const Event& b = g.events[i];
    EXPECT_EQ(b.sentence, a.sentence);
    EXPECT_EQ(b.predicate, a.predicate);
    EXPECT_EQ(b.source_actor, a.source_actor);
    EXPECT_EQ(b.target_actor, a.target_actor);
    EXPECT_EQ(b.source, a.source);
    EXPECT_EQ(b.target, a.target);
    EXPECT_EQ(b.cameo, a.cameo);
    EXPECT_EQ(b.root, a.root);
    EXPECT_EQ(b.quad_class, a.quad_class);
    EXPECT_DOUBLE_EQ(b.goldstein, a.goldstein);
    EXPECT_EQ(b.plover, a.plover);
    EXPECT_EQ(b.event_date, a.event_date);
    EXPECT_EQ(b.date_resolved, a.date_resolved);
    EXPECT_EQ(b.intent, a.intent);
    EXPECT_EQ(b.evidence, a.evidence);
    EXPECT_EQ(b.trigger, a.trigger);
    EXPECT_EQ(b.rule, a.rule);
  }
  ASSERT_EQ(g.quotes.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(g.quotes[i].raw, d.quotes[i].raw);
    EXPECT_EQ(g.quotes[i].speaker_actor, d.quotes[i].speaker_actor);
    EXPECT_EQ(g.quotes[i].speaker_mention, d.quotes[i].speaker_mention);
    EXPECT_EQ(g.quotes[i].speaker, d.quotes[i].speaker);
    EXPECT_EQ(g.quotes[i].first_sentence, d.quotes[i].first_sentence);
    EXPECT_EQ(g.quotes[i].last_sentence, d.quotes[i].last_sentence);
    EXPECT_EQ(g.quotes[i].rule, d.quotes[i].rule);
  }

  // Replacing the document replaces its events and quotes (cascade).
  d.events.pop_back();
  d.quotes.clear();
  ASSERT_EQ(*store->Put(d, "h2"), Store::PutOutcome::kReplaced);
  got = store->Get("ev");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((**got).events.size(), 1u);
  EXPECT_TRUE((**got).quotes.empty());
}

// Whatever the coder produced for a real text is stored and read back whole.
TEST_F(StoreTest, StoresThePipelinesEvents) {
  auto store = std::move(*Store::Open(path_));
  Document d = Make("p", "Chile accused Peru of hiding troops near the border. Peru rejected the claim.");
  ASSERT_TRUE(store->Put(d, "h").ok());
  auto got = store->Get("p");
  ASSERT_TRUE(got.ok() && got->has_value());
  ASSERT_EQ((**got).events.size(), d.events.size());
  for (size_t i = 0; i < d.events.size(); ++i) {
    EXPECT_EQ((**got).events[i].cameo, d.events[i].cameo);
    EXPECT_EQ((**got).events[i].source, d.events[i].source);
  }
  EXPECT_EQ((**got).quotes.size(), d.quotes.size());
}

// Put keeps its prepared statements between documents: a second document and
// a replaced one store all their layers too, and an actor without a gender
// is stored with '' (not NULL, which the schema refuses).
TEST_F(StoreTest, ManyPutsReuseTheirStatements) {
  auto store = std::move(*Store::Open(path_));
  Document a = Make("a", "Chile accused Peru of hiding troops near the border.");
  Document b = Make("b", "Peru rejected the claim on Friday.");
  ASSERT_FALSE(a.actors.empty());
  EXPECT_EQ(a.actors[0].gender, 0);
  ASSERT_TRUE(store->Put(a, "h1").ok());
  ASSERT_TRUE(store->Put(b, "h1").ok());
  auto replaced = store->Put(a, "h2");
  ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
  EXPECT_EQ(*replaced, Store::PutOutcome::kReplaced);
  for (const Document* d : {&a, &b}) {
    auto got = store->Get(d->id);
    ASSERT_TRUE(got.ok() && got->has_value());
    EXPECT_EQ((**got).sentences.size(), d->sentences.size());
    EXPECT_EQ((**got).mentions.size(), d->mentions.size());
    ASSERT_EQ((**got).actors.size(), d->actors.size());
    for (size_t i = 0; i < d->actors.size(); ++i) EXPECT_EQ((**got).actors[i].gender, d->actors[i].gender);
  }
}

// A store written by an older dyad (schema 2) is migrated forward on Open and
// keeps its documents.
TEST_F(StoreTest, MigratesASchema2Store) {
  ASSERT_NO_FATAL_FAILURE(WriteOldStore(2,
                                        "INSERT INTO documents (id, content_hash, raw, clean, n_sentences, n_tokens) "
                                        "VALUES ('old', 'h', 'x', 'x', 0, 0);"));
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->schema_version(), store::kSchemaVersion);
  auto got = (*store)->Get("old");
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
  EXPECT_TRUE((**got).events.empty());
  ASSERT_TRUE((*store)->Put(Make("new", "Chile accused Peru."), "h").ok());
}

TEST_F(StoreTest, SameHashIsUnchangedNewHashReplaces) {
  auto store = std::move(*Store::Open(path_));
  Document d = Make("doc1", "One sentence here.");
  EXPECT_EQ(*store->Put(d, "h1"), Store::PutOutcome::kAdded);
  EXPECT_EQ(*store->Put(d, "h1"), Store::PutOutcome::kUnchanged);
  EXPECT_TRUE(*store->IsCurrent("doc1", "h1"));
  EXPECT_FALSE(*store->IsCurrent("doc1", "h2"));
  Document d2 = Make("doc1", "Another text. With two sentences.");
  EXPECT_EQ(*store->Put(d2, "h2"), Store::PutOutcome::kReplaced);
  auto list = store->List();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].sentences, 2);
}

TEST_F(StoreTest, ContentHashCoversTextMetadataAndVersion) {
  Document d = Make("x", "Text.");
  std::string h = Store::ContentHash(d, "v1");
  EXPECT_EQ(h, Store::ContentHash(d, "v1"));
  EXPECT_NE(h, Store::ContentHash(d, "v2"));
  Document e = d;
  e.raw += " ";
  EXPECT_NE(h, Store::ContentHash(e, "v1"));
  e = d;
  e.date = Date::Parse("2020-01-01");
  EXPECT_NE(h, Store::ContentHash(e, "v1"));
  e = d;
  e.approximate_date = Date::ParseMonthOrYear("2020-01");
  EXPECT_NE(h, Store::ContentHash(e, "v1"));
}

// The month-or-year date comes back as it was put, and stays apart from the
// publication date.
TEST_F(StoreTest, RoundTripsTheApproximateDate) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Document d = Make("approx", "Officials met.");
  d.date.reset();
  d.approximate_date = Date::ParseMonthOrYear("2019-11");
  ASSERT_TRUE((*store)->Put(d, "h").ok());
  Document e = Make("exact", "Officials met.");
  ASSERT_TRUE((*store)->Put(e, "h").ok());
  auto got = (*store)->Get("approx");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_FALSE((*got)->date.has_value());
  ASSERT_TRUE((*got)->approximate_date.has_value());
  EXPECT_EQ((*got)->approximate_date->ToString(), "2019-11-15");
  got = (*store)->Get("exact");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->date, e.date);
  EXPECT_FALSE((*got)->approximate_date.has_value());
}

TEST_F(StoreTest, FailedPutLeavesTheStoreConsistentAndARerunResumes) {
  auto store = std::move(*Store::Open(path_));
  ASSERT_TRUE(store->Put(Make("a", "First document."), "ha").ok());
  Poison();  // the write fails at the document's tokens, after its sentences
  auto failed = store->Put(Make("b", "Second document with POISON inside."), "hb");
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("storing b"), std::string::npos);
  EXPECT_FALSE(*store->IsCurrent("b", "hb"));
  EXPECT_EQ(store->List()->size(), 1u);  // nothing of b was left behind
  // A rerun after the cause is gone stores b; a stays unchanged.
  store.reset();
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DROP TRIGGER poison", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  auto reopened = std::move(*Store::Open(path_));
  EXPECT_EQ(*reopened->Put(Make("a", "First document."), "ha"), Store::PutOutcome::kUnchanged);
  EXPECT_EQ(*reopened->Put(Make("b", "Second document with POISON inside."), "hb"), Store::PutOutcome::kAdded);
  EXPECT_EQ(reopened->List()->size(), 2u);
}

// Documents of 2 to 100 tokens (words and a full stop), and one of several
// sentences, all come back whole and in order.
TEST_F(StoreTest, RoundTripsTokensOfEveryCount) {
  auto store = std::move(*Store::Open(path_));
  for (int n : {2, 31, 32, 33, 64, 65, 100, 0}) {
    std::string text;
    for (int k = 1; k < n; ++k) text += "word ";
    text += n ? "." : "One sentence. Then another of six words here. And a third.";
    Document d = Make("n" + std::to_string(n), text);
    if (n) ASSERT_EQ(d.sentences.size(), 1u);
    if (n) ASSERT_EQ(d.sentences[0].tokens.size(), static_cast<size_t>(n));
    ASSERT_TRUE(store->Put(d, "h").ok()) << n;
    auto got = store->Get(d.id);
    ASSERT_TRUE(got.ok() && got->has_value()) << n;
    ExpectSameTokens(**got, d);
  }
}

// The token layer is JSON text: quotes, backslashes, control characters and
// UTF-8 in a form come back as they were, and so does a sentence without
// tokens between two with.
TEST_F(StoreTest, RoundTripsTokensThatNeedEscaping) {
  auto store = std::move(*Store::Open(path_));
  Document d;
  d.id = "odd";
  d.raw = "odd";
  auto token = [](std::string form, std::string lemma, int head) {
    Token t;
    t.form = std::move(form);
    t.lemma = std::move(lemma);
    t.upos = "X";
    t.head = head;
    t.deprel = head < 0 ? "root" : "dep";
    t.raw = {7, 11};
    t.space_after = head >= 0;
    return t;
  };
  d.sentences.resize(3);
  d.sentences[0].tokens = {token("say \"hi\"", "back\\slash", -1), token("tab\there\x01", "\u00E9t\u00E9", 0)};
  d.sentences[2].tokens = {token("\u201CQ\u201D", "", -1)};
  ASSERT_TRUE(store->Put(d, "h").ok());
  ASSERT_TRUE(store->Flush().ok());
  auto got = store->Get("odd");
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
  ExpectSameTokens(**got, d);
  // The view shows the layer as rows, one per token.
  EXPECT_EQ(Query("SELECT COUNT(*) FROM tokens"), 3);
  EXPECT_EQ(Query("SELECT sent FROM tokens WHERE form = '\u201CQ\u201D'"), 2);
  EXPECT_EQ(Query("SELECT idx FROM tokens WHERE lemma = 'back\\slash' AND head = -1 AND space_after = 0"), 0);
}

// A schema 3 store keeps its tokens when they move into the JSON layer of
// schema 4: same order (whatever order the rows went in), same values, and
// an empty sentence keeps its place.
TEST_F(StoreTest, MigratesSchema3TokensIntoTheLayer) {
  ASSERT_NO_FATAL_FAILURE(WriteOldStore(3,
                                        "INSERT INTO documents (doc, id, content_hash, raw, clean, n_sentences, n_tokens) "
                                        "VALUES (5, 'old', 'h', 'Peru left. . It said \"no\".', 'x', 3, 5);"
                                        "INSERT INTO sentences VALUES (5, 0, 0, 10, 0, NULL, 0, 'Peru left.'),"
                                        " (5, 1, 11, 12, 0, NULL, 0, '.'), (5, 2, 13, 25, 1, NULL, 0, 'It said \"no\".');"
                                        "INSERT INTO tokens VALUES (5, 2, 1, 'said', 'say', 'VERB', 'VBD', -1, 'root', 16, 20, 1),"
                                        " (5, 0, 1, 'left', 'leave', 'VERB', 'VBD', -1, 'root', 5, 9, 0),"
                                        " (5, 0, 0, 'Peru', 'Peru', 'PROPN', 'NNP', 1, 'nsubj', 0, 4, 1),"
                                        " (5, 2, 0, 'It', 'it', 'PRON', 'PRP', 1, 'nsubj', 13, 15, 1),"
                                        " (5, 2, 2, '\"no\"', 'no', 'INTJ', 'UH', 1, 'obj', 21, 25, 0);"));
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto got = (*store)->Get("old");
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
  const Document& g = **got;
  ASSERT_EQ(g.sentences.size(), 3u);
  ASSERT_EQ(g.sentences[0].tokens.size(), 2u);
  EXPECT_EQ(g.sentences[0].tokens[0].form, "Peru");
  EXPECT_EQ(g.sentences[0].tokens[0].head, 1);
  EXPECT_EQ(g.sentences[0].tokens[1].lemma, "leave");
  EXPECT_FALSE(g.sentences[0].tokens[1].space_after);
  EXPECT_TRUE(g.sentences[1].tokens.empty());
  ASSERT_EQ(g.sentences[2].tokens.size(), 3u);
  EXPECT_EQ(g.sentences[2].tokens[1].form, "said");
  EXPECT_EQ(g.sentences[2].tokens[2].form, "\"no\"");
  EXPECT_EQ(g.sentences[2].tokens[2].deprel, "obj");
  EXPECT_EQ(g.sentences[2].tokens[2].raw, (Span{21, 25}));
  EXPECT_EQ(Query("SELECT COUNT(*) FROM token_layers"), 1);
}

// Replacing a document deletes its rows from every table: none is left
// without its document.
TEST_F(StoreTest, ReplacingADocumentLeavesNoOrphanRows) {
  auto store = std::move(*Store::Open(path_));
  Document a = Make("a", "\u201CWe agree,\u201D the minister said on Thursdaywhile aides waited.\n- Advertisement -\n"
                         "Chile accused Peru of hiding troops near the border.");
  ASSERT_TRUE(store->Put(a, "h1").ok());
  Document b = Make("a", "Peru rejected the claim.");
  EXPECT_EQ(*store->Put(b, "h2"), Store::PutOutcome::kReplaced);
  EXPECT_EQ(Orphans(), 0);
  EXPECT_EQ(Query("SELECT COUNT(*) FROM sentences"), static_cast<int64_t>(b.sentences.size()));
  auto got = store->Get("a");
  ASSERT_TRUE(got.ok() && got->has_value());
  ExpectSameTokens(**got, b);
}

// A batch commits when it is full and on Flush; until then other connections
// see none of it, and this Store sees all of it.
TEST_F(StoreTest, BatchCommitsWhenFullAndOnFlush) {
  auto store = std::move(*Store::Open(path_, Store::Mode::kReadWrite, {3, 0}));
  std::vector<Document> docs = MakeMany(4);
  ASSERT_TRUE(store->Put(docs[0], "h").ok());
  ASSERT_TRUE(store->Put(docs[1], "h").ok());
  EXPECT_EQ(store->pending(), 2);
  EXPECT_EQ(Committed(), 0);
  EXPECT_EQ(store->List()->size(), 2u);
  EXPECT_TRUE(*store->IsCurrent("d1", "h"));
  ASSERT_TRUE(store->Put(docs[2], "h").ok());
  EXPECT_EQ(store->pending(), 0);
  EXPECT_EQ(Committed(), 3);
  ASSERT_TRUE(store->Put(docs[3], "h").ok());
  EXPECT_EQ(Committed(), 3);
  ASSERT_TRUE(store->Flush().ok());
  EXPECT_EQ(Committed(), 4);
  EXPECT_TRUE(store->Flush().ok());  // nothing open: nothing to do
}

TEST_F(StoreTest, BatchCommitsWhenOldAndOnDestruction) {
  std::vector<Document> docs = MakeMany(3);
  {
    auto store = std::move(*Store::Open(path_, Store::Mode::kReadWrite, {1000, 0.05}));
    ASSERT_TRUE(store->Put(docs[0], "h").ok());
    EXPECT_EQ(Committed(), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
    ASSERT_TRUE(store->Put(docs[1], "h").ok());  // the batch is older than 0.05 s
    EXPECT_EQ(Committed(), 2);
    ASSERT_TRUE(store->Put(docs[2], "h").ok());
    EXPECT_EQ(Committed(), 2);
  }
  EXPECT_EQ(Committed(), 3);
}

// A failed Put takes back its own rows only: the batch's other documents are
// committed with it.
TEST_F(StoreTest, FailedPutInABatchKeepsTheOthers) {
  std::move(*Store::Open(path_)).reset();  // creates the schema
  Poison();
  auto store = std::move(*Store::Open(path_, Store::Mode::kReadWrite, {10, 0}));
  ASSERT_TRUE(store->Put(Make("a", "First document."), "h").ok());
  EXPECT_FALSE(store->Put(Make("b", "Second document with POISON inside."), "h").ok());
  ASSERT_TRUE(store->Put(Make("c", "Third document."), "h").ok());
  ASSERT_TRUE(store->Flush().ok());
  EXPECT_EQ(Committed(), 2);
  EXPECT_EQ(Query("SELECT COUNT(*) FROM documents WHERE id = 'b'"), 0);
  EXPECT_EQ(Orphans(), 0);
}

// A process killed in the middle of a batch leaves a consistent file: the
// committed batches whole, nothing of the open one. A rerun skips the first
// and stores the rest.
TEST_F(StoreTest, KilledRunKeepsCommittedBatchesAndARerunResumes) {
  std::vector<Document> docs = MakeMany(10);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto store = Store::Open(path_, Store::Mode::kReadWrite, {4, 0});
    if (!store.ok()) _exit(2);
    for (const Document& d : docs)
      if (!(*store)->Put(d, "h").ok()) _exit(3);
    raise(SIGKILL);  // two batches committed, two documents in the open one
    _exit(4);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child status " << status;

  EXPECT_EQ(Committed(), 8);
  EXPECT_EQ(Orphans(), 0);
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
    sqlite3_finalize(st);
    sqlite3_close(db);
  }
  auto store = std::move(*Store::Open(path_, Store::Mode::kReadWrite, {4, 0}));
  for (size_t i = 0; i < docs.size(); ++i) {
    auto got = store->Get(docs[i].id);
    ASSERT_TRUE(got.ok());
    ASSERT_EQ(got->has_value(), i < 8) << docs[i].id;
    if (i < 8) ExpectSameTokens(**got, docs[i]);
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(*store->Put(docs[i], "h"), i < 8 ? Store::PutOutcome::kUnchanged : Store::PutOutcome::kAdded);
  }
  ASSERT_TRUE(store->Flush().ok());
  EXPECT_EQ(Committed(), 10);
}

TEST_F(StoreTest, ReadOnlyOpenOfMissingFileFails) {
  auto s = Store::Open(path_ + ".missing", Store::Mode::kReadOnly);
  EXPECT_FALSE(s.ok());
}

TEST_F(StoreTest, RejectsANonStoreFile) {
  { std::ofstream(path_) << "this is not a database file at all, just text that is long enough\n"; }
  auto s = Store::Open(path_);
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace dyad
