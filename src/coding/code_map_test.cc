// CodeMap: TSV rows of CAMEO codes looked up by longest prefix, with
// comments, notes, a caller's row check and errors that name file and line.
#include "coding/code_map.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coding/testing.h"

namespace dyad::coding {
namespace {

TEST(CodeMapTest, LongestPrefixCommentsAndNotes) {
  auto map = CodeMap::Parse(
      "# act\tcode\n"
      "04\t125\tany consultation refused\n"
      "042\t1246   # a visit: inline comment\n"
      "\n",
      "t.tsv", BundledOntology());
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(map->size(), 2u);
  EXPECT_EQ(map->Lookup("0421"), "1246");
  EXPECT_EQ(map->Lookup("042"), "1246");
  EXPECT_EQ(map->Lookup("046"), "125");
  EXPECT_EQ(map->Lookup("051"), std::nullopt);
}

TEST(CodeMapTest, ErrorsNameTheLine) {
  auto refuse_threats = [](std::string_view, std::string_view code) {
    return code.substr(0, 2) == "13" ? std::string("no threats here") : std::string();
  };
  struct Case {
    std::string text, expect;
  };
  for (const Case& c : std::vector<Case>{{"04\n", "expected an act code, a tab and a code"},
                                         {"0499\t125\n", "unknown CAMEO code '0499'"},
                                         {"04\t125\n04\t120\n", "listed twice"},
                                         {"15\t138\n", "no threats here"}}) {
    auto map = CodeMap::Parse("# header\n" + c.text, "t.tsv", BundledOntology(), refuse_threats);
    ASSERT_FALSE(map.ok()) << c.text;
    EXPECT_NE(map.status().message().find("t.tsv:"), std::string::npos) << map.status().message();
    EXPECT_NE(map.status().message().find(c.expect), std::string::npos) << map.status().message();
  }
}

}  // namespace
}  // namespace dyad::coding
