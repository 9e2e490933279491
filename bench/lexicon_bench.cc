// Actor matching throughput on one core: the token-trie NameMatcher, and the
// whole lexicon stage (matching, composition, resolution), over the sentences
// of ../shared/articles/dev. The dictionary is the bundled one plus generated
// person entries up to at least 50,000 entries, so lookups run against a
// dictionary of realistic size.
//
//   build/bench/lexicon_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>

#include "dyad/resources.h"
#include "lexicon/recognizer.h"
#include "text/reader.h"
#include "text/text_stage.h"

namespace {

constexpr size_t kMinEntries = 50000;


struct Corpus {
  dyad::text::TextResources text;
  dyad::lexicon::LexiconResources lexicon;
  std::vector<dyad::Document> docs;
  size_t bytes = 0, sentences = 0;
};

// Deterministic made-up names: syllables combined, so no entry is a real word.
std::string MadeUpName(size_t i) {
  static const char* kSyl[] = {"ka", "lo", "mir", "ven", "tra", "so", "dul", "mek", "ran", "zo", "pe", "quil"};
  std::string first, last;
  size_t x = i * 2654435761u;
  for (int k = 0; k < 3; ++k, x /= 12) first += kSyl[x % 12];
  for (int k = 0; k < 4; ++k, x /= 12) last += kSyl[x % 12];
  first[0] = static_cast<char>(first[0] - 32);
  last[0] = static_cast<char>(last[0] - 32);
  return first + " " + last + " " + std::to_string(i);
}

const Corpus& Load() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    c->text = *dyad::text::TextResources::Load(dyad::DataDir());
    auto dict = *dyad::lexicon::LoadBundledActorDictionary(dyad::DataDir());
    for (size_t i = 0; dict.entries.size() < kMinEntries; ++i) {
      dyad::lexicon::ActorEntry e;
      e.kind = dyad::lexicon::EntryKind::kPerson;
      e.name = MadeUpName(i);
      e.codes.push_back({"XXXGOV", {}, 0});
      dict.entries.push_back(std::move(e));
    }
    dict.BuildIndex();
    c->lexicon = dyad::lexicon::LexiconResources::Build(std::move(dict), c->text.abbreviations,
                                                        c->text.clean.glue.function_words);
    std::filesystem::path dev = std::filesystem::path(DYAD_SHARED_DIR) / "articles" / "dev";
    if (std::filesystem::exists(dev)) {
      dyad::text::ReadInputs({dev.string()}, {}, [&](dyad::Document&& d) {
        if (!dyad::text::ProcessText(&d, c->text).ok()) return;
        for (const auto& s : d.sentences) c->bytes += s.text.size();
        c->sentences += d.sentences.size();
        c->docs.push_back(std::move(d));
      }, [](const dyad::Status&) {});
    }
    return c;
  }();
  return *corpus;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

void Report(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(static_cast<int64_t>(c.bytes * state.iterations()));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(c.sentences * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["entries"] = static_cast<double>(c.lexicon.dictionary.entries.size());
  state.counters["patterns"] = static_cast<double>(c.lexicon.matcher.patterns());
  state.counters["peak_rss_MB"] = PeakRssMb();
}

void BM_NameMatcher(benchmark::State& state) {
  const Corpus& c = Load();
  if (c.docs.empty()) return state.SkipWithError("../shared/articles/dev not present");
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& d : c.docs)
    for (const auto& s : d.sentences) {
      sentences.emplace_back();
      for (const auto& t : s.tokens) sentences.back().push_back(t.form);
    }
  for (auto _ : state)
    for (const auto& forms : sentences) benchmark::DoNotOptimize(c.lexicon.matcher.Match(forms));
  Report(state, c);
}
BENCHMARK(BM_NameMatcher)->Unit(benchmark::kMillisecond);

void BM_LexiconStage(benchmark::State& state) {
  const Corpus& c = Load();
  if (c.docs.empty()) return state.SkipWithError("../shared/articles/dev not present");
  std::vector<dyad::Document> docs = c.docs;
  for (auto _ : state)
    for (auto& d : docs) dyad::lexicon::RecognizeActors(&d, c.lexicon);
  Report(state, c);
}
BENCHMARK(BM_LexiconStage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
