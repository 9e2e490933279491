// dyad ingest PATH... --db FILE: read, clean, segment (and parse) articles
// into the SQLite store, committed in batches (Store::kBulk).
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <map>

#include "cli.h"
#include "pipeline_cli.h"
#include "dyad/pipeline.h"
#include "dyad/store.h"
#include "text/reader.h"

namespace {

struct Tally {
  int added = 0, replaced = 0, unchanged = 0, errors = 0;
  size_t sentences = 0, tokens = 0, bytes = 0;
  std::map<std::string, int> drops;

  int documents() const { return added + replaced + unchanged; }
};

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  void Update(size_t file, size_t files, const Tally& t) {
    if (!enabled_) return;
    constexpr int kWidth = 30;
    int filled = files ? static_cast<int>(kWidth * file / files) : kWidth;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu files, %d documents, %.1f MB", std::string(filled, '#').c_str(),
                 std::string(kWidth - filled, '.').c_str(), file, files, t.documents(), t.bytes / 1e6);
    std::fflush(stderr);
  }
  void Clear() {
    if (enabled_) std::fprintf(stderr, "\r%80s\r", "");
  }

 private:
  bool enabled_;
};

std::string Summary(const Tally& t) {
  std::string s = std::to_string(t.documents()) + " documents (" + std::to_string(t.added) + " added, " +
                  std::to_string(t.replaced) + " replaced, " + std::to_string(t.unchanged) + " unchanged), " +
                  std::to_string(t.sentences) + " sentences, " + std::to_string(t.tokens) + " tokens; dropped lines: ";
  int total = 0;
  std::string reasons;
  for (const auto& [reason, n] : t.drops) {
    total += n;
    reasons += (reasons.empty() ? "" : ", ") + reason + " " + std::to_string(n);
  }
  s += std::to_string(total) + (reasons.empty() ? "" : " (" + reasons + ")");
  s += "; " + std::to_string(t.errors) + (t.errors == 1 ? " error" : " errors");
  return s;
}

int RunIngest(const std::vector<std::string>& args) {
  dyad::cli::Options opts("ingest", "PATH... --db FILE [options]",
                          "Reads articles (.txt with an optional .json metadata file beside it, .jsonl, .html, or\n"
                          "directories of them), cleans and segments them, and stores documents, sentences and\n"
                          "tokens in the SQLite database. Re-ingesting an unchanged document does nothing; each\n"
                          "document is stored whole or not at all (documents are committed in batches of up to 64,\n"
                          "at least once a second), so an interrupted run can simply be rerun.");
  opts.Value("db", "FILE", "the SQLite database to write (created if missing)")
      .Value("max-bytes", "N", "largest document accepted, in bytes", "16777216")
      .Flag("quiet", "no progress bar");
  dyad::cli::AddPipelineOptions(&opts);
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  if (opts.positional().empty() || opts.Get("db").empty()) {
    std::cerr << "dyad ingest: needs at least one PATH and --db FILE\n" << opts.Help();
    return 2;
  }
  dyad::text::ReadOptions read;
  read.max_document_bytes = std::stoull(opts.Get("max-bytes"));
  auto pipeline = dyad::cli::SetUpPipeline(opts, &read, &code);
  if (!pipeline) return code;
  auto store = dyad::Store::Open(opts.Get("db"), dyad::Store::Mode::kReadWrite, dyad::Store::kBulk);
  if (!store.ok()) {
    std::cerr << "dyad ingest: " << store.status().ToString() << "\n";
    return 1;
  }

  Tally tally;
  Progress progress(!opts.Has("quiet") && isatty(STDERR_FILENO));
  auto report = [&](const dyad::Status& s) {
    progress.Clear();
    std::cerr << "dyad ingest: error: " << s.ToString() << "\n";
    ++tally.errors;
  };
  auto ingest = [&](dyad::Document&& doc) {
    tally.bytes += doc.raw.size();
    std::string hash = dyad::Store::ContentHash(doc, pipeline->version());
    auto current = (*store)->IsCurrent(doc.id, hash);
    if (current.ok() && *current) {
      ++tally.unchanged;
      return;
    }
    if (dyad::Status s = pipeline->Process(&doc); !s.ok()) return report(s);
    auto outcome = (*store)->Put(doc, hash);
    if (!outcome.ok()) return report(outcome.status());
    (*outcome == dyad::Store::PutOutcome::kReplaced ? tally.replaced : tally.added) += 1;
    tally.sentences += doc.sentences.size();
    for (const auto& s : doc.sentences) tally.tokens += s.tokens.size();
    for (const auto& d : doc.drops) ++tally.drops[d.reason];
  };

  std::vector<std::string> files = dyad::text::ListInputFiles(opts.positional(), report);
  for (size_t i = 0; i < files.size(); ++i) {
    progress.Update(i, files.size(), tally);
    dyad::text::ReadInputs({files[i]}, read, ingest, report);
  }
  if (dyad::Status s = (*store)->Flush(); !s.ok()) report(s);
  progress.Update(files.size(), files.size(), tally);
  progress.Clear();
  std::cout << "ingested " << Summary(tally) << "\n";
  return tally.errors ? 1 : 0;
}

}  // namespace

DYAD_COMMAND("ingest", "read, clean, segment and store articles", RunIngest);
