// Throughput of the text stage (read + clean + segment + tokenize) on one core,
// on a corpus built by repeating ../shared/articles/dev. Reports MB/s,
// sentences/s, articles/s and the process's peak memory (max RSS).
//
//   build/bench/text_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>

#include "dyad/resources.h"
#include "text/reader.h"
#include "text/text_stage.h"

namespace {
namespace fs = std::filesystem;

constexpr int kRepeats = 30;  // 33 dev articles x 30 = ~1,000 articles

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

// The dev articles written kRepeats times into a temporary directory.
const fs::path& CorpusDir() {
  static const fs::path dir = [] {
    fs::path src = fs::path(DYAD_SHARED_DIR) / "articles" / "dev";
    fs::path out = fs::temp_directory_path() / "dyad_text_bench_corpus";
    fs::remove_all(out);
    fs::create_directories(out);
    if (!fs::exists(src)) return out;
    for (const auto& e : fs::directory_iterator(src)) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      for (int r = 0; r < kRepeats; ++r) {
        std::ofstream(out / (e.path().stem().string() + "-" + std::to_string(r) + ".txt"), std::ios::binary) << bytes;
      }
    }
    return out;
  }();
  return dir;
}

void BM_ReadCleanSegment(benchmark::State& state) {
  if (fs::is_empty(CorpusDir())) {
    state.SkipWithError("../shared/articles/dev not present");
    return;
  }
  static const dyad::text::TextResources res = *dyad::text::TextResources::Load(dyad::DataDir());
  size_t bytes = 0, sentences = 0, articles = 0;
  for (auto _ : state) {
    dyad::text::ReadInputs(
        {CorpusDir().string()}, {},
        [&](dyad::Document&& doc) {
          bytes += doc.raw.size();
          if (dyad::text::ProcessText(&doc, res).ok()) sentences += doc.sentences.size();
          ++articles;
          benchmark::DoNotOptimize(doc.sentences.data());
        },
        [](const dyad::Status&) {});
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(articles), benchmark::Counter::kIsRate);
  state.counters["articles"] = static_cast<double>(articles) / state.iterations();
  state.counters["peak_rss_MB"] = PeakRssMb();
}
BENCHMARK(BM_ReadCleanSegment)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
