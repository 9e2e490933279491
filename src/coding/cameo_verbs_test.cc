#include "coding/cameo_verbs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "base/strings.h"
#include "coding/testing.h"

namespace dyad::coding {
namespace {

// A small dictionary in the PETRARCH layout, written for these tests.
const char kSynsets[] =
    "<!-- a test dictionary\n"
    "     spread over two comment lines -->\n"
    "&GOODS_\n"
    "+GRAIN\n"
    "+MEDICINE\n"
    "+SPARE_PARTS\n"
    "\n"
    "&TIES\n"
    "+LINK\n";

// Builds a one-block dictionary: the synsets, a header with `block_code`,
// the verb lines and one pattern line.
std::string OneBlock(const std::string& block_code, const std::string& verbs, const std::string& pattern) {
  return std::string(kSynsets) + "\n--- TESTBLOCK [" + block_code + "] ---\n" + verbs + pattern + "\n";
}

// One row: a pattern line in a block whose verbs are SHIP and +HAND_OVER
// (block code ---, so the verbs make no `-` frame), and what it becomes.
struct PatternCase {
  const char* name;
  const char* line;
  // Mapped: the frame text, code and targets of the pattern made for "ship".
  const char* frame;
  const char* code;
  std::vector<std::string> targets;
  // Or skipped: the reason counted.
  const char* skipped;
};

const std::vector<std::string> kGeneric = {"obj",       "iobj",       "prep:to",      "prep:with",    "prep:against",
                                           "prep:on",   "prep:at",    "prep:for",     "prep:from",    "prep:in",
                                           "prep:into", "prep:toward", "prep:towards", "prep:over",   "prep:about",
                                           "poss"};

std::vector<std::string> With(std::vector<std::string> first) {
  for (const std::string& g : kGeneric)
    if (std::find(first.begin(), first.end(), g) == first.end()) first.push_back(g);
  return first;
}

TEST(CameoVerbsTest, PatternLines) {
  const std::vector<PatternCase> cases = {
      {"object word, plural read as lemma too", "- * CARGOES [070]", "obj=cargoes", "070", kGeneric, nullptr},
      {"object noun phrase kept whole", "- * {RELIEF CARGO} [073]", "obj=relief cargo", "073", kGeneric, nullptr},
      {"words joined by _ kept whole", "- * RELIEF_CARGO [073]", "obj=relief cargo", "073", kGeneric, nullptr},
      {"synset inside a noun phrase", "- * {CHEAP &GOODS} [0311]", "obj=cheap &goods", "0311", kGeneric, nullptr},
      {"synset as object", "- * &GOODS [071]", "obj=&goods", "071", kGeneric, nullptr},
      {"prepositional phrase with a noun", "- * (WITH HASTE) [073]", "prep:with=haste", "073",
       With({"obj", "iobj", "prep:with"}), nullptr},
      {"bare preposition", "- * (AGAINST) [172]", "prep:against", "172", With({"obj", "iobj", "prep:against"}),
       nullptr},
      {"any noun phrase after a preposition", "- * CARGO (IN ^) (ON) [073]", "obj=cargo prep:in prep:on", "073",
       With({"obj", "iobj", "prep:in", "prep:on"}), nullptr},
      {"TABARI skip outside a prepositional phrase", "- * CARGO ^ [073]", nullptr, nullptr, {}, "TABARI token ^ or %"},
      {"target in a prepositional phrase", "- * &GOODS (TO +) [071]", "obj=&goods prep:to=@actor", "071",
       {"prep:to"}, nullptr},
      {"target as object", "- * + [111]", "obj=@actor", "111", {"obj"}, nullptr},
      {"reciprocal code kept whole, split after coding", "- * (TO) [042:043]", "prep:to", "042:043", With({"obj", "iobj", "prep:to"}),
       nullptr},
      {"null code: a pattern whose events are dropped", "- * ARMS [---]", "obj=arms", "---", kGeneric, nullptr},
      {"null code with nothing after the verb", "- * [---]", nullptr, nullptr, {}, "null code [---] with nothing after the verb"},
      {"reverse-only code", "- * (BEFORE JUDGE) [:173]", "prep:before=judge", ":173", With({"obj", "iobj", "prep:before"}), nullptr},
      {"two-way code", "- * TALKS [046:046]", "obj=talks", "046:046", kGeneric, nullptr},
      {"two-way code with a null way back", "- * TALKS [046:---]", "obj=talks", "046", kGeneric, nullptr},
      {"reverse-only null code", "- * TALKS [:---]", nullptr, nullptr, {}, "null code [:---] (no event)"},
      {"code outside the ontology", "- * ARMS [987]", nullptr, nullptr, {}, "code not in the CAMEO ontology"},
      {"letters in a code", "- * ARMS [075A]", nullptr, nullptr, {}, "code not in the CAMEO ontology"},
      {"subject word", "- TROOPS * [154]", "subj=troops", "154", kGeneric, nullptr},
      {"subject synset", "- &GOODS * [---]", "subj=&goods", "---", kGeneric, nullptr},
      {"subject noun phrase kept whole", "- {CARGO VESSEL} * [073]", "subj=cargo vessel", "073", kGeneric, nullptr},
      {"subject and object", "- COURIER * &GOODS [071]", "subj=courier obj=&goods", "071", kGeneric, nullptr},
      {"subject and a target in a prepositional phrase", "- &TIES * (WITH +) [030]", "subj=&ties prep:with=@actor",
       "030", {"prep:with"}, nullptr},
      {"subject word joined to the verb by _", "- CONVOY_* [070]", "subj=convoy", "070", kGeneric, nullptr},
      {"marker before the verb", "- + * ROCKETS [193]", nullptr, nullptr, {}, "target or source marker before the verb"},
      {"source marker before the verb", "- $ CONVOY * [070]", nullptr, nullptr, {}, "target or source marker before the verb"},
      {"adverb before the verb", "- HURRIEDLY * [070]", nullptr, nullptr, {}, "an adverb before the verb (no frame slot for it)"},
      {"auxiliary before the verb", "- WOULD * [070]", nullptr, nullptr, {}, "an auxiliary before the verb (no frame slot for it)"},
      {"word sequence before the verb", "- NIGHT CONVOY * [070]", nullptr, nullptr, {},
       "several words before the verb outside { } (a TABARI word sequence)"},
      {"prepositional phrase before the verb", "- CONVOY (OF GRAIN) * [070]", nullptr, nullptr, {},
       "a prepositional phrase before the verb"},
      {"undefined synset before the verb", "- &NOSUCH * [070]", nullptr, nullptr, {}, "undefined synset"},
      {"source marker", "- * (INTO $) [0862]", nullptr, nullptr, {}, "source marker $ (dyad's source is the subject)"},
      {"word sequence", "- * FRESH ARMS [070]", nullptr, nullptr, {}, "several words after the verb outside ( ) (a TABARI word sequence)"},
      {"undefined synset", "- * &NOSUCH [070]", nullptr, nullptr, {}, "undefined synset"},
      {"unbalanced", "- * (TO CAPITAL [070]", nullptr, nullptr, {}, "unbalanced or nested ( ) or { }"},
      {"same preposition twice", "- * (TO A) (TO B) [070]", nullptr, nullptr, {}, "the same preposition twice"},
  };
  for (const PatternCase& c : cases) {
    SCOPED_TRACE(c.name);
    CameoVerbReport report;
    auto patterns = ParseCameoVerbs(OneBlock("---", "SHIP {SHIPPED SHIPPING SHIPS}\n+HAND_OVER\n", c.line),
                                    "t.verbs", BundledOntology(), &report);
    ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
    EXPECT_EQ(report.pattern_lines, 1u);
    EXPECT_EQ(report.verbs, 2u);
    EXPECT_EQ(report.default_patterns, 0u);  // block code ---
    if (c.skipped) {
      EXPECT_TRUE(patterns->empty());
      EXPECT_EQ(report.skipped.count(c.skipped), 1u) << report.Summary("t.verbs");
      EXPECT_EQ(report.mapped_lines, 0u);
      continue;
    }
    ASSERT_EQ(patterns->size(), 2u) << report.Summary("t.verbs");  // one per verb
    const Pattern& p = (*patterns)[0];
    EXPECT_EQ(p.Key(), "ship");
    EXPECT_EQ((*patterns)[1].Key(), "hand over");
    EXPECT_EQ(p.FrameText(), c.frame);
    EXPECT_EQ(p.code, c.code);
    EXPECT_EQ(p.targets, c.targets);
    EXPECT_EQ(p.file, "t.verbs");
    EXPECT_GT(p.line, 0);
    EXPECT_EQ(report.mapped_lines, 1u);
  }
}

TEST(CameoVerbsTest, ConstraintsAcceptLemmas) {
  auto patterns = ParseCameoVerbs(OneBlock("---", "SHIP\n", "- * &GOODS (WITH {SMALL ESCORT}) [071]"), "t.verbs",
                                  BundledOntology());
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  ASSERT_EQ(patterns->size(), 1u);
  const Pattern& p = (*patterns)[0];
  ASSERT_EQ(p.frame.size(), 2u);
  // Synset members, their multiword members whole, with the plural or
  // singular of their last word.
  EXPECT_TRUE(p.frame[0].Accepts("grain"));
  EXPECT_TRUE(p.frame[0].Accepts("medicines"));
  EXPECT_FALSE(p.frame[0].Accepts("part"));
  EXPECT_TRUE(p.frame[0].Accepts("spare part"));
  EXPECT_TRUE(p.frame[0].Accepts("spare parts"));
  EXPECT_FALSE(p.frame[0].Accepts("weapon"));
  EXPECT_TRUE(p.frame[0].has_phrases);
  EXPECT_EQ(p.frame[1].kind, Constraint::Kind::kPrep);
  EXPECT_EQ(p.frame[1].prep, "with");
  EXPECT_TRUE(p.frame[1].Accepts("small escort"));
  EXPECT_TRUE(p.frame[1].Accepts("small escorts"));
  EXPECT_FALSE(p.frame[1].Accepts("escort"));
  // Specific frames outrank a verb's `-` frame; a frame of phrases only
  // outranks one of words.
  EXPECT_EQ(p.Specificity(), 5);
  // Neither a synset nor a phrase has one written form.
  EXPECT_EQ(p.frame[0].form, "");
  EXPECT_EQ(p.frame[1].form, "");
}

// A plain word keeps the form it is written in, for the conventions that
// match it so (PETRARCH: "AGREEMENTS" is not "agreement").
TEST(CameoVerbsTest, PlainWordsKeepTheirWrittenForm) {
  auto patterns = ParseCameoVerbs(OneBlock("---", "SHIP\n", "- * CARGOES (TO PORT) [071]"), "t.verbs", BundledOntology());
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  ASSERT_EQ(patterns->size(), 1u);
  const Pattern& p = (*patterns)[0];
  ASSERT_EQ(p.frame.size(), 2u);
  EXPECT_EQ(p.frame[0].form, "cargoes");
  EXPECT_TRUE(p.frame[0].Accepts("cargo"));  // the lemma match stays
  EXPECT_EQ(p.frame[1].form, "port");
}

// Verb lines: lemma, particle, own code; block default codes.
TEST(CameoVerbsTest, VerbLinesAndDefaultFrames) {
  struct VerbCase {
    const char* name;
    const char* block_code;
    const char* verb_line;
    const char* key;      // the `-` frame's predicate key, or nullptr when none is made
    const char* code;
    const char* skipped;  // a verb skip reason
  };
  const std::vector<VerbCase> cases = {
      {"block code", "070", "SHIP", "ship", "070", nullptr},
      {"own code wins", "070", "PAY [071]", "pay", "071", nullptr},
      {"irregular forms ignored", "070", "SEND {SENT SENDING SENDS}", "send", "070", nullptr},
      {"particle", "070", "+HAND_OVER {+HANDED_OVER}", "hand over", "070", nullptr},
      {"null block, no own code", "---", "SHIP", nullptr, nullptr, nullptr},
      {"null block, own code", "---", "SHIP [070]", "ship", "070", nullptr},
      {"own null code", "070", "SHIP [---]", nullptr, nullptr, nullptr},
      {"legacy ; comment", "070", "SHIP ;kw 1/2/99", "ship", "070", nullptr},
      {"words before the verb", "070", "RE_+SHIP", nullptr, nullptr, "verb: words before the verb (WORD_+VERB)"},
      {"multiword without +", "070", "SHIP_OUT", nullptr, nullptr, "verb: multiword verb without a '+' on its verb"},
      {"WEIS code", "070", "SHIP [345]", nullptr, nullptr, "verb: code not in the CAMEO ontology"},
  };
  for (const VerbCase& c : cases) {
    SCOPED_TRACE(c.name);
    CameoVerbReport report;
    auto patterns = ParseCameoVerbs(OneBlock(c.block_code, std::string(c.verb_line) + "\n", ""), "t.verbs",
                                    BundledOntology(), &report);
    ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
    if (c.skipped) EXPECT_EQ(report.skipped.count(c.skipped), 1u) << report.Summary("t.verbs");
    if (!c.key) {
      EXPECT_TRUE(patterns->empty());
      continue;
    }
    ASSERT_EQ(patterns->size(), 1u);
    EXPECT_EQ((*patterns)[0].Key(), c.key);
    EXPECT_EQ((*patterns)[0].FrameText(), "-");
    EXPECT_EQ((*patterns)[0].code, c.code);
    EXPECT_EQ((*patterns)[0].targets, kGeneric);
  }
}

TEST(CameoVerbsTest, PatternParticleAndSeveralBlocks) {
  const std::string text = std::string(kSynsets) +
                           "--- HOLD [---] ---\n"
                           "HOLD {HELD HOLDING HOLDS}\n"
                           "+HOLD_OFF\n"
                           "- * BACK &GOODS [1011]  # HOLD back: not for HOLD OFF\n"
                           "- *_OFF [0874]\n"
                           "\n"
                           "--- SHIP [070] ---\n"
                           "SHIP\n"
                           "~ a (b c SHIP) SHIP = a b 010\n";
  CameoVerbReport report;
  auto patterns = ParseCameoVerbs(text, "t.verbs", BundledOntology(), &report);
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  std::vector<std::string> got;
  for (const Pattern& p : *patterns) got.push_back(p.Key() + " " + p.FrameText() + " " + p.code);
  EXPECT_EQ(got, (std::vector<std::string>{"hold back obj=&goods 1011", "hold off - 0874", "hold off - 0874",
                                           "ship - 070"}));
  EXPECT_EQ(report.blocks, 2u);
  EXPECT_EQ(report.synsets, 2u);
  EXPECT_EQ(report.skipped.count("transformation line (~): a shape without a frame"), 1u);
  // The duplicate "hold off -" is dropped when the set is built, not an error.
  size_t dropped = 0;
  auto set = PatternSet::Parse(NamedText{"classes.tsv", ""}, {}, BundledOntology(), std::move(*patterns), &dropped);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(dropped, 1u);
  EXPECT_EQ(set->For("hold off").size(), 1u);
  EXPECT_EQ(set->For("hold back").size(), 1u);
}

// A noun phrase is matched whole, so phrases of one head with different
// codes ("{HUNGER STRIKE}", "{AIR STRIKE}") and the head alone all stay, the
// phrases first.
TEST(CameoVerbsTest, NounPhrasesOfOneHeadStayApartAndGoFirst) {
  auto patterns = ParseCameoVerbs(OneBlock("---", "SHIP\n",
                                           "- * CONVOY [070]\n"
                                           "- * {NIGHT CONVOY} [073]\n"
                                           "- * {ARMED CONVOYS} [150]\n"
                                           "- * (WITH {NAVAL ESCORT}) [150]\n"
                                           "- * (WITH {PRIVATE ESCORT}) [071]"),
                                  "t.verbs", BundledOntology());
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  size_t dropped = 0;
  auto set = PatternSet::Parse(NamedText{"classes.tsv", ""}, {}, BundledOntology(), std::move(*patterns), &dropped);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(dropped, 0u);
  std::vector<std::string> got;
  for (const Pattern* p : set->For("ship")) got.push_back(p->FrameText() + " " + p->code);
  EXPECT_EQ(got, (std::vector<std::string>{"obj=night convoy 073", "obj=armed convoys 150",
                                           "prep:with=naval escort 150", "prep:with=private escort 071",
                                           "obj=convoy 070"}));
}

// `~` transformations: the inner verb (any verb of its code family) as the
// outer verb's open complement.
TEST(CameoVerbsTest, TransformationsBecomeComplementFrames) {
  const std::string text =
      "--- HIT_HARD [190] ---\n"
      "ASSAIL\n"
      "BOMBARD [195]\n"
      "--- YEARN [---] ---\n"
      "CRAVE [030]\n"
      "STRIVE\n"
      "--- SPEAK [010] ---\n"
      "UTTER\n"
      "--- REPROACH [120] ---\n"
      "REPROVE\n"
      "~ a (_ b ASSAIL) CRAVE = a b 138\n"
      "~ a (b . ASSAIL ) CRAVE = a b 021\n"
      "~ a (b . ASSAIL) UTTER = a b 112\n"
      "~ a (a b ASSAIL) UTTER = a b 015\n"
      "~ a (_ b ASSAIL) NOSUCHVERB = a b 138\n"
      "~ a (_ b STRIVE) CRAVE = a b 138\n";
  CameoVerbReport report;
  auto patterns = ParseCameoVerbs(text, "t.verbs", BundledOntology(), &report);
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  std::vector<const Pattern*> crave;
  for (const Pattern& p : *patterns)
    if (p.Key() == "crave" && !p.frame.empty()) crave.push_back(&p);
  ASSERT_EQ(crave.size(), 3u) << report.Summary("t.verbs");
  EXPECT_EQ(crave[0]->FrameText(), "xcomp=~assail");
  EXPECT_EQ(crave[0]->code, "138");
  EXPECT_EQ(crave[0]->targets[0], "xobj");
  ASSERT_EQ(crave[0]->frame.size(), 1u);
  // The family of 190: every 19x verb, not the 120 one.
  EXPECT_TRUE(crave[0]->frame[0].Accepts("assail"));
  EXPECT_TRUE(crave[0]->frame[0].Accepts("bombard"));
  EXPECT_FALSE(crave[0]->frame[0].Accepts("reprove"));
  EXPECT_EQ(crave[1]->FrameText(), "obj=@actor xcomp=~assail");
  EXPECT_EQ(crave[1]->code, "021");
  EXPECT_EQ(crave[1]->targets, (std::vector<std::string>{"obj"}));
  // "a (b . V)" also over a reported clause ("X claimed that B attacked").
  EXPECT_EQ(crave[2]->FrameText(), "said:other=~assail");
  EXPECT_EQ(crave[2]->code, "021");
  EXPECT_EQ(crave[2]->targets, (std::vector<std::string>{"said:source"}));
  EXPECT_EQ(report.approximated["transformation line (~): the inner verb as the outer one's complement (xcomp)"], 2u);
  // Over what a statement verb says: a said= pattern only.
  std::vector<std::string> utter;
  for (const Pattern& p : *patterns)
    if (p.Key() == "utter" && !p.frame.empty()) utter.push_back(p.FrameText() + " " + p.code + " " + p.targets[0]);
  EXPECT_EQ(utter, (std::vector<std::string>{"said:other=~assail 112 said:source", "said:own=~assail 015 said:target"}));
  EXPECT_EQ(report.approximated["transformation line (~): over what is said, applied to the reported clause's event"], 3u);
  EXPECT_EQ(report.skipped["transformation line (~): the outer verb is not in the dictionary"], 1u);
  EXPECT_EQ(report.skipped["transformation line (~): the inner verb has no event code of its own"], 1u);
  // The pattern set takes them (xcomp frames outrank the verb's `-` frame).
  auto set = PatternSet::Parse(NamedText{"classes.tsv", ""}, {}, BundledOntology(), std::move(*patterns), nullptr);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->For("crave").size(), 3u);
  EXPECT_EQ(set->For("crave")[0]->code, "021");
  EXPECT_EQ(set->For("crave")[2]->FrameText(), "-");
  // Patterns over what is said stand apart: applied after coding, never matched.
  ASSERT_EQ(set->SaidFor("crave").size(), 1u);
  EXPECT_EQ(set->SaidFor("crave")[0]->FrameText(), "said:other=~assail");
  EXPECT_EQ(set->SaidFor("utter").size(), 2u);
  EXPECT_TRUE(set->SaidFor("assail").empty());
}

TEST(CameoVerbsTest, MalformedLinesAreDataErrors) {
  struct ErrorCase {
    const char* name;
    std::string text;
    int line;
  };
  const std::vector<ErrorCase> cases = {
      {"pattern before a block", "- * ARMS [070]\n", 1},
      {"verb before a block", "\nSHIP\n", 2},
      {"pattern without a code", "--- SHIP [070] ---\nSHIP\n- * ARMS\n", 3},
      {"pattern without a star", "--- SHIP [070] ---\nSHIP\n- ARMS [070]\n", 3},
      {"unclosed code", "--- SHIP [070] ---\nSHIP [07\n", 2},
      {"empty code", "--- SHIP [070] ---\nSHIP\n- * ARMS []\n", 3},
      {"header without a name", "---  [070] ---\n", 1},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto patterns = ParseCameoVerbs(c.text, "bad.verbs", BundledOntology());
    ASSERT_FALSE(patterns.ok());
    EXPECT_EQ(patterns.status().code(), Status::Code::kDataError);
    EXPECT_NE(patterns.status().ToString().find("bad.verbs:" + std::to_string(c.line)), std::string::npos)
        << patterns.status().ToString();
  }
}

TEST(CameoVerbsTest, SniffsTheFormat) {
  struct SniffCase {
    const char* text;
    VerbFileFormat format;
  };
  const std::vector<SniffCase> cases = {
      {"# dyad\nship\t-\t070\tobj\n", VerbFileFormat::kDyad},
      {"# cameo\n--- SHIP [070] ---\nSHIP\n", VerbFileFormat::kCameo},
      {"&GOODS\n+GRAIN\n", VerbFileFormat::kCameo},
      {"<!-- header -->\n--- SHIP [070] ---\n", VerbFileFormat::kCameo},
      {"", VerbFileFormat::kDyad},
  };
  for (const SniffCase& c : cases) EXPECT_EQ(SniffVerbFormat(c.text), c.format) << c.text;
}

// The bundled patterns plus an imported file: the bundled pattern wins a
// tie, the imported specific frame outranks the bundled `-` frame, and
// --no-bundled-verbs style loading keeps only the import.
TEST(CameoVerbsTest, LoadPatternSourcesMergesWithBundled) {
  const std::string dir = ::testing::TempDir() + "/cameo_verbs_test";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/mini.verbs.txt";
  {
    std::ofstream out(path);
    out << "--- ACCUSE [112] ---\n"
           "ACCUSE\n"
           "- * (OF {WAR CRIMES}) [1122]\n";
  }
  const Ontology& ontology = BundledOntology();
  std::vector<VerbFileReport> reports;
  size_t dropped = 0;
  auto both = LoadPatternSources(DYAD_SOURCE_DIR "/data/verbs", true, {path}, ontology, &reports, &dropped);
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].format, VerbFileFormat::kCameo);
  EXPECT_EQ(reports[0].cameo.patterns, 2u);
  auto bundled = LoadPatterns(DYAD_SOURCE_DIR "/data/verbs", ontology);
  ASSERT_TRUE(bundled.ok());
  EXPECT_EQ(both->patterns().size() + dropped, bundled->patterns().size() + 2);
  const auto& accuse = both->For("accuse");
  ASSERT_FALSE(accuse.empty());
  for (size_t i = 1; i < accuse.size(); ++i) EXPECT_GE(accuse[i - 1]->Specificity(), accuse[i]->Specificity());

  auto only = LoadPatternSources(DYAD_SOURCE_DIR "/data/verbs", false, {path}, ontology);
  ASSERT_TRUE(only.ok()) << only.status().ToString();
  EXPECT_EQ(only->patterns().size(), 2u);
  ASSERT_EQ(only->For("accuse").size(), 2u);
  EXPECT_EQ(only->For("accuse")[0]->code, "1122");
  EXPECT_EQ(only->For("accuse")[1]->code, "112");

  auto missing = LoadPatternSources(DYAD_SOURCE_DIR "/data/verbs", true, {dir + "/none.txt"}, ontology);
  EXPECT_FALSE(missing.ok());
}

