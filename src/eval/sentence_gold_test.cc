#include "eval/sentence_gold.h"

#include <gtest/gtest.h>

#include "base/strings.h"
#include "eval/report.h"

namespace dyad::eval {
namespace {

const std::string kTestdata = DYAD_SOURCE_DIR "/src/eval/testdata";

SentenceGoldSet Load(const std::string& file, GoldFormat format) {
  auto set = ReadSentenceGold(kTestdata + "/" + file, format);
  EXPECT_TRUE(set.ok()) << set.status().ToString();
  return set.ok() ? *set : SentenceGoldSet{};
}

SystemRecords System(const std::string& jsonl) {
  auto r = ParseSystemRecords(jsonl, "system");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : SystemRecords{};
}

TEST(SentenceGoldTest, ReadsPetr2Records) {
  SentenceGoldSet set = Load("petr2_tiny.jsonl", GoldFormat::kPetr2);
  EXPECT_EQ(set.scheme, Scheme::kCameo);
  ASSERT_EQ(set.records.size(), 4u);
  EXPECT_EQ(set.records[0].events.size(), 2u);
  EXPECT_EQ(set.records[0].date->ToString(), "2024-05-06");
  EXPECT_TRUE(set.records[2].events.empty()) << "noevents";
  EXPECT_EQ(set.records[3].events[0].source, "") << "PETRARCH's --- is no actor";
}

// A record whose "text" is empty is read from its CoNLL-U "parse".
TEST(SentenceGoldTest, EmptyPetr2TextIsReadFromTheParse) {
  const std::string parse =
      "1\\tPeru\\tPeru\\tPROPN\\tNNP\\t_\\t2\\tnsubj\\t_\\t_\\n"
      "2-3\\tthanked\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\n"
      "2\\tthanked\\tthank\\tVERB\\tVBD\\t_\\t0\\troot\\t_\\t_\\n"
      "3\\tChile\\tChile\\tPROPN\\tNNP\\t_\\t2\\tobj\\t_\\tSpaceAfter=No\\n"
      "4\\t.\\t.\\tPUNCT\\t.\\t_\\t2\\tpunct\\t_\\t_";
  auto set = ParsePetr2Validation("{\"id\": \"x\", \"text\": \"\", \"parse\": \"" + parse + "\", \"events\": []}\n"
                                  "{\"id\": \"y\", \"text\": \"\", \"events\": []}\n",
                                  "p.jsonl");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->records[0].text, "Peru thanked Chile.");
  EXPECT_EQ(set->records[1].text, "") << "no parse: nothing to read";
  ASSERT_EQ(set->warnings.size(), 1u);
  EXPECT_NE(set->warnings[0].find("p.jsonl:1: x"), std::string::npos) << set->warnings[0];
}

TEST(SentenceGoldTest, ReadsPloverRecordsSplittingCompoundActors) {
  SentenceGoldSet set = Load("plover_tiny.jsonl", GoldFormat::kPlover);
  EXPECT_EQ(set.scheme, Scheme::kPlover);
  ASSERT_EQ(set.records.size(), 3u);
  ASSERT_EQ(set.records[0].events.size(), 2u);
  EXPECT_EQ(set.records[0].events[1].source, "PERGOV");
  EXPECT_EQ(set.records[0].events[1].target, "");
  EXPECT_EQ(set.records[1].events[0].code, "REQUEST") << "DEMAND in the 2021 names";
  EXPECT_EQ(set.records[1].events[0].label, "DEMAND");
  EXPECT_EQ(set.records[1].events[0].source, "BOL");
  EXPECT_EQ(set.records[2].events[0].code, "ASSAULT");
  EXPECT_EQ(set.records[2].events[0].target, "") << "a stray \"\" target is no actor";
}

TEST(SentenceGoldTest, DetectsFormats) {
  for (auto [file, format] : {std::pair{"petr2_tiny.jsonl", GoldFormat::kPetr2}, std::pair{"plover_tiny.jsonl", GoldFormat::kPlover},
                              std::pair{"tiny/gold/tiny.jsonl", GoldFormat::kDyad}}) {
    std::string content;
    ASSERT_TRUE(ReadWholeFile(kTestdata + "/" + file, &content));
    EXPECT_EQ(DetectGoldFormat(content), format) << file;
  }
}

struct SentenceCase {
  std::string label;
  std::string system;
  int64_t agreeing;
  ValidationTally tally;
  int64_t triples_matched, roots_matched, codes_matched, actors_matched, system_events;
};
void PrintTo(const SentenceCase& c, std::ostream* os) { *os << c.label; }
class Petr2ScoreTest : public ::testing::TestWithParam<SentenceCase> {};

TEST_P(Petr2ScoreTest, AgreementTallyAndTriples) {
  const SentenceCase& c = GetParam();
  SentenceReport r = ScoreSentences(Load("petr2_tiny.jsonl", GoldFormat::kPetr2), System(c.system));
  EXPECT_EQ(r.sentences, 4);
  EXPECT_EQ(r.agreeing, c.agreeing);
  EXPECT_EQ(r.tally.correct, c.tally.correct);
  EXPECT_EQ(r.tally.uncoded, c.tally.uncoded);
  EXPECT_EQ(r.tally.extra, c.tally.extra);
  EXPECT_EQ(r.triples.gold, 4);
  EXPECT_EQ(r.triples.system, c.system_events);
  EXPECT_EQ(r.triples.matched_gold, c.triples_matched);
  EXPECT_EQ(r.roots.matched_gold, c.roots_matched);
  EXPECT_EQ(r.codes.matched_gold, c.codes_matched);
  EXPECT_EQ(r.actors.matched_gold, c.actors_matched);
}

const char* kPerfect =
    "{\"doc\": \"T_1\", \"source\": \"PER\", \"target\": \"CHL\", \"cameo\": \"057\"}\n"
    "{\"doc\": \"T_1\", \"source\": \"CHL\", \"target\": \"PER\", \"cameo\": \"057\"}\n"
    "{\"doc\": \"T_2\", \"source\": \"BOLCOP\", \"target\": \"BOLOPP\", \"cameo\": \"173\"}\n"
    "{\"doc\": \"T_4\", \"source\": \"\", \"target\": \"PERMIL\", \"cameo\": \"190\"}\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, Petr2ScoreTest,
    ::testing::Values(
        SentenceCase{"perfect", kPerfect, 4, {5, 0, 0}, 4, 4, 4, 4, 4},
        SentenceCase{"nothing", "", 1, {1, 4, 0}, 0, 0, 0, 0, 0},
        // One direction of the pact only; a 4-digit code under the right root;
        // an event where none was expected.
        SentenceCase{"partial",
                     "{\"doc\": \"T_1\", \"source\": \"CHL\", \"target\": \"PER\", \"cameo\": \"057\"}\n"
                     "{\"doc\": \"T_2\", \"source\": \"BOLCOP\", \"target\": \"BOLOPP\", \"cameo\": \"1712\"}\n"
                     "{\"doc\": \"T_3\", \"source\": \"PER\", \"target\": \"\", \"cameo\": \"010\"}\n"
                     "{\"doc\": \"T_4\", \"source\": \"\", \"target\": \"PERMIL\", \"cameo\": \"190\"}\n",
                     1, {2, 3, 2}, 2, 3, 2, 3, 4},
        SentenceCase{"wrong_actors",
                     "{\"doc\": \"T_2\", \"source\": \"BOLGOV\", \"target\": \"BOLOPP\", \"cameo\": \"173\"}\n",
                     1, {1, 4, 1}, 0, 0, 1, 0, 1}),
    [](const auto& info) { return info.param.label; });

