#include "eval/score.h"

#include <algorithm>
#include <map>
#include <optional>

#include "eval/locate.h"

namespace dyad::eval {
namespace {

// FORMAT.md compares actor codes on country + first role.
std::string_view Six(std::string_view code) { return code.substr(0, 6); }
std::string_view Root(std::string_view code) { return code.substr(0, 2); }

bool ActorsAgree(const SystemEvent& s, const GoldEvent& g) {
  if (Six(s.source) == Six(g.source) && Six(s.target) == Six(g.target)) return true;
  return g.symmetric && Six(s.source) == Six(g.target) && Six(s.target) == Six(g.source);
}

// How well a system code fits a gold event, best first: 3 its code, 2 an alt
// code, 1 the root of either, 0 none. Also the ranking of best-first matching.
int CodeFit(std::string_view code, const GoldEvent& g) {
  if (code == g.cameo) return 3;
  if (std::find(g.alt.begin(), g.alt.end(), code) != g.alt.end()) return 2;
  if (Root(code) == Root(g.cameo)) return 1;
  for (const std::string& a : g.alt) {
    if (Root(code) == Root(a)) return 1;
  }
  return 0;
}

bool FitsLevel(int fit, Level level) {
  switch (level) {
    case Level::kRoot: return fit >= 1;
    case Level::kCode: return fit >= 2;
    case Level::kDyad: return true;
  }
  return false;
}

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 'a' - 'A';
    if (y >= 'A' && y <= 'Z') y += 'a' - 'A';
    if (x != y) return false;
  }
  return true;
}

// At most `max` bytes of `s` on one line, cut on a UTF-8 character boundary.
std::string Snippet(std::string_view s, size_t max = 90) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  if (out.size() <= max) return out;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  return out.substr(0, cut) + "...";
}

// A pair that may match, with what ranks it: better code fit, then more of
// the two spans shared, then closer starts; indices break ties stably.
struct Candidate {
  int fit = 0;
  double shared = 0;  // overlap / union of the two spans
  uint32_t distance = 0;
  size_t sys = 0, gold = 0;
};

bool Better(const Candidate& a, const Candidate& b) {
  if (a.fit != b.fit) return a.fit > b.fit;
  if (a.shared != b.shared) return a.shared > b.shared;
  if (a.distance != b.distance) return a.distance < b.distance;
  if (a.sys != b.sys) return a.sys < b.sys;
  return a.gold < b.gold;
}

// Greedy one-to-one matching, best pair first. Returns gold index per system
// item (or -1).
std::vector<int> GreedyMatch(std::vector<Candidate> candidates, size_t n_sys, size_t n_gold) {
  std::sort(candidates.begin(), candidates.end(), Better);
  std::vector<int> gold_of(n_sys, -1);
  std::vector<bool> gold_used(n_gold, false);
  for (const Candidate& c : candidates) {
    if (gold_of[c.sys] >= 0 || gold_used[c.gold]) continue;
    gold_of[c.sys] = static_cast<int>(c.gold);
    gold_used[c.gold] = true;
  }
  return gold_of;
}

int64_t CountMatched(const std::vector<int>& gold_of) {
  return std::count_if(gold_of.begin(), gold_of.end(), [](int g) { return g >= 0; });
}

double SharedRatio(const Span& a, const Span& b) {
  uint32_t inter = OverlapSize(a, b);
  uint32_t uni = std::max(a.end, b.end) - std::min(a.begin, b.begin);
  return uni ? static_cast<double>(inter) / uni : 0.0;
}

uint32_t Distance(const Span& a, const Span& b) { return a.begin > b.begin ? a.begin - b.begin : b.begin - a.begin; }

// Everything known about one gold document and the system records for it.
struct DocInput {
  const GoldDocument* gold = nullptr;
  std::vector<const SystemEvent*> events;
  std::vector<const SystemQuote*> quotes;
  std::vector<const SystemMention*> mentions;
};

class DocScorer {
 public:
  DocScorer(const DocInput& in, EvalReport* report) : in_(in), doc_(*in.gold), report_(report) {}

  DocScore Score() {
    DocScore score;
    score.doc = doc_.doc;
    ScoreEvents(&score);
    ScoreQuotes(&score);
    ScoreMentions(&score);
    return score;
  }

 private:
  void Warn(const std::string& what) { report_->warnings.push_back(doc_.doc + ": " + what); }

