// The actor dictionary: who is who, and which CAMEO code they carry on a date.
//
// dyad's own line-oriented format (docs/actor-dictionary.md). Entries are
// countries, regions, persons, organisations, groups, media and agents (role
// words such as "foreign minister" -> GOV). A person or organisation has one or
// more CAMEO codes, each valid over a date range; CodeAt picks the one valid on
// a date. Loading is strict: anything the grammar does not allow is a
// Status::DataError naming the file, the line and what is wrong.
#ifndef DYAD_LEXICON_ACTOR_DICTIONARY_H_
#define DYAD_LEXICON_ACTOR_DICTIONARY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::lexicon {

enum class EntryKind { kCountry, kRegion, kPerson, kOrg, kGroup, kMedia, kAgent };

// "country", "region", "person", "org", "group", "media", "agent".
std::string_view KindName(EntryKind kind);

// A range of days. `begin` is the first day; `end` is the day the period ended
// (the successor's first day) and is NOT part of the range: a date d is in the
// range when begin <= d < end. A missing bound is open.
struct DateRange {
  std::optional<Date> begin;
  std::optional<Date> end;

  bool Contains(const Date& d) const;
  bool Always() const { return !begin && !end; }
  std::string ToString() const;  // "2013-04-19..", "..2022-08-07", "" (always)
};

// A name of an entry. A plain alias matches case- and accent-insensitively; an
// exact one ("alias!:", for acronyms such as "US" or "AP") only as written.
struct Name {
  std::string text;
  bool exact = false;
};

// A place that stands for one of a country's institutions: the capital, the
// seat of government ("Kremlin", "Miraflores") or of the army ("Pentagon").
struct Metonym {
  std::string text;
  std::string role;  // role code appended to the country code: "GOV", "MIL"
};

// A country-specific title word and the office it denotes: in Colombia
// "chancellor" is the foreign minister, in Germany the head of government.
struct Title {
  std::string text;
  std::string office;  // an office role, see IsOfficeRole
};

// A CAMEO actor code valid over a range of dates.
struct DatedCode {
  std::string code;
  DateRange range;
  int line = 0;  // where it was written
};

// A post a person held: "VEN president 2013-04-19..".
struct Office {
  std::string country;  // a country or IGO code: "VEN", "IGOUNO"
  std::string role;     // see IsOfficeRole
  DateRange range;
};

struct ActorEntry {
  EntryKind kind = EntryKind::kPerson;
  // Canonical name. For @country and @region the `name:` field; for the others
  // the text after the kind; for @agent the role code.
  std::string name;
  // @country/@region: the CAMEO code of the header; @agent: the role code.
  std::string code;
  std::vector<Name> aliases;
  std::vector<std::string> demonyms;  // @country/@region: "Colombian", "colombianos"
  std::vector<Metonym> metonyms;      // capitals (role GOV) and other metonyms
  std::vector<Title> titles;          // @country: that country's titles; @agent: the defaults (also in terms)
  std::vector<DatedCode> codes;       // @person/@org/@group/@media; first match wins
  std::vector<Office> offices;        // @person
  std::vector<std::string> terms;     // @agent: "foreign minister", "embassy"
  // @agent: terms (also in `terms`) that name the group of the country the
  // article is about even without "the": "police", "protesters".
  std::vector<std::string> local_terms;
  // @agent: nouns whose demonym names their author with this role ("the
  // Russian proposal": Russia's government proposed it).
  std::vector<std::string> authored;
  // @agent: nouns of places whose demonym names the country as the place
  // ("the Syrian city of Aleppo": SYR, a place, whatever the agent's role).
  std::vector<std::string> place_nouns;
  char gender = 0;                    // 'm', 'f' or 0 (unknown)
  std::vector<std::string> notes;
  std::vector<std::string> doubts;    // the text of "# doubt: ..." comments in the entry
  std::string file;
  int line = 0;                       // line of the "@kind" header
  bool imported = false;              // read from a CAMEO/PETRARCH file (cameo_import.h); see Merge
};

// How a name found by Lookup relates to the entry.
enum class NameKind { kCanonical, kAlias, kDemonym, kMetonym, kTerm };

struct NameHit {
  const ActorEntry* entry = nullptr;
  NameKind how = NameKind::kCanonical;
  std::string role;  // for metonyms and agent terms: the role code
};

