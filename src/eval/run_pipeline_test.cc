// dyad's pipeline run on the tiny gold sets in testdata/, scored end to end:
// what `dyad eval --gold FILE` does without --system. Needs no ../shared.
#include "eval/run_pipeline.h"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>

#include "eval/report.h"
#include "eval/score.h"

namespace dyad::eval {
namespace {

const std::string kTestdata = std::string(DYAD_SOURCE_DIR) + "/src/eval/testdata/";

class RunPipelineTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = std::move(*p).release();
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }
  static Pipeline* pipeline_;
};
Pipeline* RunPipelineTest::pipeline_ = nullptr;

TEST_F(RunPipelineTest, CodesAndScoresADyadGoldFile) {
  const std::string gold = kTestdata + "tiny/gold/tiny.jsonl";
  std::vector<std::string> warnings;
  auto records = RunPipelineOnGold(*pipeline_, gold, GoldFormat::kDyad, &warnings);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  // The mentions of both documents come through, with spans in the raw text.
  std::set<std::string> docs;
  for (const SystemMention& m : records->mentions) {
    docs.insert(m.doc);
    ASSERT_TRUE(m.span.has_value());
  }
  EXPECT_EQ(docs, (std::set<std::string>{"d1", "d2"}));
  EXPECT_FALSE(records->events.empty()) << "the coder found no event in the tiny gold texts";
  for (const SystemEvent& e : records->events) {
    EXPECT_TRUE(e.doc == "d1" || e.doc == "d2") << e.doc;
    EXPECT_TRUE(e.span.has_value());
    EXPECT_FALSE(e.sentence.empty());
  }

  auto report = ScoreGoldFile(gold, *records);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->total.events.root.gold, 7);
  EXPECT_EQ(report->total.events.root.system, static_cast<int64_t>(records->events.size()));
  EXPECT_GT(report->total.mentions.matched_system, 0);
  std::string text = FormatText(*report, true);
  EXPECT_NE(text.find("root"), std::string::npos) << text;
  EXPECT_NE(text.find("dyad"), std::string::npos) << text;
}

TEST_F(RunPipelineTest, CodesEachSentenceOfASentenceSetAsADocument) {
  for (auto [file, format] : {std::pair{"petr2_tiny.jsonl", GoldFormat::kPetr2},
                              std::pair{"plover_tiny.jsonl", GoldFormat::kPlover}}) {
    SCOPED_TRACE(file);
    auto gold = ReadSentenceGold(kTestdata + file, format);
    ASSERT_TRUE(gold.ok()) << gold.status().ToString();
    std::set<std::string> ids;
    for (const SentenceRecord& r : gold->records) ids.insert(r.id);
    std::vector<std::string> warnings;
    auto records = RunPipelineOnGold(*pipeline_, kTestdata + file, format, &warnings);
    ASSERT_TRUE(records.ok()) << records.status().ToString();
    for (const SystemEvent& e : records->events) {
      EXPECT_TRUE(ids.count(e.doc)) << e.doc;
      if (format == GoldFormat::kPlover && e.plover) EXPECT_FALSE(e.plover->empty());
    }
    SentenceReport report = ScoreSentences(*gold, *records);
    EXPECT_EQ(report.sentences, static_cast<int64_t>(gold->records.size()));
    EXPECT_NE(FormatText(report, false).find("agree"), std::string::npos);
  }
}

TEST_F(RunPipelineTest, AMissingGoldFileIsAnError) {
  auto records = RunPipelineOnGold(*pipeline_, kTestdata + "no_such.jsonl", GoldFormat::kDyad, nullptr);
  EXPECT_FALSE(records.ok());
}