  // Where `needle` (a gold annotation) stands in the document, warning when
  // only normalized white space finds it, or nothing does.
  std::optional<Span> LocateGold(const std::string& needle, const std::string& what) {
    std::optional<Located> at = LocateText(doc_.text, needle);
    if (!at) {
      Warn(what + " not found in the text: \"" + Snippet(needle, 60) + "\"");
      return std::nullopt;
    }
    if (at->normalized) Warn(what + " found only after white-space normalization: \"" + Snippet(needle, 60) + "\"");
    return at->span;
  }

  // A system record's span: its offsets, else its text located in the document.
  std::optional<Span> SystemSpan(const std::optional<Span>& span, const std::string& text, int line,
                                 const char* kind) {
    std::string where = std::string("system ") + kind + (line > 0 ? " at line " + std::to_string(line) : "");
    if (span) {
      if (span->end > doc_.text.size()) Warn(where + ": span " + std::to_string(span->begin) + ".." + std::to_string(span->end) + " runs past the document's end");
      return span;
    }
    if (text.empty()) {
      Warn(where + ": no span and no text, cannot be placed");
      return std::nullopt;
    }
    std::optional<Located> at = LocateText(doc_.text, text);
    if (!at) Warn(where + ": no span, and its text is not in the document");
    return at ? std::optional<Span>(at->span) : std::nullopt;
  }

  void ScoreEvents(DocScore* score) {
    const std::vector<GoldEvent>& gold = doc_.events;
    std::vector<std::optional<Span>> gold_spans;
    for (size_t i = 0; i < gold.size(); ++i) gold_spans.push_back(LocateGold(gold[i].sentence, "gold event " + std::to_string(i) + " sentence"));
    std::vector<std::optional<Span>> sys_spans;
    for (const SystemEvent* e : in_.events) sys_spans.push_back(SystemSpan(e->span, e->sentence, e->line, "event"));

    std::vector<Candidate> candidates;
    std::vector<bool> gold_touched(gold.size(), false), sys_touched(in_.events.size(), false);
    for (size_t s = 0; s < in_.events.size(); ++s) {
      for (size_t g = 0; g < gold.size(); ++g) {
        if (!sys_spans[s] || !gold_spans[g] || !Overlaps(*sys_spans[s], *gold_spans[g])) continue;
        sys_touched[s] = gold_touched[g] = true;
        if (!ActorsAgree(*in_.events[s], gold[g])) continue;
        candidates.push_back({CodeFit(in_.events[s]->cameo, gold[g]), SharedRatio(*sys_spans[s], *gold_spans[g]),
                              Distance(*sys_spans[s], *gold_spans[g]), s, g});
      }
    }
    std::vector<int> at_level[3];
    for (Level level : {Level::kRoot, Level::kCode, Level::kDyad}) {
      std::vector<Candidate> fitting;
      for (const Candidate& c : candidates) {
        if (FitsLevel(c.fit, level)) fitting.push_back(c);
      }
      std::vector<int>& gold_of = at_level[static_cast<int>(level)];
      gold_of = GreedyMatch(std::move(fitting), in_.events.size(), gold.size());
      Counts& counts = score->events.at(level);
      counts.system = in_.events.size();
      counts.gold = gold.size();
      counts.matched_system = counts.matched_gold = CountMatched(gold_of);
    }
    const std::vector<int>& dyad = at_level[static_cast<int>(Level::kDyad)];
    for (size_t s = 0; s < dyad.size(); ++s) {
      if (dyad[s] < 0 || !gold[dyad[s]].event_date) continue;
      ++score->dates.dated;
      if (in_.events[s]->event_date == gold[dyad[s]].event_date) ++score->dates.correct;
    }
    ListUnmatched(at_level, gold_spans, sys_spans, gold_touched, sys_touched);
  }

