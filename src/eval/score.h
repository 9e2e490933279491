// Scoring system records against a gold event file, exactly as
// ../shared/gold/FORMAT.md specifies (docs/eval.md says it in full):
//
// - Events, per document, matched one to one, greedily, best pair first. A
//   pair can match when the system evidence span overlaps the gold sentence
//   and source and target agree on their first six characters (either
//   direction for symmetric gold events); the level then asks for the same
//   root (2 digits; alt codes count), the same code (alt codes count), or
//   nothing more (dyad).
// - Quotes: speaker agrees on six characters and the quoted spans overlap.
// - Dates: over the events matched at the dyad level whose gold event has an
//   event_date, the share whose system event_date is the same day.
// - Mentions: a system mention is right when, in the same document, a gold
//   actor has the same text (ASCII case-insensitive) or an occurrence of the
//   gold text overlaps the mention's span, and the codes agree on six
//   characters; a gold actor is found when some system mention is right for it.
//
// Counts are summed over documents (micro-average) and kept per document.
// The functions take system records in memory, so a caller can feed them
// from a file or, later, straight from the coder.
#ifndef DYAD_EVAL_SCORE_H_
#define DYAD_EVAL_SCORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/status.h"
#include "eval/gold.h"
#include "eval/records.h"

namespace dyad::eval {

// Precision = matched_system / system, recall = matched_gold / gold. For one
// to one matchings the two matched counts are equal. An empty denominator
// gives 0 (and F1 0), except that nothing expected and nothing produced is 1.
struct Counts {
  int64_t system = 0;
  int64_t gold = 0;
  int64_t matched_system = 0;
  int64_t matched_gold = 0;
  double precision() const;
  double recall() const;
  double f1() const;
  Counts& operator+=(const Counts& o);
};

enum class Level { kRoot, kCode, kDyad };
const char* LevelName(Level level);  // "root", "code", "dyad"

struct EventCounts {
  Counts root, code, dyad;
  const Counts& at(Level level) const;
  Counts& at(Level level);
  EventCounts& operator+=(const EventCounts& o);
};

struct DateCounts {
  int64_t dated = 0;    // matched events (dyad level) whose gold event has an event_date
  int64_t correct = 0;  // ... and whose system event_date is the same day
  double accuracy() const { return dated ? static_cast<double>(correct) / dated : 0.0; }
  DateCounts& operator+=(const DateCounts& o);
};

struct DocScore {
  std::string doc;
  EventCounts events;
  Counts quotes;      // speaker (6 chars) and text overlap
  Counts quote_text;  // text overlap alone: how many quotes were found at all
  DateCounts dates;
  Counts mentions;
  DocScore& operator+=(const DocScore& o);
};

// A gold event nobody matched at the code level, or a system event that
// matched nothing there. `nearest` says how close it came: "root" or "dyad"
// when it matched at that looser level, "span" when only an evidence span
// overlapped, "" when nothing did.
struct ListedEvent {
  std::string doc;
  uint32_t begin = 0;  // raw offset of the sentence or evidence (for sorting)
  std::string snippet;
  std::string source, target, cameo;
  std::vector<std::string> alt;  // gold only
  std::string nearest;
};

struct EvalReport {
  std::string gold_name;
  std::vector<DocScore> docs;  // gold order
  DocScore total;              // micro-average: counts summed over documents
  std::vector<ListedEvent> misses;        // gold events unmatched at the code level
  std::vector<ListedEvent> false_alarms;  // system events unmatched at the code level
  std::vector<std::string> warnings;      // gold text found only after normalization, unknown docs, ...
};

// Scores `system` against `gold`, whose documents must carry their texts.
EvalReport ScoreGold(const GoldSet& gold, const SystemRecords& system);
// Reads the gold file (and its documents' texts), then scores.
Result<EvalReport> ScoreGoldFile(const std::string& gold_path, const SystemRecords& system);

// The gold annotations as system records, with spans located in the texts:
// a perfect system. Anything that cannot be located is reported in *warnings.
SystemRecords GoldAsSystem(const GoldSet& gold, std::vector<std::string>* warnings);

}  // namespace dyad::eval

#endif  // DYAD_EVAL_SCORE_H_
