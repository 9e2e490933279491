// System records: what an event coder produced, as dyad's evaluation reads it.
//
// The format is JSON Lines (docs/eval.md): one record a line, each with a
// "kind" of "event" (the default when absent), "quote" or "mention", and the
// document id "doc". A first line whose keys all start with "_" is a header
// and skipped; blank lines are skipped. Spans are byte offsets [start, end) in
// the document's raw text. Parsing is strict: a wrong type or a missing
// required field is a Status::DataError naming the file and line.
#ifndef DYAD_EVAL_RECORDS_H_
#define DYAD_EVAL_RECORDS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::eval {

struct SystemEvent {
  std::string doc;
  std::string source;                 // CAMEO actor code
  std::string target;                 // "" when the event has no recipient
  std::string cameo;                  // 2 to 4 digits
  std::optional<std::string> plover;  // PLOVER event type; absent or null for 01x/02x
  std::optional<double> goldstein;
  std::optional<Date> event_date;
  std::string sentence;               // the evidence sentence text
  std::optional<Span> span;           // evidence span in the raw document
  int line = 0;                       // where it was read (0: built in memory)
};

struct SystemQuote {
  std::string doc;
  std::string speaker;  // CAMEO actor code of the speaker
  std::string quote;    // the quoted words
  std::optional<Span> span;
  int line = 0;
};

struct SystemMention {
  std::string doc;
  std::string text;   // the mention as it stands in the document
  std::string actor;  // the actor it resolved to (a name or dictionary id)
  std::string code;   // its CAMEO actor code
  std::optional<Span> span;
  int line = 0;
};

struct SystemRecords {
  std::vector<SystemEvent> events;
  std::vector<SystemQuote> quotes;
  std::vector<SystemMention> mentions;
};

// Parses JSON Lines content; `name` labels errors.
Result<SystemRecords> ParseSystemRecords(std::string_view jsonl, const std::string& name);
Result<SystemRecords> ReadSystemRecords(const std::string& path);

// Writes records in the same format (events, then quotes, then mentions).
std::string ToJsonl(const SystemRecords& records);

}  // namespace dyad::eval

#endif  // DYAD_EVAL_RECORDS_H_
