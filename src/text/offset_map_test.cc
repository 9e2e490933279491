#include "dyad/offset_map.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(OffsetMap, CopiedPiecesMapExactly) {
  std::string raw = "ab  cd";
  CleanTextBuilder b;
  b.Copy(raw, 0, 2);
  b.Replace(" ", 2, 2);  // two spaces collapsed to one
  b.Copy(raw, 4, 2);
  std::string clean;
  OffsetMap map;
  b.Finish(&clean, &map);
  EXPECT_EQ(clean, "ab cd");
  EXPECT_EQ(map.RawBegin(0), 0u);
  EXPECT_EQ(map.RawEnd(2), 2u);
  EXPECT_EQ(map.RawBegin(3), 4u);
  EXPECT_EQ(map.RawEnd(5), 6u);
  // A span that covers a replaced piece covers its whole raw span.
  EXPECT_EQ(map.RawBegin(2), 2u);
  EXPECT_EQ(map.RawEnd(3), 4u);
}

TEST(OffsetMap, InsertedTextMapsToAPoint) {
  std::string raw = "Thursdaywhile";
  CleanTextBuilder b;
  b.Copy(raw, 0, 8);
  b.Insert(" ", 8);
  b.Copy(raw, 8, 5);
  std::string clean;
  OffsetMap map;
  b.Finish(&clean, &map);
  EXPECT_EQ(clean, "Thursday while");
  EXPECT_EQ(map.RawBegin(9), 8u);   // "while" starts at raw 8
  EXPECT_EQ(map.RawEnd(14), 13u);
  EXPECT_EQ(map.RawEnd(8), 8u);     // "Thursday" ends at raw 8
}

TEST(OffsetMap, ContiguousCopiesMerge) {
  std::string raw = "abcdef";
  CleanTextBuilder b;
  b.Copy(raw, 0, 3);
  b.Copy(raw, 3, 3);
  std::string clean;
  OffsetMap map;
  b.Finish(&clean, &map);
  EXPECT_EQ(map.pieces().size(), 1u);
}

TEST(OffsetMap, ComposeChainsTwoMaps) {
  // raw "x&amp;y" -> mid "x&y" -> clean "x & y" (spaces inserted).
  std::string raw = "x&amp;y";
  CleanTextBuilder inner;
  inner.Copy(raw, 0, 1);
  inner.Replace("&", 1, 5);
  inner.Copy(raw, 6, 1);
  std::string mid;
  OffsetMap mid_map;
  inner.Finish(&mid, &mid_map);
  ASSERT_EQ(mid, "x&y");
  CleanTextBuilder outer;
  outer.Copy(mid, 0, 1);
  outer.Insert(" ", 1);
  outer.Copy(mid, 1, 1);
  outer.Insert(" ", 2);
  outer.Copy(mid, 2, 1);
  std::string clean;
  OffsetMap outer_map;
  outer.Finish(&clean, &outer_map);
  OffsetMap map = OffsetMap::Compose(outer_map, mid_map);
  EXPECT_EQ(clean, "x & y");
  EXPECT_EQ(map.RawBegin(0), 0u);
  EXPECT_EQ(map.RawBegin(2), 1u);  // "&" -> "&amp;"
  EXPECT_EQ(map.RawEnd(3), 6u);
  EXPECT_EQ(map.RawBegin(4), 6u);  // "y"
  EXPECT_EQ(map.RawEnd(5), 7u);
}

}  // namespace
}  // namespace dyad
