// Event dates: temporal expressions found in a sentence and resolved against
// the publication date ("on Thursday", "November 21", "last year",
// "in April 2019", "the day before", "two days ago"), and the pick of one of
// them as a predicate's event date.
//
// Contract:
//  - TemporalResources::Load reads `<data_dir>/time/temporal.tsv`
//    (docs/temporal.md) strictly: a malformed line is a Status::DataError
//    naming the file and line. The words are data; the code holds the
//    patterns.
//  - FindTimeExpressions never fails: it returns the expressions it can
//    resolve, in text order, without overlaps. It needs only token forms; when
//    the syntax stage has run it also uses lemmas and the dependency tree to
//    read the tense ("will meet on Friday" looks forward).
//  - PickEventDate gives a day only when the text names one; month-, week-
//    and year-only references leave the event undated (the gold's rule), and
//    no reference at all gives the publication date, flagged as such.
#ifndef DYAD_CODING_TEMPORAL_H_
#define DYAD_CODING_TEMPORAL_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::coding {

// The size of a period: of a resolved expression, and of a unit ("weeks").
enum class Granularity { kDay, kWeek, kMonth, kYear };

// One multi-word entry of temporal.tsv: its folded words and its value.
struct TemporalPhrase {
  std::vector<std::string> words;
  int value = 0;
};

// The vocabulary of data/time/temporal.tsv. Keys are folded (lower case,
// accents removed: text::FoldKey).
struct TemporalResources {
  std::map<std::string, int, std::less<>> months;    // 1..12
  std::map<std::string, int, std::less<>> weekdays;  // 1 = Monday .. 7 = Sunday
  std::map<std::string, int, std::less<>> numbers;
  std::map<std::string, Granularity, std::less<>> units;
  std::map<std::string, int, std::less<>> modifiers;  // from the publication date
  std::map<std::string, int, std::less<>> shifts;     // from the previous event date
  std::map<std::string, int, std::less<>> shift_preps;  // shifts that are also prepositions
  std::map<std::string, int, std::less<>> agos;       // from the publication date
  std::map<std::string, int, std::less<>> dayparts, cues, future_aux, future_verbs;  // value unused
  std::vector<TemporalPhrase> deictics;    // longest first
  std::vector<TemporalPhrase> narratives;  // longest first
  // Derived by Parse: the folded words other than numerals that an
  // expression can start with ("the", numbers, modifiers, months, weekdays,
  // the first words of deictics and narratives). FindTimeExpressions tries
  // its readings only at those and at numerals: most tokens are neither.
  std::unordered_set<std::string> starts;

  static Result<TemporalResources> Load(const std::string& data_dir);
  // Parses the file's content; `name` labels errors.
  static Result<TemporalResources> Parse(std::string_view tsv, const std::string& name);
};

// A resolved temporal expression: tokens [first_token, last_token) of the
// sentence, the period it names (`date` is the period's first day: the
// Monday of a week, the 1st of a month, January 1st of a year) and the rule
// that resolved it ("weekday", "month-day", "deictic", "shift", ...).
struct TimeExpression {
  using Granularity = coding::Granularity;
  int first_token = 0;
  int last_token = 0;
  Granularity granularity = Granularity::kDay;
  Date date;
  std::string rule;
  bool from_previous = false;  // counted from the previous event date, not the publication date
};

// The temporal expressions of `s`, resolved against `anchor` (the publication
// date). `previous`, when given, is the event date of the story so far:
// "the day before", "two days later", "the next day" count from it (from
// `anchor` otherwise). A bare or "this" weekday is the most recent such day on
// or before the anchor, or the next on or after it when the verb is future; a
// month-day without a year is the one that falls within ten months before to
// two months after the anchor (a year ahead for a future verb).
std::vector<TimeExpression> FindTimeExpressions(const Sentence& s, const Date& anchor,
                                                const TemporalResources& res,
                                                const std::optional<Date>& previous = std::nullopt);

// Where an event date came from.
enum class DateSource {
  kText,         // a day the sentence names
  kUndated,      // the sentence places the event only in a week, month or year
  kPublication,  // no reference: the publication date, as a default
  kNone,         // no reference and no publication date
};

struct EventDate {
  std::optional<Date> date;  // the day (kText), the publication date (kPublication), or none
  DateSource source = DateSource::kNone;
  int expression = -1;       // index into the expressions given, or -1
  bool resolved() const { return source == DateSource::kText; }
};

// Picks the event date of the predicate at token `predicate` of `s` among
// `expressions` (FindTimeExpressions of `s`). With a dependency tree, the
// expression attached to the predicate, or to the nearest of its ancestors,
// wins ("said on Tuesday that Colombia maintains ..." dates "maintains" too);
// an expression inside a nominal adjunct counts as the adjunct's ("told him in
// a call on Monday"). Otherwise the nearest day-granular expression in the
// sentence does, else the nearest coarser one; with a tree, expressions that
// hang on another clause's verb are left out ("X, who spoke on Monday, met Y"
// does not date "met"). The expression chosen gives kText with its day, or
// kUndated when it names only a week, month or year; none gives `publication`
// as kPublication (kNone when that is absent too).
EventDate PickEventDate(const Sentence& s, const std::vector<TimeExpression>& expressions,
                        int predicate, const std::optional<Date>& publication);

// Calendar arithmetic on proleptic Gregorian dates, exposed for tests and for
// callers that carry dates across a document.
int64_t DaysFromCivil(const Date& d);
Date CivilFromDays(int64_t days);
int Weekday(const Date& d);  // 1 = Monday .. 7 = Sunday
bool IsValidDate(const Date& d);

}  // namespace dyad::coding

#endif  // DYAD_CODING_TEMPORAL_H_
