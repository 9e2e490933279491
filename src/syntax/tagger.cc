#include "syntax/tagger.h"

#include <algorithm>
#include <climits>
#include <functional>
#include <map>
#include <set>
#include <ostream>

#include <emmintrin.h>  // SSE2: FirstMax

#include "syntax/hash.h"
#include "syntax/random.h"

namespace dyad::syntax {
namespace {

constexpr char kMagic[] = "DYADTAG";
constexpr uint32_t kVersion = 5;     // written by Train: one or two passes
constexpr uint32_t kOldVersion = 4;  // still read: one pass, no pass count
// Folds of the jackknifed first-pass classes a second pass is trained on.
constexpr int kFirstPassFolds = 5;
// A second pass rescores only the words whose first-pass margin (best minus
// second-best score, in quanta of the first-pass model) is below this. On EWT
// dev, margins of 2000 and 1000 leave 44 % and 15 % of the words to the second
// pass (71 % without a margin); 1500 costs at most 0.01 dev UPOS (docs/syntax.md).
constexpr uint32_t kSecondPassMargin = 1500;
// Words seen fewer times than this in training get no ambiguity class.
constexpr int kMinAmbiguityCount = 3;
// Words seen at least this often, with one tag at least this share of the
// time, get that tag without scoring ("the", ",", "of"): half the tokens of
// running text, at no measurable cost in accuracy.
constexpr int kMinFixedCount = 20;
constexpr double kMinFixedShare = 0.995;

const WordInfo& At(const std::vector<WordInfo>& w, long i) {
  return i < 0 || i >= static_cast<long>(w.size()) ? BoundaryWord() : w[i];
}

void WriteWordMap(const std::unordered_map<uint64_t, uint64_t>& m, BinaryWriter* w) {
  std::vector<std::pair<uint64_t, uint64_t>> sorted(m.begin(), m.end());
  std::sort(sorted.begin(), sorted.end());
  w->VarU(sorted.size());
  for (const auto& [k, v] : sorted) {
    w->U32(static_cast<uint32_t>(k));
    w->U32(static_cast<uint32_t>(k >> 32));
    w->U32(static_cast<uint32_t>(v));
    w->U32(static_cast<uint32_t>(v >> 32));
  }
}

bool ReadWordMap(BinaryReader* r, std::unordered_map<uint64_t, uint64_t>* amb) {
  uint64_t n;
  if (!r->VarU(&n) || n > (1u << 24)) return false;
  amb->clear();
  amb->reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint32_t k0, k1, v0, v1;
    if (!r->U32(&k0) || !r->U32(&k1) || !r->U32(&v0) || !r->U32(&v1)) return false;
    (*amb)[static_cast<uint64_t>(k1) << 32 | k0] = static_cast<uint64_t>(v1) << 32 | v0;
  }
  return true;
}

}  // namespace

void WordInfos(const Sentence& s, std::vector<WordInfo>* out) {
  out->clear();
  out->reserve(s.tokens.size());
  for (const Token& t : s.tokens) out->push_back(ComputeWordInfo(t.model_form()));
}

std::vector<WordInfo> WordInfos(const Sentence& s) {
  std::vector<WordInfo> w;
  WordInfos(s, &w);
  return w;
}

namespace {

// The first pass's class of word j as a feature value (1 past the end).
uint64_t RightClass(const int* right, long j, size_t n) { return j >= static_cast<long>(n) ? 1 : static_cast<uint64_t>(right[j] + 2); }

uint64_t AmbAt(const std::vector<uint64_t>& amb, long j) { return j < 0 || j >= static_cast<long>(amb.size()) ? 0x626f756eULL : amb[j]; }

}  // namespace

size_t StaticTaggerFeatures(const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb, const int* right, size_t i,
                            uint32_t* keys) {
  // The word's own keys and its context's; scores and updates are sums over
  // keys, so their order does not matter.
  const size_t n = WordTaggerFeatures(words[i], AmbAt(amb, static_cast<long>(i)), i == 0, keys);
  return n + ContextTaggerFeatures(words, amb, right, i, keys + n);
}

size_t WordTaggerFeatures(const WordInfo& w, uint64_t amb, bool first, uint32_t* keys) {
  size_t n = 0;
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0) __attribute__((always_inline)) { keys[n++] = FeatureKey(templ, a, b); };
  add(0, 0);
  add(1, w.form);
  add(2, w.lower);
  for (int s = 0; s < 5; ++s) add(3 + s, w.suffix[s]);
  for (int p = 0; p < 3; ++p) add(8 + p, w.prefix[p]);
  add(11, w.shape);
  add(12, w.flags, first);
  add(36, amb);
  add(41, amb, w.suffix[2]);
  return n;
}

