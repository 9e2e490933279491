#include "syntax/clusters.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dyad::syntax {

namespace {

double F(int64_t x) { return x > 0 ? static_cast<double>(x) * std::log(static_cast<double>(x)) : 0.0; }

std::unordered_map<uint64_t, uint32_t>& Table() {
  static std::unordered_map<uint64_t, uint32_t> table;
  return table;
}

}  // namespace

void SetParserClusters(std::unordered_map<uint64_t, uint32_t> clusters) { Table() = std::move(clusters); }
const std::unordered_map<uint64_t, uint32_t>& ParserClusters() { return Table(); }

std::unordered_map<uint64_t, uint32_t> LearnClusters(const std::vector<std::vector<uint64_t>>& sentences, int k,
                                                     int min_count, int iterations, std::ostream* log) {
  // Word ids: 0 = sentence boundary (class k, fixed), 1 = all rare words, then the rest.
  std::unordered_map<uint64_t, int64_t> count;
  for (const auto& s : sentences)
    for (uint64_t w : s) ++count[w];
  std::vector<std::pair<int64_t, uint64_t>> by_freq;
  for (auto& [w, n] : count)
    if (n >= min_count) by_freq.push_back({n, w});
  std::sort(by_freq.begin(), by_freq.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::unordered_map<uint64_t, int> id;
  std::vector<uint64_t> key = {0, 0};
  for (auto& [n, w] : by_freq) {
    id[w] = static_cast<int>(key.size());
    key.push_back(w);
  }
  const int V = static_cast<int>(key.size());
  // Bigram counts per word.
  std::unordered_map<uint64_t, int64_t> bigrams;
  auto idof = [&](uint64_t w) {
    auto it = id.find(w);
    return it == id.end() ? 1 : it->second;
  };
  for (const auto& s : sentences) {
    int prev = 0;
    for (uint64_t w : s) {
      int cur = idof(w);
      ++bigrams[(static_cast<uint64_t>(prev) << 32) | static_cast<uint32_t>(cur)];
      prev = cur;
    }
    ++bigrams[static_cast<uint64_t>(prev) << 32];
  }
  std::vector<std::vector<std::pair<int, int64_t>>> right(V), left(V);
  std::vector<int64_t> nl(V, 0), nr(V, 0), self(V, 0);
  for (auto& [b, n] : bigrams) {
    int u = static_cast<int>(b >> 32), v = static_cast<int>(b & 0xffffffffu);
    right[u].push_back({v, n});
    left[v].push_back({u, n});
    nl[u] += n;
    nr[v] += n;
    if (u == v) self[u] += n;
  }
  for (auto& r : right) std::sort(r.begin(), r.end());
  for (auto& l : left) std::sort(l.begin(), l.end());
  const int C = k + 1;  // class k: the boundary
  std::vector<int> cls(V);
  cls[0] = k;
  for (int w = 1; w < V; ++w) cls[w] = (w - 1) % k;
  std::vector<int64_t> n2(static_cast<size_t>(C) * C, 0), cl(C, 0), cr(C, 0);
  auto N2 = [&](int c, int d) -> int64_t& { return n2[static_cast<size_t>(c) * C + d]; };
  for (int u = 0; u < V; ++u) {
    for (auto& [v, n] : right[u]) N2(cls[u], cls[v]) += n;
    cl[cls[u]] += nl[u];
    cr[cls[u]] += nr[u];
  }
  std::vector<int64_t> R(C, 0), L(C, 0);
  std::vector<int> touched_r, touched_l;
  auto move = [&](int w, int c, int sign) {
    // Adds (sign 1) or removes (sign -1) word w's counts with w in class c.
    for (auto& [v, n] : right[w]) N2(c, v == w ? c : cls[v]) += sign * n;
    for (auto& [u, n] : left[w])
      if (u != w) N2(cls[u], c) += sign * n;
    cl[c] += sign * nl[w];
    cr[c] += sign * nr[w];
  };
  for (int it = 0; it < iterations; ++it) {
    int moved = 0;
    for (int w = 1; w < V; ++w) {
      const int a = cls[w];
      move(w, a, -1);
      touched_r.clear();
      touched_l.clear();
      for (auto& [v, n] : right[w]) {
        if (v == w) continue;
        if (R[cls[v]] == 0) touched_r.push_back(cls[v]);
        R[cls[v]] += n;
      }
      for (auto& [u, n] : left[w]) {
        if (u == w) continue;
        if (L[cls[u]] == 0) touched_l.push_back(cls[u]);
        L[cls[u]] += n;
      }
      int best = a;
      double best_delta = -1e300;
      for (int c = 0; c < k; ++c) {
        double delta = 0;
        for (int d : touched_r)
          if (d != c) delta += F(N2(c, d) + R[d]) - F(N2(c, d));
        for (int d : touched_l)
          if (d != c) delta += F(N2(d, c) + L[d]) - F(N2(d, c));
        delta += F(N2(c, c) + R[c] + L[c] + self[w]) - F(N2(c, c));
        delta -= F(cl[c] + nl[w]) - F(cl[c]) + F(cr[c] + nr[w]) - F(cr[c]);
        if (delta > best_delta + 1e-9 || (c == a && delta >= best_delta - 1e-9)) {
          best_delta = delta;
          best = c;
        }
      }
      for (int d : touched_r) R[d] = 0;
      for (int d : touched_l) L[d] = 0;
      moved += best != a;
      cls[w] = best;
      move(w, best, 1);
    }
    if (log) {
      double ll = 0;
      for (int64_t x : n2) ll += F(x);
      for (int c = 0; c < C; ++c) ll -= F(cl[c]) + F(cr[c]);
      *log << "clusters: iteration " << it + 1 << ", " << moved << " words moved, objective " << ll << std::endl;
    }
    if (moved == 0) break;
  }
  std::unordered_map<uint64_t, uint32_t> out;
  for (int w = 2; w < V; ++w) out[key[w]] = static_cast<uint32_t>(cls[w]);
  return out;
}

}  // namespace dyad::syntax
