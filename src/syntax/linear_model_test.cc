// LinearModel lookups against the rows they were built from: every present
// key gives exactly its row, every absent key nothing, including keys whose
// probes run through long clusters of occupied slots.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <vector>

#include "syntax/linear_model.h"
#include "syntax/random.h"

namespace dyad::syntax {
namespace {

// x with x * 0x9E3779B1 == 1 (mod 2^32): keys t * x all have the same home
// slot (slot 0) for small t, so they fill one long cluster.
uint32_t HomeMultiplierInverse() {
  const uint32_t c = 0x9E3779B1u;
  uint32_t inv = c;
  for (int i = 0; i < 5; ++i) inv *= 2u - c * inv;
  return inv;
}

struct Built {
  LinearModel model;
  std::map<uint32_t, std::vector<int32_t>> rows;  // key -> quanta per class
  std::vector<uint32_t> absent;
};

// Random rows plus a cluster of `cluster` keys at slot 0; integer weights
// with a maximum of kQuanta, so that quantization keeps them exactly.
Built Build(int num_classes, int num_random, int cluster) {
  Built b;
  Rng rng(7);
  std::vector<std::pair<uint32_t, std::vector<LinearModel::Entry>>> rows;
  auto add = [&](uint32_t key) {
    std::vector<LinearModel::Entry> entries;
    std::vector<int32_t> dense(num_classes, 0);
    for (int c = 0; c < num_classes; ++c) {
      if (rng.Unit() < 0.3) continue;
      const int32_t q = static_cast<int32_t>(rng.Unit() * 4000) - 2000;
      if (q == 0) continue;
      entries.push_back({static_cast<uint32_t>(c), static_cast<float>(q)});
      dense[c] = q;
    }
    if (rows.empty()) {  // fixes the step at 1 quantum per unit
      entries = {{0, static_cast<float>(LinearModel::kQuanta)}};
      dense.assign(num_classes, 0);
      dense[0] = LinearModel::kQuanta;
    }
    if (entries.empty()) return;
    rows.push_back({key, entries});
    b.rows[key] = dense;
  };
  const uint32_t inv = HomeMultiplierInverse();
  for (int t = 1; t <= cluster; ++t) add(static_cast<uint32_t>(t) * inv);
  for (int t = cluster + 1; t <= 2 * cluster; ++t) b.absent.push_back(static_cast<uint32_t>(t) * inv);
  while (static_cast<int>(b.rows.size()) < cluster + num_random) {
    const uint32_t key = static_cast<uint32_t>(rng.Next()) | 1u;
    if (!b.rows.count(key)) add(key);
  }
  for (int i = 0; i < 2000; ++i) {
    const uint32_t key = static_cast<uint32_t>(rng.Next()) | 1u;
    if (!b.rows.count(key)) b.absent.push_back(key);
  }
  b.model = LinearModel::FromRows(num_classes, rows);
  return b;
}

TEST(LinearModelTest, LookupsGiveExactlyTheRowsBuilt) {
  for (int num_classes : {1, 2, 3, 4, 7, 51}) {
    SCOPED_TRACE(num_classes);
    const Built b = Build(num_classes, 3000, 40);
    ASSERT_EQ(b.model.step(), 1.0f);
    // Present and absent keys mixed, more than one 128-key chunk.
    std::vector<uint32_t> keys;
    std::vector<int32_t> want;
    for (const auto& [key, row] : b.rows) keys.push_back(key);
    for (uint32_t key : b.absent) keys.push_back(key);
    Rng rng(3);
    rng.Shuffle(&keys);
    std::vector<int16_t> values(keys.size() * num_classes);
    b.model.RowValues(keys.data(), keys.size(), values.data());
    std::vector<uint32_t> offsets(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) offsets[i] = static_cast<uint32_t>(i * num_classes);
    std::vector<int32_t> each(keys.size() * num_classes, 0);
    b.model.AddScoresTo(keys.data(), offsets.data(), keys.size(), each.data());
    for (size_t i = 0; i < keys.size(); ++i) {
      auto it = b.rows.find(keys[i]);
      std::vector<int32_t> one(num_classes, 0);
      b.model.AddScores(&keys[i], 1, one.data());
      for (int c = 0; c < num_classes; ++c) {
        const int32_t expected = it == b.rows.end() ? 0 : it->second[c];
        ASSERT_EQ(one[c], expected) << "key " << keys[i] << " class " << c;
        ASSERT_EQ(each[i * num_classes + c], expected) << "key " << keys[i] << " class " << c;
        ASSERT_EQ(values[i * num_classes + c], expected) << "key " << keys[i] << " class " << c;
      }
    }
  }
}

}  // namespace
}  // namespace dyad::syntax
