// Peers' sentence-level gold sets, and scoring against them.
//
// Two sets are read:
// - UniversalPetrarch's PETR2_GSR_validation.jsonl (the PETRARCH-2 gold
//   standard records as validation records): per sentence, expected CAMEO
//   (source, target, code) triples, or "noevents".
// - PLOVER_GSR_CAMEO.jsonl (PLOVER's gold standard records, edited examples
//   of the CAMEO manual): per sentence, one PLOVER event type with source and
//   target actor lists.
// Both become a SentenceGoldSet: sentences with expected triples. System
// records are events whose "doc" is the sentence id (no spans needed).
//
// Scores (docs/eval.md): exact-sentence agreement (the system produced every
// gold triple of the sentence and nothing else; a "noevents" sentence agrees
// when the system produced nothing), UniversalPetrarch's validation tallies
// (correct, uncoded, extra), and P/R/F1 on triples, roots, event codes
// alone and actor pairs alone, one to one per sentence.
#ifndef DYAD_EVAL_SENTENCE_GOLD_H_
#define DYAD_EVAL_SENTENCE_GOLD_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "eval/records.h"
#include "eval/score.h"

namespace dyad::eval {

// What a sentence set's codes are: CAMEO codes (compared with a system
// event's "cameo") or PLOVER event types (compared with its "plover").
enum class Scheme { kCameo, kPlover };

struct SentenceEvent {
  std::string source;  // full actor code; "" when there is none
  std::string target;
  std::string code;    // CAMEO code, or PLOVER type in the current (2021) names
  std::string label;   // the code as the gold file writes it
};

struct SentenceRecord {
  std::string id;
  std::string category;  // "AFP", "GOLD", ... or the PLOVER type
  std::string text;
  std::optional<Date> date;
  std::vector<SentenceEvent> events;  // empty: the sentence has no event
  int line = 0;
};

struct SentenceGoldSet {
  std::string name;
  Scheme scheme = Scheme::kCameo;
  std::vector<SentenceRecord> records;
  // System records name sentences by id, so ids must be unique: a repeated id
  // gets "#2", "#3", ... appended, and a warning says so.
  std::vector<std::string> warnings;
};

Result<SentenceGoldSet> ParsePetr2Validation(std::string_view jsonl, const std::string& name);
Result<SentenceGoldSet> ParsePloverGsr(std::string_view jsonl, const std::string& name);

// The PLOVER GSR file predates the 2021 type names: DEMAND is now REQUEST,
// DISAPPROVE and INVESTIGATE are ACCUSE, FIGHT is ASSAULT (PLOVER manual,
// CAMEO to PLOVER translation). Other names are returned unchanged.
std::string CurrentPloverType(std::string_view type);

// Which gold format a file's content is in.
enum class GoldFormat { kDyad, kPetr2, kPlover };
GoldFormat DetectGoldFormat(std::string_view content);
std::optional<GoldFormat> ParseGoldFormat(std::string_view name);  // "dyad", "petr2", "plover"
const char* GoldFormatName(GoldFormat format);
Result<SentenceGoldSet> ReadSentenceGold(const std::string& path, GoldFormat format);

// Runs of the validation tally of UniversalPetrarch's validation.py: correct
// system triples, gold triples not produced (uncoded), system triples beyond
// those (extra). A "noevents" sentence left empty counts one correct.
struct ValidationTally {
  int64_t correct = 0, uncoded = 0, extra = 0;
  double tp_rate() const;  // correct / (correct + uncoded)
  ValidationTally& operator+=(const ValidationTally& o);
};

struct SentenceResult {
  std::string id;
  bool agrees = false;
  std::vector<SentenceEvent> gold, system;
};

struct SentenceReport {
  std::string name;
  Scheme scheme = Scheme::kCameo;
  int64_t sentences = 0;
  int64_t agreeing = 0;   // exact-sentence agreement
  double agreement() const { return sentences ? static_cast<double>(agreeing) / sentences : 0.0; }
  ValidationTally tally;
  Counts triples;  // (source, target, code)
  Counts roots;    // (source, target, 2-digit root); for PLOVER the type again
  Counts codes;    // the code alone
  Counts actors;   // (source, target) alone
  std::vector<SentenceResult> disagreements;
  std::vector<std::string> warnings;
};

SentenceReport ScoreSentences(const SentenceGoldSet& gold, const SystemRecords& system);

}  // namespace dyad::eval

#endif  // DYAD_EVAL_SENTENCE_GOLD_H_
