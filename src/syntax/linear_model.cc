#include "syntax/linear_model.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

#include <immintrin.h>  // SSE2 (the fingerprint probes), AVX2 (AddDenseAvx2, only on CPUs that have it)

namespace dyad::syntax {

void KeyIndex::Reserve(size_t n) {
  size_t cap = 16;
  while (cap < n * 2) cap <<= 1;
  if (cap <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  shift_ = 64 - __builtin_ctzll(cap);
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    size_t i = Home(s.key);
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

void KeyIndex::Grow() { Reserve(std::max<size_t>(16, slots_.size())); }

uint32_t KeyIndex::FindOrInsert(uint32_t key, uint32_t value_if_new) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  for (size_t i = Home(key);; i = (i + 1) & mask_) {
    Slot& s = slots_[i];
    if (s.key == key) return s.value;
    if (s.key == 0) {
      s.key = key;
      s.value = value_if_new;
      ++size_;
      return value_if_new;
    }
  }
}

namespace {

// The rows in key order (a permutation only when they are not: Read gives
// them sorted, and checking is linear where sorting was most of a load).
std::vector<uint32_t> KeyOrder(const std::vector<uint32_t>& keys) {
  std::vector<uint32_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0u);
  if (!std::is_sorted(keys.begin(), keys.end()))
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
  return order;
}

}  // namespace

LinearModel LinearModel::FromQuantized(int num_classes, float step, Rows rows) {
  static std::atomic<uint64_t> last_id{0};
  LinearModel m;
  m.id_ = ++last_id;
  m.num_classes_ = num_classes;
  m.step_ = step;
  for (size_t i = 0; i < rows.size(); ++i) m.num_rows_ += rows.count(i) > 0;
  // Load factor 0.5: most lookups at run time are for keys absent from the
  // model, and linear probing's miss cost grows as 1/(1-load)^2.
  size_t cap = std::max<size_t>(16, m.num_rows_ * 2);
  m.capacity_ = cap;
  m.dense_stride_ = (static_cast<size_t>(num_classes) + 15) / 16 * 16;
  const std::vector<uint32_t> order = KeyOrder(rows.keys);
  if (m.is_inline()) {
    m.inline_.assign(cap + kProbeSlack, InlineSlot{0, {0, 0, 0, 0}});
    for (uint32_t r : order) {
      if (rows.count(r) == 0) continue;
      size_t i = m.Home(rows.keys[r]);
      while (m.inline_[i].key != 0) i = i + 1 == m.inline_.size() ? 0 : i + 1;
      m.inline_[i].key = rows.keys[r];
      m.num_weights_ += rows.count(r);
      for (size_t e = rows.begin[r]; e < rows.begin[r + 1]; ++e)
        m.inline_[i].w[rows.weights[e].first] = static_cast<int16_t>(rows.weights[e].second);
    }
    m.fingerprints_.resize(m.inline_.size());
    for (size_t i = 0; i < m.inline_.size(); ++i) m.fingerprints_[i] = m.inline_[i].key == 0 ? 0 : Fingerprint(m.inline_[i].key);
    return m;
  }
  m.slots_.assign(cap + kProbeSlack, Slot{0, 0});
  for (uint32_t r : order) {
    const size_t count = rows.count(r);
    if (count == 0) continue;
    size_t i = m.Home(rows.keys[r]);
    while (m.slots_[i].key != 0) i = i + 1 == m.slots_.size() ? 0 : i + 1;
    m.slots_[i].key = rows.keys[r];
    m.num_weights_ += count;
    const auto* w = &rows.weights[rows.begin[r]];
    // Dense when the sparse form would take over a quarter of a dense row's
    // words: then the vectorized add wins and memory grows little.
    if (count * kDenseFraction > m.dense_stride_ || count > kMaxSparse) {
      m.slots_[i].ref = kDense | static_cast<uint32_t>(m.dense_.size() / m.dense_stride_);
      size_t base = m.dense_.size();
      m.dense_.resize(base + m.dense_stride_, 0);
      for (size_t e = 0; e < count; ++e) m.dense_[base + w[e].first] = static_cast<int16_t>(w[e].second);
      continue;
    }
    m.slots_[i].ref = static_cast<uint32_t>(count) << kCountShift | static_cast<uint32_t>(m.data_.size());
    for (size_t e = 0; e < count; ++e) m.data_.push_back(w[e].first << 16 | static_cast<uint16_t>(static_cast<int16_t>(w[e].second)));
  }
  return m;
}

LinearModel LinearModel::FromRows(int num_classes, std::vector<std::pair<uint32_t, std::vector<Entry>>> rows, int min_quanta) {
  float max_abs = 0;
  for (const auto& [key, entries] : rows)
    for (const Entry& e : entries) max_abs = std::max(max_abs, std::fabs(e.w));
  float step = max_abs > 0 ? max_abs / kQuanta : 1.0f;
  Rows out;
  for (auto& [key, entries] : rows) {
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    for (const Entry& e : entries) {
      long q = std::lround(e.w / step);
      if (std::labs(q) >= std::max(1, min_quanta)) out.weights.push_back({e.cls, static_cast<int32_t>(q)});
    }
    out.EndRow(key);
  }
  return FromQuantized(num_classes, step, std::move(out));
}

LinearModel::Rows LinearModel::AllRows() const {
  // Every stored row's key and where its weights are, then the rows in key order.
  std::vector<std::pair<uint32_t, size_t>> stored;  // (key, slot)
  stored.reserve(num_rows_);
  for (size_t i = 0; i < inline_.size(); ++i)
    if (inline_[i].key != 0) stored.push_back({inline_[i].key, i});
  for (size_t i = 0; i < slots_.size(); ++i)
    if (slots_[i].key != 0) stored.push_back({slots_[i].key, i});
  std::sort(stored.begin(), stored.end());
  Rows rows;
  rows.keys.reserve(stored.size());
  rows.begin.reserve(stored.size() + 1);
  rows.weights.reserve(num_weights_);
  for (const auto& [key, i] : stored) {
    if (is_inline()) {
      for (int k = 0; k < num_classes_; ++k)
        if (inline_[i].w[k] != 0) rows.weights.push_back({static_cast<uint32_t>(k), inline_[i].w[k]});
    } else if (slots_[i].ref & kDense) {
      const int16_t* d = &dense_[(slots_[i].ref & ~kDense) * dense_stride_];
      for (int k = 0; k < num_classes_; ++k)
        if (d[k] != 0) rows.weights.push_back({static_cast<uint32_t>(k), d[k]});
    } else {
      const uint32_t* w = &data_[slots_[i].ref & ((1u << kCountShift) - 1)];
      for (uint32_t j = 0; j < (slots_[i].ref >> kCountShift); ++j)
        rows.weights.push_back({w[j] >> 16, static_cast<int16_t>(w[j] & 0xffff)});
    }
    rows.EndRow(key);
  }
  return rows;
}

LinearModel LinearModel::Pruned(int min_quanta) const {
  const Rows all = AllRows();
  Rows rows;
  for (size_t i = 0; i < all.size(); ++i) {
    for (size_t e = all.begin[i]; e < all.begin[i + 1]; ++e)
      if (std::abs(all.weights[e].second) >= min_quanta) rows.weights.push_back(all.weights[e]);
    rows.EndRow(all.keys[i]);
  }
  return FromQuantized(num_classes_, step_, std::move(rows));
}

namespace {
// Separate function with restrict pointers so the compiler vectorizes it
// (baseline instructions).
void AddDenseBaseline(const int16_t* __restrict row, int n, int32_t* __restrict scores) {
  for (int c = 0; c < n; ++c) scores[c] += row[c];
}

// The same with AVX2, 16 classes at a time, and the last (fewer) classes by
// masked loads and stores of the scores: no scalar tail. The row may be read
// whole to the next multiple of 16 (dense rows are padded with zeros).
__attribute__((target("avx2"))) void AddDenseAvx2(const int16_t* __restrict row, int n, int32_t* __restrict scores) {
  int c = 0;
  for (; c + 16 <= n; c += 16) {
    const __m256i w = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + c));
    __m256i* s = reinterpret_cast<__m256i*>(scores + c);
    _mm256_storeu_si256(s, _mm256_add_epi32(_mm256_loadu_si256(s), _mm256_cvtepi16_epi32(_mm256_castsi256_si128(w))));
    _mm256_storeu_si256(s + 1, _mm256_add_epi32(_mm256_loadu_si256(s + 1), _mm256_cvtepi16_epi32(_mm256_extracti128_si256(w, 1))));
  }
  if (c == n) return;
  const __m256i w = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + c));
  // Lane k of the first eight scores is kept when k < n - c, of the next eight when k + 8 < n - c.
  const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), left = _mm256_set1_epi32(n - c);
  const __m256i mask_lo = _mm256_cmpgt_epi32(left, lanes), mask_hi = _mm256_cmpgt_epi32(left, _mm256_add_epi32(lanes, _mm256_set1_epi32(8)));
  int* s = scores + c;
  _mm256_maskstore_epi32(s, mask_lo, _mm256_add_epi32(_mm256_maskload_epi32(s, mask_lo), _mm256_cvtepi16_epi32(_mm256_castsi256_si128(w))));
  _mm256_maskstore_epi32(s + 8, mask_hi, _mm256_add_epi32(_mm256_maskload_epi32(s + 8, mask_hi), _mm256_cvtepi16_epi32(_mm256_extracti128_si256(w, 1))));
}

