#include "lexicon/actor_dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace dyad::lexicon {
namespace {

Date D(const char* s) {
  auto d = ParseDictionaryDate(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Date{});
}

constexpr const char* kSmall = R"(# A small dictionary for the tests.
@country VEN
name: Venezuela
alias: Bolivarian Republic of Venezuela; República Bolivariana de Venezuela
demonym: Venezuelan; Venezuelans; venezolano
capital: Caracas                      # metonym for the government
metonym: Miraflores; Miraflores Palace = GOV
metonym: Fuerte Tiuna = MIL
title: chancellor; canciller = foreign_minister

@person Nicolás Maduro
alias: Nicolás Maduro Moros; Maduro
gender: m
office: VEN president 2013-03-05..
code: VENGOV 2006-08-09..
code: VENLEG   # before that: a deputy
note: a note
# doubt: a doubt about something

@person Iván Duque
alias: Ivan Duque Marquez
code: COLGOV 2018-08-07..2022-08-07
code: COLELI 2022-08-07..

@org Organization of American States
alias: Organización de los Estados Americanos
alias!: OAS; OEA
code: IGOOAS

@agent GOV
term: foreign minister; embassy
local: riot police
)";

TEST(ActorDictionary, ParsesASmallDictionary) {
  auto r = ParseActorDictionary(kSmall, "small.actors");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const ActorDictionary& d = *r;
  ASSERT_EQ(d.entries.size(), 5u);

  const ActorEntry* ven = d.Country("VEN");
  ASSERT_NE(ven, nullptr);
  EXPECT_EQ(ven->name, "Venezuela");
  EXPECT_EQ(ven->aliases.size(), 2u);
  EXPECT_EQ(ven->demonyms.size(), 3u);
  ASSERT_EQ(ven->metonyms.size(), 4u);
  EXPECT_EQ(ven->metonyms[0].text, "Caracas");
  EXPECT_EQ(ven->metonyms[0].role, "GOV");
  EXPECT_EQ(ven->metonyms[3].text, "Fuerte Tiuna");
  EXPECT_EQ(ven->metonyms[3].role, "MIL");
  ASSERT_EQ(ven->titles.size(), 2u);
  EXPECT_EQ(ven->titles[1].office, "foreign_minister");
  EXPECT_EQ(ven->line, 2);

  const ActorEntry* maduro = d.FindActor("maduro");
  ASSERT_NE(maduro, nullptr);
  EXPECT_EQ(maduro->name, "Nicolás Maduro");
  EXPECT_EQ(maduro->gender, 'm');
  ASSERT_EQ(maduro->offices.size(), 1u);
  EXPECT_EQ(maduro->offices[0].country, "VEN");
  EXPECT_EQ(maduro->offices[0].role, "president");
  EXPECT_EQ(maduro->offices[0].range.ToString(), "2013-03-05..");
  ASSERT_EQ(maduro->codes.size(), 2u);
  EXPECT_TRUE(maduro->codes[1].range.Always());
  ASSERT_EQ(maduro->doubts.size(), 1u);
  EXPECT_EQ(maduro->doubts[0], "a doubt about something");
  EXPECT_EQ(maduro->notes.size(), 1u);

  // `local:` terms are terms too, and listed apart.
  const ActorEntry& agent = d.entries.back();
  EXPECT_EQ(agent.terms, (std::vector<std::string>{"foreign minister", "embassy", "riot police"}));
  EXPECT_EQ(agent.local_terms, (std::vector<std::string>{"riot police"}));

  // Accent- and case-insensitive names; exact aliases only as written.
  EXPECT_EQ(d.FindActor("NICOLAS MADURO"), maduro);
  EXPECT_NE(d.FindActor("OAS"), nullptr);
  EXPECT_EQ(d.FindActor("oas"), nullptr);
  EXPECT_NE(d.FindActor("organizacion de los estados americanos"), nullptr);

  auto hits = d.Lookup("Miraflores Palace");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].entry, ven);
  EXPECT_EQ(hits[0].how, NameKind::kMetonym);
  EXPECT_EQ(hits[0].role, "GOV");
  hits = d.Lookup("venezolano");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].how, NameKind::kDemonym);
  hits = d.Lookup("Foreign Minister");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].how, NameKind::kTerm);
  EXPECT_EQ(hits[0].role, "GOV");

  EXPECT_EQ(d.Count(EntryKind::kPerson), 2u);
  EXPECT_EQ(d.CountAgentTerms(), 3u);
}

