#include "syntax/tagger.h"

#include <algorithm>
#include <map>
#include <ostream>

#include "syntax/hash.h"
#include "syntax/random.h"

namespace dyad::syntax {
namespace {

constexpr char kMagic[] = "DYADTAG";
constexpr uint32_t kVersion = 1;

const WordInfo& At(const std::vector<WordInfo>& w, long i) {
  return i < 0 || i >= static_cast<long>(w.size()) ? BoundaryWord() : w[i];
}

}  // namespace

std::vector<WordInfo> WordInfos(const Sentence& s) {
  std::vector<WordInfo> w;
  w.reserve(s.tokens.size());
  for (const Token& t : s.tokens) w.push_back(ComputeWordInfo(t.form));
  return w;
}

size_t TaggerFeatures(const std::vector<WordInfo>& words, size_t i, int prev1, int prev2, uint32_t* keys) {
  long k = static_cast<long>(i);
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
  return n;
}

void Tagger::Predict(const std::vector<WordInfo>& words, std::vector<int>* classes) const {
  classes->assign(words.size(), 0);
  thread_local std::vector<int32_t> scores;
  scores.resize(upos_.size());
  uint32_t keys[kMaxTaggerFeatures];
  for (size_t i = 0; i < words.size(); ++i) {
    int prev1 = i >= 1 ? (*classes)[i - 1] : -1, prev2 = i >= 2 ? (*classes)[i - 2] : -1;
    size_t n = TaggerFeatures(words, i, prev1, prev2, keys);
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

  std::vector<std::vector<WordInfo>> words;
  std::vector<std::vector<int>> gold;
  for (const auto& cs : train) {
    words.push_back(WordInfos(cs.sentence));
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
        size_t n = TaggerFeatures(w, i, prev1, prev2, keys);
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
      !t.lemmatizer_.Read(&r) || !t.model_.Read(&r) || t.model_.num_classes() != t.num_classes() || !r.at_end()) {
    return Status::DataError({name, 0, static_cast<int64_t>(r.pos()), ""}, "truncated or corrupt tagger model");
  }
  return t;
}

Result<Tagger> Tagger::Load(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(*bytes, path);
}

}  // namespace dyad::syntax
