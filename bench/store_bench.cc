// Store::Put alone: the ../shared/articles/dev articles, processed once by
// the whole pipeline, put again and again (each copy under a new id) into a
// fresh store, one benchmark per batch size (documents a transaction).
// Reports documents/s and token rows/s; the pipeline is not timed, so the
// store's share of `dyad bench` can be tuned without its noise.
//
//   build/bench/store_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "dyad/pipeline.h"
#include "dyad/store.h"
#include "text/reader.h"

namespace {
namespace fs = std::filesystem;

constexpr int kCopies = 10;  // 33 dev articles x 10 per iteration

struct Corpus {
  std::vector<dyad::Document> docs;
  std::string version;
  size_t tokens = 0;
};

const Corpus& ProcessedDev() {
  static const Corpus corpus = [] {
    Corpus c;
    auto pipeline = dyad::Pipeline::Create({});
    if (!pipeline.ok()) return c;
    c.version = (*pipeline)->version();
    dyad::text::ReadInputs(
        {(fs::path(DYAD_SHARED_DIR) / "articles" / "dev").string()}, {},
        [&](dyad::Document&& doc) {
          if ((*pipeline)->Process(&doc).ok()) c.docs.push_back(std::move(doc));
        },
        [](const dyad::Status&) {});
    for (const auto& d : c.docs)
      for (const auto& s : d.sentences) c.tokens += s.tokens.size();
    return c;
  }();
  return corpus;
}

void RemoveStore(const std::string& path) {
  for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path + ext);
}

void BM_Put(benchmark::State& state) {
  const Corpus& corpus = ProcessedDev();
  if (corpus.docs.empty()) {
    state.SkipWithError("no processed articles (../shared/articles/dev or the models missing)");
    return;
  }
  const std::string path = (fs::temp_directory_path() / ("dyad_store_bench_" + std::to_string(::getpid()) + ".db")).string();
  dyad::Store::Batching batching;
  batching.documents = static_cast<int>(state.range(0));
  std::vector<dyad::Document> docs = corpus.docs;  // their ids change per copy
  int64_t documents = 0;
  for (auto _ : state) {
    state.PauseTiming();
    RemoveStore(path);
    auto store = dyad::Store::Open(path, dyad::Store::Mode::kReadWrite, batching);
    state.ResumeTiming();
    if (!store.ok()) {
      state.SkipWithError(store.status().ToString().c_str());
      break;
    }
    for (int copy = 0; copy < kCopies; ++copy) {
      for (size_t i = 0; i < docs.size(); ++i) {
        dyad::Document& doc = docs[i];
        doc.id = corpus.docs[i].id + "#" + std::to_string(copy);
        if (!(*store)->Put(doc, dyad::Store::ContentHash(doc, corpus.version)).ok()) state.SkipWithError("Put failed");
      }
    }
    if (!(*store)->Flush().ok()) state.SkipWithError("Flush failed");
    documents += static_cast<int64_t>(corpus.docs.size()) * kCopies;
  }
  RemoveStore(path);
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(documents), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(documents) / static_cast<double>(corpus.docs.size()) * static_cast<double>(corpus.tokens),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Put)->Arg(1)->Arg(16)->Arg(64)->Arg(256)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
