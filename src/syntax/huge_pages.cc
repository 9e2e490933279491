#include "syntax/huge_pages.h"

#include <sys/mman.h>

#include <cstdlib>

namespace dyad::syntax {

void* AllocateHugePages(size_t bytes) {
  const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(p, rounded, MADV_HUGEPAGE);  // advice: failing (no THP) changes only speed
#endif
  return p;
}

void FreeHugePages(void* p, size_t) { std::free(p); }

}  // namespace dyad::syntax