TEST(SentenceGoldTest, PloverComparesTypes) {
  SentenceReport r = ScoreSentences(
      Load("plover_tiny.jsonl", GoldFormat::kPlover),
      System("{\"doc\": \"P-1\", \"source\": \"CHLGOV\", \"target\": \"\", \"cameo\": \"036\", \"plover\": \"AGREE\"}\n"
             "{\"doc\": \"P-1\", \"source\": \"PERGOV\", \"target\": \"\", \"cameo\": \"036\", \"plover\": \"AGREE\"}\n"
             "{\"doc\": \"P-2\", \"source\": \"BOL\", \"target\": \"CHLGOV\", \"cameo\": \"1043\", \"plover\": \"REQUEST\"}\n"
             "{\"doc\": \"P-3\", \"source\": \"PERREB\", \"target\": \"\", \"cameo\": \"010\", \"plover\": null}\n"
             "{\"doc\": \"P-9\", \"source\": \"X\", \"target\": \"\", \"cameo\": \"190\", \"plover\": \"ASSAULT\"}\n"));
  EXPECT_EQ(r.sentences, 3);
  EXPECT_EQ(r.agreeing, 2) << "P-3's statement has no PLOVER type, so P-3 is missed";
  EXPECT_EQ(r.triples.gold, 4);
  EXPECT_EQ(r.triples.matched_gold, 3);
  EXPECT_EQ(r.triples.system, 3);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("P-9"), std::string::npos);
  EXPECT_NE(FormatText(r, true).find("P-3"), std::string::npos);
  EXPECT_EQ(ToJson(r, false)["agreeing"], 2);
}

TEST(SentenceGoldTest, MalformedRecordNamesLine) {
  auto set = ParsePetr2Validation("{\"_environment\": {}}\n{\"id\": \"x\", \"text\": \"t\", \"events\": [{\"source\": \"A\"}]}\n", "p.jsonl");
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("p.jsonl:2: events[0]: missing \"target\""), std::string::npos) << set.status().message();
  auto plover = ParsePloverGsr("{\"id\": \"x\", \"text\": \"t\"}\n", "g.jsonl");
  ASSERT_FALSE(plover.ok());
  EXPECT_NE(plover.status().message().find("g.jsonl:1: missing \"event\""), std::string::npos) << plover.status().message();
}

}  // namespace
}  // namespace dyad::eval
