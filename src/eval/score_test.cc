#include "eval/score.h"

#include <gtest/gtest.h>

#include "eval/report.h"

namespace dyad::eval {
namespace {

const std::string kTinyDir = DYAD_SOURCE_DIR "/src/eval/testdata/tiny";

const GoldSet& Tiny() {
  static const GoldSet* gold = [] {
    auto g = ReadGoldFile(kTinyDir + "/gold/tiny.jsonl");
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return new GoldSet(g.ok() ? *g : GoldSet{});
  }();
  return *gold;
}

// A system event whose evidence is the first occurrence of `evidence` in the
// document (given as offsets, as the coder will).
SystemEvent Ev(const std::string& doc, const std::string& source, const std::string& target, const std::string& cameo,
               const std::string& evidence, const std::string& date = "") {
  SystemEvent e;
  e.doc = doc;
  e.source = source;
  e.target = target;
  e.cameo = cameo;
  for (const GoldDocument& d : Tiny().documents) {
    size_t at = d.doc == doc ? d.text.find(evidence) : std::string::npos;
    if (at != std::string::npos) e.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + evidence.size())};
  }
  EXPECT_TRUE(e.span.has_value()) << evidence;
  if (!date.empty()) e.event_date = Date::Parse(date);
  return e;
}

struct EventCase {
  std::string label;
  std::vector<SystemEvent> events;
  int64_t root, code, dyad;  // matched at each level, over both documents
};
void PrintTo(const EventCase& c, std::ostream* os) { *os << c.label; }

class EventLevelTest : public ::testing::TestWithParam<EventCase> {};