size_t ContextTaggerFeatures(const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb, const int* right,
                             size_t i, uint32_t* keys) {
  const long k = static_cast<long>(i);
  const uint64_t a0 = AmbAt(amb, k), a1 = AmbAt(amb, k + 1), a2 = AmbAt(amb, k + 2), am1 = AmbAt(amb, k - 1);
  const WordInfo& w = words[i];
  const WordInfo &m1 = At(words, k - 1), &m2 = At(words, k - 2), &p1 = At(words, k + 1), &p2 = At(words, k + 2);
  size_t n = 0;
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) __attribute__((always_inline)) { keys[n++] = FeatureKey(templ, a, b, c); };
  add(17, m1.lower);
  add(18, m2.lower);
  add(19, p1.lower);
  add(20, p2.lower);
  add(21, m1.suffix[2]);
  add(22, p1.suffix[2]);
  add(23, p2.suffix[2]);
  add(24, m1.lower, w.lower);
  add(25, w.lower, p1.lower);
  add(27, m1.shape);
  add(28, p1.shape);
  add(29, p1.suffix[1]);
  add(30, m1.suffix[1]);
  add(31, w.suffix[2], p1.lower);
  add(33, m2.lower, m1.lower, w.lower);
  add(34, w.shape, p1.shape);
  add(35, p1.lower, p2.lower);
  add(37, a0, a1);
  add(38, a1);
  add(39, a1, a2);
  add(42, am1, a0);
  add(43, a0, p1.lower);
  if (right) {
    const uint64_t r1 = RightClass(right, k + 1, words.size()), r2 = RightClass(right, k + 2, words.size());
    add(44, r1);
    add(45, r1, r2);
    add(46, r1, w.lower);
    add(48, r1, w.suffix[2]);
  }
  return n;
}

size_t DynamicTaggerFeatures(const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb, const int* right, size_t i,
                             int prev1, int prev2, uint32_t* keys) {
  const long k = static_cast<long>(i);
  const WordInfo& w = words[i];
  const uint64_t t1 = static_cast<uint64_t>(prev1 + 2), t2 = static_cast<uint64_t>(prev2 + 2);
  size_t n = 0;
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) __attribute__((always_inline)) { keys[n++] = FeatureKey(templ, a, b, c); };
  add(13, t1);
  add(14, t2);
  add(15, t1, t2);
  add(16, t1, w.lower);
  add(26, t1, At(words, k + 1).lower);
  add(32, t1, w.suffix[2]);
  add(40, t1, AmbAt(amb, k), AmbAt(amb, k + 1));
  if (right) add(47, t1, RightClass(right, k + 1, words.size()));
  return n;
}

size_t TaggerFeatures(const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb, const int* right, size_t i,
                      int prev1, int prev2, uint32_t* keys) {
  const size_t n = StaticTaggerFeatures(words, amb, right, i, keys);
  return n + DynamicTaggerFeatures(words, amb, right, i, prev1, prev2, keys + n);
}

void Tagger::LookUpWords(const std::vector<WordInfo>& words, std::vector<uint64_t>* amb, std::vector<int>* fixed) const {
  amb->clear();
  fixed->clear();
  if (word_slots_.empty()) {  // a default-constructed tagger knows no words
    amb->assign(words.size(), 0);
    fixed->assign(words.size(), -1);
    return;
  }
  const size_t mask = word_slots_.size() - 1;
  for (const WordInfo& w : words) {
    size_t i = Mix64(w.lower) & mask;
    while (word_slots_[i].used && word_slots_[i].word != w.lower) i = (i + 1) & mask;
    amb->push_back(word_slots_[i].used ? word_slots_[i].amb : 0);
    fixed->push_back(word_slots_[i].used ? word_slots_[i].fixed : -1);
  }
}

void Tagger::IndexWords() {
  // At most half full (and never empty), so that every probe ends.
  size_t capacity = 16;
  while (capacity < 2 * (ambiguity_.size() + fixed_.size())) capacity *= 2;
  word_slots_.assign(capacity, WordSlot{});
  auto slot = [&](uint64_t word) -> WordSlot& {
    size_t i = Mix64(word) & (capacity - 1);
    while (word_slots_[i].used && word_slots_[i].word != word) i = (i + 1) & (capacity - 1);
    word_slots_[i].used = true;
    word_slots_[i].word = word;
    return word_slots_[i];
  };
  for (const auto& [word, amb] : ambiguity_) slot(word).amb = amb;
  for (const auto& [word, cls] : fixed_) slot(word).fixed = static_cast<int32_t>(cls);
}

