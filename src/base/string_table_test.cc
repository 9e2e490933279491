#include "base/string_table.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace dyad {
namespace {

// StringTable against a plain map of the same strings: inline and long
// strings, growth past many doublings, first insertion wins, and absent
// strings that share a prefix, a length or a case with present ones.
TEST(StringTableTest, AgreesWithAMapOfTheSameStrings) {
  std::vector<std::string> words = {"a", "of", "thursday", "while", "fifteen-letter1", "sixteen-letters!",
                                    "internationalization", "día", "Caracas"};
  for (int i = 0; i < 20000; ++i) words.push_back("w" + std::to_string(i * 7919));
  StringTable table;
  std::unordered_map<std::string, uint32_t> map;
  for (size_t i = 0; i < words.size(); ++i) {
    const auto value = static_cast<uint32_t>(i);
    EXPECT_EQ(table.Insert(words[i], value), value);
    EXPECT_EQ(table.Insert(words[i], value + 1), value);  // present: keeps its value
    map.emplace(words[i], value);
  }
  EXPECT_EQ(table.size(), map.size());
  std::vector<std::string> probes = words;
  for (const char* absent : {"", "o", "ofx", "thursda", "Thursday", "caracas", "sixteen-letters", "sixteen-letters?",
                             "internationalizatio", "dia", "w1", "w7918"})
    probes.push_back(absent);
  for (const std::string& p : probes) {
    auto it = map.find(p);
    EXPECT_EQ(table.Find(p), it == map.end() ? StringTable::kMissing : it->second) << p;
  }
}

TEST(StringTableTest, KeysLowerAsciiCapitalsOnlyWhenAsked) {
  EXPECT_EQ(StringTable::MakeKey("Thursday", true), StringTable::MakeKey("thursday", false));
  EXPECT_NE(StringTable::MakeKey("Thursday", false), StringTable::MakeKey("thursday", false));
  // Only A-Z move: '@' and '[' sit just outside the range.
  EXPECT_EQ(StringTable::MakeKey("@[", true), StringTable::MakeKey("@[", false));
  StringTable table;
  table.Insert("while", 7);
  EXPECT_EQ(table.Find(StringTable::MakeKey("WHILE", true)), 7u);
}

TEST(StringTableTest, EmptyTableFindsNothing) {
  StringTable table;
  EXPECT_EQ(table.Find("x"), StringTable::kMissing);
  EXPECT_EQ(table.Find(""), StringTable::kMissing);
  EXPECT_EQ(table.size(), 0u);
}

}  // namespace
}  // namespace dyad