// The real PETRARCH dictionaries, when the shared data is there: they load,
// and most pattern lines map.
TEST(CameoVerbsTest, SubjectConstraintAcceptsLemmas) {
  auto patterns = ParseCameoVerbs(OneBlock("---", "SHIP\n", "- &GOODS * (TO +) [071]\n- {NIGHT FERRY} * [070]"),
                                  "t.verbs", BundledOntology());
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  ASSERT_EQ(patterns->size(), 2u);
  const Pattern& goods = (*patterns)[0];
  ASSERT_EQ(goods.frame.size(), 2u);
  EXPECT_EQ(goods.frame[0].kind, Constraint::Kind::kSubj);
  EXPECT_TRUE(goods.frame[0].Accepts("grain"));
  EXPECT_TRUE(goods.frame[0].Accepts("medicine"));
  EXPECT_TRUE(goods.frame[0].Accepts("spare part"));  // "SPARE_PARTS" whole
  EXPECT_FALSE(goods.frame[0].Accepts("part"));
  EXPECT_FALSE(goods.frame[0].Accepts("ferry"));
  EXPECT_FALSE(goods.frame[0].actor);
  EXPECT_EQ(goods.Specificity(), 4);
  const Pattern& ferry = (*patterns)[1];
  ASSERT_EQ(ferry.frame.size(), 1u);
  EXPECT_EQ(ferry.frame[0].kind, Constraint::Kind::kSubj);
  EXPECT_TRUE(ferry.frame[0].Accepts("night ferry"));
  EXPECT_TRUE(ferry.frame[0].Accepts("night ferries"));
  EXPECT_FALSE(ferry.frame[0].Accepts("ferry"));
  EXPECT_FALSE(ferry.frame[0].Accepts("night"));
  // A subject frame outranks the verb's `-` frame.
  EXPECT_EQ(ferry.Specificity(), 3);
}

