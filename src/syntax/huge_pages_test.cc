#include "syntax/huge_pages.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace dyad::syntax {
namespace {

// Large blocks start on a huge-page boundary (so the kernel can back them
// with 2 MiB pages); small ones come from the ordinary heap. Both hold what
// is written, across growth.
TEST(HugePagesTest, LargeBlocksAreHugePageAlignedAndAllHoldTheirData) {
  for (size_t n : {size_t{10}, kHugePage / 4 - 1, kHugePage / 4, 3 * kHugePage / 4 + 5}) {
    HugePageVector<uint32_t> v;
    for (size_t i = 0; i < n; ++i) v.push_back(static_cast<uint32_t>(i * 2654435761u));
    if (v.capacity() * sizeof(uint32_t) >= kHugePage)
      EXPECT_EQ(reinterpret_cast<uintptr_t>(v.data()) % kHugePage, 0u) << n;
    for (size_t i = 0; i < n; ++i) ASSERT_EQ(v[i], static_cast<uint32_t>(i * 2654435761u)) << n << " at " << i;
    HugePageVector<uint32_t> copy = v;
    EXPECT_EQ(copy, v);
  }
}

}  // namespace
}  // namespace dyad::syntax
