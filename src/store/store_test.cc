#include "dyad/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "dyad/pipeline.h"

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