// The same words after the verb with different words before it are two
// patterns, not one written twice.
TEST(CameoVerbsTest, SubjectWordsMakeAPatternOfTheirOwn) {
  CameoVerbReport report;
  auto patterns = ParseCameoVerbs(OneBlock("---", "SHIP\n",
                                           "- * &GOODS [071]\n"
                                           "- COURIER * &GOODS [0233]\n"
                                           "- courier *  &goods [073]"),
                                  "t.verbs", BundledOntology(), &report);
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  std::vector<std::string> got;
  for (const Pattern& p : *patterns) got.push_back(p.FrameText() + " " + p.code);
  EXPECT_EQ(got, (std::vector<std::string>{"obj=&goods 071", "subj=courier obj=&goods 073"}));
  EXPECT_EQ(report.skipped["the same pattern again later in the block (PETRARCH keeps the last)"], 1u);
}

TEST(CameoVerbsTest, SharedPetrarchDictionaries) {
  const std::string root = DYAD_SOURCE_DIR "/../shared/external/petrarch2/dictionaries";
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "no " << root << " (shared data absent)";
  for (const char* name : {"phoenix/CAMEO.2.0.txt", "PETR.Validate.verbs.txt"}) {
    SCOPED_TRACE(name);
    std::string text;
    ASSERT_TRUE(ReadWholeFile(root + "/" + name, &text));
    EXPECT_EQ(SniffVerbFormat(text), VerbFileFormat::kCameo);
    CameoVerbReport report;
    auto patterns = ParseCameoVerbs(text, name, BundledOntology(), &report);
    ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
    std::cout << report.Summary(name);
    EXPECT_GT(report.mapped_lines, 0u);
  }
}

}  // namespace
}  // namespace dyad::coding

