#include "eval/locate.h"

#include <gtest/gtest.h>

namespace dyad::eval {
namespace {

struct LocateCase {
  std::string label, text, needle;
  bool found;
  uint32_t begin, end;
  bool normalized;
};

class LocateTextTest : public ::testing::TestWithParam<LocateCase> {};

TEST_P(LocateTextTest, FindsSpan) {
  const LocateCase& c = GetParam();
  std::optional<Located> at = LocateText(c.text, c.needle);
  ASSERT_EQ(at.has_value(), c.found);
  if (!c.found) return;
  EXPECT_EQ(at->span.begin, c.begin);
  EXPECT_EQ(at->span.end, c.end);
  EXPECT_EQ(at->normalized, c.normalized);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LocateTextTest,
    ::testing::Values(LocateCase{"verbatim", "Ab cd. Ef gh.", "Ef gh", true, 7, 12, false},
                      LocateCase{"first_of_two", "xx ab ab", "ab", true, 3, 5, false},
                      LocateCase{"spaces_in_text", "One  two\n three.", "two three", true, 5, 15, true},
                      LocateCase{"spaces_in_needle", "One two three.", "One   two\tthree", true, 0, 13, true},
                      LocateCase{"nbsp", "Mr.\xC2\xA0Smith left", "Mr. Smith", true, 0, 10, true},
                      LocateCase{"utf8_end", "Dijo Nicol\xC3\xA1s  hoy", "Nicol\xC3\xA1s hoy", true, 5, 18, true},
                      LocateCase{"absent", "One two", "three", false, 0, 0, false},
                      LocateCase{"empty_needle", "One two", "", false, 0, 0, false}),
    [](const auto& info) { return info.param.label; });

TEST(LocateTest, FindAllAndOverlap) {
  std::vector<Span> all = FindAll("Peru and Peru", "Peru");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].begin, 9u);
  EXPECT_TRUE(Overlaps(Span{0, 5}, Span{4, 9}));
  EXPECT_FALSE(Overlaps(Span{0, 5}, Span{5, 9}));  // half-open: touching is not overlapping
  EXPECT_EQ(OverlapSize(Span{0, 5}, Span{3, 9}), 2u);
}

}  // namespace
}  // namespace dyad::eval
