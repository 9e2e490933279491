#include "lexicon/cameo_import.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/strings.h"

namespace dyad::lexicon {
namespace {

const std::string kTestdata = std::string(DYAD_SOURCE_DIR) + "/src/lexicon/testdata/";
const std::string kPetrarch = std::string(DYAD_SHARED_DIR) + "/external/petrarch2/dictionaries/";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Date D(std::string_view s) { return *ParseDictionaryDate(s); }

// The code of the entry named `name` (canonical or alias) on `date`; "-" when
// no code covers the date, "?" when there is no such actor.
std::string CodeOf(const ActorDictionary& dict, std::string_view name, std::string_view date) {
  const ActorEntry* e = dict.FindActor(name);
  if (!e) return "?";
  return CodeAt(*e, D(date)).value_or("-");
}

const ActorEntry* Agent(const ActorDictionary& dict, std::string_view code) {
  for (const ActorEntry& e : dict.entries)
    if (e.kind == EntryKind::kAgent && e.code == code) return &e;
  return nullptr;
}

bool HasTerm(const ActorEntry* e, std::string_view term) {
  return e && std::find(e->terms.begin(), e->terms.end(), term) != e->terms.end();
}

bool HasDoubt(const ActorEntry& e, std::string_view part) {
  for (const std::string& d : e.doubts)
    if (d.find(part) != std::string::npos) return true;
  return false;
}

// ---- dates -------------------------------------------------------------------

TEST(CameoImport, Dates) {
  struct Case {
    std::string in;
    std::string want;  // "" for invalid
    bool odd;
  };
  const Case cases[] = {
      {"030101", "2003-01-01", false},   {"300101", "2030-01-01", false},  // pivot: 00-30 -> 20xx
      {"310101", "1931-01-01", false},   {"991231", "1999-12-31", false},
      {"20121207", "2012-12-07", false}, {"19411207", "1941-12-07", false},
      {"9008223", "1990-08-22", true},   {"201005011", "2010-05-01", true},  // as PETRARCH reads them
      {"120229", "2012-02-29", false},   {"20100931", "", false},            // no 31 September
      {"110229", "", false},             {"0301", "", false},
      {"03O101", "", false},             {"", "", false},
  };
  for (const Case& c : cases) {
    bool odd = false;
    auto d = ParseCameoDate(c.in, &odd);
    EXPECT_EQ(d ? FormatDate(*d) : "", c.want) << c.in;
    if (d) EXPECT_EQ(odd, c.odd) << c.in;
  }
}

// ---- actors ------------------------------------------------------------------

class CameoActors : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = ParseCameoActors(ReadFile(kTestdata + "cameo_actors.txt"), "cameo_actors.txt", &report_);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    dict_ = std::move(*r);
  }
  ActorDictionary dict_;
  CameoImportReport report_;
};