namespace dyad::coding {
namespace {

Event MakeEvent(int sentence, int src, int tgt, const std::string& source, const std::string& target,
                const std::string& code) {
  Event e;
  e.sentence = sentence;
  e.source_actor = src;
  e.target_actor = tgt;
  e.source = source;
  e.target = target;
  e.cameo = code;
  return e;
}

// What imported null and two-way codes become once the coder has run.
TEST(CameoVerbsTest, CompoundCodesResolvedAfterCoding) {
  Document doc;
  // (A null pattern codes no event at all: the coder stops at it; see
  // PipelineResources in src/eval/run_pipeline_test.cc.)
  doc.events = {MakeEvent(1, 1, 2, "FRD", "SYL", "046:046"),  // talks both ways
                MakeEvent(2, 3, 1, "SYLJUD", "FRD", ":173"),  // only the way back
                MakeEvent(3, 1, -1, "FRD", "", "043:042"),    // no target: no way back
                MakeEvent(4, 2, 1, "SYL", "FRD", "0231")};    // a plain code stays
  ResolveCompoundCodes(&doc, BundledOntology());
  ASSERT_EQ(doc.events.size(), 5u);
  auto is = [](const Event& e, int sentence, const std::string& source, const std::string& target,
               const std::string& code) {
    return e.sentence == sentence && e.source == source && e.target == target && e.cameo == code;
  };
  EXPECT_TRUE(is(doc.events[0], 1, "FRD", "SYL", "046"));
  EXPECT_TRUE(is(doc.events[1], 1, "SYL", "FRD", "046"));
  EXPECT_EQ(doc.events[1].source_actor, 2);
  EXPECT_EQ(doc.events[1].target_actor, 1);
  EXPECT_TRUE(is(doc.events[2], 2, "FRD", "SYLJUD", "173"));
  EXPECT_TRUE(is(doc.events[3], 3, "FRD", "", "043"));
  EXPECT_TRUE(is(doc.events[4], 4, "SYL", "FRD", "0231"));
  // Root, quad class and Goldstein come from the resolved code.
  EXPECT_EQ(doc.events[0].root, "04");
  EXPECT_EQ(doc.events[2].root, "17");
  EXPECT_EQ(doc.events[2].quad_class, 4);
  EXPECT_NE(doc.events[2].goldstein, 0);
}

// A `[---]` line is more specific than the verb's own `-` frame, so it wins
// where it holds, and the verb codes elsewhere.
TEST(CameoVerbsTest, NullPatternOutranksTheVerbsDefaultFrame) {
  auto patterns = ParseCameoVerbs(OneBlock("---", "BACK [051]\n", "- * BUDGET [---]"), "t.verbs", BundledOntology());
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  ASSERT_EQ(patterns->size(), 2u);
  const Pattern* null = nullptr;
  const Pattern* plain = nullptr;
  for (const Pattern& p : *patterns) (p.NoEvent() ? null : plain) = &p;
  ASSERT_TRUE(null && plain);
  EXPECT_GT(null->Specificity(), plain->Specificity());
  EXPECT_EQ(plain->code, "051");
}

}  // namespace
}  // namespace dyad::coding