// What Merge did with imported (CAMEO/PETRARCH) entries.
struct ImportMergeStats {
  size_t shadowed_names = 0;   // imported names dropped because a dyad entry has them
  size_t skipped_entries = 0;  // imported entries left without a name (or agent term)
  size_t folded_entries = 0;   // imported entries folded into an earlier one of the same kind and name
};

struct ActorDictionary {
  std::vector<ActorEntry> entries;
  ImportMergeStats import_stats;  // summed over every Merge that built this dictionary
  // Folded name -> indices into `entries`; exact aliases under their own key
  // (prefixed "\x01"). Filled by the loaders (BuildIndex).
  std::unordered_multimap<std::string, size_t> name_index;
  std::unordered_map<std::string, size_t> country_index;  // "VEN" -> entry

  // Every entry that has `text` as a name, alias, demonym, metonym or agent
  // term, matched case- and accent-insensitively (exact aliases only as
  // written). Exact matches come first, then in file order.
  std::vector<NameHit> Lookup(std::string_view text) const;
  // The first @person/@org/@group/@media entry whose canonical name or alias
  // is `text`; nullptr if none.
  const ActorEntry* FindActor(std::string_view text) const;
  // The @country or @region entry of a code ("VEN", "WST"); nullptr if none.
  const ActorEntry* Country(std::string_view code) const;
  size_t Count(EntryKind kind) const;
  size_t CountAgentTerms() const;

  // Appends another dictionary; duplicate countries or duplicate (kind, name)
  // pairs of dyad-format entries are a DataError naming both places.
  // Imported entries yield instead of failing: a name (canonical, alias or
  // agent term) of an imported entry that folds to a name of a dyad-format
  // entry, in either dictionary, or is made of such names, role words and
  // "the"/"of"/"Mr." ("the United States", "President Vladimir Putin"), is
  // dropped (an entry left nameless is skipped); an imported entry whose (kind, name) is already taken by an
  // imported entry is folded into it (aliases added, codes appended after the
  // earlier ones, so the earlier file wins where both cover a date).
  Status Merge(ActorDictionary other);
  // Rebuilds name_index and country_index from entries.
  void BuildIndex();
};

// The code of `entry` valid on `date`: for persons, organisations, groups and
// media the first `code:` line whose range contains the date; for countries
// and regions the header code; for agents the role code. nullopt when no code
// line covers the date.
std::optional<std::string> CodeAt(const ActorEntry& entry, const Date& date);

// True for a well-formed CAMEO actor code: one to five groups of three
// upper-case letters ("VEN", "VENGOV", "IGOUNOREFHCR").
bool IsActorCode(std::string_view code);
// Whether a CAMEO code holds `group` as one of its three-letter groups after
// the first (the country or IGO): "BLRGOVMED" holds MED, "IGOUNOJUDICJ" JUD.
bool CodeHasGroup(std::string_view code, std::string_view group);
// True for the roles of a state's own offices: government, armed forces,
// police, intelligence, legislature, judiciary (GOV, MIL, COP, SPY, LEG, JUD).
bool IsStateRole(std::string_view role);
// True for an office role of the vocabulary in docs/actor-dictionary.md.
bool IsOfficeRole(std::string_view role);
// Strict YYYY-MM-DD with a real calendar day.
std::optional<Date> ParseDictionaryDate(std::string_view s);
std::string FormatDate(const Date& d);
// The matching key of a name: case-folded, accents removed, hyphens and runs of
// spaces made one space, typographic apostrophes made ASCII. "Díaz-Canel" ->
// "diaz canel".
std::string FoldName(std::string_view s);

// Parses dictionary text; `file` names it in error messages.
Result<ActorDictionary> ParseActorDictionary(std::string_view text, const std::string& file);
// Loads one file, or every *.actors file under a directory (recursively, in
// name order). A file may be in dyad's format or a CAMEO/PETRARCH actor or
// agent dictionary (SniffDictionaryFormat in cameo_import.h).
Result<ActorDictionary> LoadActorDictionary(const std::string& path);
// Loads several files or directories into one dictionary.
Result<ActorDictionary> LoadActorDictionaries(const std::vector<std::string>& paths);
// The bundled dictionary: data_dir/actors and data_dir/agents.
Result<ActorDictionary> LoadBundledActorDictionary(const std::string& data_dir);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_ACTOR_DICTIONARY_H_
