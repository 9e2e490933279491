// Import of CAMEO actor and agent dictionaries in the TABARI/PETRARCH format
// (docs/actor-dictionary.md, "Importing CAMEO/PETRARCH dictionaries"), so
// curated .actors/.agents files can be used as they are.
//
// The readers follow what PETRARCH2's reader accepts, with two kinds of
// outcome for a bad line:
//  - a Status::DataError naming file:line and what is wrong, for text no
//    CAMEO reader can make sense of (an unclosed or empty code bracket, a
//    date that is not a calendar day, a malformed range, an alias or code line
//    before any entry, an undefined substitution marker ...);
//  - a skip recorded in CameoImportReport (and, when it concerns a kept entry,
//    in that entry's `doubts`), for quirks real PETRARCH files contain and
//    PETRARCH reads without complaint but that carry nothing dyad can code: null
//    codes ("[---]"), codes that are not groups of three letters ("G77",
//    "NGOEEURENV"), a range ending before it begins, an agent line without a
//    code.
// Every imported entry has `imported` set; ActorDictionary::Merge lets dyad's
// own entries win over imported ones (see there).
#ifndef DYAD_LEXICON_CAMEO_IMPORT_H_
#define DYAD_LEXICON_CAMEO_IMPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "lexicon/actor_dictionary.h"

namespace dyad::lexicon {

// What an import left out or read in an unusual way, one line each.
struct CameoImportReport {
  struct Item {
    int line = 0;
    std::string what;
  };
  std::vector<Item> items;
  size_t entries = 0;         // entries produced (before merging duplicates)
  size_t skipped_entries = 0; // entries left without any usable code
  size_t dropped_codes = 0;   // code brackets or agent lines dropped
};

enum class DictionaryFormat { kDyad, kCameoActors, kCameoAgents };

// Guesses the format of dictionary text: dyad's when the first line that is
// not blank or a '#' comment starts with '@' (or there is no such line);
// otherwise CAMEO agents when `path`'s file name contains "agent" (any case)
// or the first code bracket holds a '~'; otherwise CAMEO actors.
DictionaryFormat SniffDictionaryFormat(std::string_view text, std::string_view path);

// A CAMEO date: YYMMDD (years 00-30 are 2000-2030, 31-99 are 1931-1999, as in
// KEDS, TABARI and PETRARCH) or YYYYMMDD. Like PETRARCH, 7 digits are read as
// YYMMDD plus junk and 9 or more as YYYYMMDD plus junk; *odd is set then.
// nullopt when not digits, shorter than 6, or not a calendar day.
std::optional<Date> ParseCameoDate(std::string_view digits, bool* odd = nullptr);

// Actors: "NAME [CODE]" entries, "+ALIAS" lines and "[CODE RANGE]" lines.
// `file` names the text in messages and in the entries.
Result<ActorDictionary> ParseCameoActors(std::string_view text, const std::string& file,
                                         CameoImportReport* report = nullptr);
// Agents: "PHRASE {PLURAL} [~CODE]" lines and "!MARKER! = A, B" sets; one
// @agent entry per role code (and placement), in order of first use.
Result<ActorDictionary> ParseCameoAgents(std::string_view text, const std::string& file,
                                         CameoImportReport* report = nullptr);

// For a dictionary made of CAMEO files alone (--no-bundled-actors): turns
// every imported entry whose current code (the first one without an end
// date) is a bare three-letter code that is not a role
// ("UNITED_STATES_OF_AMERICA_ [USA]" with its aliases, "GEORGIA_ ... [GEO
// >911221]", "KABUL_ [AFG]") into names of one @country entry per code
// (its earlier codes, USRGEO before 1991, are not kept), so
// that the recognizer composes them with role words as PETRARCH does with
// its agents ("Georgian demonstrators" -> GEOOPP). Codes that are the role of
// an @agent entry, and IGO, NGO, MNC, IMG, UIS, are not countries. Returns
// how many entries were folded into countries; rebuilds the index.
size_t PromoteCameoCountries(ActorDictionary* dict);

// PETRARCH's convention for a country named alone: the country itself
// ("Georgia sent troops" -> GEO), where dyad's recognizer reads it as the
// government (GEOGOV). Gives each mention whose words (past a leading
// "the") are a name of a country entry of `dict` and whose code is that
// country + GOV the bare country code; the mention keeps its actor (the
// coder takes codes from mentions, and a country and its government stay
// one actor for the no-self-dyad rule). Returns how many.
size_t CodeBareCountriesAsCountries(Document* doc, const ActorDictionary& dict);

// PETRARCH's discard list (Phoenix.discards.txt): phrases that make a
// sentence, or with a leading '+' its whole story, carry no events (sports
// results, anniversaries, years: "1994" keeps a sentence about the 1994
// genocide from coding events). One phrase a line; '#' starts a comment;
// '_' reads as a space and a trailing '_' is dropped. Matching follows
// PETRARCH2's check_discards step by step, so that the list means what its
// authors tested: the sentence is split at white space and upper-cased, and
// words must be equal, punctuation included ("1994," is not 1994); a phrase
// counts only when a word follows it (PETRARCH looks for a completed phrase
// on reading the next word); and the word on which a partial match fails
// starts no new one.
struct DiscardList {
  struct Phrase {
    std::vector<std::string> words;  // upper case
    bool story = false;              // '+': the whole story is discarded
    int line = 0;
  };
  std::vector<Phrase> phrases;

  // The first phrase found in `text` (story phrases first), or nullptr.
  const Phrase* Find(std::string_view text) const;
  bool empty() const { return phrases.empty(); }
};

// Reads a discard file. Never fails on content: a line with no words after
// its comment is ignored.
DiscardList ParseCameoDiscards(std::string_view text);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_CAMEO_IMPORT_H_