const bool kHasAvx2 = [] {
  __builtin_cpu_init();  // needed before __builtin_cpu_supports in static initialization
  return __builtin_cpu_supports("avx2") != 0;
}();

// scores[0..n) += row[0..n); row is a dense row (padded to a multiple of 16).
inline void AddDense(const int16_t* row, int n, int32_t* scores) {
  if (kHasAvx2) AddDenseAvx2(row, n, scores);
  else AddDenseBaseline(row, n, scores);
}
}  // namespace

template <typename Visit>
void LinearModel::ForEachInline(const uint32_t* keys, size_t n, Visit&& visit) const {
  if (inline_.empty()) return;
  // Probe the small fingerprint array first: most keys are absent and end at
  // an empty fingerprint without touching the (large) slot array. A matching
  // fingerprint is only a candidate: its slot is prefetched and checked in a
  // second loop, so the slot misses of all hits overlap instead of each
  // stalling the probe of the next key.
  constexpr size_t kChunk = 128;
  size_t home[kChunk];
  uint32_t cand[kChunk], which[kChunk];
  const size_t size = inline_.size();
  auto next = [size](size_t j) { return j + 1 == size ? 0 : j + 1; };
  for (size_t base = 0; base < n; base += kChunk) {
    const size_t m = std::min(kChunk, n - base);
    for (size_t i = 0; i < m; ++i) {
      home[i] = Home(keys[base + i]);
      __builtin_prefetch(&fingerprints_[home[i]]);
    }
    size_t found = 0;
    const __m128i zero = _mm_setzero_si128();
    for (size_t i = 0; i < m; ++i) {
      const uint8_t fp = Fingerprint(keys[base + i]);
      // The candidate is the first slot from home whose fingerprint matches,
      // if that comes before the first empty one. The 16 fingerprints from
      // home (fingerprints_ has kProbeSlack more bytes past the last home
      // slot) settle almost every key at once, without a branch per slot.
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&fingerprints_[home[i]]));
      const unsigned empty = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)));
      unsigned match = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(fp)))));
      if (empty != 0) match &= (empty & (0u - empty)) - 1;  // only those before the first empty slot
      size_t j;
      if (match != 0) {
        j = home[i] + static_cast<size_t>(__builtin_ctz(match));
      } else if (empty != 0) {
        continue;  // absent
      } else {
        // Sixteen occupied slots, none a candidate: probe on one by one.
        for (j = next(home[i] + 15);; j = next(j)) {
          const uint8_t f = fingerprints_[j];
          if (f == 0 || f == fp) break;
        }
        if (fingerprints_[j] == 0) continue;
      }
      __builtin_prefetch(&inline_[j]);
      cand[found] = static_cast<uint32_t>(j);
      which[found++] = static_cast<uint32_t>(base + i);
    }
    for (size_t h = 0; h < found; ++h) {
      const uint32_t key = keys[which[h]];
      size_t j = cand[h];
      // A fingerprint collision (1 in 128 for other keys): probe on.
      while (inline_[j].key != key) {
        do j = next(j);
        while (fingerprints_[j] != 0 && fingerprints_[j] != Fingerprint(key));
        if (fingerprints_[j] == 0) break;
      }
      if (fingerprints_[j] == 0) continue;  // absent after all
      visit(which[h], inline_[j].w);
    }
  }
}

