#include "eval/records.h"

#include <gtest/gtest.h>

namespace dyad::eval {
namespace {

TEST(SystemRecordsTest, ReadsEveryKind) {
  auto r = ParseSystemRecords(
      "{\"_source\": \"header\"}\n"
      "{\"doc\": \"d\", \"source\": \"CHLGOV\", \"target\": \"\", \"cameo\": \"0332\", \"plover\": \"AGREE\", "
      "\"goldstein\": 5.2, \"event_date\": \"2024-05-06\", \"sentence\": \"S.\", \"start\": 3, \"end\": 9}\n"
      "\n"
      "{\"kind\": \"quote\", \"doc\": \"d\", \"speaker\": \"PERGOV\", \"quote\": \"We will\"}\n"
      "{\"kind\": \"mention\", \"doc\": \"d\", \"text\": \"Peru\", \"actor\": \"Peru\", \"code\": \"PERGOV\", \"start\": 0, \"end\": 4}\n",
      "sys.jsonl");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->events.size(), 1u);
  const SystemEvent& e = r->events[0];
  EXPECT_EQ(e.cameo, "0332");
  EXPECT_EQ(e.target, "");
  EXPECT_EQ(e.plover, "AGREE");
  EXPECT_EQ(e.goldstein, 5.2);
  EXPECT_EQ(e.event_date->ToString(), "2024-05-06");
  EXPECT_EQ(e.span, (Span{3, 9}));
  EXPECT_EQ(e.line, 2);
  ASSERT_EQ(r->quotes.size(), 1u);
  EXPECT_FALSE(r->quotes[0].span.has_value());
  ASSERT_EQ(r->mentions.size(), 1u);
  EXPECT_EQ(r->mentions[0].code, "PERGOV");
}

TEST(SystemRecordsTest, WritesWhatItReads) {
  SystemRecords in;
  in.events.push_back({"d", "A", "", "010", std::nullopt, 0.0, std::nullopt, "S", Span{1, 2}});
  in.quotes.push_back({"d", "B", "q", std::nullopt});
  in.mentions.push_back({"d", "t", "a", "C", Span{0, 1}});
  auto out = ParseSystemRecords(ToJsonl(in), "roundtrip");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->events[0].span, (Span{1, 2}));
  EXPECT_FALSE(out->events[0].plover.has_value());
  EXPECT_EQ(out->quotes[0].quote, "q");
  EXPECT_EQ(out->mentions[0].span, (Span{0, 1}));
}

struct BadCase {
  std::string label, jsonl, expected;
};
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.label; }
class SystemRecordsErrorTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(SystemRecordsErrorTest, NamesFileAndLine) {
  auto r = ParseSystemRecords(GetParam().jsonl, "sys.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find(GetParam().expected), std::string::npos) << r.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SystemRecordsErrorTest,
    ::testing::Values(
        BadCase{"invalid_json", "{\"doc\": \"d\"\n", "sys.jsonl:1: invalid JSON"},
        BadCase{"missing_cameo", "\n{\"doc\": \"d\", \"source\": \"A\"}\n", "sys.jsonl:2: missing \"cameo\""},
        BadCase{"bad_cameo", "{\"doc\": \"d\", \"cameo\": \"04a\"}\n", "sys.jsonl:1: \"cameo\" must be 2 to 4 digits"},
        BadCase{"number_doc", "{\"doc\": 7, \"cameo\": \"040\"}\n", "\"doc\" must be a string"},
        BadCase{"half_span", "{\"doc\": \"d\", \"cameo\": \"040\", \"start\": 4}\n", "go together"},
        BadCase{"negative_span", "{\"doc\": \"d\", \"cameo\": \"040\", \"start\": -1, \"end\": 4}\n", "non-negative"},
        BadCase{"reversed_span", "{\"doc\": \"d\", \"cameo\": \"040\", \"start\": 5, \"end\": 4}\n", "after"},
        BadCase{"bad_date", "{\"doc\": \"d\", \"cameo\": \"040\", \"event_date\": \"Monday\"}\n", "not a date"},
        BadCase{"bad_kind", "{\"kind\": \"frame\", \"doc\": \"d\"}\n", "unknown \"kind\" 'frame'"},
        BadCase{"quote_without_text", "{\"kind\": \"quote\", \"doc\": \"d\", \"speaker\": \"A\"}\n", "needs \"quote\""},
        BadCase{"not_object", "[1, 2]\n", "must be a JSON object"}),
    [](const auto& info) { return info.param.label; });

}  // namespace
}  // namespace dyad::eval