TEST(ActorDictionary, CodeAtUsesTheFirstCoveringRangeAndExcludesTheEndDay) {
  auto r = ParseActorDictionary(kSmall, "small.actors");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const ActorEntry* duque = r->FindActor("Iván Duque");
  const ActorEntry* maduro = r->FindActor("Maduro");
  ASSERT_NE(duque, nullptr);
  ASSERT_NE(maduro, nullptr);
  struct Case {
    const ActorEntry* entry;
    const char* date;
    std::optional<std::string> code;
  };
  const std::vector<Case> cases = {
      {duque, "2018-08-06", std::nullopt},  {duque, "2018-08-07", "COLGOV"}, {duque, "2022-08-06", "COLGOV"},
      {duque, "2022-08-07", "COLELI"},      {maduro, "2000-01-01", "VENLEG"}, {maduro, "2006-08-09", "VENGOV"},
      {r->Country("VEN"), "1990-01-01", "VEN"},
  };
  for (const Case& c : cases) EXPECT_EQ(CodeAt(*c.entry, D(c.date)), c.code) << c.entry->name << " " << c.date;
}

TEST(ActorDictionary, MalformedInputNamesFileLineAndProblem) {
  struct Case {
    std::string text;
    int line;
    std::string what;
  };
  const std::vector<Case> cases = {
      {"name: Venezuela\n", 1, "field outside an entry"},
      {"@country VEN\nname: Venezuela\n\nalias: Venezuela\n", 4, "field outside an entry"},
      {"@country VEN\nname: Venezuela\ncolour: red\n", 3, "unknown key 'colour'"},
      {"@country VEN\nname: Venezuela\ncode: VENGOV\n", 3, "'code' is not allowed in @country"},
      {"@person X\ncode: VENGOV 2013-13-01..\n", 2, "malformed date '2013-13-01'"},
      {"@person X\ncode: VENGOV 2013-02-29..\n", 2, "malformed date '2013-02-29'"},
      {"@person X\ncode: VENGOV 2013-04-19\n", 2, "malformed date range"},
      {"@person X\ncode: VENGOV 2022-08-07..2018-08-07\n", 2, "range ends before it begins"},
      {"@person X\ncode: VENGOV 2022-08-07..2022-08-07\n", 2, "range ends before it begins"},
      {"@person X\ncode: VenGov\n", 2, "not a CAMEO actor code"},
      {"@person X\ncode: VENGO\n", 2, "not a CAMEO actor code"},
      {"@person X\ncode: VENGOV 2013-04-19.. extra\n", 2, "takes a code and an optional date range"},
      {"@person X\ncode: VENGOV\noffice: VEN emperor\n", 3, "unknown office role 'emperor'"},
      {"@person X\ncode: VENGOV\ngender: x\n", 3, "gender is 'm' or 'f'"},
      {"@person X\nalias: Y\n", 1, "has no 'code:'"},
      {"@country VE\nname: V\n", 1, "three upper-case letters"},
      {"@country VEN\n", 1, "has no 'name:'"},
      {"@ship Aurora\n", 1, "unknown entry kind '@ship'"},
      {"@person X\ncode: VENGOV\nalias: A;; B\n", 3, "empty item"},
      {"@person X\ncode: VENGOV\n  alias: B\n", 3, "indented line"},
      {"@country VEN\nname: V\nmetonym: Fuerte Tiuna = military\n", 3, "not a role code"},
      {"@country VEN\nname: V\ntitle: chancellor\n", 3, "needs '= office_role'"},
      {"@agent GOV\n", 1, "has no 'term:'"},
      {"@person X\ncode: VENGOV\nlocal: police\n", 3, "local"},
      {"@person X\ncode: VENGOV\n\n@person X\ncode: VENOPP\n", 4, "duplicate entry"},
      {"@country VEN\nname: A\n\n@country VEN\nname: B\n", 4, "already defined"},
      {"@person X\ncode: VENGOV\nalias: \xC3\x28\n", 3, "not valid UTF-8"},
  };
  for (const Case& c : cases) {
    auto r = ParseActorDictionary(c.text, "bad.actors");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().code(), Status::Code::kDataError);
    const std::string& msg = r.status().message();
    EXPECT_EQ(msg.rfind("bad.actors:" + std::to_string(c.line) + ":", 0), 0u) << msg;
    EXPECT_NE(msg.find(c.what), std::string::npos) << msg;
  }
}