TEST_F(CameoActors, NamesKindsAndCodesAtDates) {
  struct Case {
    std::string name;
    EntryKind kind;
    std::string date;
    std::string code;
  };
  const Case cases[] = {
      // one-line entries; a bare country code is an org-like name for the country
      {"Freedonia", EntryKind::kOrg, "2020-01-01", "FRD"},
      {"free donia", EntryKind::kOrg, "1900-01-01", "FRD"},  // '_' joins words; case-insensitive
      {"FREEDONIA CITY", EntryKind::kOrg, "2020-01-01", "FRD"},
      {"Sylvania", EntryKind::kOrg, "2020-01-01", "SYL"},
      // dated codes, YYMMDD with the 1930/2030 pivot; an undated code is the default
      {"Rufus T. Firefly", EntryKind::kPerson, "1950-01-01", "FRDELI"},
      {"firefly rufus", EntryKind::kPerson, "1960-07-01", "FRDGOV"},  // begin is included
      {"Rufus T. Firefly", EntryKind::kPerson, "2003-03-15", "FRDELI"},  // end is not
      {"Rufus T. Firefly", EntryKind::kPerson, "2019-01-01", "FRDGOV"},  // >20190101
      {"Rufus T. Firefly", EntryKind::kPerson, "1920-01-01", "FRDELI"},
      // several brackets on the header line: dated ones first
      {"Trentino Ambassador", EntryKind::kPerson, "2020-06-01", "SYLELI"},
      {"Trentino Ambassador", EntryKind::kPerson, "2021-01-01", "SYLGOV"},
      // <D, D-D with blanks, > D, a one-day range
      {"Chicolini the Peanut Vendor", EntryKind::kPerson, "1995-05-31", "FRDOPP"},
      {"Chicolini the Peanut Vendor", EntryKind::kPerson, "1995-06-01", "FRDREB"},
      {"Chicolini the Peanut Vendor", EntryKind::kPerson, "1999-08-15", "-"},
      {"Chicolini the Peanut Vendor", EntryKind::kPerson, "1999-08-16", "FRDGOV"},
      {"Chicolini the Peanut Vendor", EntryKind::kPerson, "2010-01-09", "FRDMED"},
      {"Chicolini the Peanut Vendor", EntryKind::kPerson, "2010-01-10", "FRDGOV"},
      // dropped codes leave the default
      {"Vera Marcal", EntryKind::kPerson, "2011-06-01", "FRDELI"},
      {"Pinky the Spy", EntryKind::kOrg, "2011-06-01", "FRDSPY"},
      {"Grand Fenwick News Service", EntryKind::kMedia, "2011-06-01", "FRDMED"},
      {"flf", EntryKind::kGroup, "2011-06-01", "FRDREB"},
      // the same name twice: one entry, codes of both lines
      {"Zeppo", EntryKind::kPerson, "2001-01-01", "FRDGOV"},
      {"Zeppo Marx", EntryKind::kPerson, "2006-01-01", "FRDELI"},
      // lower case and a '}' for ']' are PETRARCH typos read through
      {"Harpo", EntryKind::kOrg, "2006-01-01", "FRDGOV"},
  };
  for (const Case& c : cases) {
    const ActorEntry* e = dict_.FindActor(c.name);
    ASSERT_NE(e, nullptr) << c.name;
    EXPECT_EQ(e->kind, c.kind) << c.name;
    EXPECT_TRUE(e->imported) << c.name;
    EXPECT_EQ(CodeOf(dict_, c.name, c.date), c.code) << c.name << " on " << c.date;
  }
  EXPECT_EQ(dict_.FindActor("Mrs Teasdale"), nullptr);  // only a null code
  EXPECT_EQ(dict_.FindActor("not a code"), nullptr);    // inside a comment block
  EXPECT_EQ(dict_.FindActor("Freedonia")->aliases.size(), 4u);
  EXPECT_EQ(dict_.FindActor("Freedonia")->aliases[3].text, "FREEDONIA");  // the stray ']' removed
  EXPECT_EQ(dict_.FindActor("Freedonia")->aliases[0].exact, false);
}

TEST_F(CameoActors, ReportsWhatItDropped) {
  EXPECT_EQ(report_.skipped_entries, 1u);  // MRS TEASDALE
  EXPECT_EQ(report_.dropped_codes, 5u);    // ---, G77, +++ and two reversed ranges
  EXPECT_EQ(dict_.import_stats.folded_entries, 1u);  // the second ZEPPO
  const ActorEntry* vera = dict_.FindActor("Vera Marcal");
  ASSERT_NE(vera, nullptr);
  EXPECT_TRUE(HasDoubt(*vera, "ends before it begins"));
  EXPECT_TRUE(HasDoubt(*vera, "date '2004017' read as 2020-04-01"));
  EXPECT_TRUE(HasDoubt(*dict_.FindActor("Pinky the Spy"), "'G77' is not a CAMEO code"));
  EXPECT_TRUE(HasDoubt(*dict_.FindActor("Grand Fenwick News Service"), "text after the code ignored"));
  bool teasdale = false;
  for (const auto& item : report_.items) teasdale |= item.what.find("MRS TEASDALE") != std::string::npos;
  EXPECT_TRUE(teasdale);
}

