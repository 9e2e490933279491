#include "coding/ontology.h"

#include <gtest/gtest.h>

#include <set>

#include "coding/testing.h"

namespace dyad::coding {
namespace {

struct CodeCase {
  std::string code;
  std::string name_prefix;
  double goldstein;
  int quad;
  std::string root;
  std::optional<std::string> plover;
};

void PrintTo(const CodeCase& c, std::ostream* os) { *os << c.code; }

class OntologyCodeTest : public ::testing::TestWithParam<CodeCase> {};

TEST_P(OntologyCodeTest, FactsOfTheCode) {
  const CodeCase& c = GetParam();
  const Ontology& o = BundledOntology();
  const CameoCode* code = o.Find(c.code);
  ASSERT_NE(code, nullptr) << c.code;
  EXPECT_EQ(code->name.substr(0, c.name_prefix.size()), c.name_prefix);
  EXPECT_DOUBLE_EQ(code->goldstein, c.goldstein);
  EXPECT_EQ(code->quad, c.quad);
  EXPECT_EQ(code->root(), c.root);
  EXPECT_EQ(o.PloverType(c.code), c.plover);
}

INSTANTIATE_TEST_SUITE_P(
    Codes, OntologyCodeTest,
    ::testing::Values(
        CodeCase{"0332", "Express intent to provide military aid", 5.2, 1, "03", "AGREE"},
        CodeCase{"010", "Make statement", 0.0, 1, "01", std::nullopt},
        CodeCase{"0214", "Appeal for intelligence", 3.4, 1, "02", std::nullopt},
        CodeCase{"040", "Consult", 1.0, 1, "04", "CONSULT"},
        CodeCase{"0841", "Return, release person", 7.0, 2, "08", "RETREAT"},
        CodeCase{"081", "Ease administrative sanctions", 5.0, 2, "08", "CONCEDE"},
        CodeCase{"1042", "Demand policy change", -5.0, 3, "10", "REQUEST"},
        CodeCase{"163", "Impose embargo", -6.5, 3, "16", "COERCE"},
        CodeCase{"190", "Use conventional military force", -10.0, 4, "19", "ASSAULT"},
        // Not in the PLOVER table: falls back to its 3-digit parent 195.
        CodeCase{"1951", "Employ precision-guided", -10.0, 4, "19", "ASSAULT"},
        // Not in the Goldstein scale: takes its parent's score (025: -0.3).
        CodeCase{"0251", "Appeal for easing of administrative", -0.3, 1, "02", std::nullopt}),
    [](const auto& info) { return "code_" + info.param.code; });

TEST(OntologyTest, EveryCodeHasAScoreAQuadAndARoot) {
  const Ontology& o = BundledOntology();
  EXPECT_EQ(o.codes().size(), 318u);  // CAMEO 1.1b3: 20 roots, 149 3-digit, 149 4-digit codes
  std::set<std::string> roots;
  for (const CameoCode& c : o.codes()) {
    EXPECT_GE(c.goldstein, -10.0) << c.code;
    EXPECT_LE(c.goldstein, 10.0) << c.code;
    EXPECT_NE(o.Find(c.goldstein_from), nullptr) << c.code;
    EXPECT_EQ(c.quad, o.Find(c.root())->quad) << c.code << ": a code's quad class is its root's";
    roots.insert(c.root());
  }
  EXPECT_EQ(roots.size(), 20u);
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    EXPECT_TRUE(roots.count(root)) << root;
  }
}

TEST(OntologyTest, EveryCodeFrom03OnHasAPloverType) {
  const Ontology& o = BundledOntology();
  for (const CameoCode& c : o.codes()) {
    bool dropped = c.root() == "01" || c.root() == "02";
    EXPECT_EQ(o.PloverType(c.code).has_value(), !dropped) << c.code;
  }
  EXPECT_FALSE(o.PloverType("999").has_value());
  EXPECT_FALSE(o.PloverType("").has_value());
  const PloverMapping* m = o.FindPlover("091");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->mode, "investigate");
  EXPECT_EQ(m->contexts, (std::vector<std::string>{"crime", "corruption"}));
  EXPECT_EQ(o.FindPlover("0332")->cameo, "0332");
  EXPECT_EQ(o.FindPlover("1951")->cameo, "195");
}

struct MalformedCase {
  std::string label;
  std::string cameo;
  std::string plover;
  std::string expected;  // substring of the error message
};

void PrintTo(const MalformedCase& c, std::ostream* os) { *os << c.label; }

class OntologyMalformedTest : public ::testing::TestWithParam<MalformedCase> {};

// The 20 roots, so that a fixture fails only for the line under test.
std::string Roots() {
  std::string s;
  for (int r = 1; r <= 20; ++r) s += (r < 10 ? "0" : "") + std::to_string(r) + "\t0.0\t" + (r < 10 ? "0" : "") + std::to_string(r) + "\t1\tRoot\n";
  return s;
}

TEST_P(OntologyMalformedTest, NamesFileAndLine) {
  const MalformedCase& c = GetParam();
  auto o = Ontology::Parse(c.cameo, "cameo.tsv", c.plover, "cameo_plover.tsv");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().code(), Status::Code::kDataError);
  EXPECT_NE(o.status().message().find(c.expected), std::string::npos) << o.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, OntologyMalformedTest,
    ::testing::Values(
        MalformedCase{"too_few_fields", "# header\n" + Roots() + "0332\t5.2\t1\tName\n", "", "cameo.tsv:22: expected 5"},
        MalformedCase{"bad_code", Roots() + "03x2\t5.2\t03\t1\tName\n", "", "cameo.tsv:21: not a CAMEO code"},
        MalformedCase{"bad_score", Roots() + "0332\tfive\t0332\t1\tName\n", "", "cameo.tsv:21: Goldstein"},
        MalformedCase{"score_out_of_range", Roots() + "0332\t12\t0332\t1\tName\n", "", "cameo.tsv:21: Goldstein"},
        MalformedCase{"bad_quad", Roots() + "0332\t5.2\t0332\t7\tName\n", "", "cameo.tsv:21: quad class"},
        MalformedCase{"bad_from", Roots() + "0332\t5.2\t04\t1\tName\n", "", "cameo.tsv:21: goldstein_from"},
        MalformedCase{"duplicate", Roots() + "01\t0.0\t01\t1\tAgain\n", "", "cameo.tsv:21: duplicate"},
        MalformedCase{"missing_root", "01\t0.0\t01\t1\tRoot\n", "", "root 02 is missing"},
        MalformedCase{"plover_fields", Roots(), "\n03\tAGREE\n", "cameo_plover.tsv:2: expected 4"},
        MalformedCase{"plover_unknown_code", Roots(), "0399\tAGREE\t-\t-\n", "cameo_plover.tsv:1: not a CAMEO"},
        MalformedCase{"plover_lower_type", Roots(), "03\tagree\t-\t-\n", "cameo_plover.tsv:1: PLOVER type"}),
    [](const auto& info) { return info.param.label; });

}  // namespace
}  // namespace dyad::coding
