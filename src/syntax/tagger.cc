#include "syntax/tagger.h"

#include <algorithm>
#include <map>
#include <set>
#include <ostream>

#include "syntax/hash.h"
#include "syntax/random.h"

namespace dyad::syntax {
namespace {

constexpr char kMagic[] = "DYADTAG";
constexpr uint32_t kVersion = 4;
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

std::vector<WordInfo> WordInfos(const Sentence& s) {
  std::vector<WordInfo> w;
  w.reserve(s.tokens.size());
  for (const Token& t : s.tokens) w.push_back(ComputeWordInfo(t.form));
  return w;
}

size_t TaggerFeatures(const std::vector<WordInfo>& words, const std::vector<uint64_t>& amb, size_t i, int prev1, int prev2,
                      uint32_t* keys) {
  long k = static_cast<long>(i);
  auto A = [&](long j) -> uint64_t { return j < 0 || j >= static_cast<long>(amb.size()) ? 0x626f756eULL : amb[j]; };
  const uint64_t a0 = A(k), a1 = A(k + 1), a2 = A(k + 2), am1 = A(k - 1);
  const WordInfo& w = words[i];
  const WordInfo &m1 = At(words, k - 1), &m2 = At(words, k - 2), &p1 = At(words, k + 1), &p2 = At(words, k + 2);
  uint64_t t1 = static_cast<uint64_t>(prev1 + 2), t2 = static_cast<uint64_t>(prev2 + 2);
  size_t n = 0;
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) { keys[n++] = FeatureKey(templ, a, b, c); };
  add(0, 0);
  add(1, w.form);
  add(2, w.lower);
  for (int s = 0; s < 5; ++s) add(3 + s, w.suffix[s]);
  for (int p = 0; p < 3; ++p) add(8 + p, w.prefix[p]);
  add(11, w.shape);
  add(12, w.flags, i == 0);
  add(13, t1);
  add(14, t2);
  add(15, t1, t2);
  add(16, t1, w.lower);
  add(17, m1.lower);
  add(18, m2.lower);
  add(19, p1.lower);
  add(20, p2.lower);
  add(21, m1.suffix[2]);
  add(22, p1.suffix[2]);
  add(23, p2.suffix[2]);
  add(24, m1.lower, w.lower);
  add(25, w.lower, p1.lower);
  add(26, t1, p1.lower);
  add(27, m1.shape);
  add(28, p1.shape);
  add(29, p1.suffix[1]);
  add(30, m1.suffix[1]);
  add(31, w.suffix[2], p1.lower);
  add(32, t1, w.suffix[2]);
  add(33, m2.lower, m1.lower, w.lower);
  add(34, w.shape, p1.shape);
  add(35, p1.lower, p2.lower);
  add(36, a0);
  add(37, a0, a1);
  add(38, a1);
  add(39, a1, a2);
  add(40, t1, a0, a1);
  add(41, a0, w.suffix[2]);
  add(42, am1, a0);
  add(43, a0, p1.lower);
  return n;
}

void Tagger::AmbiguityClasses(const std::vector<WordInfo>& words, std::vector<uint64_t>* amb) const {
  amb->clear();
  for (const WordInfo& w : words) {
    auto it = ambiguity_.find(w.lower);
    amb->push_back(it == ambiguity_.end() ? 0 : it->second);
  }
}

void Tagger::Predict(const std::vector<WordInfo>& words, std::vector<int>* classes) const {
  thread_local std::vector<uint64_t> amb;
  AmbiguityClasses(words, &amb);
  classes->assign(words.size(), 0);
  thread_local std::vector<int32_t> scores;
  scores.resize(upos_.size());
  uint32_t keys[kMaxTaggerFeatures];
  for (size_t i = 0; i < words.size(); ++i) {
    int prev1 = i >= 1 ? (*classes)[i - 1] : -1, prev2 = i >= 2 ? (*classes)[i - 2] : -1;
    if (auto it = fixed_.find(words[i].lower); it != fixed_.end()) {
      (*classes)[i] = static_cast<int>(it->second);
      continue;
    }
    size_t n = TaggerFeatures(words, amb, i, prev1, prev2, keys);
    std::fill(scores.begin(), scores.end(), 0);
    model_.AddScores(keys, n, scores.data());
    (*classes)[i] = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  }
}

void Tagger::Tag(Sentence* s) const {
  std::vector<int> classes;
  Predict(WordInfos(*s), &classes);
  for (size_t i = 0; i < s->tokens.size(); ++i) {
    Token& t = s->tokens[i];
    t.upos = upos_[classes[i]];
    t.xpos = xpos_[classes[i]];
    t.lemma = lemmatizer_.Lemmatize(t.form, t.xpos);
  }
}

Tagger Tagger::Train(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>* dev,
                     const TaggerOptions& options, std::ostream* log) {
  // Classes: every UPOS/XPOS pair in the training data, in sorted order.
  std::map<std::pair<std::string, std::string>, int> class_of;
  for (const auto& cs : train)
    for (const Token& t : cs.sentence.tokens) class_of[{t.upos, t.xpos}] = 0;
  Tagger tagger;
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

  std::vector<std::vector<WordInfo>> words;
  std::vector<std::vector<uint64_t>> ambs;
  std::vector<std::vector<int>> gold;
  for (const auto& cs : train) {
    words.push_back(WordInfos(cs.sentence));
    ambs.emplace_back();
    tagger.AmbiguityClasses(words.back(), &ambs.back());
    gold.emplace_back();
    for (const Token& t : cs.sentence.tokens) gold.back().push_back(class_of[{t.upos, t.xpos}]);
  }
  PerceptronTrainer trainer(tagger.num_classes());
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng rng(options.seed);
  std::vector<float> scores(tagger.num_classes());
  uint32_t keys[kMaxTaggerFeatures];
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.Shuffle(&order);
    size_t correct = 0, total = 0;
    for (size_t si : order) {
      const auto& w = words[si];
      std::vector<int> pred(w.size());
      for (size_t i = 0; i < w.size(); ++i) {
        int prev1 = i >= 1 ? pred[i - 1] : -1, prev2 = i >= 2 ? pred[i - 2] : -1;
        if (auto it = tagger.fixed_.find(w[i].lower); it != tagger.fixed_.end()) {
          pred[i] = static_cast<int>(it->second);
          correct += pred[i] == gold[si][i];
          ++total;
          continue;
        }
        size_t n = TaggerFeatures(w, ambs[si], i, prev1, prev2, keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.AddScores(keys, n, scores.data());
        int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        trainer.Update(keys, n, gold[si][i], guess);
        trainer.Tick();
        pred[i] = guess;
        correct += guess == gold[si][i];
        ++total;
      }
    }
    if (log) {
      *log << "tagger epoch " << epoch << ": train acc " << 100.0 * correct / std::max<size_t>(1, total);
      if (dev && (epoch == options.epochs || epoch % 2 == 0)) {
        tagger.model_ = trainer.Averaged(options.min_quanta);
        size_t ok = 0, all = 0;
        for (const auto& cs : *dev) {
          Sentence s = cs.sentence;
          tagger.Tag(&s);
          for (size_t i = 0; i < s.tokens.size(); ++i) {
            ok += s.tokens[i].upos == cs.sentence.tokens[i].upos;
            ++all;
          }
        }
        *log << ", dev UPOS " << 100.0 * ok / std::max<size_t>(1, all);
      }
      *log << ", features " << trainer.num_features() << std::endl;
    }
  }
  tagger.model_ = trainer.Averaged(options.min_quanta);
  return tagger;
}

std::string Tagger::ToBytes() const {
  BinaryWriter w;
  w.Raw(std::string_view(kMagic, 8));
  w.U32(kVersion);
  w.Strings(upos_);
  w.Strings(xpos_);
  lemmatizer_.Write(&w);
  WriteWordMap(ambiguity_, &w);
  WriteWordMap(fixed_, &w);
  model_.Write(&w);
  return w.bytes();
}

Result<Tagger> Tagger::FromBytes(std::string_view bytes, const std::string& name) {
  BinaryReader r(bytes);
  std::string_view magic;
  uint32_t version = 0;
  if (!r.Raw(8, &magic) || magic != std::string_view(kMagic, 8)) return Status::DataError({name, 0, 0, ""}, "not a dyad tagger model");
  if (!r.U32(&version) || version != kVersion) {
    return Status::DataError({name, 0, 8, ""}, "unsupported tagger model version " + std::to_string(version));
  }
  Tagger t;
  if (!r.Strings(&t.upos_) || !r.Strings(&t.xpos_) || t.upos_.size() != t.xpos_.size() || t.upos_.empty() ||
      !t.lemmatizer_.Read(&r) || !ReadWordMap(&r, &t.ambiguity_) || !ReadWordMap(&r, &t.fixed_) || !t.model_.Read(&r) || t.model_.num_classes() != t.num_classes() || !r.at_end()) {
    return Status::DataError({name, 0, static_cast<int64_t>(r.pos()), ""}, "truncated or corrupt tagger model");
  }
  for (const auto& [word, cls] : t.fixed_)
    if (cls >= static_cast<uint64_t>(t.num_classes())) return Status::DataError({name, 0, -1, ""}, "tagger model: fixed tag out of range");
  return t;
}

Result<Tagger> Tagger::Load(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

}  // namespace dyad::syntax
