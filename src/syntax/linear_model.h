// Sparse multi-class linear models over hashed features: the scoring core of
// the tagger and the parser.
//
// A feature is a 32-bit key (see hash.h). Each key owns a short row of
// (class, weight) pairs; a score vector is the sum of the rows of the keys
// present. Rows are sparse because a perceptron only ever touches the classes
// it confused, which keeps models small and scoring fast.
//
// LinearModel is the immutable inference form (thread-safe const scoring).
// PerceptronTrainer learns one with the averaged perceptron (Collins 2002)
// using the lazy-update trick, so averaging costs nothing per step.
#ifndef DYAD_SYNTAX_LINEAR_MODEL_H_
#define DYAD_SYNTAX_LINEAR_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/huge_pages.h"

namespace dyad::syntax {

// Open-addressing map from a nonzero 32-bit key to a 32-bit value.
class KeyIndex {
 public:
  static constexpr uint32_t kMissing = 0xffffffffu;
  void Reserve(size_t n);
  uint32_t Find(uint32_t key) const {
    if (slots_.empty()) return kMissing;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) return kMissing;
    }
  }
  // Returns the value for key, inserting `value_if_new` when absent.
  uint32_t FindOrInsert(uint32_t key, uint32_t value_if_new);
  size_t size() const { return size_; }
  size_t memory_bytes() const { return slots_.size() * sizeof(Slot); }

 private:
  struct Slot {
    uint32_t key = 0;
    uint32_t value = 0;
  };
  size_t Home(uint32_t key) const { return (static_cast<uint64_t>(key) * 0x9E3779B97F4A7C15ULL) >> shift_; }
  void Grow();
  std::vector<Slot> slots_;
  size_t mask_ = 0, size_ = 0;
  int shift_ = 64;
};

