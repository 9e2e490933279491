#include "text/segment.h"

#include <gtest/gtest.h>

#include "dyad/resources.h"
#include "text/tokenize.h"

namespace dyad::text {
namespace {

std::string Segments(std::string_view text) {
  static const Abbreviations abbrevs = *Abbreviations::Load(DataPath("text/abbreviations.tsv"));
  static const ViewSet openers = {"the", "he", "she", "it", "they", "but", "in", "this"};
  std::vector<TokenSpan> spans = Tokenize(text, abbrevs);
  std::vector<std::string_view> forms;
  std::vector<bool> attached;
  for (size_t i = 0; i < spans.size(); ++i) {
    forms.push_back(text.substr(spans[i].begin, spans[i].size()));
    attached.push_back(i > 0 && spans[i].begin == spans[i - 1].end);
  }
  std::string out;
  for (auto r : SegmentSentences(forms, attached, abbrevs, openers)) {
    if (!out.empty()) out += " || ";
    out += text.substr(spans[r.first].begin, spans[r.last - 1].end - spans[r.first].begin);
  }
  return out;
}

struct Case {
  const char* text;
  const char* sentences;
};

class SegmentTest : public testing::TestWithParam<Case> {};

TEST_P(SegmentTest, Splits) { EXPECT_EQ(Segments(GetParam().text), GetParam().sentences); }

INSTANTIATE_TEST_SUITE_P(
    Table, SegmentTest,
    testing::Values(
        Case{"Talks began. They ended.", "Talks began. || They ended."},
        Case{"Gen. Padrino spoke. Gov. Smith left.", "Gen. Padrino spoke. || Gov. Smith left."},
        Case{"Dr. Ruiz met Sen. Rubio on Jan. 5 in Caracas.", "Dr. Ruiz met Sen. Rubio on Jan. 5 in Caracas."},
        Case{"The U.S. Navy sailed. It left.", "The U.S. Navy sailed. || It left."},
        Case{"He flew to the U.S. The visit was short.", "He flew to the U.S. || The visit was short."},
        Case{"U.S. officials agreed.", "U.S. officials agreed."},
        Case{"\u201CWe agree.\u201D The talks went on.", "\u201CWe agree.\u201D || The talks went on."},
        Case{"\u201CWe agree,\u201D he said.", "\u201CWe agree,\u201D he said."},
        Case{"He said \"no.\" Then he left.", "He said \"no.\" || Then he left."},
        Case{"Where? Here!", "Where? || Here!"},
        Case{"the location. to live there", "the location. to live there"},
        Case{"George W. Bush spoke.", "George W. Bush spoke."},
        Case{"A heading without a stop", "A heading without a stop"},
        Case{"MOSCOW.-Russia and Belarus met.", "MOSCOW.-Russia and Belarus met."},
        Case{"They met.The talks ended.", "They met. || The talks ended."},
        Case{"2. Never urged an inquiry", "2. Never urged an inquiry"},
        Case{"\u201C\u2026 We will see.\u201D", "\u201C\u2026 We will see.\u201D"}));

TEST(Segment, LongSentencesAreCut) {
  std::vector<std::string_view> forms(600, "word");
  static const Abbreviations abbrevs;
  auto ranges = SegmentSentences(forms, std::vector<bool>(600, false), abbrevs, {});
  ASSERT_GE(ranges.size(), 3u);
  for (auto r : ranges) EXPECT_LE(r.last - r.first, kMaxSentenceTokens);
  EXPECT_EQ(ranges.back().last, 600u);
}

}  // namespace
}  // namespace dyad::text