void LinearModel::AddInline(const uint32_t* keys, size_t n, int32_t* scores, int16_t* rows) const {
  int32_t s[kInlineClasses] = {0, 0, 0, 0};
  ForEachInline(keys, n, [&](size_t i, const int16_t* w) {
    for (int k = 0; k < kInlineClasses; ++k) s[k] += w[k];
    if (rows) std::copy_n(w, num_classes_, rows + i * num_classes_);
  });
  if (scores)
    for (int k = 0; k < num_classes_; ++k) scores[k] += s[k];
}

template <typename Visit>
void LinearModel::ForEachRow(const uint32_t* keys, size_t n, Visit&& visit) const {
  if (slots_.empty()) return;
  constexpr size_t kChunk = 128;  // all of a parser state's keys: maximal overlap of misses
  size_t home[kChunk];
  uint32_t refs[kChunk], which[kChunk];
  const size_t size = slots_.size();
  for (size_t base = 0; base < n; base += kChunk) {
    const size_t m = std::min(kChunk, n - base);
    for (size_t i = 0; i < m; ++i) {
      home[i] = Home(keys[base + i]);
      __builtin_prefetch(&slots_[home[i]]);
    }
    // Found slots' rows are prefetched as they are found: the row loads of
    // the chunk overlap.
    size_t found = 0;
    for (size_t i = 0; i < m; ++i) {
      const uint32_t key = keys[base + i];
      for (size_t s = home[i];; s = s + 1 == size ? 0 : s + 1) {
        const Slot& slot = slots_[s];
        if (slot.key == key) {
          const uint32_t ref = slot.ref;
          which[found] = static_cast<uint32_t>(base + i);
          refs[found++] = ref;
          if (ref & kDense) {
            const int16_t* d = &dense_[(ref & ~kDense) * dense_stride_];
            for (size_t off = 0; off < dense_stride_; off += 32) __builtin_prefetch(d + off);
          } else {
            __builtin_prefetch(&data_[ref & ((1u << kCountShift) - 1)]);
          }
          break;
        }
        if (slot.key == 0) break;
      }
    }
    for (size_t j = 0; j < found; ++j) visit(which[j], refs[j]);
  }
}