TEST(ActorDictionary, FoldName) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Nicolás Maduro", "nicolas maduro"},
      {"Díaz-Canel", "diaz canel"},
      {"  Élysée   Palace ", "elysee palace"},
      {"Lukashenko’s", "lukashenko's"},
      {"Straße", "strasse"},
      {"São Tomé", "sao tome"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(FoldName(in), out) << in;
}

TEST(ActorDictionary, MissingFileIsAnIOError) {
  auto r = LoadActorDictionary("/nonexistent/dir/none.actors");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError);
}

// ---- The bundled dictionary ----

const std::string kData = DYAD_SOURCE_DIR "/data";

// The 193 member states of the United Nations, by CAMEO code (ISO alpha-3;
// Timor-Leste is TMP in CAMEO).
const std::vector<std::string> kUnMembers = {
    "AFG", "AGO", "ALB", "AND", "ARE", "ARG", "ARM", "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BFA", "BGD",
    "BGR", "BHR", "BHS", "BIH", "BLR", "BLZ", "BOL", "BRA", "BRB", "BRN", "BTN", "BWA", "CAF", "CAN", "CHE", "CHL",
    "CHN", "CIV", "CMR", "COD", "COG", "COL", "COM", "CPV", "CRI", "CUB", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK",
    "DOM", "DZA", "ECU", "EGY", "ERI", "ESP", "EST", "ETH", "FIN", "FJI", "FRA", "FSM", "GAB", "GBR", "GEO", "GHA",
    "GIN", "GMB", "GNB", "GNQ", "GRC", "GRD", "GTM", "GUY", "HND", "HRV", "HTI", "HUN", "IDN", "IND", "IRL", "IRN",
    "IRQ", "ISL", "ISR", "ITA", "JAM", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAO",
    "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX",
    "MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MOZ", "MRT", "MUS", "MWI", "MYS", "NAM", "NER", "NGA", "NIC",
    "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PER", "PHL", "PLW", "PNG", "POL", "PRK", "PRT", "PRY",
    "QAT", "ROU", "RUS", "RWA", "SAU", "SDN", "SEN", "SGP", "SLB", "SLE", "SLV", "SMR", "SOM", "SRB", "SSD", "STP",
    "SUR", "SVK", "SVN", "SWE", "SWZ", "SYC", "SYR", "TCD", "TGO", "THA", "TJK", "TKM", "TMP", "TON", "TTO", "TUN",
    "TUR", "TUV", "TZA", "UGA", "UKR", "URY", "USA", "UZB", "VCT", "VEN", "VNM", "VUT", "WSM", "YEM", "ZAF", "ZMB",
    "ZWE",
};

const ActorDictionary& Bundled() {
  static const ActorDictionary* dict = [] {
    auto r = LoadBundledActorDictionary(kData);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new ActorDictionary(r.ok() ? std::move(r.value()) : ActorDictionary());
  }();
  return *dict;
}

