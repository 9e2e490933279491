#include "dyad/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

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

  std::string path_;
  std::unique_ptr<Pipeline> pipeline_;
};

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
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    for (int v = 0; v < 2; ++v) ASSERT_EQ(sqlite3_exec(db, store::kMigrations[v], nullptr, nullptr, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "INSERT INTO documents (id, content_hash, raw, clean, n_sentences, n_tokens) "
                           "VALUES ('old', 'h', 'x', 'x', 0, 0); PRAGMA user_version = 2;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
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
}

TEST_F(StoreTest, FailedPutLeavesTheStoreConsistentAndARerunResumes) {
  auto store = std::move(*Store::Open(path_));
  ASSERT_TRUE(store->Put(Make("a", "First document."), "ha").ok());
  {
    // A trigger makes the write fail half-way through a document's tokens.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "CREATE TRIGGER poison BEFORE INSERT ON tokens WHEN NEW.form = 'POISON' "
                           "BEGIN SELECT RAISE(ABORT, 'poisoned'); END",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
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