TEST(CameoImport, ActorErrorsNameFileLineAndProblem) {
  struct Case {
    std::string text;
    std::string where;  // "f.txt:N:"
    std::string what;
  };
  const Case cases[] = {
      {"+ALIAS_ONLY\n", "f.txt:1:", "alias line before any actor entry"},
      {"# c\n\t[USAGOV]\n", "f.txt:2:", "code line before any actor entry"},
      {"BOB [USAGOV\n", "f.txt:1:", "not closed"},
      {"BOB USAGOV]\n", "f.txt:1:", "']' without a '['"},
      {"BOB []\n", "f.txt:1:", "empty code bracket"},
      {"BOB [USAGOV] junk [USAELI]\n", "f.txt:1:", "unexpected text 'junk' between code brackets"},
      {"BOB\n\t[USA-GOV]\n", "f.txt:2:", "malformed code 'USA-GOV'"},
      {"BOB\n\t[950601-990815]\n", "f.txt:2:", "malformed code '950601-990815'"},
      {"BOB [~GOV]\n", "f.txt:1:", "agent code '~GOV' in an actor dictionary"},
      {"BOB\n\t[USAGOV 20100931-20110101]\n", "f.txt:2:", "bad date '20100931'"},
      {"BOB\n\t[USAGOV >0301]\n", "f.txt:2:", "bad date '0301'"},
      {"BOB\n\t[USAGOV 1-2-3]\n", "f.txt:2:", "malformed date range '1-2-3'"},
      {"BOB\n\t[USAGOV 990101-]\n", "f.txt:2:", "malformed date range"},
      {"BOB [USAGOV]\n+\n", "f.txt:2:", "empty alias"},
      {"+BOB\n", "f.txt:1:", "before any actor entry"},
      {"BOB {BOBS} [USA]\n", "f.txt:1:", "'{...}' plurals belong in agent dictionaries"},
      {"[USA]\n", "f.txt:1:", "code line before any actor entry"},
      {"BOB [USA]\n+ALIAS [USA]\n", "f.txt:2:", "an alias line takes no code bracket"},
      {"BOB [USA]\n+[ALIAS\n", "f.txt:2:", "an alias line takes no code bracket"},
  };
  for (const Case& c : cases) {
    auto r = ParseCameoActors(c.text, "f.txt");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().code(), Status::Code::kDataError);
    EXPECT_NE(r.status().message().find(c.where), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find(c.what), std::string::npos) << r.status().message();
  }
}

// ---- agents ------------------------------------------------------------------

TEST(CameoImport, Agents) {
  CameoImportReport report;
  auto r = ParseCameoAgents(ReadFile(kTestdata + "cameo_agents.txt"), "cameo_agents.txt", &report);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  struct Case {
    std::string code;
    std::string term;
    bool present;
  };
  const Case cases[] = {
      {"GOV", "FROBNICATOR", true},         {"GOV", "FROBNICATORS", true},  // regular plural
      {"MED", "TOWN CRIER", true},          {"MED", "TOWN CRIERS", false},  // {} : no plural
      {"GOV", "GRAND VIZIER", true},        {"GOV", "GRAND VIZIERS OF STATE", true},
      {"GOV", "GRAND VIZIERS", false},      {"GOV", "DUCHIES", true},       // ...Y -> ...IES
      {"BUS", "WALRUS BOSSES", true},       {"LAB", "LAMPLIGHTER", true},   // ...S -> ...SES; blanks in [ ~LAB ]
      {"LAB", "LAMPLIGHTERS", true},        {"LAB", "CANALMAN", true},      // substitution set
      {"LAB", "CANALWOMEN", true},          {"LAB", "CANALMANS", false},    // no plurals of substitutions
      {"GOVMIL", "MINISTRY OF SILLY WALKS", true},  // a compound role code
      {"NGO", "MERRY RELIEF SOCIETIES", true},      // NGO~ : the role goes before
  };
  const ActorDictionary& dict = *r;
  for (const Case& c : cases) EXPECT_EQ(HasTerm(Agent(dict, c.code), c.term), c.present) << c.code << " " << c.term;
  EXPECT_EQ(Agent(dict, "GOV")->kind, EntryKind::kAgent);
  EXPECT_EQ(Agent(dict, "GOV")->name, "GOV");
  ASSERT_FALSE(Agent(dict, "NGO")->notes.empty());
  EXPECT_NE(Agent(dict, "NGO")->notes[0].find("before"), std::string::npos);
  EXPECT_EQ(Agent(dict, "OPPG77"), nullptr);  // not a role code: dropped
  EXPECT_EQ(report.dropped_codes, 3u);  // OPPG77, SNEAKY_WHISPERER without a code, two markers
  // Lookup finds terms case-insensitively and says the role.
  auto hits = dict.Lookup("frobnicators");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].how, NameKind::kTerm);
  EXPECT_EQ(hits[0].role, "GOV");
}

