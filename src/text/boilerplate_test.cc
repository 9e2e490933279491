#include "text/boilerplate.h"

#include <gtest/gtest.h>

#include "dyad/resources.h"

namespace dyad::text {
namespace {

struct Case {
  const char* line;
  const char* reason;  // "" when the line is text
  int index = 5;       // position among 10 lines
};

class BoilerplateTest : public testing::TestWithParam<Case> {};

TEST_P(BoilerplateTest, Classifies) {
  static const BoilerplateRules rules = *BoilerplateRules::Load(DataPath("text/boilerplate.tsv"));
  auto reason = rules.Match(GetParam().line, {GetParam().index, 10});
  EXPECT_EQ(reason.value_or(""), GetParam().reason) << GetParam().line;
}

INSTANTIATE_TEST_SUITE_P(
    Table, BoilerplateTest,
    testing::Values(
        Case{"- Advertisement -", "advertisement"}, Case{"ADVERTISEMENT", "advertisement"},
        Case{"Maria Lopez and Juan Perez. Photo: Share", "photo credit"},
        Case{"Opposition leader at a rally. Photo:EFE Share", "photo credit"},
        Case{"Subscribe to our newsletter", "newsletter"},
        Case{"Sign up here to get the latest news delivered to your inbox.", "newsletter"},
        Case{"Source: Clarin", "agency credit"}, Case{"Agencies Reuters and EFE", "agency credit"},
        Case{"Reporting by Ana Ruiz; Editing by Tom Lee", "agency credit"},
        Case{"Pedro is a seasoned journalist who covers the region for our site.", "author bio", 9},
        Case{"Read more: Talks collapse in Oslo", "navigation"},
        // Text that looks close but is text.
        Case{"Pedro is a journalist who was detained by police on Monday.", "", 2},
        Case{"The company raised its market share.", ""},
        Case{"The ministry said it would share intelligence with Bogota.", ""},
        Case{"Subscribers protested the new tariffs in Caracas on Monday.", ""},
        Case{"The source said talks would resume.", ""}));

TEST(BoilerplateRules, MalformedLinesNameFileAndLine) {
  auto r = BoilerplateRules::Parse("# ok\nline\tx\treason\nbogus\tx\treason\n", "rules.tsv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("rules.tsv:3"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("unknown kind"), std::string::npos);
  auto r2 = BoilerplateRules::Parse("prefix\tonly two\n", "b.tsv");
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("b.tsv:1"), std::string::npos);
}

TEST(BoilerplateRules, NormalizesDecoration) {
  EXPECT_EQ(BoilerplateRules::NormalizeLine("  - Advertisement -  "), "advertisement");
  EXPECT_EQ(BoilerplateRules::NormalizeLine("Photo:   AFP\tShare"), "photo: afp share");
}

}  // namespace
}  // namespace dyad::text
