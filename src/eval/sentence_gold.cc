#include "eval/sentence_gold.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "base/strings.h"
#include "eval/json_fields.h"

namespace dyad::eval {
namespace {

using nlohmann::json;

// "20080804" or "2008-08-04".
std::optional<Date> ParseCompactDate(const std::string& s) {
  if (s.size() == 8 && s.find_first_not_of("0123456789") == std::string::npos) {
    return Date::Parse(s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2));
  }
  return Date::Parse(s);
}

// PETRARCH writes "---" for an actor it could not code: no actor at all.
std::string NoNullActor(std::string code) { return code == "---" ? "" : code; }

// The sentence written out from a CoNLL-U parse: each word's form, a space
// after it unless its MISC says SpaceAfter=No. Multiword-token ranges and
// empty nodes are skipped (their words are listed on their own lines).
std::string TextFromConllu(std::string_view conllu) {
  std::string text;
  for (std::string_view line : SplitLines(conllu)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols = Split(line, '\t');
    if (cols.size() < 2 || cols[0].find_first_of("-.") != std::string_view::npos) continue;
    text.append(cols[1]);
    bool glued = cols.size() >= 10 && cols[9].find("SpaceAfter=No") != std::string_view::npos;
    if (!glued) text += ' ';
  }
  return std::string(Trim(text));
}

// Calls fn(record, line) for each non-header JSON object line.
template <typename Fn>
Status ForEachRecord(std::string_view jsonl, const std::string& name, Fn fn) {
  int number = 0;
  for (std::string_view line : SplitLines(jsonl)) {
    ++number;
    if (Trim(line).empty()) continue;
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Status::DataError(Where{name, number, -1, std::string(line.substr(0, 60))}, "invalid JSON");
    if (!j.is_object()) return Status::DataError(Where{name, number}, "a line must be a JSON object");
    if (IsHeaderObject(j)) continue;
    DYAD_RETURN_IF_ERROR(fn(j, number));
  }
  return Status::Ok();
}

Status ReadCommon(const JsonFields& f, SentenceRecord* r) {
  DYAD_RETURN_IF_ERROR(f.String("id", &r->id));
  DYAD_RETURN_IF_ERROR(f.String("text", &r->text));
  // Dates are not scored here, and the files carry some short ones ("121108")
  // whose century would be a guess: keep only the full forms.
  std::string date;
  DYAD_RETURN_IF_ERROR(f.OptString("date", &date));
  if (!date.empty()) r->date = ParseCompactDate(date);
  return Status::Ok();
}

// PLOVER GSR actors: a list of {"actorText", "code", "sector"}; the CAMEO-style
// code is code + sector. Anything but a list (null, "", a stray word) is no actor.
Status ReadPloverActors(const JsonFields& f, std::string_view key, std::vector<std::string>* out) {
  const json* list = f.Get(key);
  if (!list || !list->is_array()) {
    out->push_back("");
    return Status::Ok();
  }
  for (const json& a : *list) {
    if (!a.is_object()) return f.Error(Quoted(key) + " must hold objects");
    JsonFields af(a, "", 0);
    std::string code, sector;
    if (!af.String("code", &code).ok() || !af.OptString("sector", &sector).ok()) {
      return f.Error(Quoted(key) + ": each actor needs a string \"code\"");
    }
    out->push_back(code + sector);
  }
  if (out->empty()) out->push_back("");
  return Status::Ok();
}

// Appends "#2", "#3", ... to repeated ids (PLOVER_GSR_CAMEO.jsonl repeats one).
void MakeIdsUnique(SentenceGoldSet* set) {
  std::map<std::string, int> seen;
  for (SentenceRecord& r : set->records) {
    int n = ++seen[r.id];
    if (n == 1) continue;
    std::string renamed = r.id + "#" + std::to_string(n);
    set->warnings.push_back(set->name + ":" + std::to_string(r.line) + ": id " + r.id + " repeats; this record is " + renamed);
    r.id = renamed;
  }
}

// One side of the comparison: a triple reduced to what a measure looks at.
using Key = std::string;
Key TripleKey(const SentenceEvent& e) { return e.source + "|" + e.target + "|" + e.code; }
Key RootKey(const SentenceEvent& e, Scheme scheme) {
  return e.source + "|" + e.target + "|" + (scheme == Scheme::kCameo ? e.code.substr(0, 2) : e.code);
}
Key CodeKey(const SentenceEvent& e) { return e.code; }
Key ActorKey(const SentenceEvent& e) { return e.source + "|" + e.target; }

// One-to-one matches between two multisets of keys.
int64_t MultisetMatches(std::vector<Key> a, std::vector<Key> b) {
  std::map<Key, int64_t> count;
  for (const Key& k : a) ++count[k];
  int64_t matched = 0;
  for (const Key& k : b) {
    auto it = count.find(k);
    if (it != count.end() && it->second > 0) {
      --it->second;
      ++matched;
    }
  }
  return matched;
}

template <typename KeyFn>
void AddCounts(const std::vector<SentenceEvent>& gold, const std::vector<SentenceEvent>& sys, KeyFn key, Counts* c) {
  std::vector<Key> g, s;
  for (const SentenceEvent& e : gold) g.push_back(key(e));
  for (const SentenceEvent& e : sys) s.push_back(key(e));
  int64_t matched = MultisetMatches(g, s);
  c->gold += g.size();
  c->system += s.size();
  c->matched_gold += matched;
  c->matched_system += matched;
}

}  // namespace

