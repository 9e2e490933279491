#include "pipeline_cli.h"

#include <iostream>

#include "dyad/resources.h"

namespace dyad::cli {

void AddPipelineOptions(Options* opts) {
  opts->Value("date", "YYYY-MM-DD", "publication date for documents whose metadata has none");
  AddResourceOptions(opts);
  opts->Value("data", "DIR", "resource directory (default: built-in data/)");
}

void AddResourceOptions(Options* opts) {
  opts->Value("actors", "FILE",
              "an extra actor or agent dictionary (dyad or CAMEO/PETRARCH format, e.g. Phoenix.agents.txt); repeatable")
      .Flag("no-bundled-actors", "use the --actors files only, not the bundled data/actors and data/agents")
      .Value("verbs", "FILE", "an extra verb pattern file (dyad .patterns or a CAMEO/PETRARCH verb dictionary); repeatable")
      .Flag("no-bundled-verbs", "code with the --verbs files only, not the bundled data/verbs patterns")
      .Value("discards", "FILE", "a PETRARCH discard list (Phoenix.discards.txt): sentences with its phrases yield no events; repeatable")
      .Value("conventions", "NAME", "coding conventions: cameo (the manual's, default) or petrarch (verbs read without tense: 'will meet' is 040, not 036)");
}

void ApplyVerbOptions(const Options& opts, PipelineOptions* popts) {
  popts->verb_files = opts.GetAll("verbs");
  popts->bundled_verbs = !opts.Has("no-bundled-verbs");
}

bool ApplyResourceOptions(const Options& opts, PipelineOptions* popts, std::string* error) {
  popts->actor_files = opts.GetAll("actors");
  popts->bundled_actors = !opts.Has("no-bundled-actors");
  popts->discard_files = opts.GetAll("discards");
  const std::string conventions = opts.Has("conventions") ? opts.Get("conventions") : "cameo";
  if (conventions != "cameo" && conventions != "petrarch") {
    *error = "--conventions must be cameo or petrarch, got '" + conventions + "'";
    return false;
  }
  popts->petrarch_conventions = conventions == "petrarch";
  ApplyVerbOptions(opts, popts);
  if (!popts->bundled_actors && popts->actor_files.empty()) {
    *error = "--no-bundled-actors needs at least one --actors FILE";
    return false;
  }
  if (!popts->bundled_verbs && popts->verb_files.empty()) {
    *error = "--no-bundled-verbs needs at least one --verbs FILE";
    return false;
  }
  return true;
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
  if (std::string error; !ApplyResourceOptions(opts, &popts, &error)) {
    std::cerr << name << error << "\n";
    *exit_code = 2;
    return nullptr;
  }
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
