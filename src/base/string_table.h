// StringTable: a map from strings to 32-bit values, built once and probed
// often (every letter run or token of every article).
//
// Strings of up to 15 bytes, nearly all words and name tokens, sit inline in
// the 16-byte slots of an open-addressing table, so a probe reads one cache
// line instead of a bucket, a node and the node's string; their values are
// in a parallel array read only on a hit. Longer strings go to a ViewMap.
#ifndef DYAD_BASE_STRING_TABLE_H_
#define DYAD_BASE_STRING_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/strings.h"

namespace dyad {

class StringTable {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;
  static constexpr size_t kInline = 15;

  // Adds s with `value` unless present; returns the value s has now.
  uint32_t Insert(std::string_view s, uint32_t value = 0);
  // The value of s, or kMissing.
  uint32_t Find(std::string_view s) const;
  bool Contains(std::string_view s) const { return Find(s) != kMissing; }
  size_t size() const { return size_ + long_.size(); }

  // Byte 0: the length (0: an empty slot); bytes 1..15: the bytes, zero padded.
  struct Key {
    uint64_t lo = 0, hi = 0;
    bool operator==(const Key&) const = default;
  };
  // The key of a string of 1..kInline bytes, with ASCII capitals lowered
  // when `lower` (so a caller can look a word up in lower case without
  // building the lowered string).
  static Key MakeKey(std::string_view s, bool lower);
  uint32_t Find(const Key& key) const;

 private:
  size_t Home(const Key& key) const;
  void Grow();
  std::vector<Key> keys_;
  std::vector<uint32_t> values_;
  size_t size_ = 0;
  int shift_ = 64;
  ViewMap<uint32_t> long_;
};

}  // namespace dyad

#endif  // DYAD_BASE_STRING_TABLE_H_
