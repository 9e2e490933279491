// The real gold sets in ../shared: their counts, and a perfect self-score.
// Skipped, with a message, when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "eval/gold.h"
#include "eval/score.h"
#include "eval/sentence_gold.h"

namespace dyad::eval {
namespace {

const std::string kShared = DYAD_SHARED_DIR;

#define SKIP_WITHOUT(path)                                                            \
  if (!std::filesystem::exists(path)) GTEST_SKIP() << (path) << " is absent: skipping"

TEST(SharedGoldTest, SeedsCounts) {
  const std::string path = kShared + "/gold/seeds.jsonl";
  SKIP_WITHOUT(path);
  auto gold = ReadGoldFile(path);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  size_t events = 0, quotes = 0, actors = 0, symmetric = 0, dated = 0;
  for (const GoldDocument& d : gold->documents) {
    events += d.events.size();
    quotes += d.quotes.size();
    actors += d.actors.size();
    for (const GoldEvent& e : d.events) {
      symmetric += e.symmetric;
      dated += e.event_date.has_value();
    }
    EXPECT_FALSE(d.text.empty()) << d.doc;
  }
  EXPECT_EQ(gold->documents.size(), 5u);
  EXPECT_EQ(events, 116u);
  EXPECT_EQ(quotes, 40u);
  EXPECT_EQ(actors, 162u);
  EXPECT_GT(symmetric, 0u);
  EXPECT_GT(dated, 0u);
}

TEST(SharedGoldTest, SeedsAgainstThemselvesArePerfect) {
  const std::string path = kShared + "/gold/seeds.jsonl";
  SKIP_WITHOUT(path);
  auto gold = ReadGoldFile(path);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  std::vector<std::string> warnings;
  SystemRecords self = GoldAsSystem(*gold, &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  EvalReport r = ScoreGold(*gold, self);
  for (const DocScore& d : r.docs) {
    for (Level l : {Level::kRoot, Level::kCode, Level::kDyad}) {
      EXPECT_DOUBLE_EQ(d.events.at(l).f1(), 1.0) << d.doc << " " << LevelName(l);
    }
    EXPECT_DOUBLE_EQ(d.quotes.f1(), 1.0) << d.doc;
    EXPECT_DOUBLE_EQ(d.mentions.f1(), 1.0) << d.doc;
    EXPECT_EQ(d.dates.correct, d.dates.dated) << d.doc;
  }
  EXPECT_EQ(r.total.events.code.matched_gold, 116);
  EXPECT_TRUE(r.misses.empty());
  EXPECT_TRUE(r.false_alarms.empty());
  EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
}

TEST(SharedGoldTest, Petr2ValidationCounts) {
  const std::string path = kShared + "/external/universal-petrarch/PETR2_GSR_validation.jsonl";
  SKIP_WITHOUT(path);
  auto set = ReadSentenceGold(path, GoldFormat::kPetr2);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  size_t events = 0, empty = 0;
  for (const SentenceRecord& r : set->records) {
    events += r.events.size();
    empty += r.events.empty();
  }
  EXPECT_EQ(set->records.size(), 78u);
  EXPECT_EQ(events, 80u);
  EXPECT_EQ(empty, 12u);
}

TEST(SharedGoldTest, PloverGsrCounts) {
  const std::string path = kShared + "/external/plover/PLOVER_GSR_CAMEO.jsonl";
  SKIP_WITHOUT(path);
  auto set = ReadSentenceGold(path, GoldFormat::kPlover);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  size_t triples = 0;
  for (const SentenceRecord& r : set->records) triples += r.events.size();
  EXPECT_EQ(set->records.size(), 322u);
  EXPECT_EQ(triples, 363u) << "compound actors split into one triple per (source, target)";
}

TEST(SharedGoldTest, PeerSetsAgainstThemselvesAgreeEverywhere) {
  for (auto [file, format] : {std::pair{"/external/universal-petrarch/PETR2_GSR_validation.jsonl", GoldFormat::kPetr2},
                              std::pair{"/external/plover/PLOVER_GSR_CAMEO.jsonl", GoldFormat::kPlover}}) {
    const std::string path = kShared + file;
    SKIP_WITHOUT(path);
    auto set = ReadSentenceGold(path, format);
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    SystemRecords self;
    for (const SentenceRecord& r : set->records) {
      for (const SentenceEvent& e : r.events) {
        SystemEvent s;
        s.doc = r.id;
        s.source = e.source;
        s.target = e.target;
        s.cameo = format == GoldFormat::kPetr2 ? e.code : "040";
        if (format == GoldFormat::kPlover) s.plover = e.code;
        self.events.push_back(s);
      }
    }
    SentenceReport report = ScoreSentences(*set, self);
    EXPECT_EQ(report.agreeing, report.sentences) << path;
    EXPECT_DOUBLE_EQ(report.triples.f1(), 1.0) << path;
    EXPECT_EQ(report.tally.uncoded + report.tally.extra, 0) << path;
  }
}

}  // namespace
}  // namespace dyad::eval
