#include "eval/run_pipeline.h"

#include <utility>

#include "eval/gold.h"

namespace dyad::eval {

void AppendDocumentRecords(const Document& doc, SystemRecords* out) {
  for (const Event& e : doc.events) {
    SystemEvent s;
    s.doc = doc.id;
    s.source = e.source;
    s.target = e.target;
    s.cameo = e.cameo;
    if (!e.plover.empty()) s.plover = e.plover;
    s.goldstein = e.goldstein;
    s.event_date = e.event_date;
    if (e.sentence >= 0 && e.sentence < static_cast<int>(doc.sentences.size()))
      s.sentence = doc.sentences[e.sentence].text;
    s.span = e.evidence;
    out->events.push_back(std::move(s));
  }
  for (const Quote& q : doc.quotes) {
    if (q.speaker.empty()) continue;  // a quote record needs a speaker code
    SystemQuote s;
    s.doc = doc.id;
    s.speaker = q.speaker;
    s.quote = std::string(doc.RawText(q.raw));
    s.span = q.raw;
    out->quotes.push_back(std::move(s));
  }
  for (const Mention& m : doc.mentions) {
    if (m.code.empty()) continue;  // nothing to score without a code
    SystemMention s;
    s.doc = doc.id;
    s.text = m.text;
    if (m.actor >= 0 && m.actor < static_cast<int>(doc.actors.size())) s.actor = doc.actors[m.actor].name;
    s.code = m.code;
    s.span = m.raw;
    out->mentions.push_back(std::move(s));
  }
}

namespace {

void Process(const Pipeline& pipeline, Document doc, SystemRecords* out, std::vector<std::string>* warnings) {
  if (Status s = pipeline.Process(&doc); !s.ok()) {
    if (warnings) warnings->push_back(doc.id + ": not coded: " + s.ToString());
    return;
  }
  AppendDocumentRecords(doc, out);
}

}  // namespace

Result<SystemRecords> RunPipelineOnGold(const Pipeline& pipeline, const std::string& gold_path, GoldFormat format,
                                        std::vector<std::string>* warnings) {
  SystemRecords out;
  if (format == GoldFormat::kDyad) {
    Result<GoldSet> gold = ReadGoldFile(gold_path);
    if (!gold.ok()) return gold.status();
    for (const GoldDocument& g : gold->documents) {
      Document doc;
      doc.id = g.doc;
      doc.source = g.file;
      doc.date = g.date;
      doc.raw = g.text;
      Process(pipeline, std::move(doc), &out, warnings);
    }
    return out;
  }
  Result<SentenceGoldSet> gold = ReadSentenceGold(gold_path, format);
  if (!gold.ok()) return gold.status();
  for (const SentenceRecord& r : gold->records) {
    Document doc;
    doc.id = r.id;
    doc.source = gold_path + ":" + std::to_string(r.line);
    doc.date = r.date;
    doc.raw = r.text;
    Process(pipeline, std::move(doc), &out, warnings);
  }
  return out;
}

}  // namespace dyad::eval
