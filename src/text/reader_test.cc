#include "text/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dyad::text {
namespace {
namespace fs = std::filesystem;

class ReaderTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_reader_" + std::to_string(::getpid()) + "_" +
                                        testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }

  void Read(const std::vector<std::string>& paths, ReadOptions options = {}) {
    ReadInputs(paths, options, [&](Document&& d) { docs_.push_back(std::move(d)); },
               [&](const Status& s) { errors_.push_back(s.ToString()); });
  }

  bool AnyErrorContains(const std::string& a, const std::string& b = "") const {
    for (const auto& e : errors_)
      if (e.find(a) != std::string::npos && e.find(b) != std::string::npos) return true;
    return false;
  }

  fs::path dir_;
  std::vector<Document> docs_;
  std::vector<std::string> errors_;
};

TEST_F(ReaderTest, TextFileWithSidecarMetadata) {
  Write("a1.txt", "Officials met in Lima on Monday.\n");
  Write("a1.json", R"({"date": "2024-05-06 10:00:00+00:00", "title": "Lima talks", "url": "https://x.example/a"})");
  Read({dir_.string()});
  ASSERT_TRUE(errors_.empty()) << errors_[0];
  ASSERT_EQ(docs_.size(), 1u);  // the .json is metadata, not a document
  EXPECT_EQ(docs_[0].id, "a1");
  EXPECT_EQ(docs_[0].date->ToString(), "2024-05-06");
  EXPECT_EQ(docs_[0].title, "Lima talks");
  EXPECT_EQ(docs_[0].raw, "Officials met in Lima on Monday.\n");
}

TEST_F(ReaderTest, DateFlagOnlyFillsUnknownDates) {
  Write("b.txt", "Text one.");
  Write("c.jsonl", R"({"id": "c1", "date": "2020-01-02", "text": "Text two."})" "\n");
  ReadOptions o;
  o.default_date = Date::Parse("2021-03-04");
  Read({dir_.string()}, o);
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].date->ToString(), "2021-03-04");
  EXPECT_EQ(docs_[1].date->ToString(), "2020-01-02");
}

TEST_F(ReaderTest, NoDateIsNeverInvented) {
  Write("d.txt", "Text.");
  Read({dir_.string()});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_FALSE(docs_[0].date.has_value());
}

// A month or a year without a day is kept apart, as the middle of that
// period, and never becomes the publication date.
TEST_F(ReaderTest, MonthOrYearIsAnApproximateDateOnly) {
  struct Row {
    const char* sidecar;
    const char* approximate;  // "" for none
  };
  const Row rows[] = {
      {R"({"date": null, "date_approx": "2019-11"})", "2019-11-15"},
      {R"({"date": "2019-11"})", "2019-11-15"},
      {R"({"published": "2017"})", "2017-07-01"},
      {R"({"date": "2019-11-20", "date_approx": "2019-11"})", ""},
      {R"({"date_approx": "November 2019"})", ""},
      {R"({"date_approx": "2019-13"})", ""},
  };
  for (const Row& row : rows) {
    docs_.clear();
    Write("e.txt", "Text.");
    Write("e.json", row.sidecar);
    Read({dir_.string()});
    ASSERT_EQ(docs_.size(), 1u) << row.sidecar;
    const Document& d = docs_[0];
    EXPECT_EQ(d.approximate_date ? d.approximate_date->ToString() : "", row.approximate) << row.sidecar;
    if (*row.approximate) EXPECT_FALSE(d.date.has_value()) << row.sidecar;
  }
  docs_.clear();
  Write("f.jsonl", R"({"id": "f1", "date": "2019-11", "text": "Text."})" "\n");
  std::filesystem::remove(dir_ / "e.txt");
  std::filesystem::remove(dir_ / "e.json");
  Read({dir_.string()});
  ASSERT_TRUE(errors_.empty()) << errors_[0];
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_FALSE(docs_[0].date.has_value());
  EXPECT_EQ(docs_[0].approximate_date->ToString(), "2019-11-15");
}

TEST_F(ReaderTest, JsonLinesBrokenLinesAreReportedAndTheRestRead) {
  std::string path = Write("batch.jsonl",
                           R"({"id": "ok1", "date": "2024-08-28", "title": "T", "text": "First."})" "\n"
                           R"({"id": "bad", "text": "unterminated)" "\n"
                           "\n"
                           R"(["not", "an", "object"])" "\n"
                           R"({"id": "notext"})" "\n"
                           R"({"id": "baddate", "date": "28/08/2024", "text": "x"})" "\n"
                           R"({"id": "ok2", "text": "Second."})" "\n");
  Read({path});
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].id, "ok1");
  EXPECT_EQ(docs_[1].id, "ok2");
  EXPECT_EQ(docs_[1].source, path + ":7");
  ASSERT_EQ(errors_.size(), 4u);
  EXPECT_TRUE(AnyErrorContains("batch.jsonl:2: byte", "invalid JSON"));
  EXPECT_TRUE(AnyErrorContains("batch.jsonl:4", "JSON object"));
  EXPECT_TRUE(AnyErrorContains("batch.jsonl:5", "\"text\""));
  EXPECT_TRUE(AnyErrorContains("batch.jsonl:6", "date"));
}

TEST_F(ReaderTest, BadFilesAreReportedAndTheRestRead) {
  Write("empty.txt", "");
  Write("blank.txt", "  \n\n");
  Write("binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02", 9));
  Write("latin1.txt", "line one\nCaf\xe9 con leche\n");
  Write("big.txt", std::string(2000, 'a'));
  Write("good.txt", "A good article.");
  ReadOptions o;
  o.max_document_bytes = 1000;
  Read({dir_.string(), (dir_ / "missing.txt").string()}, o);
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "good");
  EXPECT_EQ(errors_.size(), 6u);
  EXPECT_TRUE(AnyErrorContains("empty.txt", "empty"));
  EXPECT_TRUE(AnyErrorContains("blank.txt", "white space"));
  EXPECT_TRUE(AnyErrorContains("binary.txt", "binary"));
  EXPECT_TRUE(AnyErrorContains("latin1.txt:2: byte 12", "invalid UTF-8"));
  EXPECT_TRUE(AnyErrorContains("big.txt", "over the limit"));
  EXPECT_TRUE(AnyErrorContains("missing.txt", "no such file"));
}

}  // namespace
}  // namespace dyad::text
