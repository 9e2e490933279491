// An allocator for the models' large lookup tables that asks the kernel for
// transparent huge pages (2 MiB) where it only grants them on request
// (THP "madvise" mode, Debian's default). Scoring looks up tens of MB of hash
// tables at random, so with 4 KiB pages most lookups also miss the TLB; with
// 2 MiB pages the tables need a few dozen TLB entries instead of thousands.
// Blocks under 2 MiB come from operator new as usual. Contents, and so every
// score, are the same with either kind of page.
#ifndef DYAD_SYNTAX_HUGE_PAGES_H_
#define DYAD_SYNTAX_HUGE_PAGES_H_

#include <cstddef>
#include <new>
#include <vector>

namespace dyad::syntax {

// Bytes >= kHugePage: a 2 MiB-aligned block of whole huge pages, advised
// MADV_HUGEPAGE (advice the kernel may ignore). Never null; throws
// std::bad_alloc like operator new.
void* AllocateHugePages(size_t bytes);
void FreeHugePages(void* p, size_t bytes);
inline constexpr size_t kHugePage = size_t{2} << 20;

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    return static_cast<T*>(AllocateHugePages(bytes));
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return ::operator delete(p);
    FreeHugePages(p, bytes);
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};

template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_HUGE_PAGES_H_
