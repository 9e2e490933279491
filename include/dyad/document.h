// The plain document struct that flows through every stage of dyad.
//
// Each stage is a function of a Document (plus its loaded resources) that fills
// in the next layer: text fills `clean`, `map`, `drops`, `quotations` and the
// sentences' tokens; syntax fills each token's lemma, tags, head and relation;
// later stages add mentions, events and quotes. Every span is a byte range in
// `raw`, the input exactly as read, so every claim can be shown with its
// evidence.
#ifndef DYAD_DOCUMENT_H_
#define DYAD_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/offset_map.h"

namespace dyad {

// A half-open byte range [begin, end) in Document::raw.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// A calendar date. Parse accepts YYYY-MM-DD, optionally followed by a time
// ("2024-08-28T10:00:00Z", "2024-08-28 08:00:00+00:00"); the time is ignored.
struct Date {
  int year = 0, month = 0, day = 0;
  static std::optional<Date> Parse(std::string_view s);
  // The middle of a month ("2019-11" -> 2019-11-15) or of a year ("2019" ->
  // 2019-07-01): where a partial date stands for a day.
  static std::optional<Date> ParseMonthOrYear(std::string_view s);
  std::string ToString() const;  // YYYY-MM-DD
  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;
};

// A line or region that cleaning removed, and why ("advertisement",
// "photo credit", "newsletter", "author bio", "dangling fragment", ...).
struct Drop {
  Span raw;
  std::string reason;
};

// A glued word that cleaning split: raw span of the glued token and the text
// it became ("Thursdaywhile" -> "Thursday while").
struct Repair {
  Span raw;
  std::string repaired;
};

// A token in the Universal Dependencies English (EWT) convention.
struct Token {
  std::string form;   // as in the cleaned text ("n't", "'s")
  // The form as the tagger and parser read it, when that differs (empty: the
  // form): the text stage lowers capitalized words of a title-case headline
  // and all-capital words that English writes in lower case ("Calls" ->
  // "calls", "REJECTS" -> "rejects"), which the models, trained on ordinary
  // text, would read as names.
  std::string norm;
  const std::string& model_form() const { return norm.empty() ? form : norm; }
  Span raw;           // where it stands in Document::raw
  bool space_after = true;
  // Filled by the syntax stage.
  std::string lemma;
  std::string upos;
  std::string xpos;
  int head = -1;      // index of the head token in the sentence; -1 for the root
  std::string deprel;
};

struct Sentence {
  Span raw;                   // from the first token's begin to the last's end
  std::string text;           // the cleaned text of the sentence
  int paragraph = 0;          // index of the input line/block it comes from
  int quotation = -1;         // index into Document::quotations if inside one
  bool heading = false;       // a title or subheading: no final punctuation
  std::vector<Token> tokens;
};

// An actor as one document knows it: a dictionary entry, or a new actor that
// a title introduced ("Colombian Foreign Minister Rosa Villavicencio").
struct Actor {
  std::string name;           // canonical name
  std::string kind;           // country, region, person, org, group, media, role
  std::string code;           // CAMEO code at the document's date ("" if none then)
  std::string country;        // country or IGO code it belongs to, when known
  char gender = 0;            // 'm', 'f', 0 unknown
  bool plural = false;        // "the rebels", "the opposition parties"
  bool in_dictionary = false;
};

// A stretch of a sentence that refers to an actor.
struct Mention {
  int sentence = 0;
  int first_token = 0;        // token range [first_token, last_token) in the sentence
  int last_token = 0;
  Span raw;
  std::string text;           // the cleaned text of the mention
  int actor = -1;             // index into Document::actors
  std::string code;           // CAMEO code at the date
  // How it was recognized: dictionary, title, demonym, metonym, agent,
  // surname, pronoun, description.
  std::string how;
};

// A coded event: who did what to whom, when, with its evidence.
struct Event {
  int sentence = 0;
  int predicate = -1;          // token index of the predicate in the sentence
  int source_actor = -1;       // Document::actors; -1: none
  int target_actor = -1;
  std::string source;          // CAMEO actor codes at the event date
  std::string target;          // "" when the event has no recipient
  std::string cameo;           // event code, 2 to 4 digits
  std::string root;            // its first two digits
  int quad_class = 0;          // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0;
  std::string plover;          // PLOVER event type ("" for CAMEO 01x/02x)
  std::optional<Date> event_date;
  bool date_resolved = false;  // false: the publication date stands in
  bool intent = false;         // an act turned intent by modality or condition
  Span evidence;               // the sentence
  Span trigger;                // the predicate
  std::string rule;            // the pattern that fired: file:line predicate frame
};

// A direct quotation and who said it.
struct Quote {
  Span raw;                 // the quoted words, without the quote marks
  int speaker_actor = -1;   // Document::actors; -1 when no speaker was found
  int speaker_mention = -1; // the mention that names the speaker (Document::mentions)
  std::string speaker;      // the speaker's CAMEO code at the date
  int first_sentence = 0;   // sentences the quotation spans
  int last_sentence = 0;
  std::string rule;         // how the speaker was found ("said X after", "X said before", "according to", ...)
};

struct Document {
  // Metadata.
  std::string id;             // JSON Lines "id", or the file name without extension
  std::string source;         // the file it was read from (and line, for JSON Lines)
  std::string url;
  std::string title;
  std::optional<Date> date;   // publication date: from metadata or --date, never invented
  // When the metadata gives only a month or a year ("date": "2019-11", or
  // "date_approx"): its middle (Date::ParseMonthOrYear). Actor codes are
  // resolved at it when `date` is unknown; event dates are not ("on
  // Tuesday" needs the day).
  std::optional<Date> approximate_date;
  // Text.
  std::string raw;            // the input exactly as read (for JSON Lines: the decoded "text")
  std::string clean;          // NFC, boilerplate dropped, glued words repaired
  OffsetMap map;              // clean offsets -> raw offsets
  std::vector<Drop> drops;
  std::vector<Repair> repairs;
  std::vector<Span> quotations;  // quoted passages, possibly over several sentences
  std::vector<Sentence> sentences;
  std::vector<Actor> actors;       // filled by the lexicon stage
  std::vector<Mention> mentions;   // in text order
  std::vector<Event> events;       // filled by the coding stage
  std::vector<Quote> quotes;       // filled by the coding stage

  std::string_view RawText(Span s) const { return std::string_view(raw).substr(s.begin, s.size()); }
};

}  // namespace dyad

#endif  // DYAD_DOCUMENT_H_
