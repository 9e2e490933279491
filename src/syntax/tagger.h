// A greedy left-to-right averaged-perceptron tagger predicting UPOS and the
// English XPOS jointly (one class per UPOS/XPOS pair seen in training), plus
// the treebank-learned lemmatizer.
//
// Features: the word, its lowercase form, suffixes and prefixes, shape, the
// two words either side (and their suffixes and shapes), the two previous
// predicted tags, and the ambiguity classes (tag sets seen in training) of the
// word and the two words either side, which give some right-hand tag context.
// A two-pass tagger (the default) has a second model that also sees the
// first pass's classes of the two words on the right; it rescores the words
// whose first-pass margin is below a threshold stored in the model (the
// others keep their first-pass class). Its training data are first-pass
// classes from models trained on the other folds (jackknifing), so that it
// learns how far to trust them.
//
// The model file is "DYADTAG" + version, the class names, the lemmatizer, the
// word tables and the pass models (docs/syntax.md has the byte layout).
#ifndef DYAD_SYNTAX_TAGGER_H_
#define DYAD_SYNTAX_TAGGER_H_

#include <cstdint>
#include <functional>
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
  // 2: a second left-to-right pass that also sees the first pass's classes of
  // the words on the right (trained on jackknifed first-pass classes: 7 models
  // to train instead of 1). 1: one pass.
  int passes = 2;
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
  // The same for sentences words[0..n) into classes[0..n), exactly as one
  // at a time, but each pass over all sentences before the next pass: each
  // pass's model (8 MB) then stays in the cache while it works, instead of
  // both passes' models taking turns for every sentence.
  void Predict(const std::vector<WordInfo>* words, std::vector<int>* classes, size_t n) const;
  // Per word: the ambiguity class, a hash of the set of tags the word
  // (lowercased) had in training if it was seen often enough, else 0; and the
  // fixed class of a frequent unambiguous word, else -1.
  void LookUpWords(const std::vector<WordInfo>& words, std::vector<uint64_t>* amb, std::vector<int>* fixed) const;
  // Fills upos, xpos and lemma of every token.
  void Tag(Sentence* s) const;

  int num_classes() const { return static_cast<int>(upos_.size()); }
  const std::string& upos(int c) const { return upos_[c]; }
  const std::string& xpos(int c) const { return xpos_[c]; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  const LinearModel& model() const { return model_; }
  // Drops weights below min_quanta quanta (smaller, faster, slightly less accurate).
  void PruneWeights(int min_quanta) {
    model_ = model_.Pruned(min_quanta);
    if (two_pass()) first_ = first_.Pruned(min_quanta);
  }

 private:
  std::vector<std::string> upos_, xpos_;  // per class
  Lemmatizer lemmatizer_;
  std::unordered_map<uint64_t, uint64_t> ambiguity_;  // WordInfo::lower -> ambiguity class
  std::unordered_map<uint64_t, uint64_t> fixed_;      // WordInfo::lower -> class, for unambiguous frequent words
  // Both maps again, as LookUpWords reads them: one open-addressing table of
  // (word, ambiguity class, fixed class or -1), derived by IndexWords. One
  // probe of a flat array a word instead of two buckets and nodes.
  struct WordSlot {
    uint64_t word = 0;
    uint64_t amb = 0;
    int32_t fixed = -1;
    bool used = false;
  };
  std::vector<WordSlot> word_slots_;
  void IndexWords();
  struct TrainData;
  bool two_pass() const { return first_.num_classes() > 0; }
  // One greedy left-to-right pass of `model` over the words whose `fixed`
  // class is -1 (the others get it); `right` (null in a first pass) holds a
  // previous pass's class of every word. `margins` (optional) receives each
  // word's best minus second-best score (INT32_MAX for fixed words).
  void RunPass(const LinearModel& model, const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb,
               const std::vector<int>& fixed, const int* right, std::vector<int>* classes,
               std::vector<int32_t>* margins) const;
  // Trains one pass on data's `sentences`; `second` adds data.right's features.
  // `report` (may be empty) gets each epoch's averaged model.
  LinearModel TrainPass(const TrainData& data, const std::vector<size_t>& sentences, bool second, const TaggerOptions& options,
                        const std::function<void(int, const LinearModel&)>& report) const;
  // Fills data->right with first-pass classes, each sentence tagged by a model trained on the other folds.
  void JackknifeFirstPass(TrainData* data, int folds, const TaggerOptions& options, std::ostream* log) const;
  double DevUpos(const std::vector<ConlluSentence>& dev) const;

  LinearModel first_;  // the first pass of a two-pass tagger (num_classes() == 0: one pass)
  int32_t second_pass_margin_ = 0;  // first-pass words with at least this margin skip the second pass
  LinearModel model_;
  uint32_t version_ = 0;   // of the file format (Train: the current one)
};

// Feature keys for word i given the words' ambiguity classes, the previous
// two predicted classes (-1 = none) and, in a second pass, the first pass's
// classes of every word (`right`; null in a first pass). Returns the number
// of keys written (at most kMaxTaggerFeatures). TaggerFeatures = the static
// keys (independent of prev1, prev2) followed by the dynamic ones.
size_t TaggerFeatures(const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb, const int* right, size_t i,
                      int prev1, int prev2, uint32_t* keys);
size_t StaticTaggerFeatures(const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb, const int* right, size_t i,
                            uint32_t* keys);
size_t DynamicTaggerFeatures(const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb, const int* right, size_t i,
                             int prev1, int prev2, uint32_t* keys);
// The two halves of StaticTaggerFeatures (which is the one followed by the
// other), apart for the memo of Tagger::RunPass: the keys that depend only
// on word i itself (its WordInfo, ambiguity class and whether it is first),
// and the rest.
size_t WordTaggerFeatures(const WordInfo& w, uint64_t amb, bool first, uint32_t* keys);
size_t ContextTaggerFeatures(const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb, const int* right,
                             size_t i, uint32_t* keys);
constexpr size_t kMaxTaggerFeatures = 56;

std::vector<WordInfo> WordInfos(const Sentence& s);
// The same into *out (cleared first), reusing its storage.
void WordInfos(const Sentence& s, std::vector<WordInfo>* out);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TAGGER_H_