  void ListUnmatched(const std::vector<int> (&at_level)[3], const std::vector<std::optional<Span>>& gold_spans,
                     const std::vector<std::optional<Span>>& sys_spans, const std::vector<bool>& gold_touched,
                     const std::vector<bool>& sys_touched) {
    const std::vector<GoldEvent>& gold = doc_.events;
    auto matched_gold = [&](Level level) {
      std::vector<bool> m(gold.size(), false);
      for (int g : at_level[static_cast<int>(level)]) {
        if (g >= 0) m[g] = true;
      }
      return m;
    };
    auto nearest = [](bool root, bool dyad, bool touched) -> std::string {
      return root ? "root" : dyad ? "dyad" : touched ? "span" : "";
    };
    std::vector<bool> code = matched_gold(Level::kCode), root = matched_gold(Level::kRoot), dyad = matched_gold(Level::kDyad);
    for (size_t g = 0; g < gold.size(); ++g) {
      if (code[g]) continue;
      const GoldEvent& e = gold[g];
      report_->misses.push_back({doc_.doc, gold_spans[g] ? gold_spans[g]->begin : 0, Snippet(e.sentence), e.source,
                                 e.target, e.cameo, e.alt, nearest(root[g], dyad[g], gold_touched[g])});
    }
    for (size_t s = 0; s < in_.events.size(); ++s) {
      if (at_level[static_cast<int>(Level::kCode)][s] >= 0) continue;
      const SystemEvent& e = *in_.events[s];
      std::string text = e.sentence;
      if (text.empty() && sys_spans[s] && sys_spans[s]->end <= doc_.text.size()) {
        text = doc_.text.substr(sys_spans[s]->begin, sys_spans[s]->size());
      }
      report_->false_alarms.push_back({doc_.doc, sys_spans[s] ? sys_spans[s]->begin : 0, Snippet(text), e.source,
                                       e.target, e.cameo, {},
                                       nearest(at_level[static_cast<int>(Level::kRoot)][s] >= 0,
                                               at_level[static_cast<int>(Level::kDyad)][s] >= 0, sys_touched[s])});
    }
  }

  void ScoreQuotes(DocScore* score) {
    std::vector<std::optional<Span>> gold_spans, sys_spans;
    for (size_t i = 0; i < doc_.quotes.size(); ++i) gold_spans.push_back(LocateGold(doc_.quotes[i].quote, "gold quote " + std::to_string(i)));
    for (const SystemQuote* q : in_.quotes) sys_spans.push_back(SystemSpan(q->span, q->quote, q->line, "quote"));
    std::vector<Candidate> text_only, full;
    for (size_t s = 0; s < in_.quotes.size(); ++s) {
      for (size_t g = 0; g < doc_.quotes.size(); ++g) {
        if (!sys_spans[s] || !gold_spans[g] || !Overlaps(*sys_spans[s], *gold_spans[g])) continue;
        Candidate c{0, SharedRatio(*sys_spans[s], *gold_spans[g]), Distance(*sys_spans[s], *gold_spans[g]), s, g};
        text_only.push_back(c);
        if (Six(in_.quotes[s]->speaker) == Six(doc_.quotes[g].speaker)) full.push_back(c);
      }
    }
    for (auto [counts, candidates] : {std::pair{&score->quotes, &full}, std::pair{&score->quote_text, &text_only}}) {
      counts->system = in_.quotes.size();
      counts->gold = doc_.quotes.size();
      counts->matched_system = counts->matched_gold =
          CountMatched(GreedyMatch(*candidates, in_.quotes.size(), doc_.quotes.size()));
    }
  }

  void ScoreMentions(DocScore* score) {
    std::vector<std::vector<Span>> occurrences;
    for (size_t i = 0; i < doc_.actors.size(); ++i) {
      std::vector<Span> at = FindAll(doc_.text, doc_.actors[i].text);
      if (at.empty()) {
        if (std::optional<Span> s = LocateGold(doc_.actors[i].text, "gold actor " + std::to_string(i))) at.push_back(*s);
      }
      occurrences.push_back(std::move(at));
    }
    std::vector<bool> found(doc_.actors.size(), false);
    int64_t correct = 0;
    for (const SystemMention* m : in_.mentions) {
      bool right = false;
      for (size_t g = 0; g < doc_.actors.size(); ++g) {
        const GoldActor& a = doc_.actors[g];
        if (Six(m->code) != Six(a.code)) continue;
        bool same_text = EqualsIgnoreAsciiCase(m->text, a.text);
        bool overlapping = m->span && std::any_of(occurrences[g].begin(), occurrences[g].end(),
                                                  [&](const Span& o) { return Overlaps(o, *m->span); });
        if (same_text || overlapping) right = found[g] = true;
      }
      if (right) ++correct;
    }
    score->mentions.system = in_.mentions.size();
    score->mentions.gold = doc_.actors.size();
    score->mentions.matched_system = correct;
    score->mentions.matched_gold = std::count(found.begin(), found.end(), true);
  }

  const DocInput& in_;
  const GoldDocument& doc_;
  EvalReport* report_;
};

double Ratio(int64_t num, int64_t den, bool both_empty) {
  if (den == 0) return both_empty ? 1.0 : 0.0;
  return static_cast<double>(num) / den;
}

}  // namespace