// "SOURCE CAMEO TARGET;" for each event a pipeline codes in `text`.
std::string EventsOf(const Pipeline& p, const std::string& text, std::vector<std::string>* trace = nullptr,
                     Date date = Date{2020, 1, 1}) {
  Document doc;
  doc.id = "t";
  doc.raw = text;
  doc.date = date;
  EXPECT_TRUE(p.Process(&doc, trace).ok());
  std::string out;
  for (const Event& e : doc.events) out += e.source + " " + e.cameo + " " + e.target + ";";
  return out;
}

// Options whose only verb patterns are those of a test CAMEO verb file.
PipelineOptions ImportedVerbsOnly(const std::string& file) {
  PipelineOptions o;
  o.verb_files = {kTestdata + "petrarch/" + file};
  o.bundled_verbs = false;
  return o;
}

// A pipeline with `o`'s resources; a failed load fails the test.
std::unique_ptr<Pipeline> PipelineWith(const PipelineOptions& o) {
  auto p = Pipeline::Create(o);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return p.ok() ? std::move(*p) : nullptr;
}

// `o`'s resources under the manual's conventions ([0]) and PETRARCH's ([1]).
std::array<std::unique_ptr<Pipeline>, 2> UnderBothConventions(PipelineOptions o) {
  std::array<std::unique_ptr<Pipeline>, 2> out;
  for (bool petrarch : {false, true}) {
    o.petrarch_conventions = petrarch;
    out[petrarch] = PipelineWith(o);
  }
  return out;
}

// --no-bundled-actors: the --actors files (here CAMEO-format actor and agent
// files of invented names) are the only dictionary.
TEST(PipelineResources, NoBundledActorsUsesOnlyTheGivenFiles) {
  const std::string dir = kTestdata + "petrarch/";
  auto mentions_of = [&](bool bundled) {
    PipelineOptions o;
    o.parse = false;
    o.bundled_actors = bundled;
    o.actor_files = {dir + "test.actors.txt", dir + "test.agents.txt"};
    auto p = Pipeline::Create(o);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    std::map<std::string, std::string> out;  // text -> code
    if (!p.ok()) return out;
    Document doc;
    doc.id = "t";
    doc.raw = "Firefly met envoys of Sylvania and Venezuela in Geneva. Freedonian judges visited Sylvania.";
    doc.date = Date{2020, 1, 1};
    EXPECT_TRUE((*p)->Process(&doc).ok());
    for (const Mention& m : doc.mentions) out[m.text] = m.code;
    return out;
  };
  std::map<std::string, std::string> only = mentions_of(false);
  EXPECT_EQ(only["Firefly"], "FRDGOV");
  EXPECT_EQ(only["Sylvania"], "SYL");
  EXPECT_FALSE(only.count("Venezuela")) << "a bundled name was found without the bundled dictionary";
  // The CAMEO country names compose with the CAMEO agents' role words.
  EXPECT_EQ(only["Freedonian judges"], "FRDJUD");
  std::map<std::string, std::string> both = mentions_of(true);
  EXPECT_EQ(both["Firefly"], "FRDGOV");
  EXPECT_TRUE(both.count("Venezuela"));
  // Without any file there is nothing to recognize, and that is not an error.
  PipelineOptions none;
  none.parse = false;
  none.bundled_actors = false;
  auto p = Pipeline::Create(none);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_NE((*p)->version(), (*Pipeline::Create(PipelineOptions{.parse = false}))->version());
}

// A discard list drops the events of a sentence that holds one of its
// phrases (followed by a word, as PETRARCH finds them), and a story phrase
// those of the whole document.
TEST(PipelineResources, DiscardListsDropEvents) {
  auto events_of = [&](const std::string& text, bool discards) {
    PipelineOptions o;
    if (discards) o.discard_files = {kTestdata + "petrarch/test.discards.txt"};
    auto p = Pipeline::Create(o);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    Document doc;
    doc.id = "t";
    doc.raw = text;
    doc.date = Date{2020, 1, 1};
    EXPECT_TRUE((*p)->Process(&doc).ok());
    std::vector<int> sentences;
    for (const Event& e : doc.events) sentences.push_back(e.sentence);
    return sentences;
  };
  const std::string kText = "Venezuela condemned Colombia on Monday. Venezuela condemned Colombia over the 1936 treaty.";
  std::vector<int> all = events_of(kText, false);
  if (all.empty()) GTEST_SKIP() << "no parser model: no events to drop";
  EXPECT_EQ(all, (std::vector<int>{0, 1}));
  EXPECT_EQ(events_of(kText, true), (std::vector<int>{0}));
  EXPECT_TRUE(events_of(kText + " Both attended the croquet championship in Lima.", true).empty());
}

