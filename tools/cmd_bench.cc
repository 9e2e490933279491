// dyad bench: the whole pipeline, raw article to stored events, on one thread.
//
// The corpus is a directory's articles (default ../shared/articles/dev)
// repeated until there are at least --articles N (default 10,000); copies get
// "#k" appended to their id so that each is processed and stored anew. The
// directory is read once before the clock starts; timed are, per article,
// Pipeline::Process (text, syntax, lexicon, coding), the content hash and
// Store::Put into a fresh SQLite file, committed in batches as by ingest
// (--batch 1: one transaction per article), and the final Flush. It also prints
// the CPU time of each stage (Pipeline::StageTimes, and the hash and store).
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <vector>

#include "cli.h"
#include "dyad/pipeline.h"
#include "dyad/resources.h"
#include "dyad/store.h"
#include "text/reader.h"

namespace {

namespace fs = std::filesystem;

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// One line per stage: its CPU seconds and share of the timed CPU time.
void PrintStages(const dyad::Pipeline::StageTimes& t, double store, double cpu) {
  const std::pair<const char*, double> stages[] = {{"text", t.text},       {"syntax", t.syntax},
                                                   {"lexicon", t.lexicon}, {"quotes", t.quotes},
                                                   {"coding", t.coding},   {"hash+store", store}};
  for (const auto& [name, seconds] : stages)
    std::printf("  %-13s %6.2f s CPU (%4.1f %%)\n", name, seconds, cpu > 0 ? 100.0 * seconds / cpu : 0.0);
}

double PeakMegabytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

void RemoveDatabase(const std::string& path) {
  std::error_code ec;
  for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path + ext, ec);
}