TEST(BundledActorDictionary, LoadsWithoutErrorAndCoversTheUn) {
  const ActorDictionary& d = Bundled();
  EXPECT_GE(d.Count(EntryKind::kCountry), 193u + 5u);
  EXPECT_GE(d.Count(EntryKind::kPerson), 300u);
  EXPECT_GE(d.Count(EntryKind::kOrg), 60u);
  EXPECT_GE(d.CountAgentTerms(), 200u);
  std::printf("bundled: %zu countries, %zu regions, %zu persons, %zu orgs, %zu groups, %zu media, %zu agent terms\n",
              d.Count(EntryKind::kCountry), d.Count(EntryKind::kRegion), d.Count(EntryKind::kPerson),
              d.Count(EntryKind::kOrg), d.Count(EntryKind::kGroup), d.Count(EntryKind::kMedia),
              d.CountAgentTerms());
  // Per-file counts, for data/actors/README.md.
  std::map<std::string, std::pair<size_t, size_t>> per_file;  // entries, entries with doubts
  for (const ActorEntry& e : d.entries) {
    auto& c = per_file[std::filesystem::path(e.file).filename().string()];
    ++c.first;
    if (!e.doubts.empty()) ++c.second;
  }
  for (const auto& [f, c] : per_file) std::printf("  %-28s %4zu entries, %3zu with doubts\n", f.c_str(), c.first, c.second);
  std::set<std::string> un(kUnMembers.begin(), kUnMembers.end());
  EXPECT_EQ(un.size(), 193u);
  for (const std::string& c : kUnMembers) EXPECT_NE(d.Country(c), nullptr) << "UN member " << c;
  // The powers of the case and the non-members often in the news.
  for (const char* c : {"USA", "RUS", "CHN", "GBR", "FRA", "VEN", "COL", "BRA", "ARG", "CUB", "NIC", "IRN", "BLR",
                        "MEX", "URY", "UKR", "TMP", "KSV", "PSE", "TWN", "VAT"})
    EXPECT_NE(d.Country(c), nullptr) << c;
  EXPECT_NE(d.Country("WST"), nullptr);
}

