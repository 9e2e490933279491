#include "coding/patterns.h"

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <set>

#include "coding/testing.h"

namespace dyad::coding {
namespace {

const PatternSet& Bundled() {
  static const Result<PatternSet>* loaded =
      new Result<PatternSet>(LoadPatterns(DYAD_SOURCE_DIR "/data/verbs", BundledOntology()));
  EXPECT_TRUE(loaded->ok()) << loaded->status().ToString();
  return loaded->value();
}

const char kClasses[] =
    "# test classes\n"
    "@military\ttroops|fighter|warship\n"
    "@aid\taid|food|@military\n"
    "@tie\ttie|relation|diplomatic_relations\n";

Result<PatternSet> ParseOne(const std::string& text) {
  return PatternSet::Parse(NamedText{"classes.tsv", kClasses}, {NamedText{"t.patterns", text}}, BundledOntology());
}

// `---` is the null code: the line parses and matches, and codes nothing.
TEST(PatternsParseTest, NullCodeMakesANoEventPattern) {
  auto set = ParseOne("noun:travel alert\t-\t---\tnone\nnoun:alert\t-\t152\tnone\n");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->ForNoun("travel alert").size(), 1u);
  EXPECT_TRUE(set->ForNoun("travel alert")[0]->NoEvent());
  ASSERT_EQ(set->ForNoun("alert").size(), 1u);
  EXPECT_FALSE(set->ForNoun("alert")[0]->NoEvent());
  EXPECT_FALSE(ParseOne("noun:alert\t-\t--\tnone\n").ok());
}

// `comp`: a content clause about a state of affairs, with or without a
// lemma for its predicate.
TEST(PatternsParseTest, ContentClauseConstraint) {
  auto set = ParseOne("warn\t!obj !iobj comp\t012\tnone\nwarn\tcomp=collapse|fail\t012\tnone\n");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const auto& warn = set->For("warn");
  ASSERT_EQ(warn.size(), 2u);
  const Pattern* bare = warn[0]->frame.size() == 3 ? warn[0] : warn[1];
  const Pattern* valued = bare == warn[0] ? warn[1] : warn[0];
  EXPECT_EQ(bare->frame[2].kind, Constraint::Kind::kComp);
  EXPECT_FALSE(bare->frame[2].negated);
  EXPECT_TRUE(bare->frame[0].negated);
  ASSERT_EQ(valued->frame.size(), 1u);
  EXPECT_EQ(valued->frame[0].kind, Constraint::Kind::kComp);
  EXPECT_TRUE(valued->frame[0].Accepts("fail"));
  EXPECT_FALSE(valued->frame[0].Accepts("win"));
}

TEST(PatternsParseTest, FieldsFrameAndTargets) {
  auto set = ParseOne(
      "# comment line\n"
      "offer\t-\t030\tiobj|prep:to\tplain offer\n"
      "offer\txcomp=send|deploy xobj=@military\t0332\txprep:to|none\t\"offered to send fighters\"  # trailing comment\n"
      "reach out\tprep:to\t040\tprep:to\n"
      "noun:phone call\t-\t041\tprep:with\n"
      "break off\tobj=@tie\t161\tprep:with\n"
      "strike\t!obj\t143\tnone\n");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const auto& offer = set->For("offer");
  ASSERT_EQ(offer.size(), 2u);
  // The specific frame comes first although it is written second.
  EXPECT_EQ(offer[0]->code, "0332");
  EXPECT_EQ(offer[0]->line, 3);
  ASSERT_EQ(offer[0]->frame.size(), 2u);
  EXPECT_EQ(offer[0]->frame[0].kind, Constraint::Kind::kXcomp);
  EXPECT_TRUE(offer[0]->frame[0].Accepts("send"));
  EXPECT_FALSE(offer[0]->frame[0].Accepts("buy"));
  EXPECT_EQ(offer[0]->frame[1].kind, Constraint::Kind::kXobj);
  EXPECT_TRUE(offer[0]->frame[1].Accepts("fighter"));
  EXPECT_EQ(offer[0]->frame[1].classes, std::vector<std::string>{"@military"});
  EXPECT_EQ(offer[0]->targets, (std::vector<std::string>{"xprep:to", "none"}));
  EXPECT_EQ(offer[0]->note, "\"offered to send fighters\"");
  EXPECT_EQ(offer[1]->FrameText(), "-");
  EXPECT_EQ(offer[1]->targets, (std::vector<std::string>{"iobj", "prep:to"}));

  const auto& reach = set->For("reach out");
  ASSERT_EQ(reach.size(), 1u);
  EXPECT_EQ(reach[0]->predicate, "reach");
  EXPECT_EQ(reach[0]->particle, "out");
  EXPECT_EQ(reach[0]->frame[0].kind, Constraint::Kind::kPrep);
  EXPECT_EQ(reach[0]->frame[0].prep, "to");
  EXPECT_TRUE(set->For("reach").empty());

  const auto& call = set->ForNoun("phone call");
  ASSERT_EQ(call.size(), 1u);
  EXPECT_TRUE(call[0]->noun);
  EXPECT_TRUE(set->For("phone call").empty());

  // Multiword class members: '_' becomes a space.
  EXPECT_TRUE(set->For("break off")[0]->frame[0].Accepts("diplomatic relations"));
  const Constraint& no_obj = set->For("strike")[0]->frame[0];
  EXPECT_TRUE(no_obj.negated);
  EXPECT_EQ(no_obj.kind, Constraint::Kind::kObj);
}

TEST(PatternsParseTest, ClassesExpandNestedClasses) {
  auto set = ParseOne("send\tobj=@aid\t070\tprep:to\n");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const Constraint& c = set->For("send")[0]->frame[0];
  EXPECT_TRUE(c.Accepts("food"));
  EXPECT_TRUE(c.Accepts("warship"));  // through @military
  EXPECT_FALSE(c.Accepts("money"));
}

TEST(PatternsParseTest, ActorClassAndNounVerb) {
  auto set = ParseOne(
      "call\tobj=@actor\t041\tobj\n"
      "noun:sanction\tnoun:impose|slap prep:on\t163\tprep:on\n");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const Constraint& actor = set->For("call")[0]->frame[0];
  EXPECT_TRUE(actor.actor);
  EXPECT_TRUE(actor.Accepts("maduro", /*is_actor=*/true));
  EXPECT_FALSE(actor.Accepts("election", /*is_actor=*/false));
  const Pattern* sanction = set->ForNoun("sanction")[0];
  EXPECT_EQ(sanction->frame[0].kind, Constraint::Kind::kNounVerb);
  EXPECT_TRUE(sanction->frame[0].Accepts("slap"));
  EXPECT_EQ(sanction->Specificity(), 3);
}

TEST(PatternsParseTest, NotMarksTheNegatedReading) {
  auto set = ParseOne(
      "rule out\tnot obj=@aid\t0333\tprep:to|none\n"
      "rule out\t-\t120\tnone\n");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const auto& rule_out = set->For("rule out");
  ASSERT_EQ(rule_out.size(), 2u);
  EXPECT_TRUE(rule_out[0]->ForNegated());
  EXPECT_EQ(rule_out[0]->frame[0].kind, Constraint::Kind::kNot);
  EXPECT_EQ(rule_out[0]->Specificity(), 3);
  EXPECT_FALSE(rule_out[1]->ForNegated());
}

TEST(PatternsParseTest, SubjectConstraint) {
  auto set = ParseOne("deploy\tsubj=@military\t154\tprep:to|none\n");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const Constraint& subj = set->For("deploy")[0]->frame[0];
  EXPECT_EQ(subj.kind, Constraint::Kind::kSubj);
  EXPECT_TRUE(subj.Accepts("troops"));
  EXPECT_FALSE(subj.Accepts("minister"));
}

struct BadCase {
  std::string name;
  std::string text;    // line 2 is the bad one
  std::string expect;  // a part of the message
};

class PatternsErrorTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(PatternsErrorTest, NamesFileLineAndProblem) {
  const BadCase& c = GetParam();
  auto set = ParseOne("say\t-\t010\tnone\n" + c.text + "\n");
  ASSERT_FALSE(set.ok()) << c.text;
  EXPECT_EQ(set.status().code(), Status::Code::kDataError);
  const std::string& msg = set.status().message();
  EXPECT_NE(msg.find("t.patterns"), std::string::npos) << msg;
  EXPECT_NE(msg.find(":2"), std::string::npos) << msg;
  EXPECT_NE(msg.find(c.expect), std::string::npos) << msg;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, PatternsErrorTest,
    ::testing::Values(
        BadCase{"unknown_code", "accuse\t-\t1129\tobj", "unknown CAMEO code 1129"},
        BadCase{"code_shape", "accuse\t-\t11a\tobj", "2 to 4 digits"},
        BadCase{"unknown_class", "send\tobj=@tanks\t072\tprep:to", "unknown word class '@tanks'"},
        BadCase{"bad_constraint", "send\tobject=troops\t072\tprep:to", "unknown constraint"},
        BadCase{"bad_target", "send\t-\t072\tsubject", "bad target 'subject'"},
        BadCase{"none_not_last", "send\t-\t072\tnone|obj", "'none' must be the last"},
        BadCase{"xobj_without_xcomp", "offer\txobj=@military\t0332\tnone", "needs an xcomp"},
        BadCase{"xprep_target_without_xcomp", "offer\t-\t0332\txprep:to", "needs an xcomp"},
        BadCase{"too_few_fields", "accuse\t-\t112", "expected tab-separated fields"},
        BadCase{"upper_case_predicate", "Accuse\t-\t112\tobj", "bad predicate"},
        BadCase{"noun_verb_on_verb", "impose\tnoun:impose\t163\tprep:on", "applies only to noun predicates"},
        BadCase{"xcomp_on_noun", "noun:offer\txcomp=send\t030\tprep:to", "does not apply to a noun predicate"},
        BadCase{"negated_with_value", "strike\t!obj=troops\t143\tnone", "negated constraint takes no value"},
        BadCase{"not_with_value", "rule out\tnot=yes\t036\tnone", "'not' takes no value"},
        BadCase{"not_negated", "rule out\t!not\t036\tnone", "'not' takes no value"},
        BadCase{"same_slot_twice", "send\tobj=aid obj=food\t070\tprep:to", "same slot"},
        BadCase{"empty_alternative", "send\tobj=aid||food\t070\tprep:to", "empty alternative"},
        BadCase{"duplicate_frame", "say\t-\t012\tnone", "same predicate and frame as t.patterns:1"}),
    [](const auto& info) { return info.param.name; });

TEST(PatternsParseTest, ClassFileErrors) {
  auto bad = [](const std::string& classes) {
    return PatternSet::Parse(NamedText{"classes.tsv", classes}, {}, BundledOntology());
  };
  auto undefined = bad("@a\tx|@b\n");
  ASSERT_FALSE(undefined.ok());
  EXPECT_NE(undefined.status().message().find("classes.tsv:1"), std::string::npos);
  EXPECT_NE(undefined.status().message().find("unknown word class '@b'"), std::string::npos);
  auto twice = bad("@a\tx\n@a\ty\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("classes.tsv:2"), std::string::npos);
  EXPECT_FALSE(bad("@actor\tx\n").ok());
  EXPECT_FALSE(bad("military\tx\n").ok());
  EXPECT_FALSE(bad("@a\tX\n").ok());
}

TEST(PatternsBundledTest, LoadsWithoutError) {
  const PatternSet& set = Bundled();
  EXPECT_GT(set.patterns().size(), 1000u);
  EXPECT_GT(set.VerbKeys().size(), 300u);
  EXPECT_GT(set.NounKeys().size(), 100u);
  // Within a predicate, the order the coder sees is non-increasing specificity.
  for (const std::string& key : set.VerbKeys()) {
    const auto& list = set.For(key);
    for (size_t i = 1; i < list.size(); ++i) {
      EXPECT_GE(list[i - 1]->Specificity(), list[i]->Specificity()) << key;
    }
  }
}

TEST(PatternsBundledTest, EveryRootIsCovered) {
  std::map<std::string, int> per_root, verbs, nouns;
  std::map<std::string, std::set<std::string>> keys;
  for (const Pattern& p : Bundled().patterns()) {
    std::string r = p.code.substr(0, 2);
    ++per_root[r];
    ++(p.noun ? nouns : verbs)[r];
    keys[r].insert((p.noun ? "noun:" : "") + p.Key());
  }
  // The table of docs/verb-patterns.md comes from this output.
  std::cout << "root\tpatterns\tverb\tnoun\tpredicates\n";
  for (int root = 1; root <= 20; ++root) {
    std::string r = (root < 10 ? "0" : "") + std::to_string(root);
    std::cout << r << "\t" << per_root[r] << "\t" << verbs[r] << "\t" << nouns[r] << "\t" << keys[r].size() << "\n";
    EXPECT_GE(per_root[r], 15) << "root " << r;
  }
}

struct DefaultCase {
  std::string key;
  bool noun;
  std::string code;  // of the `-` frame
};

void PrintTo(const DefaultCase& c, std::ostream* os) { *os << c.key; }

class PatternsDefaultTest : public ::testing::TestWithParam<DefaultCase> {};

TEST_P(PatternsDefaultTest, DefaultFrameCode) {
  const DefaultCase& c = GetParam();
  const auto& list = c.noun ? Bundled().ForNoun(c.key) : Bundled().For(c.key);
  ASSERT_FALSE(list.empty()) << c.key;
  const Pattern* fallback = nullptr;
  for (const Pattern* p : list) {
    if (p->frame.empty()) fallback = p;
  }
  ASSERT_NE(fallback, nullptr) << c.key << " has no '-' frame";
  EXPECT_EQ(fallback->code, c.code) << fallback->file << ":" << fallback->line;
  EXPECT_EQ(list.back(), fallback) << "the '-' frame must be tried last";
}

INSTANTIATE_TEST_SUITE_P(
    CommonVerbs, PatternsDefaultTest,
    ::testing::Values(
        DefaultCase{"say", false, "010"}, DefaultCase{"deny", false, "016"},
        DefaultCase{"urge", false, "020"}, DefaultCase{"appeal", false, "020"},
        DefaultCase{"offer", false, "030"}, DefaultCase{"promise", false, "030"},
        DefaultCase{"meet", false, "040"}, DefaultCase{"visit", false, "042"},
        DefaultCase{"host", false, "043"}, DefaultCase{"phone", false, "041"},
        DefaultCase{"mediate", false, "045"}, DefaultCase{"negotiate", false, "046"},
        DefaultCase{"reach out", false, "040"}, DefaultCase{"praise", false, "051"},
        DefaultCase{"congratulate", false, "051"}, DefaultCase{"recognize", false, "054"},
        DefaultCase{"apologize", false, "055"}, DefaultCase{"cooperate", false, "060"},
        DefaultCase{"lend", false, "071"}, DefaultCase{"release", false, "0841"},
        DefaultCase{"investigate", false, "090"}, DefaultCase{"demand", false, "100"},
        DefaultCase{"criticize", false, "111"}, DefaultCase{"accuse", false, "112"},
        DefaultCase{"reject", false, "120"}, DefaultCase{"veto", false, "129"},
        DefaultCase{"threaten", false, "130"}, DefaultCase{"warn", false, "130"},
        DefaultCase{"protest", false, "141"}, DefaultCase{"mobilize", false, "154"},
        DefaultCase{"sanction", false, "163"}, DefaultCase{"arrest", false, "173"},
        DefaultCase{"deport", false, "174"}, DefaultCase{"abduct", false, "181"},
        DefaultCase{"assassinate", false, "186"}, DefaultCase{"shell", false, "194"},
        DefaultCase{"occupy", false, "192"}, DefaultCase{"massacre", false, "202"},
        DefaultCase{"phone call", true, "041"}, DefaultCase{"visit", true, "042"},
        DefaultCase{"sanction", true, "163"}, DefaultCase{"airstrike", true, "195"}),
    [](const auto& info) {
      std::string n = (info.param.noun ? "noun_" : "") + info.param.key;
      for (char& ch : n) {
        if (ch == ' ' || ch == '-') ch = '_';
      }
      return n;
    });

// The frames that separate readings of one predicate: the first pattern whose
// constraints accept the given slot lemma.
struct FrameCase {
  std::string key;
  Constraint::Kind kind;
  std::string prep;
  std::string lemma;
  std::string code;
};

void PrintTo(const FrameCase& c, std::ostream* os) { *os << c.key << "/" << c.lemma; }

class PatternsFrameTest : public ::testing::TestWithParam<FrameCase> {};

TEST_P(PatternsFrameTest, FirstSingleConstraintFrameForSlot) {
  const FrameCase& c = GetParam();
  const Pattern* hit = nullptr;
  for (const Pattern* p : Bundled().For(c.key)) {
    if (p->frame.size() != 1) continue;
    const Constraint& k = p->frame[0];
    if (k.kind == c.kind && k.prep == c.prep && !k.negated && k.Accepts(c.lemma)) {
      hit = p;
      break;
    }
  }
  ASSERT_NE(hit, nullptr) << c.key << " " << c.lemma;
  EXPECT_EQ(hit->code, c.code) << hit->file << ":" << hit->line;
}

using K = Constraint::Kind;
INSTANTIATE_TEST_SUITE_P(
    Readings, PatternsFrameTest,
    ::testing::Values(
        FrameCase{"call", K::kPrep, "for", "transition", "0244"},
        FrameCase{"call", K::kPrep, "for", "resignation", "0241"},
        FrameCase{"call", K::kPrep, "for", "release", "0253"},
        FrameCase{"ease", K::kObj, "", "sanction", "085"},
        FrameCase{"lift", K::kObj, "", "curfew", "0813"},
        FrameCase{"impose", K::kObj, "", "sanction", "163"},
        FrameCase{"impose", K::kObj, "", "curfew", "1723"},
        FrameCase{"break off", K::kObj, "", "relation", "161"},
        FrameCase{"recall", K::kObj, "", "ambassador", "161"},
        FrameCase{"expel", K::kObj, "", "diplomat", "161"},
        FrameCase{"expel", K::kObj, "", "inspector", "1662"},
        FrameCase{"grant", K::kObj, "", "asylum", "075"},
        FrameCase{"offer", K::kObj, "", "asylum", "0333"},
        FrameCase{"send", K::kObj, "", "weapon", "072"},
        FrameCase{"send", K::kObj, "", "food", "073"},
        FrameCase{"strike", K::kObj, "", "deal", "057"},
        FrameCase{"strike", K::kObj, "", "city", "190"},
        FrameCase{"accuse", K::kPrep, "of", "corruption", "1121"},
        FrameCase{"accuse", K::kPrep, "of", "aggression", "1123"},
        FrameCase{"reject", K::kObj, "", "talks", "125"},
        FrameCase{"reject", K::kObj, "", "accusation", "016"},
        FrameCase{"declare", K::kObj, "", "ceasefire", "0871"},
        FrameCase{"declare", K::kObj, "", "martial law", "1724"},
        FrameCase{"deploy", K::kObj, "", "troops", "154"},
        FrameCase{"deploy", K::kObj, "", "police", "153"},
        FrameCase{"withdraw", K::kObj, "", "troops", "0874"},
        FrameCase{"hold", K::kObj, "", "talks", "040"},
        FrameCase{"fire", K::kObj, "", "tear gas", "175"}),
    [](const auto& info) {
      std::string n = info.param.key + "_" + info.param.lemma;
      for (char& ch : n) {
        if (ch == ' ' || ch == '-') ch = '_';
      }
      return n;
    });

TEST(IntentMapTest, BundledLongestPrefix) {
  auto map = LoadIntentMap(DYAD_SOURCE_DIR "/data/verbs", BundledOntology());
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(map->Lookup("0712"), "0331");  // no row 0712: falls to 071
  EXPECT_EQ(map->Lookup("072"), "0332");
  EXPECT_EQ(map->Lookup("075"), "0333");
  EXPECT_EQ(map->Lookup("070"), "033");   // from the root row 07
  EXPECT_EQ(map->Lookup("042"), "036");
  EXPECT_EQ(map->Lookup("051"), "032");
  EXPECT_EQ(map->Lookup("0841"), "0353");
  EXPECT_EQ(map->Lookup("0831"), "0341");
  EXPECT_EQ(map->Lookup("154"), "138");
  EXPECT_EQ(map->Lookup("163"), "1312");
  EXPECT_EQ(map->Lookup("192"), "1382");
  EXPECT_EQ(map->Lookup("010"), std::nullopt);
  EXPECT_EQ(map->Lookup("112"), std::nullopt);
  for (const auto& [act, code] : map->rows()) {
    const CameoCode* intent = BundledOntology().Find(code);
    ASSERT_NE(intent, nullptr);
    EXPECT_TRUE(intent->root() == "03" || intent->root() == "13") << act;
  }
}

TEST(IntentMapTest, Errors) {
  struct Case {
    std::string text, expect;
  };
  for (const Case& c : std::vector<Case>{
           {"07\t0333\n07\t033\n", "listed twice"},
           {"07\t0399\n", "unknown CAMEO code '0399'"},
           {"0799\t033\n", "unknown CAMEO code '0799'"},
           {"07\t073\n", "must be in 03"},
           {"036\t036\n", "already an intent"},
           {"07\n", "expected an act code, a tab and a code"}}) {
    auto map = ParseIntentMap("# header\n" + c.text, "intent.tsv", BundledOntology());
    ASSERT_FALSE(map.ok()) << c.text;
    EXPECT_NE(map.status().message().find("intent.tsv:"), std::string::npos) << map.status().message();
    EXPECT_NE(map.status().message().find(c.expect), std::string::npos) << map.status().message();
  }
}

}  // namespace
}  // namespace dyad::coding
