// Feature hashing for the tagger and parser: 64-bit mixing of small integers
// and strings, folded to the 32-bit keys the linear models are indexed by.
//
// Keys are the only thing a model stores about a feature, so these functions
// are part of the model file format: changing them invalidates trained models
// (bump the format version in the model headers when you do).
#ifndef DYAD_SYNTAX_HASH_H_
#define DYAD_SYNTAX_HASH_H_

#include <cstdint>
#include <string_view>

namespace dyad::syntax {

// splitmix64's finalizer: a cheap bijective mix with good avalanche.
__attribute__((always_inline)) inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Order-sensitive combination of a running hash with one more value.
inline uint64_t Combine(uint64_t h, uint64_t v) { return Mix64(h * 0x9e3779b97f4a7c15ULL + v + 0x632be59bd9b4e019ULL); }

// FNV-1a over the bytes, then mixed: stable across platforms and runs.
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

// A feature key: template id and up to three values (themselves hashes or
// small integers). The products are independent, so a key costs one mixing
// round of latency; the final Mix64 spreads them over 32 bits. Zero is
// reserved for "empty slot" in the model tables, so it is never returned.
__attribute__((always_inline)) inline uint32_t FeatureKey(uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = (templ + 1) * 0x9e3779b97f4a7c15ULL + a * 0xc2b2ae3d27d4eb4fULL + (b ^ 0x5bd1e995ULL) * 0x165667b19e3779f9ULL +
               (c ^ 0x27d4eb2fULL) * 0xd6e8feb86659fd93ULL;
  h = Mix64(h);
  uint32_t k = static_cast<uint32_t>(h ^ (h >> 32));
  return k == 0 ? 1 : k;
}

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_HASH_H_