class LinearModel {
 public:
  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_rows_; }
  size_t num_weights() const { return num_weights_; }
  size_t memory_bytes() const {
    return slots_.size() * sizeof(Slot) + data_.size() * sizeof(uint32_t) + dense_.size() * sizeof(int16_t) +
           inline_.size() * sizeof(InlineSlot) + fingerprints_.size();
  }
  // The weight of one quantum: scores are integers, real score = q * step.
  float step() const { return step_; }
  // Distinct for every model built (a copy shares its original's, having its
  // weights): memos of a model's scores are keyed by it. 0: no weights.
  uint64_t id() const { return id_; }

  // scores[0..num_classes) += the rows of keys[0..n), in quanta (exact
  // integer sums: no rounding-order effects). Unknown keys add nothing.
  // Memory-bound, so all slot and row loads are prefetched before use.
  void AddScores(const uint32_t* keys, size_t n, int32_t* scores) const;
  // The same for many score vectors at once: scores[offsets[i] + c] += the
  // weight of class c in the row of keys[i]. Lookups of different vectors
  // overlap (a tagger scores a whole sentence's static features together).
  void AddScoresTo(const uint32_t* keys, const uint32_t* offsets, size_t n, int32_t* scores) const;

  // out[i * num_classes() + c] = the weight (in quanta) of class c in the
  // row of keys[i] (0 for unknown keys): rows one by one, for callers that
  // memoize them (the beam parser scores the same keys for many hypotheses).
  void RowValues(const uint32_t* keys, size_t n, int16_t* out) const;

  // Serialized form: step, then rows in key order, keys delta coded, each
  // weight as (class delta, zigzag quantum) varints. Reading and writing are
  // exact inverses: Write(Read(bytes)) == bytes.
  void Write(BinaryWriter* w) const;
  bool Read(BinaryReader* r);

  struct Entry {
    uint32_t cls;
    float w;
  };
  // Quantizes float rows (keys and classes in any order) to steps of
  // max|w| / kQuanta, dropping weights whose magnitude rounds below
  // `min_quanta` quanta (1: only those that round to zero).
  static constexpr int kQuanta = 2048;
  static LinearModel FromRows(int num_classes, std::vector<std::pair<uint32_t, std::vector<Entry>>> rows, int min_quanta = 1);
  // The same model without weights smaller than `min_quanta` quanta.
  LinearModel Pruned(int min_quanta) const;

 private:
  // A slot's ref says where its row is without touching the row: a dense
  // row's index (kDense set), or a sparse row's start in data_ (low 26 bits)
  // and weight count (next 5 bits). A key and its ref share a slot: about
  // four lookups in five find their key (tagger and label model, EWT test),
  // and a hit then costs two cache misses (slot, row) instead of three
  // (key, ref, row) with keys and refs in separate arrays.
  struct Slot {
    uint32_t key;
    uint32_t ref;
  };
  // Models with at most kInlineClasses classes (the parser's transitions)
  // keep each row inside its slot instead: a hit costs one cache miss, not
  // three (key, ref, row).
  static constexpr int kInlineClasses = 4;
  struct InlineSlot {
    uint32_t key;
    int16_t w[kInlineClasses];
  };
  bool is_inline() const { return num_classes_ <= kInlineClasses; }
  // A nonzero byte of an (inline) slot's key, kept apart in fingerprints_.
  static uint8_t Fingerprint(uint32_t key) { return static_cast<uint8_t>(key >> 24) | 1; }
  static constexpr uint32_t kDense = 0x80000000u;
  static constexpr int kCountShift = 26;
  static constexpr uint32_t kMaxSparse = 31;
  static constexpr size_t kDenseFraction = 4;
  // Quantized rows in flat arrays: row i is keys[i] with the (class, quanta)
  // pairs weights[begin[i], begin[i + 1]), classes ascending. A model has
  // hundreds of thousands of rows; a vector each made loading mostly malloc
  // and free.
  struct Rows {
    std::vector<uint32_t> keys;
    std::vector<size_t> begin{0};
    std::vector<std::pair<uint32_t, int32_t>> weights;
    size_t size() const { return keys.size(); }
    // Ends row `key`: its weights are those added since the previous row.
    void EndRow(uint32_t key) {
      keys.push_back(key);
      begin.push_back(weights.size());
    }
    size_t count(size_t i) const { return begin[i + 1] - begin[i]; }
  };
  static LinearModel FromQuantized(int num_classes, float step, Rows rows);
  // AddScores (scores may be null) for is_inline() models, optionally
  // copying each key's row to rows[i * num_classes()] (RowValues).
  void AddInline(const uint32_t* keys, size_t n, int32_t* scores, int16_t* rows) const;
  // The lookup of is_inline() models: calls visit(i, w) with the row (kInlineClasses
  // quanta) of every keys[i] present, all fingerprint and slot loads of up to
  // 128 keys overlapping.
  template <typename Visit>
  void ForEachInline(const uint32_t* keys, size_t n, Visit&& visit) const;
  Rows AllRows() const;  // sorted by key
  // The staged lookup shared by AddScores, AddScoresTo and RowValues: for
  // up to 128 keys at a time, all slots, then the rows of the keys found
  // are prefetched before use, so each stage's cache misses overlap. Calls
  // visit(i, ref) for every keys[i] present (ref as in Slot), in key order.
  template <typename Visit>
  void ForEachRow(const uint32_t* keys, size_t n, Visit&& visit) const;
  // scores[c] += the quanta of class c in the row `ref` points at.
  void AddRow(uint32_t ref, int32_t* scores) const;
  // Keys are already hashes: scale the mixed key onto [0, capacity).
  size_t Home(uint32_t key) const { return (static_cast<uint64_t>(key * 0x9E3779B1u) * capacity_) >> 32; }
  static constexpr size_t kProbeSlack = 64;  // slots past capacity_, so probes rarely wrap
  static_assert(kProbeSlack >= 16, "ForEachInline reads 16 fingerprints from any home slot");

  int num_classes_ = 0;
  uint64_t id_ = 0;
  float step_ = 1.0f;
  size_t num_rows_ = 0, num_weights_ = 0;
  HugePageVector<Slot> slots_;           // open addressing; key 0 = empty
  HugePageVector<InlineSlot> inline_;     // instead of slots_/data_ when is_inline()
  HugePageVector<uint8_t> fingerprints_;  // per inline_ slot: 0 = empty, else Fingerprint(key)
  size_t capacity_ = 0;
  // Sparse rows: per weight (class << 16) | uint16(quanta). Rows with many
  // weights are dense instead: every class's quanta, added with vector
  // instructions.
  HugePageVector<uint32_t> data_;
  HugePageVector<int16_t> dense_;
  size_t dense_stride_ = 0;  // num_classes rounded up to 16
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}
  int num_classes() const { return num_classes_; }

  // Current (non-averaged) weights, for decoding during training.
  void AddScores(const uint32_t* keys, size_t n, float* scores) const;
  // One perceptron update: +1 on `gold`, -1 on `guess` for each key.
  void Update(const uint32_t* keys, size_t n, int gold, int guess);
  // Adds `delta` to the weight of class `cls` for each key (structured
  // updates: +1 along the gold sequence, -1 along the predicted one).
  void Add(const uint32_t* keys, size_t n, int cls, float delta);
  // Advances the averaging clock; call once per training decision.
  void Tick() { ++clock_; }

  // The averaged weights, quantized; see LinearModel::FromRows for min_quanta.
  LinearModel Averaged(int min_quanta = 1) const;
  size_t num_features() const { return index_.size(); }

 private:
  struct Weight {
    uint32_t cls;
    float w;
    double total;    // sum of w over the clock ticks before `stamp`
    uint64_t stamp;  // clock at the last change of w
  };
  void Bump(std::vector<Weight>& row, int cls, float delta);

  int num_classes_;
  uint64_t clock_ = 1;
  KeyIndex index_;
  std::vector<uint32_t> keys_;
  std::vector<std::vector<Weight>> rows_;
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_LINEAR_MODEL_H_
