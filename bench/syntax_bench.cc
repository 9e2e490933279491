// Syntax stage throughput on the UD English-EWT dev and test sentences:
// tagging alone, parsing alone (gold tags; also at beam widths 1, 2, 4, 8)
// and the full tag+lemma+parse of Annotator::Annotate, one thread. Reports sentences/s ("items_per_second")
// and the process's peak resident memory (getrusage ru_maxrss, in MB).
//
//   build-syntax/bench/syntax_bench --benchmark_min_time=2
//
// Models come from DYAD_MODELS or the source tree's models/; the treebank
// from ../shared/ud/en_ewt (skipped with a message when absent).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>
#include <iostream>

#include "dyad/resources.h"
#include "syntax/annotator.h"
#include "syntax/conllu.h"

namespace {

using namespace dyad::syntax;

const Annotator* Models() {
  static const Annotator* a = [] () -> const Annotator* {
    auto r = Annotator::Load(dyad::ModelsDir());
    if (!r.ok()) {
      std::cerr << "syntax_bench: " << r.status().ToString() << "\n";
      return nullptr;
    }
    return new Annotator(std::move(r).value());
  }();
  return a;
}

const std::vector<ConlluSentence>* Treebank(const std::string& split) {
  static std::map<std::string, std::vector<ConlluSentence>> cache;
  auto it = cache.find(split);
  if (it == cache.end()) {
    std::string path = std::string(DYAD_SHARED_DIR) + "/ud/en_ewt/en_ewt-ud-" + split + ".conllu";
    auto r = ReadConlluFile(path);
    if (!r.ok()) return nullptr;
    it = cache.emplace(split, std::move(r).value()).first;
  }
  return &it->second;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KB on Linux
}

enum class Work { kTag, kParse, kAnnotate };

void Run(benchmark::State& state, const std::string& split, Work work) {
  const Annotator* models = Models();
  const auto* sentences = Treebank(split);
  if (!models || !sentences) {
    state.SkipWithError("models or ../shared/ud/en_ewt not found");
    return;
  }
  std::vector<ConlluSentence> copy = *sentences;
  size_t words = 0, done = 0;
  for (auto _ : state) {
    for (auto& cs : copy) {
      switch (work) {
        case Work::kTag: models->Tag(cs.sentence); break;
        case Work::kParse: models->parser().Parse(&cs.sentence); break;
        case Work::kAnnotate: models->Annotate(cs.sentence); break;
      }
      words += cs.sentence.tokens.size();
    }
    done += copy.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(done));
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MB"] = PeakRssMb();
}

// Parsing alone (gold tags) at beam width state.range(0), whatever width the
// model was trained with: the cost of each width.
void BM_ParseOnly_Test_Width(benchmark::State& state) {
  const Annotator* models = Models();
  const auto* sentences = Treebank("test");
  if (!models || !sentences) {
    state.SkipWithError("models or ../shared/ud/en_ewt not found");
    return;
  }
  Parser parser = models->parser();
  parser.set_beam_width(static_cast<int>(state.range(0)));
  std::vector<ConlluSentence> copy = *sentences;
  size_t done = 0;
  for (auto _ : state) {
    for (auto& cs : copy) parser.Parse(&cs.sentence);
    done += copy.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(done));
  state.counters["peak_rss_MB"] = PeakRssMb();
}

// Annotate over batches of `state.range(0)` sentences (the pipeline passes
// a document's sentences, about 40 in news), against one at a time above.
void BM_TagParseBatched_Test(benchmark::State& state) {
  const Annotator* models = Models();
  const auto* sentences = Treebank("test");
  if (!models || !sentences) {
    state.SkipWithError("models or ../shared/ud/en_ewt not found");
    return;
  }
  std::vector<dyad::Sentence> copy;
  for (const auto& cs : *sentences) copy.push_back(cs.sentence);
  const size_t batch = static_cast<size_t>(state.range(0));
  size_t done = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < copy.size(); i += batch)
      models->Annotate(std::span<dyad::Sentence>(copy).subspan(i, std::min(batch, copy.size() - i)));
    done += copy.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(done));
  state.counters["peak_rss_MB"] = PeakRssMb();
}
BENCHMARK(BM_TagParseBatched_Test)->Arg(1)->Arg(8)->Arg(40)->Arg(256)->Unit(benchmark::kMillisecond);

// The tagger alone over batches of `state.range(0)` sentences, as
// Annotate runs it (Tagger::Predict over a batch).
void BM_TagBatched_Test(benchmark::State& state) {
  const Annotator* models = Models();
  const auto* sentences = Treebank("test");
  if (!models || !sentences) {
    state.SkipWithError("models or ../shared/ud/en_ewt not found");
    return;
  }
  std::vector<std::vector<dyad::syntax::WordInfo>> words;
  for (const auto& cs : *sentences) words.push_back(dyad::syntax::WordInfos(cs.sentence));
  std::vector<std::vector<int>> classes(words.size());
  const size_t batch = static_cast<size_t>(state.range(0));
  size_t done = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < words.size(); i += batch)
      models->tagger().Predict(&words[i], &classes[i], std::min(batch, words.size() - i));
    done += words.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(done));
}
BENCHMARK(BM_TagBatched_Test)->Arg(1)->Arg(256)->Unit(benchmark::kMillisecond);

void BM_TagParse_Dev(benchmark::State& s) { Run(s, "dev", Work::kAnnotate); }
void BM_TagParse_Test(benchmark::State& s) { Run(s, "test", Work::kAnnotate); }
void BM_TagOnly_Test(benchmark::State& s) { Run(s, "test", Work::kTag); }
void BM_ParseOnly_Test(benchmark::State& s) { Run(s, "test", Work::kParse); }
BENCHMARK(BM_TagParse_Dev)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagParse_Test)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagOnly_Test)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseOnly_Test)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseOnly_Test_Width)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