namespace dyad::coding {
namespace {

// PETRARCH 2 keeps the last of two lines with the same words after the verb
// in a block; lines that only share a head noun are different patterns.
TEST(CameoVerbsTest, TheLastOfTwoSamePatternsInABlockWins) {
  CameoVerbReport report;
  auto patterns = ParseCameoVerbs(OneBlock("---", "SHIP\n",
                                           "- * LINK [031]\n"
                                           "- * &GOODS [071]\n"
                                           "- *  link   [057]\n"
                                           "- * {FAST CARGO} [073]\n"
                                           "- * {SLOW CARGO} [073]"),
                                  "t.verbs", BundledOntology(), &report);
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  std::map<std::string, std::string> code_of;  // frame -> code
  std::vector<std::string> frames;
  for (const Pattern& p : *patterns) {
    frames.push_back(p.FrameText());
    code_of.emplace(p.FrameText(), p.code);
  }
  EXPECT_EQ(code_of["obj=link"], "057");
  EXPECT_EQ(std::count(frames.begin(), frames.end(), "obj=link"), 1);
  EXPECT_EQ(code_of["obj=&goods"], "071");
  EXPECT_EQ(code_of["obj=fast cargo"], "073");
  EXPECT_EQ(code_of["obj=slow cargo"], "073");
  EXPECT_EQ(report.skipped.count("the same pattern again later in the block (PETRARCH keeps the last)"), 1u);
  EXPECT_EQ(report.skipped["the same pattern again later in the block (PETRARCH keeps the last)"], 1u);
}

}  // namespace
}  // namespace dyad::coding

