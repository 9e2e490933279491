// Test helpers of the coding stage: the bundled resources, loaded once per
// test binary. For tests only (it reports a load failure as a test failure).
#ifndef DYAD_CODING_TESTING_H_
#define DYAD_CODING_TESTING_H_

#include <gtest/gtest.h>

#include "coding/ontology.h"

namespace dyad::coding {

// data/ontology of the source tree.
inline const Ontology& BundledOntology() {
  static const Result<Ontology>* loaded = new Result<Ontology>(Ontology::Load(DYAD_SOURCE_DIR "/data"));
  EXPECT_TRUE(loaded->ok()) << loaded->status().ToString();
  return loaded->value();
}

}  // namespace dyad::coding

#endif  // DYAD_CODING_TESTING_H_
