#include "serve/export.h"

#include <cstdio>
#include <map>
#include <optional>
#include <sstream>

#include "dyad/resources.h"
#include "dyad/store.h"

namespace dyad::serve {
namespace {

using json = nlohmann::json;

std::string TsvField(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Number(double v, const char* fmt = "%.1f") {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

// A PLOVER entity object (PLOVER manual, "Information object for entities"):
// code = the 3-character top-level code, sector = the rest of the CAMEO code,
// entity_text = the actor's first mention in the event's sentence,
// identifier_text = its canonical name.
nlohmann::ordered_json PloverEntity(const Document& doc, int sentence, int actor, const std::string& cameo_code) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["code"] = cameo_code.substr(0, 3);
  j["sector"] = cameo_code.size() > 3 ? json(cameo_code.substr(3)) : json(nullptr);
  if (actor >= 0 && actor < static_cast<int>(doc.actors.size())) {
    for (const Mention& m : doc.mentions) {
      if (m.sentence == sentence && m.actor == actor) {
        j["entity_text"] = m.text;
        break;
      }
    }
    j["identifier_text"] = doc.actors[actor].name;
  }
  return j;
}

const char kCsvHeader[] =
    "id,doc,date,date_resolved,source,source_actor,target,target_actor,cameo,root,quad_class,goldstein,plover,"
    "intent,sentence,rule,url\n";

std::string Csv(const std::vector<EventRow>& rows) {
  std::string out = kCsvHeader;
  for (const EventRow& e : rows) {
    std::string f[] = {e.doc + ":" + std::to_string(e.idx), e.doc, e.date, e.date_resolved ? "1" : "0",
                       e.source, e.source_actor, e.target, e.target_actor, e.cameo, e.root,
                       std::to_string(e.quad_class), Number(e.goldstein), e.plover, e.intent ? "1" : "0",
                       e.sentence_text, e.rule, e.url};
    for (size_t i = 0; i < std::size(f); ++i) out += (i ? "," : "") + CsvField(f[i]);
    out += "\n";
  }
  return out;
}

// The 10 GDELT 1.0 actor columns: Code, Name, CountryCode, KnownGroupCode,
// EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
void GdeltActor(std::vector<std::string>* cols, const std::string& code, const std::string& name,
                const std::string& country) {
  std::string cc = country.size() == 3 ? country : (code.size() >= 3 ? code.substr(0, 3) : "");
  bool starts_with_country = !cc.empty() && code.compare(0, 3, cc) == 0;
  std::string rest = starts_with_country ? code.substr(3) : code;
  auto type = [&](size_t i) { return rest.size() >= 3 * (i + 1) ? rest.substr(3 * i, 3) : std::string(); };
  cols->insert(cols->end(), {code, TsvField(name), code.empty() ? "" : cc, "", "", "", "", type(0), type(1), type(2)});
}

std::string Gdelt(const std::vector<EventRow>& rows) {
  std::string out;
  for (const EventRow& e : rows) {
    std::vector<std::string> c;
    std::optional<Date> d = Date::Parse(e.date);
    char buf[32];
    c.push_back(std::to_string(e.doc_key * 100000 + e.idx));  // GLOBALEVENTID
    if (d) {
      std::snprintf(buf, sizeof buf, "%04d%02d%02d", d->year, d->month, d->day);
      c.push_back(buf);                                     // SQLDATE
      c.push_back(std::string(buf).substr(0, 6));           // MonthYear
      c.push_back(std::to_string(d->year));                 // Year
      c.push_back(Number(d->year + (d->month * 30 + d->day) / 365.0, "%.4f"));  // FractionDate, as GDELT computes it
    } else {
      c.insert(c.end(), {"", "", "", ""});
    }
    GdeltActor(&c, e.source, e.source_actor, e.source_country);
    GdeltActor(&c, e.target, e.target_actor, e.target_country);
    c.push_back(e.sentence == 0 ? "1" : "0");  // IsRootEvent: the lead sentence
    c.push_back(e.cameo);
    c.push_back(e.cameo.substr(0, 3));
    c.push_back(e.root);
    c.push_back(std::to_string(e.quad_class));
    c.push_back(Number(e.goldstein));
    c.insert(c.end(), {"1", "1", "1", ""});  // NumMentions, NumSources, NumArticles, AvgTone
    for (int i = 0; i < 21; ++i) c.push_back("");  // Actor1Geo_*, Actor2Geo_*, ActionGeo_*
    std::string added = e.ingested_at.size() >= 10 ? e.ingested_at.substr(0, 4) + e.ingested_at.substr(5, 2) +
                                                         e.ingested_at.substr(8, 2)
                                                   : "";
    c.push_back(added);                                 // DATEADDED
    c.push_back(TsvField(e.url.empty() ? e.doc : e.url));  // SOURCEURL
    for (size_t i = 0; i < c.size(); ++i) {
      if (i) out += '\t';
      out += TsvField(c[i]);
    }
    out += "\n";
  }
  return out;
}

std::string Graphml(const json& network) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
      "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n"
      "  <key id=\"mean_goldstein\" for=\"edge\" attr.name=\"mean_goldstein\" attr.type=\"double\"/>\n"
      "  <graph id=\"dyad\" edgedefault=\"directed\">\n";
  for (const auto& n : network["nodes"]) {
    out += "    <node id=\"" + XmlEscape(n["id"].get<std::string>()) + "\"><data key=\"label\">" +
           XmlEscape(n["label"].get<std::string>()) + "</data><data key=\"mentions\">" +
           std::to_string(n["mentions"].get<int64_t>()) + "</data></node>\n";
  }
  int i = 0;
  for (const auto& e : network["edges"]) {
    out += "    <edge id=\"e" + std::to_string(i++) + "\" source=\"" + XmlEscape(e["source"].get<std::string>()) +
           "\" target=\"" + XmlEscape(e["target"].get<std::string>()) + "\"><data key=\"count\">" +
           std::to_string(e["count"].get<int64_t>()) + "</data><data key=\"mean_goldstein\">" +
           Number(e["mean_goldstein"].get<double>(), "%.3f") + "</data></edge>\n";
  }
  return out + "  </graph>\n</graphml>\n";
}

Result<std::string> Plover(const std::vector<EventRow>& rows, const std::string& db_path) {
  auto ontology = coding::Ontology::Load(DataDir());
  if (!ontology.ok()) return ontology.status();
  auto store = Store::Open(db_path, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  const std::string coder = std::string("dyad-") + DYAD_VERSION;
  std::string out;
  std::optional<Document> doc;
  for (const EventRow& e : rows) {
    if (e.plover.empty()) continue;
    if (!doc || doc->id != e.doc) {
      auto got = (*store)->Get(e.doc);
      if (!got.ok()) return got.status();
      if (!got->has_value()) continue;  // deleted since the query
      doc = std::move(**got);
    }
    if (e.idx < 0 || static_cast<size_t>(e.idx) >= doc->events.size()) continue;
    out += PloverJson(*doc, e.idx, *ontology, coder).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace

const char kEventTsvHeader[] =
    "doc\tsentence\tevent_date\tdate_resolved\tsource\tsource_actor\ttarget\ttarget_actor\tcameo\troot\t"
    "quad_class\tgoldstein\tplover\tintent\tstart\tend\ttrigger_start\ttrigger_end\trule\ttext\n";

void WriteEventTsv(std::ostream& out, const Document& doc, const Event& e) {
  auto actor = [&](int a) { return a >= 0 ? TsvField(doc.actors[a].name) : std::string(); };
  out << TsvField(doc.id) << '\t' << e.sentence << '\t' << (e.event_date ? e.event_date->ToString() : "") << '\t'
      << (e.date_resolved ? 1 : 0) << '\t' << e.source << '\t' << actor(e.source_actor) << '\t' << e.target << '\t'
      << actor(e.target_actor) << '\t' << e.cameo << '\t' << e.root << '\t' << e.quad_class << '\t'
      << Number(e.goldstein) << '\t' << e.plover << '\t' << (e.intent ? 1 : 0) << '\t' << e.evidence.begin << '\t'
      << e.evidence.end << '\t' << e.trigger.begin << '\t' << e.trigger.end << '\t' << TsvField(e.rule) << '\t'
      << TsvField(doc.sentences[e.sentence].text) << '\n';
}

nlohmann::ordered_json PloverJson(const Document& doc, size_t index, const coding::Ontology& ontology,
                                  const std::string& coder) {
  const Event& e = doc.events[index];
  const Sentence& s = doc.sentences[e.sentence];
  const coding::PloverMapping* mapping = ontology.FindPlover(e.cameo);
  std::optional<Date> date = e.event_date ? e.event_date : doc.date;
  nlohmann::ordered_json j;
  j["id"] = doc.id + "-" + std::to_string(index);
  j["has_event"] = true;
  j["date"] = date ? json(date->ToString()) : json(nullptr);
  j["actor"] = nlohmann::ordered_json::array({PloverEntity(doc, e.sentence, e.source_actor, e.source)});
  j["recipient"] = e.target.empty()
                       ? nlohmann::ordered_json::array()
                       : nlohmann::ordered_json::array({PloverEntity(doc, e.sentence, e.target_actor, e.target)});
  j["event"] = json::array({e.plover});
  j["event_text"] = json::array({doc.RawText(e.trigger)});
  j["quad_code"] = e.quad_class;
  j["event_scale"] = e.goldstein;  // the Goldstein score of the CAMEO code
  j["mode"] = mapping && !mapping->mode.empty() ? json::array({mapping->mode}) : json(nullptr);
  j["context"] = mapping && !mapping->contexts.empty() ? json(mapping->contexts) : json(nullptr);
  j["text"] = s.text;
  nlohmann::ordered_json info;
  info["sequence"] = e.sentence;
  info["start"] = e.evidence.begin;
  info["end"] = e.evidence.end;
  j["text_info"] = info;
  nlohmann::ordered_json cite;
  cite["citation"] = doc.id;
  if (!doc.title.empty()) cite["title"] = doc.title;
  if (!doc.url.empty()) cite["url"] = doc.url;
  cite["coder"] = coder;
  cite["codebook"] = "CAMEO 1.1b3 -> PLOVER (manual draft 0.8)";
  j["cite_info"] = cite;
  j["coder"] = coder;
  j["cameo"] = e.cameo;
  j["goldstein"] = e.goldstein;
  j["intent"] = e.intent;
  j["date_resolved"] = e.date_resolved;
  j["doc"] = doc.id;
  j["rule"] = e.rule;
  return j;
}

Result<ExportFile> Export(store::Database& db, const std::string& db_path, const std::string& format, Params p) {
  if (format != "csv" && format != "gdelt" && format != "plover" && format != "graphml")
    return Status::InvalidArgument("format must be csv, gdelt, plover or graphml");
  if (format == "graphml") {
    auto network = Network(db, p);
    if (!network.ok()) return network.status();
    return ExportFile{"application/graphml+xml; charset=utf-8", "graphml", Graphml(*network)};
  }
  if (!p.count("limit")) p["limit"] = std::to_string(kMaxExportRows);
  auto f = ParseEventFilter(p, kMaxExportRows);
  if (!f.ok()) return f.status();
  auto rows = QueryEvents(db, *f);
  if (!rows.ok()) return rows.status();
  if (format == "csv") return ExportFile{"text/csv; charset=utf-8", "csv", Csv(*rows)};
  if (format == "gdelt") return ExportFile{"text/tab-separated-values; charset=utf-8", "tsv", Gdelt(*rows)};
  auto plover = Plover(*rows, db_path);
  if (!plover.ok()) return plover.status();
  return ExportFile{"application/x-ndjson; charset=utf-8", "jsonl", std::move(*plover)};
}

}  // namespace dyad::serve
