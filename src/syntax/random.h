// A small deterministic RNG (splitmix64) with our own shuffle and uniform
// draws: std::shuffle and std::uniform_*_distribution differ between standard
// libraries, and training must give the same model for the same seed anywhere.
#ifndef DYAD_SYNTAX_RANDOM_H_
#define DYAD_SYNTAX_RANDOM_H_

#include <cstdint>
#include <utility>
#include <vector>

namespace dyad::syntax {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) (n > 0); the modulo bias is negligible for our n.
  uint64_t Below(uint64_t n) { return Next() % n; }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  template <typename T>
  void Shuffle(std::vector<T>* v) {
    for (size_t i = v->size(); i > 1; --i) std::swap((*v)[i - 1], (*v)[Below(i)]);
  }

 private:
  uint64_t state_;
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_RANDOM_H_