namespace {

// Per thread: the summed rows of the word-local static keys
// (WordTaggerFeatures) of recently tagged words. Words recur within and
// across articles (names, topics), and those ~15 keys are most of a word's
// model rows, each a few cache misses. Direct-mapped; an entry serves only
// the same model and an identical WordInfo, ambiguity class and position
// flag, so its scores are exactly what the lookups would give.
class WordScoreMemo {
 public:
  static constexpr size_t kSlots = 8192;
  // The stored scores of (model, word), or null.
  const int32_t* Find(const LinearModel& model, const WordInfo& w, uint64_t amb, bool first) {
    Reshape(model.num_classes());
    const size_t slot = Slot(model, w, first);
    const Tag& t = tags_[slot];
    if (t.model != model.id() || t.amb != amb || t.first != first || !Same(t.word, w)) return nullptr;
    return &scores_[slot * classes_];
  }
  void Store(const LinearModel& model, const WordInfo& w, uint64_t amb, bool first, const int32_t* scores) {
    const size_t slot = Slot(model, w, first);
    tags_[slot] = {model.id(), w, amb, first};
    std::copy_n(scores, classes_, &scores_[slot * classes_]);
  }

 private:
  struct Tag {
    uint64_t model = 0;  // LinearModel::id(); 0: empty
    WordInfo word;
    uint64_t amb = 0;
    bool first = false;
  };
  static bool Same(const WordInfo& a, const WordInfo& b) {
    return a.form == b.form && a.lower == b.lower && a.shape == b.shape && a.flags == b.flags &&
           std::equal(a.suffix, a.suffix + 5, b.suffix) && std::equal(a.prefix, a.prefix + 3, b.prefix);
  }
  size_t Slot(const LinearModel& model, const WordInfo& w, bool first) const {
    return Mix64(w.form ^ (model.id() << 1) ^ static_cast<uint64_t>(first)) & (kSlots - 1);
  }
  void Reshape(size_t classes) {
    if (classes == classes_) return;
    classes_ = classes;
    tags_.assign(kSlots, Tag{});
    scores_.assign(kSlots * classes, 0);
  }
  size_t classes_ = 0;
  std::vector<Tag> tags_;
  std::vector<int32_t> scores_;
};

}  // namespace

namespace {

// The index of the first largest of scores[0..n) (n >= 1), as
// std::max_element gives it: the maximum by a loop the compiler vectorizes,
// then its first position four scores at a time.
int FirstMax(const int32_t* scores, size_t n) {
  int32_t top = INT32_MIN;
  for (size_t c = 0; c < n; ++c) top = std::max(top, scores[c]);
  const __m128i wanted = _mm_set1_epi32(top);
  size_t c = 0;
  for (; c + 4 <= n; c += 4) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(scores + c));
    const int mask = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(v, wanted)));
    if (mask != 0) return static_cast<int>(c) + __builtin_ctz(static_cast<unsigned>(mask));
  }
  while (scores[c] != top) ++c;
  return static_cast<int>(c);
}

}  // namespace