double Counts::precision() const { return Ratio(matched_system, system, gold == 0); }
double Counts::recall() const { return Ratio(matched_gold, gold, system == 0); }
double Counts::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
Counts& Counts::operator+=(const Counts& o) {
  system += o.system;
  gold += o.gold;
  matched_system += o.matched_system;
  matched_gold += o.matched_gold;
  return *this;
}

const char* LevelName(Level level) {
  switch (level) {
    case Level::kRoot: return "root";
    case Level::kCode: return "code";
    case Level::kDyad: return "dyad";
  }
  return "?";
}

const Counts& EventCounts::at(Level level) const {
  switch (level) {
    case Level::kRoot: return root;
    case Level::kCode: return code;
    case Level::kDyad: return dyad;
  }
  return dyad;
}
Counts& EventCounts::at(Level level) {
  return const_cast<Counts&>(static_cast<const EventCounts&>(*this).at(level));
}
EventCounts& EventCounts::operator+=(const EventCounts& o) {
  root += o.root;
  code += o.code;
  dyad += o.dyad;
  return *this;
}
DateCounts& DateCounts::operator+=(const DateCounts& o) {
  dated += o.dated;
  correct += o.correct;
  return *this;
}
DocScore& DocScore::operator+=(const DocScore& o) {
  events += o.events;
  quotes += o.quotes;
  quote_text += o.quote_text;
  dates += o.dates;
  mentions += o.mentions;
  return *this;
}

EvalReport ScoreGold(const GoldSet& gold, const SystemRecords& system) {
  EvalReport report;
  report.gold_name = gold.name;
  report.total.doc = "all";
  std::map<std::string, DocInput> by_doc;
  for (const GoldDocument& d : gold.documents) by_doc[d.doc].gold = &d;
  std::map<std::string, int> unknown;
  auto input_for = [&](const std::string& doc) -> DocInput* {
    auto it = by_doc.find(doc);
    if (it == by_doc.end()) {
      ++unknown[doc];
      return nullptr;
    }
    return &it->second;
  };
  for (const SystemEvent& e : system.events) {
    if (DocInput* in = input_for(e.doc)) in->events.push_back(&e);
  }
  for (const SystemQuote& q : system.quotes) {
    if (DocInput* in = input_for(q.doc)) in->quotes.push_back(&q);
  }
  for (const SystemMention& m : system.mentions) {
    if (DocInput* in = input_for(m.doc)) in->mentions.push_back(&m);
  }
  for (const auto& [doc, n] : unknown) {
    report.warnings.push_back(doc + ": not in the gold file; its " + std::to_string(n) + " system records were not scored");
  }
  for (const GoldDocument& d : gold.documents) {
    DocScore score = DocScorer(by_doc[d.doc], &report).Score();
    report.total += score;
    report.docs.push_back(std::move(score));
  }
  return report;
}

Result<EvalReport> ScoreGoldFile(const std::string& gold_path, const SystemRecords& system) {
  Result<GoldSet> gold = ReadGoldFile(gold_path);
  if (!gold.ok()) return gold.status();
  return ScoreGold(*gold, system);
}

SystemRecords GoldAsSystem(const GoldSet& gold, std::vector<std::string>* warnings) {
  SystemRecords out;
  auto locate = [&](const GoldDocument& d, const std::string& needle) -> std::optional<Span> {
    std::optional<Located> at = LocateText(d.text, needle);
    if (!at) warnings->push_back(d.doc + ": not found in the text: \"" + needle.substr(0, 60) + "\"");
    return at ? std::optional<Span>(at->span) : std::nullopt;
  };
  for (const GoldDocument& d : gold.documents) {
    for (const GoldEvent& g : d.events) {
      SystemEvent& e = out.events.emplace_back();
      e.doc = d.doc;
      e.source = g.source;
      e.target = g.target;
      e.cameo = g.cameo;
      e.plover = g.plover;
      e.event_date = g.event_date;
      e.sentence = g.sentence;
      e.span = locate(d, g.sentence);
    }
    for (const GoldQuote& g : d.quotes) {
      out.quotes.push_back({d.doc, g.speaker, g.quote, locate(d, g.quote)});
    }
    for (const GoldActor& g : d.actors) {
      out.mentions.push_back({d.doc, g.text, g.name, g.code, locate(d, g.text)});
    }
  }
  return out;
}

}  // namespace dyad::eval
