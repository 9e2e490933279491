// dyad code PATH...: events of articles, as a table or JSON Lines.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "pipeline_cli.h"
#include "coding/ontology.h"
#include "dyad/resources.h"
#include "serve/export.h"

namespace {

nlohmann::json EventJson(const dyad::Document& doc, const dyad::Event& e) {
  const dyad::Sentence& s = doc.sentences[e.sentence];
  auto actor = [&](int a) { return a >= 0 ? doc.actors[a].name : std::string(); };
  nlohmann::json j = {{"kind", "event"},
                      {"doc", doc.id},
                      {"source", e.source},
                      {"target", e.target},
                      {"source_actor", actor(e.source_actor)},
                      {"target_actor", actor(e.target_actor)},
                      {"cameo", e.cameo},
                      {"root", e.root},
                      {"quad_class", e.quad_class},
                      {"goldstein", e.goldstein},
                      {"intent", e.intent},
                      {"sentence", s.text},
                      {"start", e.evidence.begin},
                      {"end", e.evidence.end},
                      {"trigger", {e.trigger.begin, e.trigger.end}},
                      {"rule", e.rule}};
  j["plover"] = e.plover.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.plover);
  j["event_date"] = e.event_date ? nlohmann::json(e.event_date->ToString()) : nlohmann::json(nullptr);
  j["date_resolved"] = e.date_resolved;
  return j;
}

// --quotes: one record per direct quotation with a speaker (the kind the
// eval scorer reads, docs/eval.md); start/end are the quoted words' raw span.
nlohmann::json QuoteJson(const dyad::Document& doc, const dyad::Quote& q) {
  return {{"kind", "quote"},
          {"doc", doc.id},
          {"speaker", q.speaker},
          {"speaker_name", q.speaker_actor >= 0 ? doc.actors[q.speaker_actor].name : std::string()},
          {"quote", std::string(doc.RawText(q.raw))},
          {"start", q.raw.begin},
          {"end", q.raw.end},
          {"rule", q.rule}};
}

int RunCode(const std::vector<std::string>& args) {
  dyad::cli::Options opts("code", "PATH... [--format table|jsonl|tsv|plover] [--date D] [--actors FILE]",
                          "Reads articles like 'dyad ingest' and prints the events coded in them: source and target\n"
                          "actor codes at the event date, CAMEO code, Goldstein score, PLOVER type, event date, the\n"
                          "evidence sentence with its raw byte span, and the pattern that fired. jsonl fields: doc,\n"
                          "source, target, cameo, root, quad_class, goldstein, plover, event_date, date_resolved,\n"
                          "intent, sentence, start, end, trigger, rule. tsv: the same with a header line. plover:\n"
                          "one PLOVER JSON record per event (PLOVER manual field names: id, date, actor, recipient,\n"
                          "event, event_text, quad_code, event_scale, mode, context, text, text_info, cite_info);\n"
                          "CAMEO 01x/02x events have no PLOVER type and are left out of it.");
  opts.Value("format", "FORMAT", "table, jsonl, tsv or plover", "table")
      .Flag("quotes", "also print direct quotations with their speaker (jsonl: kind \"quote\", only those with a speaker)");
  dyad::cli::AddPipelineOptions(&opts);
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  std::string format = opts.Get("format");
  if (opts.positional().empty() ||
      (format != "table" && format != "jsonl" && format != "tsv" && format != "plover")) {
    std::cerr << "dyad code: needs at least one PATH; --format is table, jsonl, tsv or plover\n" << opts.Help();
    return 2;
  }
  dyad::text::ReadOptions read;
  auto pipeline = dyad::cli::SetUpPipeline(opts, &read, &code);
  if (!pipeline) return code;
  std::optional<dyad::coding::Ontology> ontology;
  if (format == "plover") {
    auto loaded = dyad::coding::Ontology::Load(dyad::DataDir());
    if (!loaded.ok()) {
      std::cerr << "dyad code: " << loaded.status().ToString() << "\n";
      return 1;
    }
    ontology = std::move(*loaded);
  }
  const std::string& coder = pipeline->version();
  if (format == "tsv") std::cout << dyad::serve::kEventTsvHeader;
  int errors = dyad::cli::ProcessInputs(opts, read, *pipeline, [&](dyad::Document& doc) {
    for (const dyad::Quote& q : doc.quotes) {
      if (!opts.Has("quotes")) break;
      if (format == "jsonl" && !q.speaker.empty()) std::cout << QuoteJson(doc, q).dump() << "\n";
      if (format == "table")
        std::printf("%-24s quote %-9s %s\n", doc.id.substr(0, 24).c_str(), q.speaker.empty() ? "-" : q.speaker.c_str(),
                    std::string(doc.RawText(q.raw)).substr(0, 100).c_str());
    }
    for (size_t i = 0; i < doc.events.size(); ++i) {
      const dyad::Event& e = doc.events[i];
      if (format == "jsonl") {
        std::cout << EventJson(doc, e).dump() << "\n";
        continue;
      }
      if (format == "tsv") {
        dyad::serve::WriteEventTsv(std::cout, doc, e);
        continue;
      }
      if (format == "plover") {
        if (!e.plover.empty())
          std::cout << dyad::serve::PloverJson(doc, i, *ontology, coder).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                    << "\n";
        continue;
      }
      std::printf("%-24s %-10s %-9s %-5s %-9s %5.1f %-10s %s\n", doc.id.substr(0, 24).c_str(),
                  e.event_date ? e.event_date->ToString().c_str() : "-", e.source.c_str(), e.cameo.c_str(),
                  e.target.empty() ? "-" : e.target.c_str(), e.goldstein, e.plover.empty() ? "-" : e.plover.c_str(),
                  doc.sentences[e.sentence].text.substr(0, 90).c_str());
    }
  });
  return errors ? 1 : 0;
}

}  // namespace

DYAD_COMMAND("code", "code the events of articles (table or jsonl)", RunCode);
