#include "pipeline_cli.h"

#include <iostream>

#include "dyad/resources.h"

namespace dyad::cli {

void AddPipelineOptions(Options* opts) {
  opts->Value("date", "YYYY-MM-DD", "publication date for documents whose metadata has none")
      .Value("actors", "FILE", "an extra actor dictionary (dyad or CAMEO/PETRARCH format); repeatable")
      .Value("verbs", "FILE", "an extra verb pattern file (dyad .patterns or a CAMEO/PETRARCH verb dictionary); repeatable")
      .Flag("no-bundled-verbs", "code with the --verbs files only, not the bundled data/verbs patterns")
      .Value("data", "DIR", "resource directory (default: built-in data/)");
}

void ApplyVerbOptions(const Options& opts, PipelineOptions* popts) {
  popts->verb_files = opts.GetAll("verbs");
  popts->bundled_verbs = !opts.Has("no-bundled-verbs");
}

void PrintLoadNotes(const std::string& command, const Pipeline& pipeline) {
  for (const std::string& note : pipeline.load_notes()) std::cerr << "dyad " << command << ": " << note << "\n";
}

std::unique_ptr<Pipeline> SetUpPipeline(const Options& opts, text::ReadOptions* read, int* exit_code) {
  const std::string name = "dyad " + opts.command() + ": ";
  if (opts.Has("date") && !(read->default_date = Date::Parse(opts.Get("date")))) {
    std::cerr << name << "--date must be YYYY-MM-DD, got '" << opts.Get("date") << "'\n";
    *exit_code = 2;
    return nullptr;
  }
  if (opts.Has("data")) SetDataDir(opts.Get("data"));
  PipelineOptions popts;
  popts.actor_files = opts.GetAll("actors");
  ApplyVerbOptions(opts, &popts);
  auto pipeline = Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::cerr << name << pipeline.status().ToString() << "\n";
    *exit_code = 1;
    return nullptr;
  }
  PrintLoadNotes(opts.command(), **pipeline);
  return std::move(*pipeline);
}

int ProcessInputs(const Options& opts, const text::ReadOptions& read, const Pipeline& pipeline,
                  const std::function<void(Document&)>& use) {
  int errors = 0;
  auto report = [&](const Status& s) {
    std::cerr << "dyad " << opts.command() << ": error: " << s.ToString() << "\n";
    ++errors;
  };
  text::ReadInputs(opts.positional(), read, [&](Document&& doc) {
    if (Status s = pipeline.Process(&doc); !s.ok()) return report(s);
    use(doc);
  }, report);
  return errors;
}

}  // namespace dyad::cli