// An imported null pattern ([---]) stops its verb where it matches: no
// event, and the trace says why; elsewhere the verb codes.
TEST(PipelineResources, ImportedNullPatternCodesNothing) {
  auto p = PipelineWith(ImportedVerbsOnly("test.verbs.txt"));
  ASSERT_TRUE(p);
  auto code = [&](const std::string& text, std::vector<std::string>* trace) { return EventsOf(*p, text, trace); };
  std::vector<std::string> trace;
  if (code("Venezuela condemned Colombia.", &trace).empty()) GTEST_SKIP() << "no parser model: nothing is coded";
  EXPECT_EQ(code("Venezuela condemned Colombia.", nullptr), "VENGOV 111 COLGOV;");
  trace.clear();
  EXPECT_EQ(code("Venezuela condemned the budget of Colombia.", &trace), "");
  bool said = false;
  for (const std::string& line : trace) said = said || line.find("null pattern") != std::string::npos;
  EXPECT_TRUE(said);
}

// PETRARCH's `~` transformations over what is said: saying that oneself
// attacked is a claim of responsibility, saying that another attacked an
// accusation of it; either takes the reported attack's place.
TEST(PipelineResources, ImportedSpeechTransformsReplaceTheReportedAttack) {
  auto p = PipelineWith(ImportedVerbsOnly("speech.verbs.txt"));
  ASSERT_TRUE(p);
  auto code = [&](const std::string& text) { return EventsOf(*p, text); };
  if (code("Venezuela attacked Colombia.").empty()) GTEST_SKIP() << "no parser model: nothing is coded";
  EXPECT_EQ(code("Venezuela attacked Colombia."), "VENGOV 190 COLGOV;");
  EXPECT_EQ(code("Venezuela said that it had attacked Colombia."), "VENGOV 015 COLGOV;");
  EXPECT_EQ(code("Venezuela said that Colombia had attacked Peru."), "VENGOV 112 COLGOV;");
}

// A consultation's purpose clause names what was talked about, whoever its
// object is; a discussion on its own is aimed at its object.
TEST(PipelineResources, ImportedConsultationPurposeIsTheMeetingsTopic) {
  auto p = PipelineWith(ImportedVerbsOnly("consult.verbs.txt"));
  ASSERT_TRUE(p);
  auto code = [&](const std::string& text) { return EventsOf(*p, text); };
  if (code("Venezuela met Colombia.").empty()) GTEST_SKIP() << "no parser model: nothing is coded";
  EXPECT_EQ(code("Venezuela met with Colombia on Monday to discuss the rebels of Peru."), "VENGOV 040 COLGOV;");
  EXPECT_EQ(code("Venezuela discussed the rebels of Peru."), "VENGOV 040 PERREB;");
}