int RunBench(const std::vector<std::string>& args) {
  dyad::cli::Options opts("bench", "[--articles N] [--repeat-from DIR] [--db FILE]",
                          "Runs the whole pipeline, raw article to stored events, on one thread, over a corpus\n"
                          "made by repeating the articles of DIR until there are at least N, and prints\n"
                          "articles/s and sentences/s (one core: wall clock and CPU time), the totals of\n"
                          "sentences, events, quotes and mentions, and the peak memory (ru_maxrss).\n"
                          "The store is a temporary file removed at the end, unless --db names one (which must\n"
                          "not exist yet, and is kept).");
  opts.Value("articles", "N", "at least this many articles", "10000")
      .Value("batch", "N", "documents per store transaction", std::to_string(dyad::Store::kBulk.documents))
      .Value("repeat-from", "DIR", "the articles to repeat", "../shared/articles/dev")
      .Value("db", "FILE", "the store to write (kept); default: a temporary file")
      .Value("date", "YYYY-MM-DD", "publication date for articles whose metadata has none")
      .Value("data", "DIR", "resource directory (default: built-in data/)");
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  long long wanted = 0;
  try {
    wanted = std::stoll(opts.Get("articles"));
  } catch (...) {
    wanted = -1;
  }
  dyad::Store::Batching batching = dyad::Store::kBulk;
  try {
    batching.documents = std::stoi(opts.Get("batch"));
  } catch (...) {
    batching.documents = -1;
  }
  if (wanted <= 0 || batching.documents <= 0 || !opts.positional().empty()) {
    std::cerr << "dyad bench: --articles and --batch must be positive numbers, and there are no other words\n"
              << opts.Help();
    return 2;
  }
  dyad::text::ReadOptions read;
  if (opts.Has("date") && !(read.default_date = dyad::Date::Parse(opts.Get("date")))) {
    std::cerr << "dyad bench: --date must be YYYY-MM-DD\n";
    return 2;
  }
  if (opts.Has("data")) dyad::SetDataDir(opts.Get("data"));
  const std::string dir = opts.Get("repeat-from");
  std::string db_path = opts.Get("db");
  const bool keep = !db_path.empty();
  if (keep && fs::exists(db_path)) {
    std::cerr << "dyad bench: " << db_path << " exists; --db must name a new file\n";
    return 2;
  }
  if (!keep) db_path = (fs::temp_directory_path() / ("dyad_bench_" + std::to_string(::getpid()) + ".db")).string();

  std::vector<dyad::Document> originals;
  int read_errors = 0;
  dyad::text::ReadInputs(
      {dir}, read, [&](dyad::Document&& doc) { originals.push_back(std::move(doc)); },
      [&](const dyad::Status& s) {
        std::cerr << "dyad bench: error: " << s.ToString() << "\n";
        ++read_errors;
      });
  if (originals.empty()) {
    std::cerr << "dyad bench: no articles in " << dir << "\n";
    return 1;
  }
  size_t corpus_bytes = 0;
  for (const auto& d : originals) corpus_bytes += d.raw.size();

  auto pipeline = dyad::Pipeline::Create({});
  if (!pipeline.ok()) {
    std::cerr << "dyad bench: " << pipeline.status().ToString() << "\n";
    return 1;
  }
  auto store = dyad::Store::Open(db_path, dyad::Store::Mode::kReadWrite, batching);
  if (!store.ok()) {
    std::cerr << "dyad bench: " << store.status().ToString() << "\n";
    return 1;
  }
  std::cerr << "dyad bench: " << originals.size() << " articles (" << corpus_bytes << " bytes) from " << dir
            << ", repeated to " << wanted << "; pipeline " << (*pipeline)->version() << "; store " << db_path
            << " (" << batching.documents << " documents a transaction)\n";

  long long articles = 0, sentences = 0, events = 0, quotes = 0, mentions = 0, errors = 0;
  size_t bytes = 0;
  dyad::Pipeline::StageTimes stage_times;
  double store_seconds = 0;
  const double cpu0 = CpuSeconds();
  const auto t0 = std::chrono::steady_clock::now();
  for (long long round = 0; articles < wanted; ++round) {
    for (const dyad::Document& original : originals) {
      if (articles >= wanted) break;
      dyad::Document doc;
      doc.id = round ? original.id + "#" + std::to_string(round) : original.id;
      doc.source = original.source;
      doc.url = original.url;
      doc.title = original.title;
      doc.date = original.date;
      doc.approximate_date = original.approximate_date;
      doc.raw = original.raw;
      doc.clean = original.clean;  // set by the reader for HTML only
      doc.map = original.map;
      ++articles;
      bytes += doc.raw.size();
      if (dyad::Status s = (*pipeline)->Process(&doc, &stage_times); !s.ok()) {
        if (round == 0) std::cerr << "dyad bench: error: " << s.ToString() << "\n";
        ++errors;
        continue;
      }
      const double store0 = ThreadCpuSeconds();
      auto put = (*store)->Put(doc, dyad::Store::ContentHash(doc, (*pipeline)->version()));
      store_seconds += ThreadCpuSeconds() - store0;
      if (!put.ok()) {
        std::cerr << "dyad bench: error: " << put.status().ToString() << "\n";
        ++errors;
        continue;
      }
      sentences += static_cast<long long>(doc.sentences.size());
      events += static_cast<long long>(doc.events.size());
      quotes += static_cast<long long>(doc.quotes.size());
      mentions += static_cast<long long>(doc.mentions.size());
      if (articles % 1000 == 0) std::cerr << "dyad bench: " << articles << " articles\n";
    }
  }
  const double flush0 = ThreadCpuSeconds();
  if (dyad::Status s = (*store)->Flush(); !s.ok()) {
    std::cerr << "dyad bench: error: " << s.ToString() << "\n";
    ++errors;
  }
  store_seconds += ThreadCpuSeconds() - flush0;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = CpuSeconds() - cpu0;
  store->reset();
  double db_mb = 0;
  std::error_code ec;
  if (auto size = fs::file_size(db_path, ec); !ec) db_mb = static_cast<double>(size) / (1024.0 * 1024.0);
  if (!keep) RemoveDatabase(db_path);

  std::printf("single-threaded (one core): raw article -> text, syntax, lexicon, coding -> SQLite store\n");
  std::printf("articles        %lld (%zu distinct, %.1f MB of raw text), %lld failed\n", articles,
              originals.size(), static_cast<double>(bytes) / 1e6, errors);
  std::printf("sentences       %lld\n", sentences);
  std::printf("events          %lld\n", events);
  std::printf("quotes          %lld\n", quotes);
  std::printf("mentions        %lld\n", mentions);
  std::printf("wall time       %.1f s\n", wall);
  std::printf("CPU time        %.1f s, by stage:\n", cpu);
  PrintStages(stage_times, store_seconds, cpu);
  std::printf("articles/s      %.1f (wall), %.1f (CPU)\n", articles / wall, articles / cpu);
  std::printf("sentences/s     %.0f (wall), %.0f (CPU)\n", sentences / wall, sentences / cpu);
  std::printf("MB/s            %.2f (wall)\n", static_cast<double>(bytes) / 1e6 / wall);
  std::printf("peak memory     %.0f MB (ru_maxrss)\n", PeakMegabytes());
  std::printf("store           %.1f MB%s\n", db_mb, keep ? (" in " + db_path).c_str() : " (temporary, removed)");
  return errors || read_errors ? 1 : 0;
}

}  // namespace

DYAD_COMMAND("bench", "time the whole pipeline, raw article to stored events, on one core", RunBench);
