// dyad eval --gold FILE [--system FILE.jsonl]: scores system records (from the file,
// or from dyad's own pipeline run on the gold documents) against a gold set and
// prints the report (docs/eval.md).
//
// The gold set is a dyad gold file (../shared/gold/FORMAT.md) or a peer's
// sentence-level set (UniversalPetrarch's PETR2_GSR_validation.jsonl, PLOVER's
// PLOVER_GSR_CAMEO.jsonl); --gold-format says which, else it is detected.
#include <iostream>

#include "base/strings.h"
#include "cli.h"
#include "dyad/pipeline.h"
#include "dyad/resources.h"
#include "eval/records.h"
#include "eval/report.h"
#include "eval/run_pipeline.h"
#include "eval/score.h"
#include "eval/sentence_gold.h"
#include "pipeline_cli.h"

namespace {

using dyad::Result;
using dyad::Status;
namespace eval = dyad::eval;

// The hook for running the coder over the gold documents when no --system
// file is given: loads the pipeline (with any extra actor dictionaries and
// verb files, printing what the verb files gave) and
// codes the gold set's documents, or its sentences, one document each
// (eval/run_pipeline.h). Documents the pipeline rejects are reported on
// stderr and produce no records.
Result<eval::SystemRecords> RunCoderOnGold(const std::string& gold_path, eval::GoldFormat format,
                                           const dyad::PipelineOptions& popts) {
  auto pipeline = dyad::Pipeline::Create(popts);
  if (!pipeline.ok()) return pipeline.status();
  dyad::cli::PrintLoadNotes("eval", **pipeline);
  std::vector<std::string> warnings;
  auto records = eval::RunPipelineOnGold(**pipeline, gold_path, format, &warnings);
  for (const std::string& w : warnings) std::cerr << "dyad eval: warning: " << w << "\n";
  if (records.ok()) {
    std::cerr << "dyad eval: coded " << gold_path << " with " << (*pipeline)->version() << ": "
              << records->events.size() << " events, " << records->quotes.size() << " quotes, "
              << records->mentions.size() << " mentions\n";
  }
  return records;
}

int Print(const nlohmann::ordered_json& json) {
  std::cout << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  return 0;
}

int RunEval(const std::vector<std::string>& args) {
  dyad::cli::Options opts("eval", "--gold FILE [--system FILE.jsonl] [--format text|json] [--misses]",
                          "Scores system events, quotes and actor mentions against a gold set: precision, recall\n"
                          "and F1 at the root, code and dyad levels, overall and per document, plus quotes, event\n"
                          "dates and mentions. Peers' sentence sets (PETR2_GSR_validation.jsonl,\n"
                          "PLOVER_GSR_CAMEO.jsonl) get exact-sentence agreement and triple scores instead.\n"
                          "The system file is JSON Lines (docs/eval.md); without --system, dyad's own pipeline\n"
                          "codes the gold documents (each sentence of a sentence set is one document).");
  opts.Value("gold", "FILE", "the gold set")
      .Value("system", "FILE", "system records, JSON Lines (events, quotes, mentions); default: run dyad's pipeline")
      .Value("data", "DIR", "without --system: resource directory (default: built-in data/)")
      .Value("gold-format", "auto|dyad|petr2|plover", "the gold set's format", "auto")
      .Value("format", "text|json", "how to print the report", "text")
      .Flag("misses", "also list misses and false alarms (sentence sets: the sentences that disagree)");
  dyad::cli::AddResourceOptions(&opts);  // without --system: the pipeline's resources
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  const std::string gold_path = opts.Get("gold");
  const std::string format = opts.Get("format");
  if (gold_path.empty() || !opts.positional().empty()) {
    std::cerr << "dyad eval: needs --gold FILE and no other words\n" << opts.Help();
    return 2;
  }
  if (format != "text" && format != "json") {
    std::cerr << "dyad eval: --format must be text or json\n";
    return 2;
  }
  std::string gold_content;
  if (!dyad::ReadWholeFile(gold_path, &gold_content)) {
    std::cerr << "dyad eval: cannot read " << gold_path << "\n";
    return 1;
  }
  eval::GoldFormat gold_format = eval::DetectGoldFormat(gold_content);
  if (opts.Get("gold-format") != "auto") {
    auto f = eval::ParseGoldFormat(opts.Get("gold-format"));
    if (!f) {
      std::cerr << "dyad eval: --gold-format must be auto, dyad, petr2 or plover\n";
      return 2;
    }
    gold_format = *f;
  }

  if (opts.Has("data")) dyad::SetDataDir(opts.Get("data"));
  dyad::PipelineOptions popts;
  if (std::string error; !dyad::cli::ApplyResourceOptions(opts, &popts, &error)) {
    std::cerr << "dyad eval: " << error << "\n";
    return 2;
  }
  Result<eval::SystemRecords> system = opts.Has("system") ? eval::ReadSystemRecords(opts.Get("system"))
                                                          : RunCoderOnGold(gold_path, gold_format, popts);
  if (!system.ok()) {
    std::cerr << "dyad eval: " << system.status().ToString() << "\n";
    return 1;
  }
  const bool listing = opts.Has("misses");
  if (gold_format == eval::GoldFormat::kDyad) {
    Result<eval::EvalReport> report = eval::ScoreGoldFile(gold_path, *system);
    if (!report.ok()) {
      std::cerr << "dyad eval: " << report.status().ToString() << "\n";
      return 1;
    }
    if (format == "json") return Print(eval::ToJson(*report, listing));
    std::cout << eval::FormatText(*report, listing);
    return 0;
  }
  Result<eval::SentenceGoldSet> gold = eval::ReadSentenceGold(gold_path, gold_format);
  if (!gold.ok()) {
    std::cerr << "dyad eval: " << gold.status().ToString() << "\n";
    return 1;
  }
  eval::SentenceReport report = eval::ScoreSentences(*gold, *system);
  if (format == "json") return Print(eval::ToJson(report, listing));
  std::cout << eval::FormatText(report, listing);
  return 0;
}

}  // namespace

DYAD_COMMAND("eval", "score system events against a gold set (P/R/F1, quotes, dates, mentions)", RunEval);
