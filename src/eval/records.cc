#include "eval/records.h"

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "eval/json_fields.h"

namespace dyad::eval {
namespace {

using nlohmann::json;

Status ReadEvent(const JsonFields& f, SystemEvent* e) {
  DYAD_RETURN_IF_ERROR(f.String("doc", &e->doc));
  DYAD_RETURN_IF_ERROR(f.OptString("source", &e->source));
  DYAD_RETURN_IF_ERROR(f.OptString("target", &e->target));
  DYAD_RETURN_IF_ERROR(f.String("cameo", &e->cameo));
  if (e->cameo.size() < 2 || e->cameo.size() > 4 || e->cameo.find_first_not_of("0123456789") != std::string::npos) {
    return f.Error("\"cameo\" must be 2 to 4 digits: '" + e->cameo + "'");
  }
  DYAD_RETURN_IF_ERROR(f.OptString("plover", &e->plover));
  DYAD_RETURN_IF_ERROR(f.OptNumber("goldstein", &e->goldstein));
  DYAD_RETURN_IF_ERROR(f.OptDate("event_date", &e->event_date));
  DYAD_RETURN_IF_ERROR(f.OptString("sentence", &e->sentence));
  return f.OptSpan(&e->span);
}

Status ReadQuote(const JsonFields& f, SystemQuote* q) {
  DYAD_RETURN_IF_ERROR(f.String("doc", &q->doc));
  DYAD_RETURN_IF_ERROR(f.String("speaker", &q->speaker));
  DYAD_RETURN_IF_ERROR(f.OptString("quote", &q->quote));
  DYAD_RETURN_IF_ERROR(f.OptSpan(&q->span));
  if (q->quote.empty() && !q->span) return f.Error("a quote needs \"quote\" text or \"start\"/\"end\"");
  return Status::Ok();
}

Status ReadMention(const JsonFields& f, SystemMention* m) {
  DYAD_RETURN_IF_ERROR(f.String("doc", &m->doc));
  DYAD_RETURN_IF_ERROR(f.String("text", &m->text));
  DYAD_RETURN_IF_ERROR(f.OptString("actor", &m->actor));
  DYAD_RETURN_IF_ERROR(f.String("code", &m->code));
  return f.OptSpan(&m->span);
}

Status ReadRecord(const json& j, const std::string& name, int line, SystemRecords* out) {
  JsonFields f(j, name, line);
  std::string kind = "event";
  DYAD_RETURN_IF_ERROR(f.OptString("kind", &kind));
  if (kind.empty()) kind = "event";
  if (kind == "event") {
    SystemEvent e;
    e.line = line;
    DYAD_RETURN_IF_ERROR(ReadEvent(f, &e));
    out->events.push_back(std::move(e));
  } else if (kind == "quote") {
    SystemQuote q;
    q.line = line;
    DYAD_RETURN_IF_ERROR(ReadQuote(f, &q));
    out->quotes.push_back(std::move(q));
  } else if (kind == "mention") {
    SystemMention m;
    m.line = line;
    DYAD_RETURN_IF_ERROR(ReadMention(f, &m));
    out->mentions.push_back(std::move(m));
  } else {
    return f.Error("unknown \"kind\" '" + kind + "' (event, quote or mention)");
  }
  return Status::Ok();
}

// Output keeps the fields in the documented order, for people reading it.
using ordered = nlohmann::ordered_json;

void PutSpan(const std::optional<Span>& span, ordered* j) {
  if (!span) return;
  (*j)["start"] = span->begin;
  (*j)["end"] = span->end;
}

std::string Dump(const ordered& j) { return j.dump(-1, ' ', false, ordered::error_handler_t::replace); }

}  // namespace

Result<SystemRecords> ParseSystemRecords(std::string_view jsonl, const std::string& name) {
  SystemRecords out;
  int number = 0;
  bool first = true;
  for (std::string_view line : SplitLines(jsonl)) {
    ++number;
    if (Trim(line).empty()) continue;
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Status::DataError(Where{name, number, -1, std::string(line.substr(0, 60))}, "invalid JSON");
    if (!j.is_object()) return Status::DataError(Where{name, number}, "a record must be a JSON object");
    bool header = first && IsHeaderObject(j);
    first = false;
    if (header) continue;
    DYAD_RETURN_IF_ERROR(ReadRecord(j, name, number, &out));
  }
  return out;
}

Result<SystemRecords> ReadSystemRecords(const std::string& path) {
  std::string content;
  if (!ReadWholeFile(path, &content)) return Status::IOError("cannot read " + path);
  return ParseSystemRecords(content, path);
}

std::string ToJsonl(const SystemRecords& records) {
  std::string out;
  for (const SystemEvent& e : records.events) {
    ordered j = {{"kind", "event"}, {"doc", e.doc}, {"source", e.source}, {"target", e.target}, {"cameo", e.cameo}};
    j["plover"] = e.plover ? ordered(*e.plover) : ordered(nullptr);
    if (e.goldstein) j["goldstein"] = *e.goldstein;
    j["event_date"] = e.event_date ? ordered(e.event_date->ToString()) : ordered(nullptr);
    j["sentence"] = e.sentence;
    PutSpan(e.span, &j);
    out += Dump(j) + "\n";
  }
  for (const SystemQuote& q : records.quotes) {
    ordered j = {{"kind", "quote"}, {"doc", q.doc}, {"speaker", q.speaker}, {"quote", q.quote}};
    PutSpan(q.span, &j);
    out += Dump(j) + "\n";
  }
  for (const SystemMention& m : records.mentions) {
    ordered j = {{"kind", "mention"}, {"doc", m.doc}, {"text", m.text}, {"actor", m.actor}, {"code", m.code}};
    PutSpan(m.span, &j);
    out += Dump(j) + "\n";
  }
  return out;
}

}  // namespace dyad::eval