namespace dyad::coding {
namespace {

// PETRARCH 2 files a verb under the first block that lists it: a later
// block gives it neither its code nor its patterns.
TEST(CameoVerbsTest, AVerbBelongsToTheFirstBlockThatListsIt) {
  const std::string text = std::string(kSynsets) +
                           "--- FIRSTBLOCK [070] ---\n"
                           "SHIP\n"
                           "- * &GOODS [071]\n"
                           "\n"
                           "--- SECONDBLOCK [120] ---\n"
                           "SHIP\n"
                           "DECLINE\n"
                           "- * LINK [125]\n";
  CameoVerbReport report;
  auto patterns = ParseCameoVerbs(text, "t.verbs", BundledOntology(), &report);
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  std::vector<std::string> ship, decline;
  for (const Pattern& p : *patterns)
    (p.Key() == "ship" ? ship : decline).push_back(p.FrameText() + " " + p.code);
  EXPECT_EQ(ship, (std::vector<std::string>{"- 070", "obj=&goods 071"}));
  EXPECT_EQ(decline, (std::vector<std::string>{"- 120", "obj=link 125"}));
  EXPECT_EQ(report.skipped["verb: already in an earlier block (PETRARCH 2 keeps the first)"], 1u);
}

}  // namespace
}  // namespace dyad::coding

namespace dyad::coding {
namespace {

// A statement verb's own `-` frame is written as the bundled statements are
// (`say - 010 none`), so the coder codes it only when what it reports is not
// coded; other verbs and pattern lines keep the generic targets.
TEST(CameoVerbsTest, AStatementVerbAloneIsAStatement) {
  const std::string text = std::string(kSynsets) +
                           "--- REMARK [010] ---\n"
                           "REMARK\n"
                           "- * (ON &GOODS) [012]\n"
                           "\n"
                           "--- SHIP [070] ---\n"
                           "SHIP\n";
  auto patterns = ParseCameoVerbs(text, "t.verbs", BundledOntology());
  ASSERT_TRUE(patterns.ok()) << patterns.status().ToString();
  ASSERT_EQ(patterns->size(), 3u);
  for (const Pattern& p : *patterns) {
    SCOPED_TRACE(p.Key() + " " + p.FrameText());
    if (p.Key() == "remark" && p.frame.empty()) EXPECT_EQ(p.targets, (std::vector<std::string>{"none"}));
    else EXPECT_EQ(p.targets.front(), "obj");
  }
}

}  // namespace
}  // namespace dyad::coding