void Tagger::RunPass(const LinearModel& model, const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb,
                     const std::vector<int>& fixed, const int* right, std::vector<int>* classes,
                     std::vector<int32_t>* margins) const {
  const size_t nc = upos_.size(), n_words = words.size();
  classes->assign(n_words, 0);
  if (margins) margins->assign(n_words, INT32_MAX);
  // The scores of the features that do not depend on this pass's own
  // predictions, for every scored word at once: their lookups overlap. The
  // word-local ones come from the memo when it has the word; a word it lacks
  // has them summed apart (past the words in `base`), then stored.
  thread_local WordScoreMemo memo;
  thread_local std::vector<uint32_t> keys, owner;
  thread_local std::vector<int32_t> base;
  thread_local std::vector<std::pair<size_t, const int32_t*>> hits;  // (word, memo scores)
  thread_local std::vector<size_t> misses;
  keys.clear();
  owner.clear();
  hits.clear();
  misses.clear();
  uint32_t buffer[kMaxTaggerFeatures];
  auto add_keys = [&](size_t n, size_t offset) {
    keys.insert(keys.end(), buffer, buffer + n);
    owner.insert(owner.end(), n, static_cast<uint32_t>(offset));
  };
  for (size_t i = 0; i < n_words; ++i) {
    if (fixed[i] >= 0) continue;
    if (const int32_t* stored = memo.Find(model, words[i], amb[i], i == 0)) hits.push_back({i, stored});
    else misses.push_back(i);
    add_keys(ContextTaggerFeatures(words, amb, right, i, buffer), i * nc);
  }
  for (size_t m = 0; m < misses.size(); ++m)
    add_keys(WordTaggerFeatures(words[misses[m]], amb[misses[m]], misses[m] == 0, buffer), (n_words + m) * nc);
  // Only the rows read below are set (a fixed word's is not): a hit's starts
  // as its stored scores, a miss's and the local sums at zero. Hits are
  // copied before any miss is stored, which may overwrite a hit's slot.
  base.resize((n_words + misses.size()) * nc);
  for (const auto& [i, stored] : hits) std::copy_n(stored, nc, &base[i * nc]);
  for (size_t i : misses) std::fill_n(&base[i * nc], nc, 0);
  std::fill(base.begin() + static_cast<std::ptrdiff_t>(n_words * nc), base.end(), 0);
  model.AddScoresTo(keys.data(), owner.data(), keys.size(), base.data());
  for (size_t m = 0; m < misses.size(); ++m) {
    const size_t i = misses[m];
    const int32_t* local = &base[(n_words + m) * nc];
    for (size_t c = 0; c < nc; ++c) base[i * nc + c] += local[c];
    memo.Store(model, words[i], amb[i], i == 0, local);
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (fixed[i] >= 0) {
      (*classes)[i] = fixed[i];
      continue;
    }
    int prev1 = i >= 1 ? (*classes)[i - 1] : -1, prev2 = i >= 2 ? (*classes)[i - 2] : -1;
    const size_t n = DynamicTaggerFeatures(words, amb, right, i, prev1, prev2, buffer);
    int32_t* scores = &base[i * nc];
    model.AddScores(buffer, n, scores);
    const int best = FirstMax(scores, nc);
    (*classes)[i] = best;
    if (margins) {
      int32_t second = INT32_MIN;
      for (size_t c = 0; c < nc; ++c) second = std::max(second, c == static_cast<size_t>(best) ? INT32_MIN : scores[c]);
      (*margins)[i] = static_cast<int32_t>(std::min<int64_t>(INT32_MAX, int64_t{scores[best]} - second));
    }
  }
}

void Tagger::Predict(const std::vector<WordInfo>& words, std::vector<int>* classes) const { Predict(&words, classes, 1); }

void Tagger::Predict(const std::vector<WordInfo>* words, std::vector<int>* classes, size_t n) const {
  thread_local std::vector<std::vector<uint64_t>> amb;
  thread_local std::vector<std::vector<int>> fixed, first;
  thread_local std::vector<int32_t> margins;
  if (amb.size() < n) {
    amb.resize(n);
    fixed.resize(n);
    first.resize(n);
  }
  for (size_t s = 0; s < n; ++s) LookUpWords(words[s], &amb[s], &fixed[s]);
  if (!two_pass()) {
    for (size_t s = 0; s < n; ++s) RunPass(model_, words[s], amb[s], fixed[s], nullptr, &classes[s], nullptr);
    return;
  }
  // The first pass keeps, as the classes the second pass leaves alone
  // (`fixed`), those of the words it is sure of.
  for (size_t s = 0; s < n; ++s) {
    RunPass(first_, words[s], amb[s], fixed[s], nullptr, &first[s], &margins);
    for (size_t i = 0; i < words[s].size(); ++i)
      if (margins[i] >= second_pass_margin_) fixed[s][i] = first[s][i];
  }
  for (size_t s = 0; s < n; ++s) RunPass(model_, words[s], amb[s], fixed[s], first[s].data(), &classes[s], nullptr);
}

void Tagger::Tag(Sentence* s) const {
  std::vector<int> classes;
  Predict(WordInfos(*s), &classes);
  for (size_t i = 0; i < s->tokens.size(); ++i) {
    Token& t = s->tokens[i];
    t.upos = upos_[classes[i]];
    t.xpos = xpos_[classes[i]];
    t.lemma = lemmatizer_.Lemmatize(t.model_form(), t.xpos);
  }
}