// An intent verb and its complement combine under both conventions: a
// complement below intent in PETRARCH 2's ontology gives the intent of its
// act under both; one above it (attend: 042) gives, under PETRARCH's, the
// complement's act alone (without its way back), and under the manual's its
// intent (036), as any act with an intent form.
TEST(PipelineResources, BothConventionsCombineAnIntentVerbWithItsComplement) {
  const auto pipelines = UnderBothConventions(ImportedVerbsOnly("interaction.verbs.txt"));
  ASSERT_TRUE(pipelines[0] && pipelines[1]);
  auto code = [&](bool petrarch, const std::string& text) { return EventsOf(*pipelines[petrarch], text); };
  const std::string attend = "Venezuela sought to attend the summit of Colombia.";
  const std::string deepen = "Venezuela is seeking to deepen ties with Colombia.";
  if (code(false, attend).empty()) GTEST_SKIP() << "no parser model";
  EXPECT_EQ(code(false, attend), "VENGOV 036 COLGOV;");
  EXPECT_EQ(code(true, attend), "VENGOV 042 COLGOV;");
  EXPECT_EQ(code(false, deepen), "VENGOV 031 COLGOV;");
  EXPECT_EQ(code(true, deepen), "VENGOV 031 COLGOV;");
}

// Where CAMEO's manual and PETRARCH differ (`--conventions`): PETRARCH reads
// a verb without its tense ("will meet" is a meeting, where the manual codes
// the commitment, 036), lists a mutual act among several subjects in both
// directions (the manual's coders once per pair), and reads a role word with
// no country as the unknown country's ("---REB"), where dyad reads the
// article's country into it, or without one names no actor; and it codes no
// statement of its own beyond charging an act of force, nor a participle
// adjunct, but an act no target is found for.
struct ConventionCase {
  const char* text;
  const char* manual;
  const char* petrarch;
};

class ConventionsTest : public ::testing::TestWithParam<ConventionCase> {};

std::string CodeUnder(bool petrarch, const std::string& text, std::string* version) {
  PipelineOptions o;
  o.petrarch_conventions = petrarch;
  std::unique_ptr<Pipeline> p = PipelineWith(o);
  if (!p) return "";
  *version = p->version();
  return EventsOf(*p, text, nullptr, Date{2024, 8, 28});
}

TEST_P(ConventionsTest, CodesUnderEachConvention) {
  const ConventionCase& c = GetParam();
  std::string cameo_version, petrarch_version;
  std::string unused;
  if (CodeUnder(false, "Peru condemned Chile.", &unused).empty()) GTEST_SKIP() << "no parser model: nothing is coded";
  std::string manual = CodeUnder(false, c.text, &cameo_version);
  EXPECT_EQ(manual, c.manual);
  EXPECT_EQ(CodeUnder(true, c.text, &petrarch_version), c.petrarch);
  EXPECT_NE(cameo_version, petrarch_version) << "the version names the conventions, so a store re-codes";
}

INSTANTIATE_TEST_SUITE_P(
    Rows, ConventionsTest,
    ::testing::Values(ConventionCase{"Nicolás Maduro will meet Vladimir Putin in Moscow.", "VENGOV 036 RUSGOV;", "VENGOV 040 RUSGOV;"},
                      ConventionCase{"Peru, Chile and Bolivia met in Lima.",
                                     "PERGOV 040 CHLGOV;PERGOV 040 BOLGOV;CHLGOV 040 BOLGOV;",
                                     "PERGOV 040 CHLGOV;CHLGOV 040 PERGOV;PERGOV 040 BOLGOV;BOLGOV 040 PERGOV;"
                                     "CHLGOV 040 BOLGOV;BOLGOV 040 CHLGOV;"},
                      ConventionCase{"Peru condemned the insurgents.", "PERGOV 111 PERREB;", "PERGOV 111 ---REB;"},
                      ConventionCase{"Insurgents attacked Peru.", "", "---REB 190 PERGOV;"},
                      // PETRARCH codes no statement of its own, but the charge of an act of force.
                      ConventionCase{"Peru said that Chile has evidence against Bolivia.", "PERGOV 010 CHLGOV;", ""},
                      ConventionCase{"Peru said that Chilean troops had been mobilized.", "PERGOV 112 CHLMIL;",
                                     "PERGOV 112 CHLMIL;"},
                      // Nor a present participle adjunct.
                      ConventionCase{"Peru attacked Bolivia, killing Chilean soldiers.", "PERGOV 190 BOLGOV;PERGOV 190 CHLMIL;",
                                     "PERGOV 190 BOLGOV;"},
                      ConventionCase{"Peru responded by attacking Chile.", "PERGOV 190 CHLGOV;", ""},
                      // Nor a gerund after a preposition, with the clauses it holds.
                      ConventionCase{"Peru fined Chile for helping Bolivian rebels attack Ecuador.", "BOLREB 190 ECUGOV;", ""},
                      // PETRARCH codes an act no target is found for, when a specific frame matched.
                      ConventionCase{"Peru imposed new sanctions.", "", "PERGOV 163 ;"},
                      // PETRARCH reads a hyphenated word whole: "government-held" names no government.
                      ConventionCase{"Insurgents shelled a government-held district of Peru.", "", "---REB 194 PERGOV;"}));