void LinearModel::AddRow(uint32_t ref, int32_t* scores) const {
  if (ref & kDense) {
    AddDense(&dense_[(ref & ~kDense) * dense_stride_], num_classes_, scores);
    return;
  }
  const uint32_t* row = &data_[ref & ((1u << kCountShift) - 1)];
  for (uint32_t e = 0, count = ref >> kCountShift; e < count; ++e) scores[row[e] >> 16] += static_cast<int16_t>(row[e] & 0xffff);
}

void LinearModel::AddScores(const uint32_t* keys, size_t n, int32_t* scores) const {
  if (is_inline()) return AddInline(keys, n, scores, nullptr);
  ForEachRow(keys, n, [this, scores](size_t, uint32_t ref) { AddRow(ref, scores); });
}

void LinearModel::AddScoresTo(const uint32_t* keys, const uint32_t* offsets, size_t n, int32_t* scores) const {
  if (is_inline()) {
    const int nc = num_classes_;  // a local: the stores below cannot change it
    // The lambdas capture by value: by reference, each hit reloaded the
    // pointers, which its own stores might have changed as far as the
    // compiler knew.
    if (nc == 3) {  // the parser's transitions: no loop
      ForEachInline(keys, n, [scores, offsets](size_t i, const int16_t* w) {
        int32_t* s = scores + offsets[i];
        s[0] += w[0];
        s[1] += w[1];
        s[2] += w[2];
      });
      return;
    }
    ForEachInline(keys, n, [scores, offsets, nc](size_t i, const int16_t* w) {
      for (int k = 0; k < nc; ++k) scores[offsets[i] + k] += w[k];
    });
    return;
  }
  ForEachRow(keys, n, [this, scores, offsets](size_t i, uint32_t ref) { AddRow(ref, scores + offsets[i]); });
}

void LinearModel::RowValues(const uint32_t* keys, size_t n, int16_t* out) const {
  std::fill(out, out + n * num_classes_, int16_t{0});
  if (is_inline()) return AddInline(keys, n, nullptr, out);
  ForEachRow(keys, n, [&](size_t i, uint32_t ref) {
    int16_t* row_out = out + i * num_classes_;
    if (ref & kDense) {
      std::copy_n(&dense_[(ref & ~kDense) * dense_stride_], num_classes_, row_out);
      return;
    }
    const uint32_t* row = &data_[ref & ((1u << kCountShift) - 1)];
    for (uint32_t e = 0, count = ref >> kCountShift; e < count; ++e) row_out[row[e] >> 16] = static_cast<int16_t>(row[e] & 0xffff);
  });
}

