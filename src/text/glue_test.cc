#include "text/glue.h"

#include <gtest/gtest.h>

#include "dyad/resources.h"
#include "text/text_stage.h"

namespace dyad::text {
namespace {

// Repairs `line` inside a document whose other text is `context`.
std::string Repair(std::string_view line, std::string_view context = "") {
  static const TextResources res = *TextResources::Load(DataDir());
  DocVocabulary vocab;
  vocab.AddText(line);
  vocab.AddText(context);
  std::string out;
  size_t at = 0;
  for (size_t split : FindGlueSplits(line, res.clean.glue, vocab)) {
    out += line.substr(at, split - at);
    out += ' ';
    at = split;
  }
  out += line.substr(at);
  return out;
}

struct Case {
  const char* line;
  const char* context;
  const char* repaired;
};

class GlueTest : public testing::TestWithParam<Case> {};

TEST_P(GlueTest, Repairs) { EXPECT_EQ(Repair(GetParam().line, GetParam().context), GetParam().repaired); }

INSTANTIATE_TEST_SUITE_P(
    Table, GlueTest,
    testing::Values(
        // Glued by machine translation or lost link text.
        Case{"met on Thursdaywhile talks went on", "", "met on Thursday while talks went on"},
        Case{"Donald TrumpThe pressure grows", "", "Donald Trump The pressure grows"},
        Case{"President Putinin a call", "Putin spoke.", "President Putin in a call"},
        Case{"Alexander Lukashenkomaintained ties", "Lukashenko said so.", "Alexander Lukashenko maintained ties"},
        Case{"Rafael Salazar VelázquezVenezuelan envoy", "", "Rafael Salazar Velázquez Venezuelan envoy"},
        Case{"a major conflictwhich threatens", "", "a major conflict which threatens"},
        Case{"with Venezuelawithout evidence", "", "with Venezuela without evidence"},
        // Real words and names stay whole.
        Case{"Aleksandr Schetinin announced", "", "Aleksandr Schetinin announced"},
        Case{"Viktor Orban spoke", "", "Viktor Orban spoke"},
        Case{"Senator McConnell and DeSantis", "", "Senator McConnell and DeSantis"},
        Case{"posted on YouTube and WhatsApp", "", "posted on YouTube and WhatsApp"},
        Case{"a ceasefire and counterrevolution", "", "a ceasefire and counterrevolution"},
        Case{"Washington maintained", "", "Washington maintained"},
        Case{"Berrizbeitia within reach", "", "Berrizbeitia within reach"},
        Case{"the iPhone and eBay", "", "the iPhone and eBay"},
        Case{"NATO and the USA", "", "NATO and the USA"}));

}  // namespace
}  // namespace dyad::text

namespace dyad::text {
namespace {

TEST(WordListTest, KnownInAnyCaseCommonOnlyAsListedInLowerCase) {
  WordList list;
  list.Add("while");
  list.Add("Orinoco");
  list.Add("Bogotá");
  list.Add("counterrevolutionaries");
  for (const char* w : {"while", "WHILE", "While", "orinoco", "ORINOCO", "bogotá", "BOGOTÁ", "Counterrevolutionaries"})
    EXPECT_TRUE(list.Known(w)) << w;
  for (const char* w : {"whil", "whiles", "bogota", "counterrevolutionarie"}) EXPECT_FALSE(list.Known(w)) << w;
  EXPECT_TRUE(list.Common("while"));
  EXPECT_TRUE(list.Common("counterrevolutionaries"));
  EXPECT_FALSE(list.Common("orinoco"));  // listed capitalized
  EXPECT_FALSE(list.Common("While"));
}

}  // namespace
}  // namespace dyad::text