TEST(BundledActorDictionary, CodesOnDates) {
  const ActorDictionary& d = Bundled();
  struct Case {
    const char* name;
    const char* date;
    const char* code;  // "" = no code on that date
    bool equal = true;  // false: the code must differ
  };
  const std::vector<Case> cases = {
      {"Nicolás Maduro", "2024-08-28", "VENGOV"},
      {"Nicolas Maduro", "2019-01-27", "VENGOV"},
      {"Iván Duque", "2020-01-01", "COLGOV"},
      {"Iván Duque", "2023-01-01", "COLGOV", false},
      {"Ivan Duque", "2022-08-06", "COLGOV"},
      {"Gustavo Petro", "2024-08-28", "COLGOV"},
      {"Gustavo Petro", "2020-01-01", "COLGOV", false},
      {"Donald Trump", "2019-06-01", "USAGOV"},
      {"Donald Trump", "2022-06-01", "USAELI"},
      {"Donald Trump", "2025-12-11", "USAGOV"},
      {"Juan Guaidó", "2019-01-27", "VENOPP"},
      {"Guaido", "2022-02-04", "VENOPP"},
      {"Alexander Lukashenko", "2025-12-11", "BLRGOV"},
      {"Lukashenko", "2015-01-01", "BLRGOV"},
      {"Vladimir Putin", "2019-01-27", "RUSGOV"},
      {"Dmitry Peskov", "2024-07-30", "RUSGOV"},
      {"Maria Zakharova", "2025-12-11", "RUSGOV"},
      {"Sergei Lavrov", "2022-02-04", "RUSGOV"},
      {"Daniel Ortega", "2024-08-28", "NICGOV"},
      {"Miguel Díaz-Canel", "2024-08-28", "CUBGOV"},
      {"Miguel Díaz Canel", "2024-08-28", "CUBGOV"},
      {"Lula da Silva", "2024-08-28", "BRAGOV"},
      {"Luiz Inácio Lula da Silva", "2019-01-27", "BRAGOV", false},
      {"Luis Gilberto Murillo", "2024-08-28", "COLGOV"},
      {"Rosa Villavicencio", "2025-12-11", "COLGOV"},
      {"Diego Molano", "2022-02-04", "COLGOV"},
      {"María Corina Machado", "2024-08-28", "VENOPP"},
      {"Edmundo González Urrutia", "2024-07-30", "VENOPP"},
      {"Edmundo Gonzalez", "2024-08-28", "VENOPP"},
      {"John Bolton", "2024-07-30", "USAELI"},
      {"John Bolton", "2019-01-27", "USAGOV"},
      {"Joe Biden", "2022-02-04", "USAGOV"},
      {"Delcy Rodríguez", "2024-08-28", "VENGOV"},
      {"Vladimir Padrino López", "2019-01-27", "VENGOVMIL"},
      {"Alexander Shchetinin", "2019-01-27", "RUSGOV"},
      {"Jesús Rafael Salazar Velázquez", "2025-12-11", "VENGOV"},
      {"John Coale", "2025-12-11", "USAGOV"},
      {"Lin Jian", "2024-07-30", "CHNGOV"},
      {"Carlos Berrizbeitia", "2019-01-27", "VENOPP"},
      {"Hugo Chávez", "2022-02-04", "VENGOV"},
      {"ALBA", "2024-08-28", "IGOLAMALB"},
      {"National Electoral Council", "2024-07-30", "VENGOV"},
      {"CNE", "2024-08-28", "VENGOV"},
      {"ELN", "2022-02-04", "COLREB"},
      {"FARC dissidents", "2022-02-04", "COLREB"},
      {"Global Times", "2024-07-30", "CHNGOVMED"},
      {"Belta", "2025-12-11", "BLRGOVMED"},
      {"Organization of American States", "2019-01-27", "IGOOAS"},
      {"NATO", "2022-02-04", "IGOWSTNAT"},
      {"United Nations", "2022-02-04", "IGOUNO"},
  };
  for (const Case& c : cases) {
    const ActorEntry* e = d.FindActor(c.name);
    ASSERT_NE(e, nullptr) << c.name;
    auto code = CodeAt(*e, D(c.date));
    if (c.equal)
      EXPECT_EQ(code.value_or(""), c.code) << c.name << " on " << c.date;
    else
      EXPECT_NE(code.value_or(""), c.code) << c.name << " on " << c.date;
  }
}

TEST(BundledActorDictionary, MetonymsDemonymsAndAgents) {
  const ActorDictionary& d = Bundled();
  struct Case {
    const char* text;
    const char* code;  // country code + role, as the mention would be coded
  };
  const std::vector<Case> cases = {
      {"Kremlin", "RUSGOV"},   {"White House", "USAGOV"}, {"Washington", "USAGOV"}, {"Miraflores", "VENGOV"},
      {"Caracas", "VENGOV"},   {"Moscow", "RUSGOV"},      {"Beijing", "CHNGOV"},    {"Casa Rosada", "ARGGOV"},
      {"Planalto", "BRAGOV"},  {"Casa de Nariño", "COLGOV"}, {"Downing Street", "GBRGOV"},
      {"Élysée", "FRAGOV"},    {"Zhongnanhai", "CHNGOV"}, {"Pentagon", "USAMIL"},
  };
  for (const Case& c : cases) {
    auto hits = d.Lookup(c.text);
    bool found = false;
    for (const NameHit& h : hits)
      if (h.how == NameKind::kMetonym && h.entry->code + h.role == c.code) found = true;
    EXPECT_TRUE(found) << c.text << " -> " << c.code;
  }
  for (const char* demonym : {"Colombian", "Venezuelan", "Belarusian", "Russian", "Nicaraguan", "Cuban", "Iranian",
                              "Chinese", "American", "Brazilian", "Argentine", "Uruguayan", "Mexican"}) {
    bool found = false;
    for (const NameHit& h : d.Lookup(demonym)) found |= h.how == NameKind::kDemonym;
    EXPECT_TRUE(found) << demonym;
  }
  const std::vector<std::pair<const char*, const char*>> agents = {
      {"foreign minister", "GOV"}, {"ambassador", "GOV"}, {"embassy", "GOV"},    {"army", "MIL"},
      {"troops", "MIL"},           {"armed forces", "MIL"}, {"opposition", "OPP"}, {"prosecutor", "JUD"},
      {"court", "JUD"},            {"guerrillas", "REB"}, {"rebels", "REB"},     {"dissidents", "REB"},
      {"congress", "LEG"},         {"national assembly", "LEG"}, {"police", "COP"}, {"state media", "GOVMED"},
      {"former president", "ELI"}, {"protesters", "OPP"}, {"academic", "EDU"},
  };
  for (const auto& [term, role] : agents) {
    bool found = false;
    for (const NameHit& h : d.Lookup(term)) found |= h.how == NameKind::kTerm && h.role == role;
    EXPECT_TRUE(found) << term << " -> " << role;
  }
}