void LinearModel::Write(BinaryWriter* w) const {
  w->VarU(static_cast<uint64_t>(num_classes_));
  w->F32(step_);
  const Rows rows = AllRows();
  w->VarU(rows.size());
  uint32_t prev_key = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    w->VarU(rows.keys[i] - prev_key);
    prev_key = rows.keys[i];
    w->VarU(rows.count(i));
    uint32_t prev_cls = 0;
    for (size_t e = rows.begin[i]; e < rows.begin[i + 1]; ++e) {
      const auto [cls, q] = rows.weights[e];
      w->VarU(cls - prev_cls);
      prev_cls = cls;
      w->VarS(q);
    }
  }
}

bool LinearModel::Read(BinaryReader* r) {
  uint64_t nc, nrows;
  float step;
  if (!r->VarU(&nc) || nc == 0 || nc > 65535 || !r->F32(&step) || !(step > 0) || !r->VarU(&nrows) || nrows > (1u << 28)) return false;
  Rows rows;
  rows.keys.reserve(nrows);
  rows.begin.reserve(nrows + 1);
  uint64_t key = 0;
  for (uint64_t i = 0; i < nrows; ++i) {
    uint64_t dk, count;
    if (!r->VarU(&dk) || !r->VarU(&count) || count == 0 || count > nc) return false;
    key += dk;
    if (key == 0 || key > 0xffffffffu || (i > 0 && dk == 0)) return false;
    uint64_t cls = 0;
    for (uint64_t j = 0; j < count; ++j) {
      uint64_t dc;
      int64_t q;
      if (!r->VarU(&dc) || !r->VarS(&q)) return false;
      cls += dc;
      if (cls >= nc || (j > 0 && dc == 0) || q == 0 || q < -32767 || q > 32767) return false;
      rows.weights.push_back({static_cast<uint32_t>(cls), static_cast<int32_t>(q)});
    }
    rows.EndRow(static_cast<uint32_t>(key));
  }
  *this = FromQuantized(static_cast<int>(nc), step, std::move(rows));
  return true;
}

void PerceptronTrainer::AddScores(const uint32_t* keys, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    uint32_t row = index_.Find(keys[i]);
    if (row == KeyIndex::kMissing) continue;
    for (const Weight& w : rows_[row]) scores[w.cls] += w.w;
  }
}

void PerceptronTrainer::Bump(std::vector<Weight>& row, int cls, float delta) {
  for (Weight& w : row) {
    if (w.cls == static_cast<uint32_t>(cls)) {
      w.total += static_cast<double>(clock_ - w.stamp) * w.w;
      w.stamp = clock_;
      w.w += delta;
      return;
    }
  }
  row.push_back({static_cast<uint32_t>(cls), delta, 0.0, clock_});
}

void PerceptronTrainer::Update(const uint32_t* keys, size_t n, int gold, int guess) {
  if (gold == guess) return;
  for (size_t i = 0; i < n; ++i) {
    uint32_t row = index_.FindOrInsert(keys[i], static_cast<uint32_t>(rows_.size()));
    if (row == rows_.size()) {
      rows_.emplace_back();
      keys_.push_back(keys[i]);
    }
    Bump(rows_[row], gold, 1.0f);
    Bump(rows_[row], guess, -1.0f);
  }
}

void PerceptronTrainer::Add(const uint32_t* keys, size_t n, int cls, float delta) {
  for (size_t i = 0; i < n; ++i) {
    uint32_t row = index_.FindOrInsert(keys[i], static_cast<uint32_t>(rows_.size()));
    if (row == rows_.size()) {
      rows_.emplace_back();
      keys_.push_back(keys[i]);
    }
    Bump(rows_[row], cls, delta);
  }
}

LinearModel PerceptronTrainer::Averaged(int min_quanta) const {
  std::vector<std::pair<uint32_t, std::vector<LinearModel::Entry>>> out;
  out.reserve(rows_.size());
  for (size_t r = 0; r < rows_.size(); ++r) {
    std::vector<LinearModel::Entry> entries;
    for (const Weight& w : rows_[r]) {
      double total = w.total + static_cast<double>(clock_ - w.stamp) * w.w;
      float avg = static_cast<float>(total / static_cast<double>(clock_));
      if (avg != 0.0f) entries.push_back({w.cls, avg});
    }
    if (!entries.empty()) out.emplace_back(keys_[r], std::move(entries));
  }
  return LinearModel::FromRows(num_classes_, std::move(out), min_quanta);
}

}  // namespace dyad::syntax