TEST(CameoImport, AgentErrorsNameFileLineAndProblem) {
  struct Case {
    std::string text;
    std::string where;
    std::string what;
  };
  const Case cases[] = {
      {"X [GOV]\n", "a.txt:1:", "malformed agent code 'GOV'"},
      {"X [~GOV~]\n", "a.txt:1:", "malformed agent code"},
      {"X [~G-V]\n", "a.txt:1:", "malformed agent code"},
      {"X {XS [~GOV]\n", "a.txt:1:", "'{' without '}'"},
      {"X {XS} Y [~GOV]\n", "a.txt:1:", "text after the '{...}' plural"},
      {"# c\nX!NOPE! [~GOV]\n", "a.txt:2:", "undefined substitution marker !NOPE!"},
      {"!P! = A, , B\n", "a.txt:1:", "empty item in substitution set"},
      {"[~GOV]\n", "a.txt:1:", "without an agent phrase"},
      {"X [~GOV] [~MIL]\n", "a.txt:1:", "one code bracket"},
      {"X [~GOV] Y\n", "a.txt:1:", "unexpected text 'Y'"},
      {"X [~GOV\n", "a.txt:1:", "not closed"},
  };
  for (const Case& c : cases) {
    auto r = ParseCameoAgents(c.text, "a.txt");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.status().message().find(c.where), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find(c.what), std::string::npos) << r.status().message();
  }
}

// ---- format detection and merging ------------------------------------------

TEST(CameoImport, SniffsTheFormat) {
  struct Case {
    std::string text, path;
    DictionaryFormat want;
  };
  const Case cases[] = {
      {"# c\n\n@country VEN\nname: Venezuela\n", "x.actors", DictionaryFormat::kDyad},
      {"# only comments\n", "x.txt", DictionaryFormat::kDyad},
      {"VENEZUELA [VEN]\n", "x.actors", DictionaryFormat::kCameoActors},
      {"<!-- x -->\nAMBASSADOR [~GOV]\n", "x.txt", DictionaryFormat::kCameoAgents},
      {"HUMAN_RIGHTS_BODY [NGO~]\n", "x.txt", DictionaryFormat::kCameoAgents},
      {"!P! = A, B\nX!P! [~GOV]\n", "x.txt", DictionaryFormat::kCameoAgents},
      {"ISLAMIST\n", "dir/My.Agents.txt", DictionaryFormat::kCameoAgents},
  };
  for (const Case& c : cases) EXPECT_EQ(SniffDictionaryFormat(c.text, c.path), c.want) << c.text;
}

// dyad's entries win over imported ones, whichever file comes first.
TEST(CameoImport, MergeLetsDyadEntriesWin) {
  for (bool dyad_first : {true, false}) {
    std::vector<std::string> files = {kTestdata + "dyad_small.actors", kTestdata + "cameo_actors.txt"};
    if (!dyad_first) std::swap(files[0], files[1]);
    auto r = LoadActorDictionaries(files);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    const ActorDictionary& dict = *r;
    // "Rufus T. Firefly" is dyad's; the CAMEO entry keeps its other alias.
    const ActorEntry* rufus = dict.FindActor("Rufus T. Firefly");
    ASSERT_NE(rufus, nullptr);
    EXPECT_FALSE(rufus->imported);
    EXPECT_EQ(CodeOf(dict, "Rufus T. Firefly", "1950-01-01"), "FRDGOV");
    EXPECT_EQ(CodeOf(dict, "Firefly Rufus", "1950-01-01"), "FRDELI");
    // Freedonia, Freedonian and Freedonia City are the dyad country's names.
    for (std::string_view name : {"Freedonia", "Freedonian", "Freedonia City"}) {
      auto hits = dict.Lookup(name);
      ASSERT_EQ(hits.size(), 1u) << name;
      EXPECT_EQ(hits[0].entry->kind, EntryKind::kCountry) << name;
    }
    EXPECT_EQ(CodeOf(dict, "Free Donia", "2020-01-01"), "FRD");
    EXPECT_EQ(dict.import_stats.shadowed_names, 5u);  // FREEDONIA twice, RUFUS T. FIREFLY, FREEDONIAN, FREEDONIA CITY
    EXPECT_EQ(dict.import_stats.skipped_entries, 0u);
  }
}