// The training set in the form the passes read.
struct Tagger::TrainData {
  std::vector<std::vector<WordInfo>> words;
  std::vector<std::vector<uint64_t>> ambs;
  std::vector<std::vector<int>> fixed;  // LookUpWords
  std::vector<std::vector<int>> gold;
  std::vector<std::vector<int>> right;  // first-pass classes (jackknifed), when training a second pass
};

LinearModel Tagger::TrainPass(const TrainData& data, const std::vector<size_t>& sentences, bool second,
                              const TaggerOptions& options, const std::function<void(int, const LinearModel&)>& report) const {
  PerceptronTrainer trainer(num_classes());
  std::vector<size_t> order = sentences;
  Rng rng(options.seed);
  std::vector<float> scores(num_classes());
  uint32_t keys[kMaxTaggerFeatures];
  std::vector<int> pred;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.Shuffle(&order);
    for (size_t si : order) {
      const auto& w = data.words[si];
      const int* right = second ? data.right[si].data() : nullptr;
      pred.assign(w.size(), 0);
      for (size_t i = 0; i < w.size(); ++i) {
        const int gold = data.gold[si][i];
        if (data.fixed[si][i] >= 0) {
          pred[i] = data.fixed[si][i];
          continue;
        }
        int prev1 = i >= 1 ? pred[i - 1] : -1, prev2 = i >= 2 ? pred[i - 2] : -1;
        size_t n = TaggerFeatures(w, data.ambs[si], right, i, prev1, prev2, keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.AddScores(keys, n, scores.data());
        int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        trainer.Update(keys, n, gold, guess);
        trainer.Tick();
        pred[i] = guess;
      }
    }
    if (report) report(epoch, trainer.Averaged(options.min_quanta));
  }
  return trainer.Averaged(options.min_quanta);
}

void Tagger::JackknifeFirstPass(TrainData* data, int folds, const TaggerOptions& options, std::ostream* log) const {
  data->right.assign(data->words.size(), {});
  for (int f = 0; f < folds; ++f) {
    std::vector<size_t> rest, held;
    for (size_t i = 0; i < data->words.size(); ++i) (static_cast<int>(i % folds) == f ? held : rest).push_back(i);
    LinearModel fold_model = TrainPass(*data, rest, false, options, nullptr);
    size_t ok = 0, all = 0;
    for (size_t i : held) {
      RunPass(fold_model, data->words[i], data->ambs[i], data->fixed[i], nullptr, &data->right[i], nullptr);
      for (size_t k = 0; k < data->right[i].size(); ++k) ok += data->right[i][k] == data->gold[i][k];
      all += data->right[i].size();
    }
    if (log) *log << "tagger first pass, fold " << f + 1 << "/" << folds << ": held-out accuracy " << 100.0 * ok / std::max<size_t>(1, all) << std::endl;
  }
}

