#include "text/truecase.h"

#include <gtest/gtest.h>

#include "dyad/resources.h"
#include "text/text_stage.h"

namespace dyad::text {
namespace {

// The document's tokens, those with a norm written "form>norm".
std::string Norms(std::string_view raw) {
  static const TextResources res = *TextResources::Load(DataDir());
  Document d;
  d.raw = std::string(raw);
  if (!ProcessText(&d, res).ok()) return "(no text)";
  std::string out;
  for (const Sentence& s : d.sentences)
    for (const Token& t : s.tokens) out += (out.empty() ? "" : " ") + t.form + (t.norm.empty() ? "" : ">" + t.norm);
  return out;
}

struct Case {
  const char* raw;
  const char* norms;
};

class NormalizeCaseTest : public testing::TestWithParam<Case> {};

TEST_P(NormalizeCaseTest, LowersOnlyWhatCaseHides) { EXPECT_EQ(Norms(GetParam().raw), GetParam().norms) << GetParam().raw; }

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizeCaseTest,
    testing::Values(
        // A title-case headline: common words lowered, names and the first word kept.
        Case{"Chilean Minister Calls Talks With Peru\n\nThe talks begin.",
             "Chilean Minister>minister Calls>calls Talks>talks With>with Peru The talks begin ."},
        // A heading in sentence case is left alone.
        Case{"Chile calls talks with Peru\n\nThe talks begin.", "Chile calls talks with Peru The talks begin ."},
        // Body text keeps its capitals: "President" and "Talks" may be names there.
        Case{"The Minister Calls Talks With Peru a success.", "The Minister Calls Talks With Peru a success ."},
        // A shouted word alone is lowered, in any sentence.
        Case{"Moscow REJECTS the offer.", "Moscow REJECTS>rejects the offer ."},
        // A run of capitals is a name (a dateline), and so is a word the list
        // knows only in capitals; short words ("US") are left alone.
        Case{"MEXICO CITY (AP) - NATO and the US met.", "MEXICO CITY ( AP ) - NATO and the US met ."}));

TEST(IsTitleCaseTest, NeedsAHeadingWithTwoLongWordsMostlyCapitalized) {
  auto sentence = [](std::initializer_list<const char*> forms, bool heading) {
    Sentence s;
    s.heading = heading;
    for (const char* f : forms) s.tokens.push_back(Token{.form = f});
    return s;
  };
  EXPECT_TRUE(IsTitleCase(sentence({"Ministers", "Meet", "in", "Quito"}, true)));
  EXPECT_FALSE(IsTitleCase(sentence({"Ministers", "Meet", "in", "Quito"}, false)));
  EXPECT_FALSE(IsTitleCase(sentence({"Ministers", "meet", "their", "peers", "in", "Quito"}, true)));
  EXPECT_TRUE(IsTitleCase(sentence({"Quito", "Talks"}, true)));  // two long words suffice
  EXPECT_FALSE(IsTitleCase(sentence({"Quito"}, true)));
}

}  // namespace
}  // namespace dyad::text