TEST(CameoImport, MergeStillRejectsDyadDuplicates) {
  auto a = ParseActorDictionary("@person Ann\ncode: USAGOV\n", "a.actors");
  auto b = ParseActorDictionary("@person Ann\ncode: USAELI\n", "b.actors");
  ASSERT_TRUE(a.ok() && b.ok());
  Status s = a->Merge(std::move(*b));
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("duplicate entry; first defined at a.actors:1"), std::string::npos) << s.message();
}

TEST(CameoImport, ShadowedEntryWithoutOtherNamesIsSkipped) {
  auto dict = ParseActorDictionary("@person Ann Lee\ncode: USAGOV\n", "a.actors");
  auto cameo = ParseCameoActors("ANN_LEE_ [USAELI]\nBOB_ [USAGOV]\n", "c.txt");
  ASSERT_TRUE(dict.ok() && cameo.ok());
  ASSERT_TRUE(dict->Merge(std::move(*cameo)).ok());
  EXPECT_EQ(dict->import_stats.skipped_entries, 1u);
  EXPECT_EQ(dict->entries.size(), 2u);
  EXPECT_EQ(CodeOf(*dict, "Ann Lee", "2020-01-01"), "USAGOV");
}

// CAMEO bakes titles and determiners into names; dyad composes them.
TEST(CameoImport, MergeShadowsNamesMadeOfDyadNames) {
  auto dict = ParseActorDictionary(
      "@country FRD\nname: Freedonia\n\n@person Rufus T. Firefly\nalias: Firefly\ncode: FRDGOV\n\n"
      "@agent GOV\nterm: president\n",
      "a.actors");
  auto cameo = ParseCameoActors(
      "PRESIDENT_OF_FREEDONIA [FRDGOV]\n+THE_FREEDONIA\n+MR._FIREFLY\n+FREEDONIA_CANAL_ZONE\n+THE_OF\n", "c.txt");
  ASSERT_TRUE(dict.ok() && cameo.ok());
  ASSERT_TRUE(dict->Merge(std::move(*cameo)).ok());
  EXPECT_EQ(dict->import_stats.shadowed_names, 3u);
  const ActorEntry* e = dict->FindActor("Freedonia Canal Zone");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "FREEDONIA CANAL ZONE");
  ASSERT_EQ(e->aliases.size(), 1u);
  EXPECT_EQ(e->aliases[0].text, "THE OF");  // glue words alone are not a dyad name
}

// ---- the real PETRARCH dictionaries ------------------------------------------

