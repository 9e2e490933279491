// dyad explain "sentence" [--date D]: shows how dyad reads a text: the parse,
// the actors, each clause with the rule tried and why an event was or was not
// coded, and the events.
#include <cstdio>
#include <iostream>
#include <iterator>

#include "cli.h"
#include "dyad/pipeline.h"
#include "pipeline_cli.h"
#include "dyad/resources.h"

namespace {

void PrintParse(const dyad::Document& doc) {
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& sent = doc.sentences[s];
    std::printf("sentence %zu: %s\n", s, sent.text.c_str());
    for (size_t i = 0; i < sent.tokens.size(); ++i) {
      const auto& t = sent.tokens[i];
      std::printf("  %3zu %-18s %-14s %-6s %3d %s\n", i, t.form.c_str(), t.lemma.c_str(), t.upos.c_str(), t.head,
                  t.deprel.c_str());
    }
  }
}

int RunExplain(const std::vector<std::string>& args) {
  dyad::cli::Options opts("explain", "\"TEXT\" [--date YYYY-MM-DD] | --file PATH",
                          "Runs the whole pipeline on one text and shows its reading: tokens with lemma, part of\n"
                          "speech, head and relation; the actor mentions with codes and how each was resolved;\n"
                          "every clause with the pattern tried and why an event was or was not coded; the events.");
  opts.Value("date", "YYYY-MM-DD", "the publication date (codes and event dates are resolved against it)")
      .Value("file", "PATH", "read the text from a file ('-' for standard input)");
  dyad::cli::AddResourceOptions(&opts);
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  dyad::Document doc;
  doc.id = "explain";
  if (opts.Has("file")) {
    std::string path = opts.Get("file");
    if (path == "-") {
      doc.raw.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else if (FILE* f = std::fopen(path.c_str(), "rb")) {
      char buf[65536];
      for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) doc.raw.append(buf, n);
      std::fclose(f);
    } else {
      std::cerr << "dyad explain: cannot open " << path << "\n";
      return 1;
    }
  } else if (opts.positional().size() == 1) {
    doc.raw = opts.positional()[0];
  } else {
    std::cerr << "dyad explain: needs one TEXT argument or --file\n" << opts.Help();
    return 2;
  }
  if (opts.Has("date") && !(doc.date = dyad::Date::Parse(opts.Get("date")))) {
    std::cerr << "dyad explain: --date must be YYYY-MM-DD\n";
    return 2;
  }
  dyad::PipelineOptions popts;
  if (std::string error; !dyad::cli::ApplyResourceOptions(opts, &popts, &error)) {
    std::cerr << "dyad explain: " << error << "\n";
    return 2;
  }
  auto pipeline = dyad::Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::cerr << "dyad explain: " << pipeline.status().ToString() << "\n";
    return 1;
  }
  std::vector<std::string> trace;
  if (dyad::Status s = (*pipeline)->Process(&doc, &trace); !s.ok()) {
    std::cerr << "dyad explain: " << s.ToString() << "\n";
    return 1;
  }
  PrintParse(doc);
  std::printf("\nactors:\n");
  for (const auto& m : doc.mentions)
    std::printf("  s%d %-40s %-10s %-12s -> %s\n", m.sentence, m.text.c_str(), m.code.c_str(), m.how.c_str(),
                doc.actors[m.actor].name.c_str());
  std::printf("\nclauses:\n");
  for (const auto& line : trace) std::printf("%s\n", line.c_str());
  std::printf("\nevents:\n");
  for (const auto& e : doc.events)
    std::printf("  s%d %s %s %s  (goldstein %.1f, %s, %s%s)\n", e.sentence, e.source.c_str(), e.cameo.c_str(),
                e.target.empty() ? "-" : e.target.c_str(), e.goldstein, e.plover.empty() ? "no PLOVER type" : e.plover.c_str(),
                e.event_date ? e.event_date->ToString().c_str() : "no date", e.date_resolved ? "" : " (publication date)");
  if (doc.events.empty()) std::printf("  none\n");
  return 0;
}

}  // namespace

DYAD_COMMAND("explain", "show how a text is parsed, which actors and rules apply, and why", RunExplain);