Tagger Tagger::Train(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>* dev,
                     const TaggerOptions& options, std::ostream* log) {
  // Classes: every UPOS/XPOS pair in the training data, in sorted order.
  std::map<std::pair<std::string, std::string>, int> class_of;
  for (const auto& cs : train)
    for (const Token& t : cs.sentence.tokens) class_of[{t.upos, t.xpos}] = 0;
  Tagger tagger;
  tagger.version_ = kVersion;
  for (auto& [pair, id] : class_of) {
    id = static_cast<int>(tagger.upos_.size());
    tagger.upos_.push_back(pair.first);
    tagger.xpos_.push_back(pair.second);
  }
  tagger.lemmatizer_ = Lemmatizer::Train(train);
  // Ambiguity classes: the sorted tag set of each frequent lowercased word;
  // and the fixed tags of frequent unambiguous words.
  std::map<std::string, std::map<int, int>> tag_counts;
  for (const auto& cs : train)
    for (const Token& t : cs.sentence.tokens) tag_counts[AsciiLower(t.form)][class_of[{t.upos, t.xpos}]]++;
  for (const auto& [word, counts] : tag_counts) {
    int total = 0, top = 0, top_class = 0;
    uint64_t h = HashString("amb");
    for (const auto& [tag, count] : counts) {
      total += count;
      if (count > top) {
        top = count;
        top_class = tag;
      }
      h = Combine(h, static_cast<uint64_t>(tag));
    }
    if (total >= kMinAmbiguityCount) tagger.ambiguity_[HashString(word)] = h;
    if (total >= kMinFixedCount && top >= kMinFixedShare * total) tagger.fixed_[HashString(word)] = static_cast<uint64_t>(top_class);
  }
  tagger.IndexWords();

  TrainData data;
  for (const auto& cs : train) {
    data.words.push_back(WordInfos(cs.sentence));
    data.ambs.emplace_back();
    data.fixed.emplace_back();
    tagger.LookUpWords(data.words.back(), &data.ambs.back(), &data.fixed.back());
    data.gold.emplace_back();
    for (const Token& t : cs.sentence.tokens) data.gold.back().push_back(class_of[{t.upos, t.xpos}]);
  }
  std::vector<size_t> all(train.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  auto report = [&](int epoch, const LinearModel& model) {
    if (!log) return;
    *log << "tagger epoch " << epoch;
    if (dev && (epoch == options.epochs || epoch % 2 == 0)) {
      tagger.model_ = model;
      *log << ", dev UPOS " << tagger.DevUpos(*dev);
    }
    *log << std::endl;
  };
  if (options.passes == 2) {
    tagger.first_ = tagger.TrainPass(data, all, false, options, nullptr);
    tagger.second_pass_margin_ = kSecondPassMargin;
    tagger.JackknifeFirstPass(&data, kFirstPassFolds, options, log);
    tagger.model_ = tagger.TrainPass(data, all, true, options, report);
  } else {
    tagger.model_ = tagger.TrainPass(data, all, false, options, report);
  }
  return tagger;
}

double Tagger::DevUpos(const std::vector<ConlluSentence>& dev) const {
  size_t ok = 0, all = 0;
  for (const auto& cs : dev) {
    Sentence s = cs.sentence;
    Tag(&s);
    for (size_t i = 0; i < s.tokens.size(); ++i) ok += s.tokens[i].upos == cs.sentence.tokens[i].upos;
    all += s.tokens.size();
  }
  return 100.0 * ok / std::max<size_t>(1, all);
}

std::string Tagger::ToBytes() const {
  BinaryWriter w;
  w.Raw(std::string_view(kMagic, 8));
  w.U32(version_);
  w.Strings(upos_);
  w.Strings(xpos_);
  lemmatizer_.Write(&w);
  WriteWordMap(ambiguity_, &w);
  WriteWordMap(fixed_, &w);
  if (version_ >= 5) w.VarU(two_pass() ? 2 : 1);
  if (two_pass()) {
    w.VarU(static_cast<uint64_t>(second_pass_margin_));
    first_.Write(&w);
  }
  model_.Write(&w);
  return w.bytes();
}

Result<Tagger> Tagger::FromBytes(std::string_view bytes, const std::string& name) {
  BinaryReader r(bytes);
  std::string_view magic;
  uint32_t version = 0;
  if (!r.Raw(8, &magic) || magic != std::string_view(kMagic, 8)) return Status::DataError({name, 0, 0, ""}, "not a dyad tagger model");
  if (!r.U32(&version) || (version != kVersion && version != kOldVersion)) {
    return Status::DataError({name, 0, 8, ""}, "unsupported tagger model version " + std::to_string(version));
  }
  Tagger t;
  t.version_ = version;
  uint64_t passes = 1;
  auto corrupt = [&] { return Status::DataError({name, 0, static_cast<int64_t>(r.pos()), ""}, "truncated or corrupt tagger model"); };
  if (!r.Strings(&t.upos_) || !r.Strings(&t.xpos_) || t.upos_.size() != t.xpos_.size() || t.upos_.empty() ||
      !t.lemmatizer_.Read(&r) || !ReadWordMap(&r, &t.ambiguity_) || !ReadWordMap(&r, &t.fixed_))
    return corrupt();
  if (version >= 5 && (!r.VarU(&passes) || passes < 1 || passes > 2)) return corrupt();
  uint64_t margin = 0;
  if (passes == 2 && (!r.VarU(&margin) || margin > INT32_MAX || !t.first_.Read(&r) || t.first_.num_classes() != t.num_classes()))
    return corrupt();
  t.second_pass_margin_ = static_cast<int32_t>(margin);
  if (!t.model_.Read(&r) || t.model_.num_classes() != t.num_classes() || !r.at_end()) return corrupt();
  for (const auto& [word, cls] : t.fixed_)
    if (cls >= static_cast<uint64_t>(t.num_classes())) return Status::DataError({name, 0, -1, ""}, "tagger model: fixed tag out of range");
  t.IndexWords();
  return t;
}

Result<Tagger> Tagger::Load(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

}  // namespace dyad::syntax