TEST_P(EventLevelTest, MatchesAtEachLevel) {
  const EventCase& c = GetParam();
  SystemRecords sys;
  sys.events = c.events;
  EvalReport r = ScoreGold(Tiny(), sys);
  EXPECT_EQ(r.total.events.root.matched_system, c.root);
  EXPECT_EQ(r.total.events.code.matched_system, c.code);
  EXPECT_EQ(r.total.events.dyad.matched_system, c.dyad);
  EXPECT_EQ(r.total.events.code.system, static_cast<int64_t>(c.events.size()));
  EXPECT_EQ(r.total.events.code.gold, 7);
  for (Level l : {Level::kRoot, Level::kCode, Level::kDyad}) {
    EXPECT_EQ(r.total.events.at(l).matched_system, r.total.events.at(l).matched_gold) << "one to one";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EventLevelTest,
    ::testing::Values(
        EventCase{"exact_code", {Ev("d1", "CHLGOV", "PERGOV", "112", "accused Peru")}, 1, 1, 1},
        EventCase{"alt_code", {Ev("d1", "CHLGOV", "PERGOV", "111", "accused Peru")}, 1, 1, 1},
        EventCase{"root_only", {Ev("d1", "CHLGOV", "PERGOV", "110", "accused Peru")}, 1, 0, 1},
        EventCase{"alt_root", {Ev("d1", "PERGOV", "CHLGOV", "030", "offered to send")}, 1, 0, 1},
        EventCase{"dyad_only", {Ev("d1", "CHLGOV", "PERGOV", "0333", "accused Peru")}, 0, 0, 1},
        EventCase{"reversed_not_symmetric", {Ev("d1", "PERGOV", "CHLGOV", "112", "accused Peru")}, 0, 0, 0},
        EventCase{"reversed_symmetric", {Ev("d1", "PERGOV", "CHLGOV", "043", "met in Lima")}, 1, 1, 1},
        EventCase{"no_overlap", {Ev("d1", "CHLGOV", "PERGOV", "112", "Peru offered to send")}, 0, 0, 0},
        EventCase{"six_characters", {Ev("d1", "CHLGOVEXE", "PERGOVFRM", "112", "Chilean president")}, 1, 1, 1},
        EventCase{"country_only_differs", {Ev("d1", "CHL", "PERGOV", "112", "accused Peru")}, 0, 0, 0},
        EventCase{"empty_target", {Ev("d1", "PERGOV", "", "010", "minister said")}, 1, 1, 1},
        EventCase{"target_where_none", {Ev("d1", "PERGOV", "CHLGOV", "010", "minister said")}, 0, 0, 0},
        EventCase{"one_to_one", {Ev("d1", "CHLGOV", "PERGOV", "112", "accused Peru"), Ev("d1", "CHLGOV", "PERGOV", "112", "hiding troops")}, 1, 1, 1},
        // 104 fits gold "111 (alt 104)" by alt and gold "104" exactly; best
        // first gives it the exact one and leaves "111" for the second event.
        EventCase{"best_first", {Ev("d2", "BOLOPP", "BOLGOV", "104", "demanded new elections"), Ev("d2", "BOLOPP", "BOLGOV", "111", "criticised")}, 2, 2, 2},
        EventCase{"nothing", {}, 0, 0, 0}),
    [](const auto& info) { return info.param.label; });

TEST(ScoreTest, PrecisionRecallF1) {
  Counts c{4, 8, 2, 2};
  EXPECT_DOUBLE_EQ(c.precision(), 0.5);
  EXPECT_DOUBLE_EQ(c.recall(), 0.25);
  EXPECT_NEAR(c.f1(), 1.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ((Counts{0, 0, 0, 0}).f1(), 1.0) << "nothing expected, nothing produced";
  EXPECT_DOUBLE_EQ((Counts{0, 3, 0, 0}).precision(), 0.0);
}

TEST(ScoreTest, Dates) {
  SystemRecords sys;
  sys.events = {Ev("d1", "CHLGOV", "PERGOV", "040", "met in Lima", "2024-05-06"),
                Ev("d2", "BOLCOP", "BOLOPP", "173", "arrested", "2024-05-31"),
                Ev("d1", "CHLGOV", "PERGOV", "112", "accused", "2024-05-09")};  // gold undated: not counted
  EvalReport r = ScoreGold(Tiny(), sys);
  EXPECT_EQ(r.total.dates.dated, 2);
  EXPECT_EQ(r.total.dates.correct, 1);
  EXPECT_DOUBLE_EQ(r.total.dates.accuracy(), 0.5);
}

struct QuoteCase {
  std::string label;
  SystemQuote quote;
  int64_t full, text_only;
};
void PrintTo(const QuoteCase& c, std::ostream* os) { *os << c.label; }
class QuoteTest : public ::testing::TestWithParam<QuoteCase> {};

TEST_P(QuoteTest, SpeakerAndOverlap) {
  SystemRecords sys;
  sys.quotes = {GetParam().quote};
  EvalReport r = ScoreGold(Tiny(), sys);
  EXPECT_EQ(r.total.quotes.matched_gold, GetParam().full);
  EXPECT_EQ(r.total.quote_text.matched_gold, GetParam().text_only);
  EXPECT_EQ(r.total.quotes.gold, 1);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, QuoteTest,
    ::testing::Values(QuoteCase{"right", {"d1", "PERGOVDEF", "defend our land", std::nullopt}, 1, 1},
                      QuoteCase{"by_offsets", {"d1", "PERGOV", "", Span{120, 130}}, 1, 1},
                      QuoteCase{"wrong_speaker", {"d1", "PERMIL", "We will defend", std::nullopt}, 0, 1},
                      QuoteCase{"elsewhere", {"d1", "PERGOV", "send doctors", std::nullopt}, 0, 0},
                      QuoteCase{"other_doc", {"d2", "PERGOV", "We will defend", std::nullopt}, 0, 0}),
    [](const auto& info) { return info.param.label; });

struct MentionCase {
  std::string label;
  SystemMention mention;
  int64_t right;  // 1 if the mention is right (and so finds one gold actor)
};
void PrintTo(const MentionCase& c, std::ostream* os) { *os << c.label; }
class MentionTest : public ::testing::TestWithParam<MentionCase> {};

TEST_P(MentionTest, TextOrSpanAndCode) {
  SystemRecords sys;
  sys.mentions = {GetParam().mention};
  EvalReport r = ScoreGold(Tiny(), sys);
  EXPECT_EQ(r.total.mentions.matched_system, GetParam().right);
  EXPECT_EQ(r.total.mentions.matched_gold, GetParam().right);
  EXPECT_EQ(r.total.mentions.gold, 7);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MentionTest,
    ::testing::Values(MentionCase{"same_text_any_case", {"d1", "PERU", "Peru", "PERGOV", std::nullopt}, 1},
                      MentionCase{"overlapping_span", {"d2", "police", "", "BOLCOP", Span{9, 15}}, 1},
                      MentionCase{"six_characters", {"d2", "The opposition", "", "BOLOPPPTY", std::nullopt}, 1},
                      MentionCase{"wrong_code", {"d1", "Peru", "", "PERMIL", std::nullopt}, 0},
                      MentionCase{"unknown_text_no_span", {"d1", "Lima", "", "PERGOV", std::nullopt}, 0},
                      MentionCase{"other_doc", {"d2", "Peru", "", "PERGOV", std::nullopt}, 0}),
    [](const auto& info) { return info.param.label; });

TEST(ScoreTest, TheFixtureSystemFile) {
  auto sys = ReadSystemRecords(kTinyDir + "/system.jsonl");
  ASSERT_TRUE(sys.ok()) << sys.status().ToString();
  auto r = ScoreGoldFile(kTinyDir + "/gold/tiny.jsonl", *sys);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const DocScore& t = r->total;
  EXPECT_EQ(t.events.root.matched_system, 3);
  EXPECT_EQ(t.events.code.matched_system, 2);
  EXPECT_EQ(t.events.dyad.matched_system, 3);
  EXPECT_DOUBLE_EQ(t.events.code.precision(), 0.5);
  EXPECT_NEAR(t.events.code.recall(), 2.0 / 7.0, 1e-12);
  EXPECT_EQ(t.dates.dated, 2);
  EXPECT_EQ(t.dates.correct, 1);
  EXPECT_EQ(t.quotes.matched_gold, 0);
  EXPECT_EQ(t.quote_text.matched_gold, 1);
  EXPECT_EQ(t.mentions.matched_system, 2);
  EXPECT_EQ(t.mentions.matched_gold, 2);
  ASSERT_EQ(r->docs.size(), 2u);
  EXPECT_EQ(r->docs[1].events.code.matched_system, 1);
  // Misses and false alarms at the code level, with how near they came.
  EXPECT_EQ(r->misses.size(), 5u);
  ASSERT_EQ(r->false_alarms.size(), 2u);
  EXPECT_EQ(r->false_alarms[0].cameo, "110");
  EXPECT_EQ(r->false_alarms[0].nearest, "root");
  EXPECT_EQ(r->false_alarms[1].nearest, "span");
  // The normalized-space gold sentence and the unknown document are reported.
  std::string warnings;
  for (const std::string& w : r->warnings) warnings += w + "\n";
  EXPECT_NE(warnings.find("d1: gold event 2 sentence found only after white-space normalization"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("unknown_doc: not in the gold file"), std::string::npos) << warnings;
  // Both printers carry the numbers.
  EXPECT_NE(FormatText(*r, true).find("false alarms"), std::string::npos);
  EXPECT_EQ(ToJson(*r, true)["total"]["events"]["code"]["matched_system"], 2);
}

void ExpectPerfect(const EvalReport& r) {
  for (const DocScore& d : r.docs) {
    for (Level l : {Level::kRoot, Level::kCode, Level::kDyad}) {
      EXPECT_DOUBLE_EQ(d.events.at(l).f1(), 1.0) << d.doc << " " << LevelName(l);
    }
    EXPECT_DOUBLE_EQ(d.quotes.f1(), 1.0) << d.doc;
    EXPECT_DOUBLE_EQ(d.mentions.f1(), 1.0) << d.doc;
    EXPECT_EQ(d.dates.correct, d.dates.dated) << d.doc;
  }
  EXPECT_TRUE(r.misses.empty());
  EXPECT_TRUE(r.false_alarms.empty());
}

TEST(ScoreTest, GoldAgainstItselfIsPerfect) {
  std::vector<std::string> warnings;
  SystemRecords sys = GoldAsSystem(Tiny(), &warnings);
  EXPECT_TRUE(warnings.empty());
  // Through the file format too, as the CLI reads it.
  auto reread = ParseSystemRecords(ToJsonl(sys), "self");
  ASSERT_TRUE(reread.ok()) << reread.status().ToString();
  EvalReport r = ScoreGold(Tiny(), *reread);
  ExpectPerfect(r);
  EXPECT_EQ(r.total.dates.dated, 2);
}

}  // namespace
}  // namespace dyad::eval
