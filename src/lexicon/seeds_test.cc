// Actor mentions on the seed articles against the gold actor lists
// (../shared/gold/seeds.jsonl; skipped when ../shared is absent). A guard on
// the measured figures (README): recall 0.95, precision 0.84 without pronouns.
#include <gtest/gtest.h>

#include <filesystem>

#include "dyad/pipeline.h"
#include "eval/score.h"
#include "text/reader.h"

namespace dyad::lexicon {
namespace {
namespace fs = std::filesystem;

TEST(SeedMentions, MatchTheGoldActorLists) {
  fs::path shared = DYAD_SHARED_DIR;
  if (!fs::exists(shared / "gold" / "seeds.jsonl")) GTEST_SKIP() << "../shared/gold not present; skipping";
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  eval::SystemRecords system;
  int docs = 0;
  text::ReadInputs({(shared / "seeds").string()}, {}, [&](Document&& d) {
    ASSERT_TRUE(d.date.has_value()) << d.id << ": the seeds' index.json gives every date";
    ASSERT_TRUE((*pipeline)->Process(&d).ok());
    ++docs;
    for (const Mention& m : d.mentions) {
      if (m.how == "pronoun") continue;  // the gold lists name no pronouns
      system.mentions.push_back({d.id, m.text, d.actors[m.actor].name, m.code, m.raw, 0});
    }
  }, [](const Status& s) { ADD_FAILURE() << s.ToString(); });
  ASSERT_EQ(docs, 5);
  auto report = eval::ScoreGoldFile((shared / "gold" / "seeds.jsonl").string(), system);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const eval::Counts& m = report->total.mentions;
  EXPECT_GE(m.recall(), 0.92) << "gold actors found: " << m.matched_gold << "/" << m.gold;
  EXPECT_GE(m.precision(), 0.80) << "right mentions: " << m.matched_system << "/" << m.system;
}

}  // namespace
}  // namespace dyad::lexicon
