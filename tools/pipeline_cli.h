// What the commands that run the pipeline over articles (ingest, code,
// mentions) share: the --date, --actors, --verbs and --data options, setting the
// pipeline up from them, and the read-process-report loop.
#ifndef DYAD_TOOLS_PIPELINE_CLI_H_
#define DYAD_TOOLS_PIPELINE_CLI_H_

#include <functional>
#include <memory>

#include "cli.h"
#include "dyad/pipeline.h"
#include "text/reader.h"

namespace dyad::cli {

// Declares --date, --actors (repeatable), --no-bundled-actors, --verbs
// (repeatable), --no-bundled-verbs, --discards (repeatable) and --data.
void AddPipelineOptions(Options* opts);

// Declares the resource options alone: --actors, --no-bundled-actors,
// --verbs, --no-bundled-verbs, --discards (for commands that declare the rest on their
// own, like eval and explain).
void AddResourceOptions(Options* opts);

// Applies --actors, --no-bundled-actors, --verbs, --no-bundled-verbs and --discards to
// *popts. Returns false, with a message in *error, when a --no-bundled-* flag
// has no file to replace what it turns off.
bool ApplyResourceOptions(const Options& opts, PipelineOptions* popts, std::string* error);

// Applies --verbs and --no-bundled-verbs only (kept for older callers).
void ApplyVerbOptions(const Options& opts, PipelineOptions* popts);

// Prints the pipeline's load notes (what each --verbs file gave) to stderr
// as "dyad COMMAND: verbs: ...".
void PrintLoadNotes(const std::string& command, const Pipeline& pipeline);

// Applies them: read->default_date from --date, the data directory from
// --data, and a pipeline with the --actors dictionaries. On failure prints
// "dyad COMMAND: ..." and returns nullptr with *exit_code set (2 for a bad
// option, 1 when resources do not load).
std::unique_ptr<Pipeline> SetUpPipeline(const Options& opts, text::ReadOptions* read, int* exit_code);

// Reads the positional paths, runs the pipeline on each document and hands
// it to `use`. Every failure is printed as "dyad COMMAND: error: ..." and the
// batch goes on; returns how many failed.
int ProcessInputs(const Options& opts, const text::ReadOptions& read, const Pipeline& pipeline,
                  const std::function<void(Document&)>& use);

}  // namespace dyad::cli

#endif  // DYAD_TOOLS_PIPELINE_CLI_H_
