// dyad mentions PATH... : actor mentions of articles, one per line, for
// independent scorers.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "pipeline_cli.h"

namespace {

int RunMentions(const std::vector<std::string>& args) {
  dyad::cli::Options opts("mentions", "PATH... [--format jsonl|tsv] [--date D] [--actors FILE]",
                          "Reads articles like 'dyad ingest' and prints every actor mention with its byte span in\n"
                          "the raw document, its actor and the CAMEO code at the document's date. jsonl fields:\n"
                          "doc, text, start, end, actor, code, how (dictionary, title, agent, metonym, surname,\n"
                          "description, pronoun), sentence.");
  opts.Value("format", "FORMAT", "jsonl or tsv", "jsonl");
  dyad::cli::AddPipelineOptions(&opts);
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  std::string format = opts.Get("format");
  if (opts.positional().empty() || (format != "jsonl" && format != "tsv")) {
    std::cerr << "dyad mentions: needs at least one PATH; --format is jsonl or tsv\n" << opts.Help();
    return 2;
  }
  dyad::text::ReadOptions read;
  auto pipeline = dyad::cli::SetUpPipeline(opts, &read, &code);
  if (!pipeline) return code;
  if (format == "tsv") std::cout << "doc\tstart\tend\ttext\tactor\tcode\thow\n";
  int errors = dyad::cli::ProcessInputs(opts, read, *pipeline, [&](dyad::Document& doc) {
    for (const auto& m : doc.mentions) {
      const std::string& actor = doc.actors[m.actor].name;
      if (format == "tsv") {
        std::cout << doc.id << "\t" << m.raw.begin << "\t" << m.raw.end << "\t" << m.text << "\t" << actor << "\t"
                  << m.code << "\t" << m.how << "\n";
      } else {
        nlohmann::json j = {{"kind", "mention"}, {"doc", doc.id}, {"text", m.text},   {"start", m.raw.begin}, {"end", m.raw.end},
                            {"actor", actor}, {"code", m.code},  {"how", m.how},         {"sentence", m.sentence}};
        std::cout << j.dump() << "\n";
      }
    }
  });
  return errors ? 1 : 0;
}

}  // namespace

DYAD_COMMAND("mentions", "print the actor mentions of articles (jsonl or tsv)", RunMentions);