// PETRARCH takes the actor a target's noun phrase names, also as its
// adjective: "the Freedonian building" is Freedonia's; the manual's coders
// see a thing, no actor.
TEST(PipelineResources, PetrarchConventionsTargetTheActorAnAdjectiveNames) {
  PipelineOptions o = ImportedVerbsOnly("demolish.verbs.txt");
  o.bundled_actors = false;
  o.actor_files = {kTestdata + "petrarch/test.actors.txt", kTestdata + "petrarch/test.agents.txt"};
  const auto p = UnderBothConventions(o);
  ASSERT_TRUE(p[0] && p[1]);
  if (EventsOf(*p[0], "Sylvania demolished Freedonia.").empty()) GTEST_SKIP() << "no parser model: nothing is coded";
  const std::string text = "The Freedonian building was demolished by Sylvania.";
  EXPECT_EQ(EventsOf(*p[0], text), "");
  EXPECT_EQ(EventsOf(*p[1], text), "SYL 145 FRD;");
}

// PETRARCH matches a pattern's plain word as written (or as the token's
// lemma), so "AGREEMENTS" is not "an agreement"; dyad matches lemmas.
TEST(PipelineResources, PetrarchConventionsMatchPatternWordsAsWritten) {
  const auto p = UnderBothConventions(ImportedVerbsOnly("endorse.verbs.txt"));
  ASSERT_TRUE(p[0] && p[1]);
  if (EventsOf(*p[0], "Venezuela endorsed Colombia.").empty()) GTEST_SKIP() << "no parser model: nothing is coded";
  const std::string singular = "Venezuela endorsed an agreement with Colombia.";
  const std::string plural = "Venezuela endorsed the agreements with Colombia.";
  EXPECT_EQ(EventsOf(*p[0], singular), "VENGOV 057 COLGOV;");
  EXPECT_EQ(EventsOf(*p[0], plural), "VENGOV 057 COLGOV;");
  EXPECT_EQ(EventsOf(*p[1], singular), "VENGOV 051 COLGOV;");
  EXPECT_EQ(EventsOf(*p[1], plural), "VENGOV 057 COLGOV;");
}

// A participle adjunct the parse hangs on the noun before its comma
// ("... overnight, killing ...") is still an adjunct to PETRARCH.
TEST(PipelineResources, PetrarchConventionsCodeNoParticipleAdjunctAfterAComma) {
  PipelineOptions o;
  o.petrarch_conventions = true;
  std::unique_ptr<Pipeline> p = PipelineWith(o);
  ASSERT_TRUE(p);
  std::vector<std::string> trace;
  const std::string text = "Chilean forces bombarded a part of Peru's second city Arequipa overnight, killing at least eight "
                           "Bolivian people.";
  if (EventsOf(*p, text, &trace).empty()) GTEST_SKIP() << "no parser model: nothing is coded";
  bool adjunct = false;
  for (const std::string& line : trace) adjunct = adjunct || line.find("a participle adjunct") != std::string::npos;
  EXPECT_TRUE(adjunct);
}

}  // namespace
}  // namespace dyad::eval
