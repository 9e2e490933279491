#include "base/string_table.h"

#include <cstring>

namespace dyad {

StringTable::Key StringTable::MakeKey(std::string_view s, bool lower) {
  unsigned char bytes[16] = {};
  bytes[0] = static_cast<unsigned char>(s.size());
  std::memcpy(bytes + 1, s.data(), s.size());
  if (lower)
    for (size_t i = 1; i <= s.size(); ++i) bytes[i] |= static_cast<unsigned char>((static_cast<unsigned>(bytes[i] - 'A') < 26u) << 5);
  Key key;
  std::memcpy(&key.lo, bytes, 8);
  std::memcpy(&key.hi, bytes + 8, 8);
  return key;
}

size_t StringTable::Home(const Key& key) const {
  uint64_t h = (key.lo ^ (key.hi * 0x9E3779B97F4A7C15ULL)) * 0xBF58476D1CE4E5B9ULL;
  return static_cast<size_t>((h ^ (h >> 29)) * 0x94D049BB133111EBULL >> shift_);
}

void StringTable::Grow() {
  std::vector<Key> old_keys = std::move(keys_);
  std::vector<uint32_t> old_values = std::move(values_);
  keys_.assign(old_keys.empty() ? 1024 : old_keys.size() * 2, Key{});
  values_.assign(keys_.size(), kMissing);
  shift_ = 64 - __builtin_ctzll(keys_.size());
  for (size_t j = 0; j < old_keys.size(); ++j) {
    if (old_keys[j].lo == 0) continue;
    size_t i = Home(old_keys[j]);
    while (keys_[i].lo != 0) i = (i + 1) & (keys_.size() - 1);
    keys_[i] = old_keys[j];
    values_[i] = old_values[j];
  }
}

uint32_t StringTable::Insert(std::string_view s, uint32_t value) {
  if (s.empty() || s.size() > kInline) return long_.emplace(s, value).first->second;
  if ((size_ + 1) * 2 > keys_.size()) Grow();  // at most half full: probes stay short
  const Key key = MakeKey(s, false);
  size_t i = Home(key);
  for (; keys_[i].lo != 0; i = (i + 1) & (keys_.size() - 1))
    if (keys_[i] == key) return values_[i];
  keys_[i] = key;
  values_[i] = value;
  ++size_;
  return value;
}

uint32_t StringTable::Find(const Key& key) const {
  if (keys_.empty()) return kMissing;
  for (size_t i = Home(key); keys_[i].lo != 0; i = (i + 1) & (keys_.size() - 1))
    if (keys_[i] == key) return values_[i];
  return kMissing;
}

uint32_t StringTable::Find(std::string_view s) const {
  if (s.empty() || s.size() > kInline) {
    auto it = long_.find(s);
    return it == long_.end() ? kMissing : it->second;
  }
  return Find(MakeKey(s, false));
}

}  // namespace dyad
