// Gold event files in the format of ../shared/gold/FORMAT.md: JSON Lines, an
// optional header line whose keys start with "_", then one document a line
// with its events, quotes and actor mentions.
//
// Contract: ParseGold is strict (a wrong type or a missing required field is
// a Status::DataError at file:line) and reads no other file. ReadGoldFile also
// loads every document's text: a document's `file` is relative to the folder
// that holds the gold file's parent (for ../shared/gold/seeds.jsonl that is
// ../shared), and a text that cannot be read is an error.
#ifndef DYAD_EVAL_GOLD_H_
#define DYAD_EVAL_GOLD_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::eval {

struct GoldEvent {
  std::string sentence;  // a unique substring of the document containing the event
  std::string source;
  std::string target;    // "" when the event has no recipient
  std::string cameo;
  std::vector<std::string> alt;  // other defensible codes
  std::optional<std::string> plover;
  std::optional<Date> event_date;
  bool symmetric = false;  // either direction matches
  std::string note;
};

struct GoldQuote {
  std::string speaker;  // CAMEO actor code
  std::string speaker_name;
  std::string quote;    // a substring of the quoted words
};

struct GoldActor {
  std::string text;  // the mention as written
  std::string name;  // who it is
  std::string code;  // CAMEO actor code
};

struct GoldDocument {
  std::string doc;
  std::string file;  // relative to the base folder (see ReadGoldFile)
  std::optional<Date> date;
  std::vector<GoldEvent> events;
  std::vector<GoldQuote> quotes;
  std::vector<GoldActor> actors;
  int line = 0;
  std::string text;  // the raw document text, when loaded
};

struct GoldSet {
  std::string name;  // the file it was read from
  std::vector<GoldDocument> documents;
};

Result<GoldSet> ParseGold(std::string_view jsonl, const std::string& name);
// The folder `file` paths are relative to: the gold file's parent's parent.
std::string GoldBaseDir(const std::string& gold_path);
Result<GoldSet> ReadGoldFile(const std::string& path);

}  // namespace dyad::eval

#endif  // DYAD_EVAL_GOLD_H_
