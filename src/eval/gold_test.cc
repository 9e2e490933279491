#include "eval/gold.h"

#include <gtest/gtest.h>

namespace dyad::eval {
namespace {

const std::string kTiny = DYAD_SOURCE_DIR "/src/eval/testdata/tiny/gold/tiny.jsonl";

TEST(GoldTest, ReadsTheTinyFixtureWithItsTexts) {
  auto gold = ReadGoldFile(kTiny);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->documents.size(), 2u);
  const GoldDocument& d1 = gold->documents[0];
  EXPECT_EQ(d1.doc, "d1");
  EXPECT_EQ(d1.date->ToString(), "2024-05-10");
  ASSERT_EQ(d1.events.size(), 4u);
  EXPECT_TRUE(d1.events[0].symmetric);
  EXPECT_EQ(d1.events[0].alt, (std::vector<std::string>{"042", "043"}));
  EXPECT_EQ(d1.events[0].event_date->ToString(), "2024-05-06");
  EXPECT_FALSE(d1.events[2].plover.has_value());
  EXPECT_EQ(d1.events[2].target, "");
  EXPECT_EQ(d1.quotes.size(), 1u);
  EXPECT_EQ(d1.actors.size(), 4u);
  EXPECT_EQ(d1.text.substr(0, 14), "The presidents");
  EXPECT_EQ(gold->documents[1].events.size(), 3u);
}

TEST(GoldTest, BaseDirIsTheGoldFilesGrandparent) {
  EXPECT_EQ(GoldBaseDir("/work/shared/gold/seeds.jsonl"), "/work/shared");
  EXPECT_EQ(GoldBaseDir("/a/b/../gold/x.jsonl"), "/a");
}

struct BadCase {
  std::string label, jsonl, expected;
};
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.label; }
class GoldErrorTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(GoldErrorTest, NamesFileAndLine) {
  auto gold = ParseGold(GetParam().jsonl, "g.jsonl");
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find(GetParam().expected), std::string::npos) << gold.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, GoldErrorTest,
    ::testing::Values(
        BadCase{"no_file", "{\"_h\": 1}\n{\"doc\": \"a\"}\n", "g.jsonl:2: missing \"file\""},
        BadCase{"event_without_cameo", "{\"doc\": \"a\", \"file\": \"f\", \"events\": [{\"sentence\": \"S\", \"source\": \"A\"}]}\n",
                "g.jsonl:1: events[0]: missing \"cameo\""},
        BadCase{"alt_not_list", "{\"doc\": \"a\", \"file\": \"f\", \"events\": [{\"sentence\": \"S\", \"source\": \"A\", \"cameo\": \"01\", \"alt\": \"02\"}]}\n",
                "\"alt\" must be a list"},
        BadCase{"quote_without_speaker", "{\"doc\": \"a\", \"file\": \"f\", \"quotes\": [{\"quote\": \"q\"}]}\n", "quotes[0]: missing \"speaker\""},
        BadCase{"duplicate_doc", "{\"doc\": \"a\", \"file\": \"f\"}\n{\"doc\": \"a\", \"file\": \"f\"}\n", "g.jsonl:2: document 'a' appears twice"},
        BadCase{"bad_date", "{\"doc\": \"a\", \"file\": \"f\", \"date\": \"soon\"}\n", "not a date"}),
    [](const auto& info) { return info.param.label; });

}  // namespace
}  // namespace dyad::eval
