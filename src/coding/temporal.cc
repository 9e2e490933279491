#include "coding/temporal.h"

#include <algorithm>
#include <cctype>

#include "base/strings.h"
#include "text/utf8.h"

namespace dyad::coding {

using namespace std::string_view_literals;  // "x"sv: comparing a std::string with it checks the size first

// ---------------------------------------------------------------------------
// Calendar arithmetic (H. Hinnant's days_from_civil / civil_from_days).

int64_t DaysFromCivil(const Date& d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

int Weekday(const Date& d) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (DaysFromCivil(d) + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

namespace {

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

bool IsValidDate(const Date& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

namespace {

Date AddDays(const Date& d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

// Months added with the day clamped to the month's length (Jan 31 + 1 month = Feb 28/29).
Date AddMonths(const Date& d, int n) {
  int index = d.year * 12 + (d.month - 1) + n;
  Date r{index / 12, index % 12 + 1, 1};
  r.day = std::min(d.day, DaysInMonth(r.year, r.month));
  return r;
}

Date Shift(const Date& d, int count, Granularity unit) {
  switch (unit) {
    case Granularity::kDay: return AddDays(d, count);
    case Granularity::kWeek: return AddDays(d, 7 * count);
    case Granularity::kMonth: return AddMonths(d, count);
    case Granularity::kYear: return AddMonths(d, 12 * count);
  }
  return d;
}

// The first day of the period of size `g` that holds `d`.
Date StartOf(const Date& d, Granularity g) {
  switch (g) {
    case Granularity::kDay: return d;
    case Granularity::kWeek: return AddDays(d, 1 - Weekday(d));
    case Granularity::kMonth: return Date{d.year, d.month, 1};
    case Granularity::kYear: return Date{d.year, 1, 1};
  }
  return d;
}

Date WithDay(Date d, int day) {
  d.day = day;
  return d;
}

int64_t DaysBetween(const Date& from, const Date& to) { return DaysFromCivil(to) - DaysFromCivil(from); }

// ---------------------------------------------------------------------------
// Loading.

bool ParseSigned(std::string_view s, int* out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  return ParseInt(s, out);
}

using IntMap = std::map<std::string, int, std::less<>>;

// How each kind of line is checked and stored.
struct KindSpec {
  IntMap* map = nullptr;                       // single-word kinds with an int value
  std::vector<TemporalPhrase>* phrases = nullptr;  // multi-word kinds
  int min = 0, max = 0;                        // allowed value range
  bool no_value = false;                       // value must be "-"
  bool units = false;                          // value is day|week|month|year
};

bool FindSpec(TemporalResources& r, std::string_view kind, KindSpec* spec) {
  if (kind == "month"sv) *spec = {&r.months, nullptr, 1, 12};
  else if (kind == "weekday"sv) *spec = {&r.weekdays, nullptr, 1, 7};
  else if (kind == "number"sv) *spec = {&r.numbers, nullptr, 0, 1000};
  else if (kind == "unit"sv) *spec = {nullptr, nullptr, 0, 0, false, true};
  else if (kind == "deictic"sv) *spec = {nullptr, &r.deictics, -7, 7};
  else if (kind == "daypart"sv) *spec = {&r.dayparts, nullptr, 0, 0, true};
  else if (kind == "modifier"sv) *spec = {&r.modifiers, nullptr, -1, 1};
  else if (kind == "narrative"sv) *spec = {nullptr, &r.narratives, -1, 1};
  else if (kind == "shift"sv) *spec = {&r.shifts, nullptr, -1, 1};
  else if (kind == "shift_prep"sv) *spec = {&r.shift_preps, nullptr, -1, 1};
  else if (kind == "ago"sv) *spec = {&r.agos, nullptr, -1, -1};
  else if (kind == "cue"sv) *spec = {&r.cues, nullptr, 0, 0, true};
  else if (kind == "future_aux"sv) *spec = {&r.future_aux, nullptr, 0, 0, true};
  else if (kind == "future_verb"sv) *spec = {&r.future_verbs, nullptr, 0, 0, true};
  else return false;
  return true;
}

std::optional<Granularity> ParseUnit(std::string_view s) {
  if (s == "day"sv) return Granularity::kDay;
  if (s == "week"sv) return Granularity::kWeek;
  if (s == "month"sv) return Granularity::kMonth;
  if (s == "year"sv) return Granularity::kYear;
  return std::nullopt;
}

// Folded words of a phrase; empty when the phrase has an empty word (double
// or edge spaces).
std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> words;
  for (std::string_view w : Split(phrase, ' ')) {
    if (w.empty()) return {};
    words.push_back(text::FoldKey(w));
  }
  return words;
}

// Checks the value column against the kind's spec: "" when it is fine, else
// what is wrong.
std::string ValueError(const KindSpec& spec, std::string_view kind, std::string_view field, int* value) {
  // Built by appending: GCC 12 warns (-Wrestrict, a false positive) on
  // "literal" + std::string.
  std::string got = "'";
  got.append(field).append("'");
  if (spec.units) return ParseUnit(field) ? "" : "unit must be day, week, month or year: " + got;
  if (spec.no_value) return field == "-"sv ? "" : "kind " + std::string(kind) + " takes no value (\"-\"), found " + got;
  if (ParseSigned(field, value) && *value >= spec.min && *value <= spec.max) return "";
  return "value must be an integer in " + std::to_string(spec.min) + ".." + std::to_string(spec.max) + ": " + got;
}

// Stores a checked entry; false when it is a duplicate.
bool Store(TemporalResources& r, const KindSpec& spec, std::vector<std::string> words, std::string_view field,
           int value) {
  if (spec.units) return r.units.emplace(words[0], *ParseUnit(field)).second;
  if (spec.phrases) {
    spec.phrases->push_back({std::move(words), value});
    return true;
  }
  return spec.map->emplace(words[0], value).second;
}

Status AddLine(TemporalResources& r, const DataLine& line, const std::string& name) {
  auto error = [&](const std::string& what) {
    return Status::DataError(Where{name, line.number, -1, std::string(line.text.substr(0, 60))}, what);
  };
  std::vector<std::string_view> f = Split(line.text, '\t');
  if (f.size() != 3) {
    return error("expected 3 tab-separated fields (kind, phrase, value), found " + std::to_string(f.size()));
  }
  const std::string kind(f[0]), phrase(f[1]);
  KindSpec spec;
  if (!FindSpec(r, kind, &spec)) return error("unknown kind '" + kind + "'");
  std::vector<std::string> words = PhraseWords(phrase);
  if (words.empty()) return error("empty word in phrase '" + phrase + "'");
  if (!spec.phrases && words.size() != 1) return error("kind " + kind + " takes one word, found '" + phrase + "'");
  int value = 0;
  if (std::string what = ValueError(spec, kind, f[2], &value); !what.empty()) return error(what);
  if (!Store(r, spec, std::move(words), f[2], value)) return error("duplicate " + kind + " '" + phrase + "'");
  return Status::Ok();
}

void LongestFirst(std::vector<TemporalPhrase>* phrases) {
  std::stable_sort(phrases->begin(), phrases->end(),
                   [](const TemporalPhrase& a, const TemporalPhrase& b) { return a.words.size() > b.words.size(); });
}

// Every word a reading of Scanner::At can start with, but numerals: "the"
// (CountShift), numbers, modifiers, months, weekdays, and the first words of
// the phrases (which are never empty: AddLine refuses those).
void IndexStarts(TemporalResources* r) {
  r->starts.insert("the");
  for (const auto* m : {&r->numbers, &r->modifiers, &r->months, &r->weekdays})
    for (const auto& entry : *m) r->starts.insert(entry.first);
  for (const auto* phrases : {&r->deictics, &r->narratives})
    for (const TemporalPhrase& p : *phrases) r->starts.insert(p.words[0]);
}

}  // namespace

Result<TemporalResources> TemporalResources::Load(const std::string& data_dir) {
  const std::string path = data_dir + "/time/temporal.tsv";
  std::string content;
  if (!ReadWholeFile(path, &content)) return Status::IOError("cannot read " + path);
  return Parse(content, path);
}

Result<TemporalResources> TemporalResources::Parse(std::string_view tsv, const std::string& name) {
  TemporalResources r;
  for (const DataLine& line : DataLines(tsv)) DYAD_RETURN_IF_ERROR(AddLine(r, line, name));
  if (r.months.empty() || r.weekdays.empty() || r.units.empty()) {
    return Status::DataError(Where{name}, "months, weekdays and units are required");
  }
  LongestFirst(&r.deictics);
  LongestFirst(&r.narratives);
  IndexStarts(&r);
  return r;
}

// ---------------------------------------------------------------------------
// Finding expressions.

namespace {

// True when the syntax stage has given the sentence a tree whose heads all
// point inside it (a hand-made or half-filled one is read as no tree).
bool HasTree(const Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  bool any = false;
  for (const Token& t : s.tokens) {
    if (t.head < -1 || t.head >= n) return false;
    any = any || !t.deprel.empty();
  }
  return any;
}

// The token of [first, last) whose head lies outside it (the last such; the
// last token when the span has no tree).
int SpanHead(const Sentence& s, int first, int last) {
  int head = last - 1;
  for (int k = first; k < last; ++k) {
    int h = s.tokens[k].head;
    if (h < first || h >= last) head = k;
  }
  return head;
}

// What a matcher found at a token: the end of its span and the period.
struct Match {
  int last = 0;
  Granularity granularity = Granularity::kDay;
  Date date;
  const char* rule = "";
  bool from_previous = false;
};

// The sentence as the matchers see it: folded forms, plus the dates.
class Scanner {
 public:
  Scanner(const Sentence& s, const Date& anchor, const TemporalResources& res, const std::optional<Date>& previous)
      : s_(s), anchor_(anchor), res_(res), previous_(previous) {
    keys_.reserve(s.tokens.size());
    for (const Token& t : s.tokens) keys_.push_back(text::FoldKey(t.form));
  }

  std::vector<TimeExpression> Run();

 private:
  int size() const { return static_cast<int>(keys_.size()); }
  const std::string& Key(int i) const {
    static const std::string kEmpty;
    return i >= 0 && i < size() ? keys_[i] : kEmpty;
  }
  static std::optional<int> Lookup(const IntMap& m, std::string_view key) {
    auto it = m.find(key);
    if (it == m.end()) return std::nullopt;
    return it->second;
  }
  bool Phrase(int i, const TemporalPhrase& p) const;
  bool FutureByTree(int first, int last) const;
  bool FutureByWords(int first, int last) const;
  bool Future(int first, int last) const;
  bool Cued(int i) const;
  bool EndsPhrase(int i) const;

  std::optional<int> Year(int i) const;
  std::optional<int> Day(int i) const;
  std::optional<int> Count(int i) const;
  int SkipDaypart(int i) const;
  Date InferYear(int month, int day, bool future) const;

  bool MayStart(int i) const;
  std::optional<Match> At(int i) const;
  std::optional<Match> Iso(int i) const;
  std::optional<Match> Deictic(int i) const;
  std::optional<Match> Narrative(int i) const;
  std::optional<Match> CountShift(int i) const;
  std::optional<Match> Modified(int i) const;
  std::optional<Match> WeekdayAt(int i, int modifier, int first) const;
  std::optional<Match> MonthDay(int i) const;
  std::optional<Match> DayMonth(int i) const;
  std::optional<Match> MonthYear(int i) const;
  std::optional<Match> CuedMonth(int i) const;
  std::optional<Match> CuedYear(int i) const;
  std::optional<Match> OrdinalDay(int i) const;
  std::optional<int> YearAfter(int i, int* end) const;
  std::optional<Match> DayDate(int first, int month, int day, int end, const char* rule) const;

  const Sentence& s_;
  const Date anchor_;
  const TemporalResources& res_;
  const std::optional<Date> previous_;
  std::vector<std::string> keys_;
};

bool Scanner::Phrase(int i, const TemporalPhrase& p) const {
  if (i + static_cast<int>(p.words.size()) > size()) return false;
  for (size_t k = 0; k < p.words.size(); ++k) {
    if (keys_[i + k] != p.words[k]) return false;
  }
  return true;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A 4-digit year in a plausible news range.
std::optional<int> Scanner::Year(int i) const {
  const std::string& k = Key(i);
  int y = 0;
  if (k.size() != 4 || !IsDigits(k) || !ParseInt(k, &y) || y < 1900 || y > 2100) return std::nullopt;
  return y;
}

// A day of the month: "21", "21st", "2nd", "3rd", "4th".
std::optional<int> Scanner::Day(int i) const {
  std::string_view k = Key(i);
  if (k.size() > 2 && (EndsWith(k, "st") || EndsWith(k, "nd") || EndsWith(k, "rd") || EndsWith(k, "th"))) {
    k.remove_suffix(2);
  }
  int d = 0;
  if (k.empty() || k.size() > 2 || !IsDigits(k) || !ParseInt(k, &d) || d < 1 || d > 31) return std::nullopt;
  return d;
}

// A count before a unit: a number word or digits.
std::optional<int> Scanner::Count(int i) const {
  if (auto n = Lookup(res_.numbers, Key(i))) return n;
  int n = 0;
  if (Key(i).size() <= 3 && IsDigits(Key(i)) && ParseInt(Key(i), &n)) return n;
  return std::nullopt;
}

// Past a part of the day after a day ("Thursday night"): the new end.
int Scanner::SkipDaypart(int i) const { return res_.dayparts.count(Key(i)) ? i + 1 : i; }

// A cue word just before token i, or before a hyphen there ("mid-April").
bool Scanner::Cued(int i) const {
  auto cue = [&](int k) { return res_.cues.count(Key(k)) > 0 || res_.modifiers.count(Key(k)) > 0; };
  if (cue(i - 1)) return true;
  return Key(i - 1) == "-"sv && cue(i - 2);
}

// True when token i closes a phrase: the sentence ends or punctuation follows.
bool Scanner::EndsPhrase(int i) const {
  if (i >= size() || keys_[i].empty()) return true;
  unsigned char c = static_cast<unsigned char>(keys_[i][0]);
  return !(std::isalnum(c) || c >= 0x80);
}

// Future by the tree: the verb the expression hangs on (or, for a copula
// clause, the expression itself) has a future auxiliary, or is the
// "to"-complement of a future verb ("plans to meet"); conjuncts share their
// first conjunct's auxiliaries.
bool Scanner::FutureByTree(int first, int last) const {
  int h = SpanHead(s_, first, last);
  int verb = s_.tokens[h].head >= 0 ? s_.tokens[h].head : h;
  for (int hops = 0; verb >= 0 && hops < 4; ++hops) {
    const Token& v = s_.tokens[verb];
    if (v.xpos == "VBD"sv) return false;
    for (int k = 0; k < size(); ++k) {
      const Token& t = s_.tokens[k];
      if (t.head != verb || !StartsWith(t.deprel, "aux")) continue;
      if (res_.future_aux.count(keys_[k]) || res_.future_aux.count(t.lemma)) return true;
    }
    if (v.deprel == "xcomp"sv && v.head >= 0) {
      const Token& gov = s_.tokens[v.head];
      if (res_.future_verbs.count(keys_[v.head]) || res_.future_verbs.count(gov.lemma)) return true;
    }
    if (v.deprel != "conj"sv && v.deprel != "xcomp"sv) break;
    verb = v.head;
  }
  return false;
}

bool IsClauseBreak(std::string_view k) {
  return k == ","sv || k == ";"sv || k == ":"sv || k == "\""sv || k == "“"sv || k == "”"sv || k == "("sv || k == ")"sv;
}

// Future by the words: a future auxiliary, or a future verb with "to", in the
// clause before the expression; for an expression that opens the sentence
// ("On Friday, they will meet"), in the clause after it.
bool Scanner::FutureByWords(int first, int last) const {
  auto future_at = [&](int k) {
    return res_.future_aux.count(keys_[k]) > 0 || (res_.future_verbs.count(keys_[k]) > 0 && Key(k + 1) == "to"sv);
  };
  bool opening = true;
  for (int k = first - 1; k >= 0 && !IsClauseBreak(keys_[k]); --k) {
    if (future_at(k)) return true;
    if (!res_.cues.count(keys_[k]) && keys_[k] != "on"sv && keys_[k] != "el"sv) opening = false;
  }
  if (!opening) return false;
  int k = last;
  if (Key(k) == ","sv) ++k;
  for (; k < size() && !IsClauseBreak(keys_[k]); ++k) {
    if (future_at(k)) return true;
  }
  return false;
}

bool Scanner::Future(int first, int last) const {
  return HasTree(s_) ? FutureByTree(first, last) : FutureByWords(first, last);
}

// The month-day nearest the anchor that a news report would mean: from ten
// months before to two months after the anchor; for a future verb, from a
// week before to a year after.
Date Scanner::InferYear(int month, int day, bool future) const {
  const int64_t lo = future ? -7 : -305, hi = future ? 358 : 60;
  Date best{anchor_.year, month, std::min(day, DaysInMonth(anchor_.year, month))};
  for (int y = anchor_.year - 1; y <= anchor_.year + 1; ++y) {
    Date d{y, month, day};
    if (!IsValidDate(d)) continue;
    int64_t delta = DaysBetween(anchor_, d);
    if (delta >= lo && delta <= hi) return d;
  }
  return best;
}

std::optional<Match> Scanner::Iso(int i) const {
  std::string text = keys_[i];
  int last = i + 1;
  if (Year(i) && Key(i + 1) == "-"sv && Key(i + 3) == "-"sv) {
    text = keys_[i] + "-" + Key(i + 2) + "-" + Key(i + 4);
    last = i + 5;
  }
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::optional<Date> d = Date::Parse(text);
  if (!d || !IsValidDate(*d)) return std::nullopt;
  return Match{last, Granularity::kDay, *d, "iso"};
}

std::optional<Match> Scanner::Deictic(int i) const {
  for (const TemporalPhrase& p : res_.deictics) {
    if (!Phrase(i, p)) continue;
    int last = SkipDaypart(i + static_cast<int>(p.words.size()));
    return Match{last, Granularity::kDay, AddDays(anchor_, p.value), "deictic"};
  }
  return std::nullopt;
}

// "the next day", "the previous week", "that day": from the previous event
// date. "that day" names the previous date itself, so it needs one.
std::optional<Match> Scanner::Narrative(int i) const {
  for (const TemporalPhrase& p : res_.narratives) {
    if (!Phrase(i, p)) continue;
    int u = i + static_cast<int>(p.words.size());
    auto unit = res_.units.find(Key(u));
    if (unit == res_.units.end()) continue;
    if (p.value == 0 && !previous_) return std::nullopt;
    Date base = previous_.value_or(anchor_);
    Granularity g = unit->second;
    Date d = StartOf(Shift(base, p.value, g), g);
    return Match{SkipDaypart(u + 1), g, d, "narrative", previous_.has_value()};
  }
  return std::nullopt;
}

// "two days ago", "a week later", "three days earlier", "the day before".
// Weeks count as seven days; month and year shifts name only a month or year.
std::optional<Match> Scanner::CountShift(int i) const {
  std::optional<int> count = Key(i) == "the"sv ? std::optional<int>(1) : Count(i);
  if (!count) return std::nullopt;
  auto unit = res_.units.find(Key(i + 1));
  if (unit == res_.units.end()) return std::nullopt;
  const std::string& word = Key(i + 2);
  Granularity g = unit->second == Granularity::kWeek ? Granularity::kDay : unit->second;
  if (auto ago = Lookup(res_.agos, word); ago && Key(i) != "the"sv) {
    return Match{i + 3, g, StartOf(Shift(anchor_, *ago * *count, unit->second), g), "ago"};
  }
  std::optional<int> dir = Lookup(res_.shifts, word);
  if (!dir && EndsPhrase(i + 3)) dir = Lookup(res_.shift_preps, word);
  if (!dir) return std::nullopt;
  Date base = previous_.value_or(anchor_);
  return Match{i + 3, g, StartOf(Shift(base, *dir * *count, unit->second), g), "shift", previous_.has_value()};
}

// A weekday at token i (after an optional modifier at `first`): "last" is
// the most recent one before the anchor, "next" the first one after it; a
// bare or "this" weekday is on or before the anchor, or on or after it when
// the verb is future. A following explicit date wins ("Thursday, November 21").
std::optional<Match> Scanner::WeekdayAt(int i, int modifier, int first) const {
  std::optional<int> wd = Lookup(res_.weekdays, Key(i));
  if (!wd) return std::nullopt;
  int next = Key(i + 1) == ","sv ? i + 2 : i + 1;
  if (next < size()) {
    if (auto explicit_date = MonthDay(next); explicit_date) return explicit_date;
    if (auto explicit_date = DayMonth(next); explicit_date) return explicit_date;
  }
  int last = SkipDaypart(i + 1);
  int delta = *wd - Weekday(anchor_);  // -6..6
  bool forward = modifier > 0 || (modifier == 0 && Future(first, last));
  if (forward) {
    if (delta < 0 || (delta == 0 && modifier > 0)) delta += 7;
  } else if (delta > 0 || (delta == 0 && modifier < 0)) {
    delta -= 7;
  }
  return Match{last, Granularity::kDay, AddDays(anchor_, delta), modifier == 0 ? "weekday" : "modified-weekday"};
}

// "last Monday", "this Friday", "next week", "last year", "this month".
std::optional<Match> Scanner::Modified(int i) const {
  std::optional<int> m = Lookup(res_.modifiers, Key(i));
  if (!m) return std::nullopt;
  if (res_.weekdays.count(Key(i + 1))) {
    std::optional<Match> w = WeekdayAt(i + 1, Key(i) == "this"sv ? 0 : *m, i);
    if (w && *m == 0) w->rule = "modified-weekday";
    return w;
  }
  auto unit = res_.units.find(Key(i + 1));
  if (unit == res_.units.end() || unit->second == Granularity::kDay) return std::nullopt;
  Granularity g = unit->second;
  return Match{i + 2, g, StartOf(Shift(anchor_, *m, g), g), "modified-period"};
}

// An optional year after a date: "November 21, 2024", "21 de noviembre de
// 2024", "21 November 2024", "April of 2019". Moves *end past it.
std::optional<int> Scanner::YearAfter(int i, int* end) const {
  int k = (Key(i) == ","sv || Key(i) == "de"sv || Key(i) == "of"sv) ? i + 1 : i;
  std::optional<int> y = Year(k);
  if (y) *end = k + 1;
  return y;
}

// A day whose year is given, or inferred from the anchor and the tense.
std::optional<Match> Scanner::DayDate(int first, int month, int day, int end, const char* rule) const {
  std::optional<int> year = YearAfter(end, &end);
  Date d = year ? Date{*year, month, day} : InferYear(month, day, Future(first, end));
  if (!IsValidDate(d)) return std::nullopt;
  return Match{end, Granularity::kDay, d, rule};
}

// "November 21", "Nov. 21st, 2024".
std::optional<Match> Scanner::MonthDay(int i) const {
  std::optional<int> month = Lookup(res_.months, Key(i));
  std::optional<int> day = Day(i + 1);
  if (!month || !day || Year(i + 1)) return std::nullopt;
  return DayDate(i, *month, *day, i + 2, "month-day");
}

// "21 November", "21st of November", "21 de noviembre de 2024".
std::optional<Match> Scanner::DayMonth(int i) const {
  std::optional<int> day = Day(i);
  if (!day) return std::nullopt;
  int m = (Key(i + 1) == "of"sv || Key(i + 1) == "de"sv) ? i + 2 : i + 1;
  std::optional<int> month = Lookup(res_.months, Key(m));
  if (!month) return std::nullopt;
  return DayDate(i, *month, *day, m + 1, "day-month");
}

// "April 2019", "abril de 2019": a month only.
std::optional<Match> Scanner::MonthYear(int i) const {
  std::optional<int> month = Lookup(res_.months, Key(i));
  if (!month) return std::nullopt;
  int end = i + 1;
  std::optional<int> year = YearAfter(i + 1, &end);
  if (!year) return std::nullopt;
  return Match{end, Granularity::kMonth, Date{*year, *month, 1}, "month-year"};
}

// "in April", "since March", "mid-May", "last April": a month only, in the
// year the window of InferYear puts its middle.
std::optional<Match> Scanner::CuedMonth(int i) const {
  std::optional<int> month = Lookup(res_.months, Key(i));
  if (!month || !Cued(i)) return std::nullopt;
  Date mid = InferYear(*month, 15, Future(i, i + 1));
  return Match{i + 1, Granularity::kMonth, Date{mid.year, *month, 1}, "month"};
}

// "in 2019", "since 2013", "in early 2019", "mid-2019": a year only. A
// number the tree counts with ("a force of 2000 troops") is no year.
std::optional<Match> Scanner::CuedYear(int i) const {
  std::optional<int> year = Year(i);
  if (!year || !Cued(i)) return std::nullopt;
  if (HasTree(s_) && s_.tokens[i].deprel == "nummod"sv) return std::nullopt;
  return Match{i + 1, Granularity::kYear, Date{*year, 1, 1}, "year"};
}

// "on the 21st": a day of the anchor's month, or of the month before when
// that day is still ahead (for a past verb).
std::optional<Match> Scanner::OrdinalDay(int i) const {
  std::optional<int> day = Day(i);
  if (!day || IsDigits(Key(i)) || Key(i - 1) != "the"sv || Key(i - 2) != "on"sv) return std::nullopt;
  bool future = Future(i, i + 1);
  const Date month_start = StartOf(anchor_, Granularity::kMonth);
  Date d{anchor_.year, anchor_.month, *day};
  if (!future && (!IsValidDate(d) || d > anchor_)) d = WithDay(AddMonths(month_start, -1), *day);
  if (future && (!IsValidDate(d) || d < anchor_)) d = WithDay(AddMonths(month_start, 1), *day);
  if (!IsValidDate(d)) return std::nullopt;
  return Match{i + 1, Granularity::kDay, d, "ordinal-day"};
}

// The longest-established reading at token i, most specific first.
std::optional<Match> Scanner::At(int i) const {
  using Matcher = std::optional<Match> (Scanner::*)(int) const;
  static constexpr Matcher kMatchers[] = {&Scanner::Iso,      &Scanner::Deictic,   &Scanner::Narrative,
                                          &Scanner::CountShift, &Scanner::Modified, &Scanner::MonthDay,
                                          &Scanner::DayMonth, &Scanner::MonthYear, &Scanner::CuedMonth,
                                          &Scanner::CuedYear, &Scanner::OrdinalDay};
  for (Matcher m : kMatchers) {
    if (std::optional<Match> found = (this->*m)(i)) return found;
  }
  return WeekdayAt(i, 0, i);
}

// False when no reading of At can start at token i: it is no numeral (Iso,
// the days, years and counts start with a digit; Date::Parse also reads a
// sign) and no word of res_.starts.
bool Scanner::MayStart(int i) const {
  const std::string& k = keys_[i];
  if (!k.empty() && ((k[0] >= '0' && k[0] <= '9') || k[0] == '-')) return true;
  return res_.starts.count(k) > 0;
}

std::vector<TimeExpression> Scanner::Run() {
  std::vector<TimeExpression> out;
  for (int i = 0; i < size();) {
    std::optional<Match> m = MayStart(i) ? At(i) : std::nullopt;
    if (!m) {
      ++i;
      continue;
    }
    out.push_back(TimeExpression{i, m->last, m->granularity, m->date, m->rule, m->from_previous});
    i = m->last;
  }
  return out;
}

}  // namespace

std::vector<TimeExpression> FindTimeExpressions(const Sentence& s, const Date& anchor, const TemporalResources& res,
                                                const std::optional<Date>& previous) {
  return Scanner(s, anchor, res, previous).Run();
}

// ---------------------------------------------------------------------------
// Picking a predicate's date.

namespace {

int Distance(const TimeExpression& e, int token) {
  if (token < e.first_token) return e.first_token - token;
  if (token >= e.last_token) return token - e.last_token + 1;
  return 0;
}

// The governor of an expression: the head of its head token (-1 for none).
int Governor(const Sentence& s, const TimeExpression& e) {
  return s.tokens[SpanHead(s, e.first_token, e.last_token)].head;
}

bool IsNominal(const Token& t) {
  return t.upos == "NOUN"sv || t.upos == "PROPN"sv || t.upos == "PRON"sv || t.upos == "NUM"sv;
}

bool IsVerbal(const Token& t) { return t.upos == "VERB"sv || t.upos == "AUX"sv; }

// The points an expression hangs on: its governor, then, while that is a
// nominal adjunct or modifier, the token above it, so that "told Trump in a
// phone call on November 21" dates "told" even when the parser hangs the date
// on "call". Never more than the sentence's length (the tree is acyclic, but
// a bound costs nothing).
std::vector<int> AttachmentPoints(const Sentence& s, const TimeExpression& e) {
  std::vector<int> points;
  int g = Governor(s, e);
  while (g >= 0 && points.size() < s.tokens.size()) {
    points.push_back(g);
    const Token& t = s.tokens[g];
    if (!IsNominal(t) || !(StartsWith(t.deprel, "obl") || StartsWith(t.deprel, "nmod"))) break;
    g = t.head;
  }
  return points;
}

// How many steps up from the predicate `point` is (0: the predicate itself),
// or -1 when it is not the predicate or one of its ancestors.
int AncestorDepth(const Sentence& s, int predicate, int point) {
  const int n = static_cast<int>(s.tokens.size());
  int depth = 0;
  for (int p = predicate; p >= 0 && depth <= n; p = s.tokens[p].head, ++depth) {
    if (p == point) return depth;
  }
  return -1;
}

// The expression hanging on the predicate or on its nearest ancestor; ties go
// to the nearer expression. -1 when none does.
int AttachedExpression(const Sentence& s, const std::vector<TimeExpression>& exprs, int predicate) {
  int best = -1, best_depth = -1;
  for (int e = 0; e < static_cast<int>(exprs.size()); ++e) {
    for (int point : AttachmentPoints(s, exprs[e])) {
      int depth = AncestorDepth(s, predicate, point);
      if (depth < 0) continue;
      bool better = best < 0 || depth < best_depth ||
                    (depth == best_depth && Distance(exprs[e], predicate) < Distance(exprs[best], predicate));
      if (better) best = e, best_depth = depth;
      break;
    }
  }
  return best;
}

// With a tree, an expression that hangs on another clause's verb dates that
// clause only ("Maduro, who is facing pressure after the vote on July 28,
// said ..." does not date "said"); one in a verbless fragment may still serve.
bool MayServeAnyPredicate(const Sentence& s, const TimeExpression& e) {
  std::vector<int> points = AttachmentPoints(s, e);
  return points.empty() || !IsVerbal(s.tokens[points.back()]);
}

// The nearest day-granular expression, else the nearest of any, else -1;
// with a tree, among those that may serve any predicate.
int NearestExpression(const Sentence& s, const std::vector<TimeExpression>& exprs, int predicate, bool tree) {
  int best = -1;
  for (int e = 0; e < static_cast<int>(exprs.size()); ++e) {
    if (tree && !MayServeAnyPredicate(s, exprs[e])) continue;
    if (best < 0) {
      best = e;
      continue;
    }
    bool day = exprs[e].granularity == Granularity::kDay, best_day = exprs[best].granularity == Granularity::kDay;
    if (day != best_day ? day : Distance(exprs[e], predicate) < Distance(exprs[best], predicate)) best = e;
  }
  return best;
}

EventDate FromExpression(const std::vector<TimeExpression>& exprs, int e) {
  if (exprs[e].granularity != Granularity::kDay) return EventDate{std::nullopt, DateSource::kUndated, e};
  return EventDate{exprs[e].date, DateSource::kText, e};
}

}  // namespace

EventDate PickEventDate(const Sentence& s, const std::vector<TimeExpression>& expressions, int predicate,
                        const std::optional<Date>& publication) {
  const bool valid = predicate >= 0 && predicate < static_cast<int>(s.tokens.size());
  const bool tree = valid && HasTree(s);
  if (tree) {
    int e = AttachedExpression(s, expressions, predicate);
    if (e >= 0) return FromExpression(expressions, e);
  }
  int e = NearestExpression(s, expressions, valid ? predicate : 0, tree);
  if (e >= 0) return FromExpression(expressions, e);
  if (publication) return EventDate{publication, DateSource::kPublication, -1};
  return EventDate{};
}

}  // namespace dyad::coding
