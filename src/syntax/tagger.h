// A greedy left-to-right averaged-perceptron tagger predicting UPOS and the
// English XPOS jointly (one class per UPOS/XPOS pair seen in training), plus
// the treebank-learned lemmatizer.
//
// Features: the word, its lowercase form, suffixes and prefixes, shape, the
// two words either side (and their suffixes and shapes), the two previous
// predicted tags, and the ambiguity classes (tag sets seen in training) of the
// word and the two words either side, which give some right-hand tag context. The model file is "DYADTAG" + version, the class names, the
// lemmatizer and the linear model (docs/syntax.md has the byte layout).
#ifndef DYAD_SYNTAX_TAGGER_H_
#define DYAD_SYNTAX_TAGGER_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "syntax/conllu.h"
#include "syntax/lemmatizer.h"
#include "syntax/linear_model.h"
#include "syntax/word_features.h"

namespace dyad::syntax {

struct TaggerOptions {
  int epochs = 10;
  uint64_t seed = 1;
  int min_quanta = 1;  // prune averaged weights below this many quanta (LinearModel)
};

class Tagger {
 public:
  // Trains on gold UPOS/XPOS/LEMMA. `dev` (optional) is scored after each
  // epoch and reported to `log` (optional). Deterministic for a given seed.
  static Tagger Train(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>* dev,
                      const TaggerOptions& options, std::ostream* log);

  static Result<Tagger> FromBytes(std::string_view bytes, const std::string& name);
  static Result<Tagger> Load(const std::string& path);
  std::string ToBytes() const;

  // Predicted class per word (index into class_names()).
  void Predict(const std::vector<WordInfo>& words, std::vector<int>* classes) const;
  // The ambiguity class of each word: a hash of the set of tags the word
  // (lowercased) had in training, if it was seen often enough; 0 otherwise.
  void AmbiguityClasses(const std::vector<WordInfo>& words, std::vector<uint64_t>* amb) const;
  // Fills upos, xpos and lemma of every token.
  void Tag(Sentence* s) const;

  int num_classes() const { return static_cast<int>(upos_.size()); }
  const std::string& upos(int c) const { return upos_[c]; }
  const std::string& xpos(int c) const { return xpos_[c]; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  const LinearModel& model() const { return model_; }
  // Drops weights below min_quanta quanta (smaller, faster, slightly less accurate).
  void PruneWeights(int min_quanta) { model_ = model_.Pruned(min_quanta); }

 private:
  std::vector<std::string> upos_, xpos_;  // per class
  Lemmatizer lemmatizer_;
  std::unordered_map<uint64_t, uint64_t> ambiguity_;  // WordInfo::lower -> ambiguity class
  std::unordered_map<uint64_t, uint64_t> fixed_;      // WordInfo::lower -> class, for unambiguous frequent words
  LinearModel model_;
};

// Feature keys for word i given the words' ambiguity classes and the previous
// two predicted classes (-1 = none). Returns the number of keys written.
size_t TaggerFeatures(const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb, size_t i, int prev1, int prev2,
                      uint32_t* keys);
constexpr size_t kMaxTaggerFeatures = 48;

std::vector<WordInfo> WordInfos(const Sentence& s);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TAGGER_H_