TEST(CameoImport, LoadsThePhoenixDictionaries) {
  if (!std::filesystem::exists(kPetrarch + "phoenix/Phoenix.Countries.actors.txt"))
    GTEST_SKIP() << "no " << kPetrarch << " (../shared absent)";
  const std::vector<std::string> files = {
      kPetrarch + "phoenix/Phoenix.Countries.actors.txt", kPetrarch + "phoenix/Phoenix.International.actors.txt",
      kPetrarch + "phoenix/Phoenix.MilNonState.actors.txt", kPetrarch + "phoenix/Phoenix.agents.txt"};
  auto start = std::chrono::steady_clock::now();
  auto r = LoadActorDictionaries(files);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const ActorDictionary& dict = *r;
  size_t names = 0;
  for (const ActorEntry& e : dict.entries) names += e.kind == EntryKind::kAgent ? e.terms.size() : 1 + e.aliases.size();
  std::cout << "Phoenix: " << dict.entries.size() << " entries, " << names << " names and terms, "
            << dict.Count(EntryKind::kPerson) << " persons, " << dict.CountAgentTerms() << " agent terms, "
            << dict.import_stats.folded_entries << " folded; loaded in " << seconds << " s\n";
  // The three actor files hold 35,617 names (18,390 headers, 8,365 '+' aliases,
  // comments and blank lines aside), some repeated; the agents ~3,500 phrases,
  // ~5,100 terms with plurals and substitutions.
  EXPECT_GE(names, 39000u);
  EXPECT_GE(dict.Count(EntryKind::kPerson), 10000u);
  EXPECT_GE(dict.CountAgentTerms(), 3000u);
  struct Case {
    std::string name, date, code;
  };
  const Case cases[] = {
      {"Barack Obama", "2010-06-01", "USAGOV"},   {"President Obama", "1990-01-01", "USAELI"},
      {"Barack Obama", "2005-01-01", "-"},        // between his ELI range and >090120
      {"Vladimir Putin", "2010-01-01", "RUSGOV"}, {"Putin", "2008-05-07", "RUSELI"},  // the gap: the default
      {"Abdelaziz Bouteflika", "2005-01-01", "DZAGOV"},
      {"Said Barkat", "2009-01-01", "DZAGOVHLH"}, {"Said Barkat", "2011-01-01", "DZAGOV"},
      {"Afghanistan", "2010-01-01", "AFG"},       {"Hezbollah", "2010-01-01", "LBNREB"},
      {"Hizbullah", "2010-01-01", "LBNREB"},
  };
  for (const Case& c : cases) EXPECT_EQ(CodeOf(dict, c.name, c.date), c.code) << c.name << " on " << c.date;
  EXPECT_TRUE(HasTerm(Agent(dict, "GOV"), "PRIME MINISTER"));
  EXPECT_TRUE(HasTerm(Agent(dict, "GOV"), "PRIME MINISTERS"));
  EXPECT_TRUE(HasTerm(Agent(dict, "COP"), "POLICE"));
  EXPECT_FALSE(HasTerm(Agent(dict, "COP"), "POLICES"));
  EXPECT_TRUE(HasTerm(Agent(dict, "COP"), "POLICEWOMEN"));
  EXPECT_EQ(Agent(dict, "ENV") != nullptr, true);  // "[~ENV}" read through
}