std::string CurrentPloverType(std::string_view type) {
  if (type == "DEMAND") return "REQUEST";
  if (type == "DISAPPROVE" || type == "INVESTIGATE") return "ACCUSE";
  if (type == "FIGHT") return "ASSAULT";
  return std::string(type);
}

Result<SentenceGoldSet> ParsePetr2Validation(std::string_view jsonl, const std::string& name) {
  SentenceGoldSet set{name, Scheme::kCameo, {}};
  Status s = ForEachRecord(jsonl, name, [&](const json& j, int line) -> Status {
    JsonFields f(j, name, line);
    SentenceRecord r;
    r.line = line;
    DYAD_RETURN_IF_ERROR(ReadCommon(f, &r));
    DYAD_RETURN_IF_ERROR(f.OptString("category", &r.category));
    // One record of the set carries its sentence only in its parse.
    if (Trim(r.text).empty()) {
      std::string parse;
      DYAD_RETURN_IF_ERROR(f.OptString("parse", &parse));
      r.text = TextFromConllu(parse);
      if (!r.text.empty()) {
        set.warnings.push_back(name + ":" + std::to_string(line) + ": " + r.id + ": empty \"text\"; the sentence is read from its \"parse\"");
      }
    }
    const json* events = f.Get("events");
    if (events && !events->is_array()) return f.Error("\"events\" must be a list");
    bool noevents = false;
    DYAD_RETURN_IF_ERROR(f.OptBool("noevents", &noevents));
    for (size_t i = 0; events && i < events->size(); ++i) {
      JsonFields e((*events)[i], name, line, "events[" + std::to_string(i) + "]: ");
      if (!(*events)[i].is_object()) return e.Error("must be an object");
      SentenceEvent ev;
      DYAD_RETURN_IF_ERROR(e.String("source", &ev.source));
      DYAD_RETURN_IF_ERROR(e.String("target", &ev.target));
      DYAD_RETURN_IF_ERROR(e.String("code", &ev.code));
      ev.source = NoNullActor(ev.source);
      ev.target = NoNullActor(ev.target);
      ev.label = ev.code;
      r.events.push_back(std::move(ev));
    }
    if (noevents && !r.events.empty()) return f.Error("\"noevents\" is true but events are listed");
    set.records.push_back(std::move(r));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  MakeIdsUnique(&set);
  return set;
}

Result<SentenceGoldSet> ParsePloverGsr(std::string_view jsonl, const std::string& name) {
  SentenceGoldSet set{name, Scheme::kPlover, {}};
  Status s = ForEachRecord(jsonl, name, [&](const json& j, int line) -> Status {
    JsonFields f(j, name, line);
    SentenceRecord r;
    r.line = line;
    DYAD_RETURN_IF_ERROR(ReadCommon(f, &r));
    std::string type;
    DYAD_RETURN_IF_ERROR(f.String("event", &type));
    r.category = type;
    std::vector<std::string> sources, targets;
    DYAD_RETURN_IF_ERROR(ReadPloverActors(f, "source", &sources));
    DYAD_RETURN_IF_ERROR(ReadPloverActors(f, "target", &targets));
    // A compound actor ("Hungarian and Romanian officials") is one event per
    // pair, as CAMEO coders split them.
    for (const std::string& src : sources) {
      for (const std::string& tgt : targets) r.events.push_back({src, tgt, CurrentPloverType(type), type});
    }
    set.records.push_back(std::move(r));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  MakeIdsUnique(&set);
  return set;
}

GoldFormat DetectGoldFormat(std::string_view content) {
  for (std::string_view line : SplitLines(content)) {
    if (Trim(line).empty()) continue;
    json j = json::parse(line, nullptr, false);
    if (!j.is_object()) return GoldFormat::kDyad;
    if (j.contains("_environment")) return GoldFormat::kPetr2;
    if (j.contains("event") && j.contains("text")) return GoldFormat::kPlover;
    if (j.contains("doc") && j.contains("events")) return GoldFormat::kDyad;
    if (j.contains("parse") || j.contains("noevents")) return GoldFormat::kPetr2;
    auto src = j.find("_source");
    if (src != j.end() && src->is_object()) {
      auto repo = src->find("repo");
      if (repo != src->end() && repo->is_string()) {
        const std::string& r = repo->get_ref<const std::string&>();
        if (r == "openeventdata/PLOVER") return GoldFormat::kPlover;
        if (r == "openeventdata/UniversalPetrarch") return GoldFormat::kPetr2;
      }
    }
    if (!IsHeaderObject(j)) return GoldFormat::kDyad;
  }
  return GoldFormat::kDyad;
}

std::optional<GoldFormat> ParseGoldFormat(std::string_view name) {
  if (name == "dyad") return GoldFormat::kDyad;
  if (name == "petr2") return GoldFormat::kPetr2;
  if (name == "plover") return GoldFormat::kPlover;
  return std::nullopt;
}

const char* GoldFormatName(GoldFormat format) {
  switch (format) {
    case GoldFormat::kDyad: return "dyad";
    case GoldFormat::kPetr2: return "petr2";
    case GoldFormat::kPlover: return "plover";
  }
  return "?";
}

Result<SentenceGoldSet> ReadSentenceGold(const std::string& path, GoldFormat format) {
  std::string content;
  if (!ReadWholeFile(path, &content)) return Status::IOError("cannot read " + path);
  if (format == GoldFormat::kPetr2) return ParsePetr2Validation(content, path);
  if (format == GoldFormat::kPlover) return ParsePloverGsr(content, path);
  return Status::InvalidArgument(path + ": not a sentence-level gold set");
}

double ValidationTally::tp_rate() const {
  return correct + uncoded ? static_cast<double>(correct) / (correct + uncoded) : 0.0;
}
ValidationTally& ValidationTally::operator+=(const ValidationTally& o) {
  correct += o.correct;
  uncoded += o.uncoded;
  extra += o.extra;
  return *this;
}

SentenceReport ScoreSentences(const SentenceGoldSet& gold, const SystemRecords& system) {
  SentenceReport report;
  report.name = gold.name;
  report.scheme = gold.scheme;
  report.warnings = gold.warnings;
  std::map<std::string, std::vector<SentenceEvent>> produced;
  for (const SystemEvent& e : system.events) {
    std::string code = gold.scheme == Scheme::kCameo ? e.cameo : CurrentPloverType(e.plover.value_or(""));
    // A PLOVER-less event (CAMEO 01x, 02x) says nothing in a PLOVER set.
    if (code.empty()) continue;
    produced[e.doc].push_back({e.source, e.target, code, code});
  }
  std::set<std::string> known;
  for (const SentenceRecord& r : gold.records) {
    known.insert(r.id);
    const std::vector<SentenceEvent>& sys = produced[r.id];
    ++report.sentences;
    AddCounts(r.events, sys, TripleKey, &report.triples);
    AddCounts(r.events, sys, [&](const SentenceEvent& e) { return RootKey(e, gold.scheme); }, &report.roots);
    AddCounts(r.events, sys, CodeKey, &report.codes);
    AddCounts(r.events, sys, ActorKey, &report.actors);
    std::vector<Key> g, s;
    for (const SentenceEvent& e : r.events) g.push_back(TripleKey(e));
    for (const SentenceEvent& e : sys) s.push_back(TripleKey(e));
    int64_t matched = MultisetMatches(g, s);
    ValidationTally t;
    if (r.events.empty()) {
      // validation.py counts an expected "noevents" as one item, found when nothing is coded.
      t = sys.empty() ? ValidationTally{1, 0, 0} : ValidationTally{0, 1, static_cast<int64_t>(sys.size())};
    } else {
      t = {matched, static_cast<int64_t>(g.size()) - matched, static_cast<int64_t>(s.size()) - matched};
    }
    report.tally += t;
    bool agrees = matched == static_cast<int64_t>(g.size()) && matched == static_cast<int64_t>(s.size());
    if (agrees) {
      ++report.agreeing;
    } else {
      report.disagreements.push_back({r.id, false, r.events, sys});
    }
  }
  for (const auto& [id, events] : produced) {
    if (!known.count(id)) report.warnings.push_back(id + ": not a sentence of the gold set; its " + std::to_string(events.size()) + " events were not scored");
  }
  return report;
}

}  // namespace dyad::eval