// Every actor the seed gold names that the dictionary knows by name carries
// the gold code (country + first role) on the article's date.
TEST(BundledActorDictionary, AgreesWithTheSeedGold) {
  const std::string gold = DYAD_SHARED_DIR "/gold/seeds.jsonl";
  std::ifstream in(gold);
  if (!in) GTEST_SKIP() << "no shared gold at " << gold;
  const ActorDictionary& d = Bundled();
  std::string line;
  int checked = 0;
  std::set<std::string> unknown;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("doc")) continue;
    Date date = D(j["date"].get<std::string>().c_str());
    for (const auto& a : j.value("actors", nlohmann::json::array())) {
      std::string name = a.value("name", ""), text = a.value("text", ""), code = a.value("code", "");
      if (auto p = name.find(" ("); p != std::string::npos) name = name.substr(0, p);
      const ActorEntry* e = d.FindActor(name);
      if (!e) e = d.FindActor(text);
      if (!e) {
        unknown.insert(name);
        continue;
      }
      ++checked;
      auto got = CodeAt(*e, date).value_or("");
      EXPECT_EQ(got.substr(0, 6), code.substr(0, 6)) << name << " (" << text << ") on " << FormatDate(date);
    }
  }
  EXPECT_GE(checked, 100);
  // What is left are descriptions ("Russian officials") and countries acting
  // as states, which agents and @country entries resolve.
  for (const std::string& u : unknown) {
    bool place_or_agent = !d.Lookup(u).empty();
    if (!place_or_agent) std::printf("gold actor not in the dictionary by name: %s\n", u.c_str());
  }
}

}  // namespace
}  // namespace dyad::lexicon

namespace dyad::lexicon {
namespace {

// The groups after the first: the country or IGO prefix is not a role.
TEST(CodeHasGroupTest, GroupsAfterTheFirst) {
  EXPECT_TRUE(CodeHasGroup("BLRGOVMED", "MED"));
  EXPECT_TRUE(CodeHasGroup("BLRGOVMED", "GOV"));
  EXPECT_TRUE(CodeHasGroup("IGOUNOJUDICJ", "JUD"));
  EXPECT_FALSE(CodeHasGroup("IGOUNOJUDICJ", "IGO"));
  EXPECT_FALSE(CodeHasGroup("MED", "MED"));
  EXPECT_FALSE(CodeHasGroup("VENGO", "GOV"));
  EXPECT_FALSE(CodeHasGroup("VENOGOV", "GOV"));  // not on a group boundary
}

TEST(IsStateRoleTest, TheStatesOwnOffices) {
  for (const char* r : {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"}) EXPECT_TRUE(IsStateRole(r)) << r;
  for (const char* r : {"OPP", "REB", "MED", "ELI", "BUS", "", "GOVMIL"}) EXPECT_FALSE(IsStateRole(r)) << r;
}

}  // namespace
}  // namespace dyad::lexicon