TEST(CameoImport, LoadsThePetrarchValidationDictionaries) {
  if (!std::filesystem::exists(kPetrarch + "PETR.Validate.actors.txt"))
    GTEST_SKIP() << "no " << kPetrarch << " (../shared absent)";
  auto r = LoadActorDictionaries({kPetrarch + "PETR.Validate.actors.txt", kPetrarch + "PETR.Validate.agents.txt"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const ActorDictionary& dict = *r;
  // PETRARCH's own date-restriction test entries.
  EXPECT_EQ(CodeOf(dict, "Sam Gamgee", "2007-01-01"), "HOBCIV");
  EXPECT_EQ(CodeOf(dict, "Sam Gamgee", "2010-01-10"), "ORCHOB");
  EXPECT_EQ(CodeOf(dict, "Sam Gamgee", "2011-01-10"), "HOBMIL");
  EXPECT_EQ(CodeOf(dict, "Sam Gamgee", "2013-01-20"), "HOBELI");
  EXPECT_EQ(CodeOf(dict, "Hamfast Gamgee", "2013-01-20"), "HOB");
  EXPECT_EQ(CodeOf(dict, "Smeagol", "1994-01-01"), "HOB");
  EXPECT_EQ(CodeOf(dict, "Smeagol", "1996-01-01"), "HOBGOV");
  EXPECT_EQ(CodeOf(dict, "Zimbabwe", "1975-01-01"), "RHO");
  EXPECT_EQ(CodeOf(dict, "Zimbabwe", "1985-01-01"), "ZBW");
  // "PALESTINIAN [pse]" comes before "PALESTINE [PAL] +PALESTINIAN": the first entry is found first.
  EXPECT_EQ(CodeOf(dict, "Palestinian", "2000-01-01"), "PSE");
  EXPECT_TRUE(HasTerm(Agent(dict, "LEG"), "CONGRESSWOMAN"));
}

TEST(CameoImport, PhoenixMergesIntoTheBundledDictionary) {
  if (!std::filesystem::exists(kPetrarch + "phoenix/Phoenix.Countries.actors.txt"))
    GTEST_SKIP() << "no " << kPetrarch << " (../shared absent)";
  auto dict = LoadBundledActorDictionary(std::string(DYAD_SOURCE_DIR) + "/data");
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  auto phoenix = LoadActorDictionaries(
      {kPetrarch + "phoenix/Phoenix.Countries.actors.txt", kPetrarch + "phoenix/Phoenix.agents.txt"});
  ASSERT_TRUE(phoenix.ok()) << phoenix.status().ToString();
  ASSERT_TRUE(dict->Merge(std::move(*phoenix)).ok());
  EXPECT_GT(dict->import_stats.shadowed_names, 100u);
  // Bundled entries keep their names, and the Phoenix ones dyad lacks are added.
  for (std::string_view name : {"Venezuela", "Venezuelan", "Caracas", "Nicolas Maduro", "Maduro"}) {
    auto hits = dict->Lookup(name);
    ASSERT_FALSE(hits.empty()) << name;
    for (const NameHit& h : hits) EXPECT_FALSE(h.entry->imported) << name << " " << h.entry->name;
  }
  EXPECT_FALSE(dict->FindActor("Nicolas Maduro")->imported);
  // Names made of bundled names and role words are left to dyad's composition.
  for (std::string_view name : {"President Maduro", "the United States", "President of the United States"}) {
    for (const NameHit& h : dict->Lookup(name)) EXPECT_FALSE(h.entry->imported) << name << " " << h.entry->name;
  }
  EXPECT_EQ(CodeOf(*dict, "Said Barkat", "2009-01-01"), "DZAGOVHLH");  // what dyad lacks is added
}

// PETRARCH discard lists: sentence phrases, story phrases ('+'), comments.
TEST(CameoImport, DiscardPhrasesMatchWholeWords) {
  const char kDiscards[] =
      "# story-level discards carry a '+'\n"
      "1936\n"
      "SILVER MEDAL   # a comment after the phrase\n"
      "+CROQUET_CHAMPIONSHIP_\n"
      "PENALTY_SHOOT-OUT\n"
      "\n"
      "   # an indented comment line\n";
  DiscardList list = ParseCameoDiscards(kDiscards);
  ASSERT_EQ(list.phrases.size(), 4u);
  EXPECT_EQ(list.phrases[0].words, (std::vector<std::string>{"1936"}));
  EXPECT_FALSE(list.phrases[0].story);
  EXPECT_EQ(list.phrases[1].words, (std::vector<std::string>{"SILVER", "MEDAL"}));
  EXPECT_EQ(list.phrases[2].words, (std::vector<std::string>{"CROQUET", "CHAMPIONSHIP"}));
  EXPECT_TRUE(list.phrases[2].story);
  EXPECT_EQ(list.phrases[2].line, 4);
  EXPECT_EQ(list.phrases[3].words, (std::vector<std::string>{"PENALTY", "SHOOT-OUT"}));

  // PETRARCH2's check_discards: white-space words, any case, punctuation
  // part of the word, a word after the phrase, text order, no restart on the
  // word where a partial match fails. 0: no phrase found.
  const struct {
    const char* sentence;
    int line;
  } kCases[] = {
      {"Freedonia recalled the games of 1936 with its envoy.", 2},
      {"Freedonia recalled the games of 1936, its envoy said.", 0},
      {"Freedonia paid 19360 ducats to Sylvania.", 0},
      {"Freedonia won a silver medallion.", 0},
      {"She took the Silver Medal in 2001.", 3},
      {"She took the silver medal", 0},
      {"A silver silver medal went to Sylvania.", 0},
      {"In 1936 the croquet championship was held in Sylvania.", 2},
      {"The croquet championship of 1936 was held in Sylvania.", 4},
      {"Freedonia lost on a penalty shoot-out against Sylvania.", 5},
  };
  for (const auto& c : kCases) {
    const DiscardList::Phrase* p = list.Find(c.sentence);
    EXPECT_EQ(p ? p->line : 0, c.line) << c.sentence;
  }
  EXPECT_TRUE(ParseCameoDiscards("# nothing but comments\n\n").empty());
}

TEST(CameoImport, ReadsThePhoenixDiscards) {
  const std::string path = std::string(DYAD_SHARED_DIR) + "/external/petrarch2/dictionaries/phoenix/Phoenix.discards.txt";
  std::string text;
  if (!ReadWholeFile(path, &text)) GTEST_SKIP() << "no " << path;
  DiscardList list = ParseCameoDiscards(text);
  EXPECT_GT(list.phrases.size(), 400u);
  size_t story = 0;
  for (const auto& p : list.phrases) story += p.story;
  EXPECT_GT(story, 10u);
  EXPECT_LT(story, list.phrases.size());
}

// CAMEO files alone: entries whose current code is a bare country code
// become one country per code, so that role words compose with them.
TEST(CameoImport, CountryNamesBecomeCountries) {
  const char kActors[] =
      "FREEDONIA_ [FRD]\n"
      "+FREEDONIAN_\n"
      "FREEDONIA_CITY_ [FRD]\n"
      "GRAND_FENWICK_\n"
      "+FENWICKIAN_\n"
      "\t[OLDGFW <19590101]\n"
      "\t[GFW >19590101]\n"
      "RUFUS_T._FIREFLY_ [FRDGOV]\n"
      "RELIEF_LEAGUE_ [NGO]\n";
  const char kAgents[] = "JUDGE [~JUD]\nMINISTER [~GOV]\n";
  auto actors = ParseCameoActors(kActors, "t.actors.txt");
  auto agents = ParseCameoAgents(kAgents, "t.agents.txt");
  ASSERT_TRUE(actors.ok() && agents.ok());
  ActorDictionary dict;
  ASSERT_TRUE(dict.Merge(std::move(*actors)).ok());
  ASSERT_TRUE(dict.Merge(std::move(*agents)).ok());
  EXPECT_EQ(PromoteCameoCountries(&dict), 3u);
  const ActorEntry* frd = dict.Country("FRD");
  ASSERT_NE(frd, nullptr);
  EXPECT_EQ(frd->kind, EntryKind::kCountry);
  std::vector<std::string> names;
  for (const Name& n : frd->aliases) names.push_back(n.text);
  EXPECT_EQ(names, (std::vector<std::string>{"FREEDONIAN", "FREEDONIA CITY"}));
  ASSERT_NE(dict.Country("GFW"), nullptr);  // its current code
  EXPECT_EQ(dict.Country("OLD"), nullptr);
  EXPECT_NE(dict.FindActor("RUFUS T. FIREFLY"), nullptr);  // not a bare code
  EXPECT_NE(dict.FindActor("RELIEF LEAGUE"), nullptr);     // NGO is a sector, not a country
  EXPECT_EQ(dict.Country("NGO"), nullptr);
  EXPECT_EQ(dict.Country("JUD"), nullptr);
  ASSERT_FALSE(dict.Lookup("Fenwickian").empty());
  EXPECT_EQ(dict.Lookup("Fenwickian")[0].entry->code, "GFW");
}

// PETRARCH's reading of a country named alone: the country, not its
// government; other mentions of the government keep their code.
TEST(CameoImport, BareCountriesAreCodedAsTheCountry) {
  ActorDictionary dict;
  auto actors = ParseCameoActors("FREEDONIA_ [FRD]\n+FREEDONIAN_\n", "t.actors.txt");
  ASSERT_TRUE(actors.ok());
  ASSERT_TRUE(dict.Merge(std::move(*actors)).ok());
  PromoteCameoCountries(&dict);
  Document doc;
  doc.actors.push_back(Actor{.name = "FREEDONIA (GOV)", .kind = "role", .code = "FRDGOV", .country = "FRD"});
  auto mention = [&](const std::string& text, const std::string& code, const std::string& how) {
    Mention m;
    m.text = text;
    m.code = code;
    m.how = how;
    m.actor = 0;
    doc.mentions.push_back(m);
  };
  mention("Freedonia", "FRDGOV", "dictionary");
  mention("the Freedonian", "FRDGOV", "dictionary");
  mention("the Freedonian government", "FRDGOV", "agent");
  mention("it", "FRDGOV", "pronoun");
  EXPECT_EQ(CodeBareCountriesAsCountries(&doc, dict), 2u);
  EXPECT_EQ(doc.mentions[0].code, "FRD");
  EXPECT_EQ(doc.mentions[1].code, "FRD");
  EXPECT_EQ(doc.mentions[2].code, "FRDGOV");
  EXPECT_EQ(doc.mentions[3].code, "FRDGOV");
  EXPECT_EQ(doc.mentions[0].actor, 0);
}

}  // namespace
}  // namespace dyad::lexicon
