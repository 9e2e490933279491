// dyad mentions PATH... : actor mentions of articles, one per line, for
// independent scorers.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "dyad/pipeline.h"
#include "dyad/resources.h"
#include "text/reader.h"

namespace {

int RunMentions(const std::vector<std::string>& args) {
  dyad::cli::Options opts("mentions", "PATH... [--format jsonl|tsv] [--date D] [--actors FILE]",
                          "Reads articles like 'dyad ingest' and prints every actor mention with its byte span in\n"
                          "the raw document, its actor and the CAMEO code at the document's date. jsonl fields:\n"
                          "doc, text, start, end, actor, code, how (dictionary, title, agent, metonym, surname,\n"
                          "description, pronoun), sentence.");
  opts.Value("format", "FORMAT", "jsonl or tsv", "jsonl")
      .Value("date", "YYYY-MM-DD", "publication date for documents whose metadata has none")
      .Value("actors", "FILE", "an extra actor dictionary (dyad or CAMEO/PETRARCH format); repeatable")
      .Value("data", "DIR", "resource directory (default: built-in data/)");
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  std::string format = opts.Get("format");
  if (opts.positional().empty() || (format != "jsonl" && format != "tsv")) {
    std::cerr << "dyad mentions: needs at least one PATH; --format is jsonl or tsv\n" << opts.Help();
    return 2;
  }
  dyad::text::ReadOptions read;
  if (opts.Has("date") && !(read.default_date = dyad::Date::Parse(opts.Get("date")))) {
    std::cerr << "dyad mentions: --date must be YYYY-MM-DD\n";
    return 2;
  }
  if (opts.Has("data")) dyad::SetDataDir(opts.Get("data"));
  dyad::PipelineOptions popts;
  popts.actor_files = opts.GetAll("actors");
  auto pipeline = dyad::Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::cerr << "dyad mentions: " << pipeline.status().ToString() << "\n";
    return 1;
  }
  int errors = 0;
  auto report = [&](const dyad::Status& s) {
    std::cerr << "dyad mentions: error: " << s.ToString() << "\n";
    ++errors;
  };
  if (format == "tsv") std::cout << "doc\tstart\tend\ttext\tactor\tcode\thow\n";
  dyad::text::ReadInputs(opts.positional(), read, [&](dyad::Document&& doc) {
    if (dyad::Status s = (*pipeline)->Process(&doc); !s.ok()) return report(s);
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
  }, report);
  return errors ? 1 : 0;
}

}  // namespace

DYAD_COMMAND("mentions", "print the actor mentions of articles (jsonl or tsv)", RunMentions);
