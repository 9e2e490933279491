#include "eval/report.h"

#include <algorithm>
#include <cstdio>

namespace dyad::eval {
namespace {

using ordered = nlohmann::ordered_json;

std::string Fixed(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}
std::string PadLeft(const std::string& s, size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

// An F1 for a table cell: "-" when there was nothing to score either way.
std::string F1Cell(const Counts& c) { return c.gold == 0 && c.system == 0 ? "-" : Fixed(c.f1()); }

std::string CountsRow(const std::string& label, const Counts& c) {
  return "  " + Pad(label, 22) + PadLeft(std::to_string(c.system), 7) + PadLeft(std::to_string(c.gold), 7) +
         PadLeft(std::to_string(c.matched_system), 9) + PadLeft(std::to_string(c.matched_gold), 9) +
         PadLeft(Fixed(c.precision()), 11) + PadLeft(Fixed(c.recall()), 8) + PadLeft(Fixed(c.f1()), 8) + "\n";
}

std::string CountsHeader() {
  return "  " + Pad("", 22) + PadLeft("system", 7) + PadLeft("gold", 7) + PadLeft("sys-ok", 9) +
         PadLeft("gold-ok", 9) + PadLeft("precision", 11) + PadLeft("recall", 8) + PadLeft("F1", 8) + "\n";
}

ordered CountsJson(const Counts& c) {
  return ordered{{"system", c.system},       {"gold", c.gold},       {"matched_system", c.matched_system},
                 {"matched_gold", c.matched_gold}, {"precision", c.precision()}, {"recall", c.recall()},
                 {"f1", c.f1()}};
}

ordered DocJson(const DocScore& d) {
  ordered j;
  j["doc"] = d.doc;
  j["events"] = {{"root", CountsJson(d.events.root)}, {"code", CountsJson(d.events.code)}, {"dyad", CountsJson(d.events.dyad)}};
  j["quotes"] = CountsJson(d.quotes);
  j["quote_text"] = CountsJson(d.quote_text);
  j["dates"] = {{"dated", d.dates.dated}, {"correct", d.dates.correct}, {"accuracy", d.dates.accuracy()}};
  j["mentions"] = CountsJson(d.mentions);
  return j;
}

std::string Dyad(const std::string& source, const std::string& target) {
  return (source.empty() ? "-" : source) + " -> " + (target.empty() ? "-" : target);
}

std::string ListedLine(const ListedEvent& e) {
  std::string codes = e.cameo;
  for (const std::string& a : e.alt) codes += "|" + a;
  std::string nearest = e.nearest.empty() ? "nothing near" : "nearest: " + e.nearest;
  return "  " + e.doc + " @" + std::to_string(e.begin) + "  " + Dyad(e.source, e.target) + " " + codes + "  (" +
         nearest + ")\n      \"" + e.snippet + "\"\n";
}

ordered ListedJson(const ListedEvent& e) {
  return ordered{{"doc", e.doc}, {"begin", e.begin}, {"source", e.source}, {"target", e.target},
                 {"cameo", e.cameo}, {"alt", e.alt}, {"nearest", e.nearest}, {"snippet", e.snippet}};
}

std::string TriplesText(const std::vector<SentenceEvent>& events) {
  if (events.empty()) return "(none)";
  std::string s;
  for (const SentenceEvent& e : events) s += (s.empty() ? "" : ", ") + Dyad(e.source, e.target) + " " + e.code;
  return s;
}

ordered TriplesJson(const std::vector<SentenceEvent>& events) {
  ordered list = ordered::array();
  for (const SentenceEvent& e : events) list.push_back({{"source", e.source}, {"target", e.target}, {"code", e.code}});
  return list;
}

}  // namespace

std::string FormatText(const EvalReport& r, bool listing) {
  std::string out = "gold: " + r.gold_name + " (" + std::to_string(r.docs.size()) + " documents)\n\n";
  out += CountsHeader();
  for (Level level : {Level::kRoot, Level::kCode, Level::kDyad}) {
    out += CountsRow(std::string("events, ") + LevelName(level), r.total.events.at(level));
  }
  out += CountsRow("quotes", r.total.quotes);
  out += CountsRow("quotes, text only", r.total.quote_text);
  out += CountsRow("actor mentions", r.total.mentions);
  out += "  event dates: " + std::to_string(r.total.dates.correct) + " of " + std::to_string(r.total.dates.dated) +
         " matched dated events on the right day (" + Fixed(r.total.dates.accuracy()) + ")\n";
  out += "\nper document (F1):\n  " + Pad("doc", 24) + PadLeft("root", 7) + PadLeft("code", 7) + PadLeft("dyad", 7) +
         PadLeft("quotes", 8) + PadLeft("dates", 8) + PadLeft("mentions", 10) + "\n";
  for (const DocScore& d : r.docs) {
    std::string dates = std::to_string(d.dates.correct) + "/" + std::to_string(d.dates.dated);
    out += "  " + Pad(d.doc, 24) + PadLeft(F1Cell(d.events.root), 7) + PadLeft(F1Cell(d.events.code), 7) +
           PadLeft(F1Cell(d.events.dyad), 7) + PadLeft(F1Cell(d.quotes), 8) + PadLeft(dates, 8) +
           PadLeft(F1Cell(d.mentions), 10) + "\n";
  }
  if (listing) {
    out += "\nmisses: gold events not matched at the code level (" + std::to_string(r.misses.size()) + ")\n";
    for (const ListedEvent& e : r.misses) out += ListedLine(e);
    out += "\nfalse alarms: system events not matched at the code level (" + std::to_string(r.false_alarms.size()) + ")\n";
    for (const ListedEvent& e : r.false_alarms) out += ListedLine(e);
  }
  if (!r.warnings.empty()) {
    out += "\nwarnings (" + std::to_string(r.warnings.size()) + "):\n";
    for (const std::string& w : r.warnings) out += "  " + w + "\n";
  }
  return out;
}

ordered ToJson(const EvalReport& r, bool listing) {
  ordered j;
  j["gold"] = r.gold_name;
  j["total"] = DocJson(r.total);
  ordered docs = ordered::array();
  for (const DocScore& d : r.docs) docs.push_back(DocJson(d));
  j["documents"] = docs;
  if (listing) {
    ordered misses = ordered::array(), alarms = ordered::array();
    for (const ListedEvent& e : r.misses) misses.push_back(ListedJson(e));
    for (const ListedEvent& e : r.false_alarms) alarms.push_back(ListedJson(e));
    j["misses"] = misses;
    j["false_alarms"] = alarms;
  }
  j["warnings"] = r.warnings;
  return j;
}

std::string FormatText(const SentenceReport& r, bool listing) {
  const char* unit = r.scheme == Scheme::kCameo ? "CAMEO codes" : "PLOVER types";
  std::string out = "gold: " + r.name + " (" + std::to_string(r.sentences) + " sentences, " + unit + ")\n\n";
  out += "  exact-sentence agreement: " + std::to_string(r.agreeing) + " of " + std::to_string(r.sentences) + " (" +
         Fixed(r.agreement()) + ")\n";
  out += "  validation tally: correct " + std::to_string(r.tally.correct) + ", uncoded " + std::to_string(r.tally.uncoded) +
         ", extra " + std::to_string(r.tally.extra) + "; TP = correct/(correct+uncoded) = " + Fixed(r.tally.tp_rate()) + "\n\n";
  out += CountsHeader();
  out += CountsRow("(source,target,code)", r.triples);
  out += CountsRow(r.scheme == Scheme::kCameo ? "(source,target,root)" : "(source,target,type)", r.roots);
  out += CountsRow("code alone", r.codes);
  out += CountsRow("(source,target) alone", r.actors);
  if (listing) {
    out += "\nsentences that disagree (" + std::to_string(r.disagreements.size()) + "):\n";
    for (const SentenceResult& s : r.disagreements) {
      out += "  " + s.id + "\n      gold:   " + TriplesText(s.gold) + "\n      system: " + TriplesText(s.system) + "\n";
    }
  }
  if (!r.warnings.empty()) {
    out += "\nwarnings (" + std::to_string(r.warnings.size()) + "):\n";
    for (const std::string& w : r.warnings) out += "  " + w + "\n";
  }
  return out;
}

ordered ToJson(const SentenceReport& r, bool listing) {
  ordered j;
  j["gold"] = r.name;
  j["scheme"] = r.scheme == Scheme::kCameo ? "cameo" : "plover";
  j["sentences"] = r.sentences;
  j["agreeing"] = r.agreeing;
  j["agreement"] = r.agreement();
  j["tally"] = {{"correct", r.tally.correct}, {"uncoded", r.tally.uncoded}, {"extra", r.tally.extra}, {"tp_rate", r.tally.tp_rate()}};
  j["triples"] = CountsJson(r.triples);
  j["roots"] = CountsJson(r.roots);
  j["codes"] = CountsJson(r.codes);
  j["actors"] = CountsJson(r.actors);
  if (listing) {
    ordered list = ordered::array();
    for (const SentenceResult& s : r.disagreements) list.push_back({{"id", s.id}, {"gold", TriplesJson(s.gold)}, {"system", TriplesJson(s.system)}});
    j["disagreements"] = list;
  }
  j["warnings"] = r.warnings;
  return j;
}

}  // namespace dyad::eval
