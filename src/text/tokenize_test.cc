#include "text/tokenize.h"

#include <gtest/gtest.h>

#include "dyad/resources.h"

namespace dyad::text {
namespace {

const Abbreviations& Abbrevs() {
  static const Abbreviations a = *Abbreviations::Load(DataPath("text/abbreviations.tsv"));
  return a;
}

std::string Dump(std::string_view text) {
  std::string out;
  for (const auto& t : Tokenize(text, Abbrevs())) {
    if (!out.empty()) out += " | ";
    out += text.substr(t.begin, t.end - t.begin);
  }
  return out;
}

struct Case {
  const char* text;
  const char* tokens;
};

class TokenizeTest : public testing::TestWithParam<Case> {};

TEST_P(TokenizeTest, MatchesEwtConvention) { EXPECT_EQ(Dump(GetParam().text), GetParam().tokens); }

INSTANTIATE_TEST_SUITE_P(
    Table, TokenizeTest,
    testing::Values(
        Case{"The minister didn't comment.", "The | minister | did | n't | comment | ."},
        Case{"Venezuela's army", "Venezuela | 's | army"},
        Case{"Venezuela\u2019s army", "Venezuela | \u2019s | army"},
        Case{"They can't and won't.", "They | ca | n't | and | wo | n't | ."},
        Case{"We cannot go", "We | can | not | go"},
        Case{"the U.S. embassy", "the | U.S. | embassy"},
        Case{"Gen. Vladimir Padrino", "Gen. | Vladimir | Padrino"},
        Case{"an anti-government rally", "an | anti-government | rally"},
        Case{"she was Re-Elected", "she | was | Re-Elected"},
        Case{"a US-led and well-known plan", "a | US | - | led | and | well | - | known | plan"},
        Case{"re-", "re | -"},
        Case{"said: \u201CWe agree,\u201D he", "said | : | \u201C | We | agree | , | \u201D | he"},
        Case{"\"Yes\"", "\" | Yes | \""},
        Case{"2,000 troops and 3.5 percent", "2,000 | troops | and | 3.5 | percent"},
        Case{"$5 million, 83% of", "$ | 5 | million | , | 83 | % | of"},
        Case{"numbered\u201Dalthough", "numbered | \u201D | although"},
        Case{"threatening.Venezuela", "threatening | . | Venezuela"},
        Case{"MOSCOW.-Russia", "MOSCOW | . | - | Russia"},
        Case{"see https://example.org/a?b=1.", "see | https://example.org/a?b=1 | ."},
        Case{"write to press@example.org today", "write | to | press@example.org | today"},
        Case{"countries\u2019 leaders", "countries | \u2019 | leaders"},
        Case{"O'Neill said", "O'Neill | said"},
        Case{"Wait... what?!", "Wait | ... | what | ? | !"},
        Case{"George W. Bush", "George | W. | Bush"},
        Case{"at 10:30 a.m. on", "at | 10:30 | a.m. | on"},
        Case{"and/or", "and/or"},
        Case{"AT&T", "AT&T"},
        Case{"(Alba)", "( | Alba | )"},
        Case{"Photo:AFP", "Photo | : | AFP"},
        Case{"PanARMENIAN.Net - Footage", "PanARMENIAN.Net | - | Footage"},
        Case{"said.Net gains", "said | . | Net | gains"},
        Case{"  spaced\u00A0out  ", "spaced | out"}));

}  // namespace
}  // namespace dyad::text
