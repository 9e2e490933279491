// The lexicon stage: recognizes actor mentions in a document and resolves each
// to a document-level actor with the CAMEO code valid at the document's date.
//
// Per sentence, dictionary matches (NameMatcher) are composed into mentions:
//   "Colombian Foreign Minister Rosa Villavicencio"  country + title + name
//   "the President of Nicaragua, Daniel Ortega"      title + "of" + country [+ name]
//   "President Vladimir Putin", "Vladimir Putin"     [title +] known name
//   "the Kremlin", "Russia", "the Russian Foreign Ministry"
// A title followed by a name the dictionary lacks introduces a new actor with
// the country and role the title implies. Then, within the document,
// surnames and first names of earlier actors, descriptions ("the Venezuelan
// president", "the chancellor", "the diplomat") and pronouns (he, she, they,
// his, her, its) resolve to the right earlier actor: agreement in gender and
// number, the nearest candidate, a grammatical subject preferred when the
// sentence is parsed. Places after a locative preposition ("in Caracas") are
// locations, not actors.
#ifndef DYAD_LEXICON_RECOGNIZER_H_
#define DYAD_LEXICON_RECOGNIZER_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/strings.h"
#include "dyad/document.h"
#include "dyad/status.h"
#include "lexicon/actor_dictionary.h"
#include "lexicon/matcher.h"

namespace dyad::lexicon {

struct LexiconResources {
  ActorDictionary dictionary;
  NameMatcher matcher;
  ViewSet function_words;  // lower case
  // "VEN|president" -> the persons who held that office at some time.
  std::unordered_map<std::string, std::vector<const ActorEntry*>> office_holders;
  // Agent terms that name the article's own group without "the" (FoldName).
  std::unordered_set<std::string> local_terms;
  // Nouns whose demonym names their author, lower case, with the author's
  // role ("proposal" -> "GOV": "the Russian proposal" is Russia's
  // government's). From the agents' `author:` lines.
  std::unordered_map<std::string, std::string> authored_nouns;
  // Nouns of places whose demonym names the country as the place, lower
  // case ("city": "the Syrian city of Aleppo" is SYR). From `place:` lines.
  std::unordered_set<std::string> place_nouns;
  // PETRARCH's convention (`--conventions petrarch`): a role word no country
  // goes with ("insurgents", "the government") is the unknown country's,
  // "---REB", "---GOV", where dyad otherwise reads the article's country
  // into it or, without one, names no actor.
  bool unknown_country_roles = false;
  // PETRARCH's convention too: it reads words as the text splits at white
  // space, so a name hyphenated to a word outside it ("government-held",
  // "US-led forces", "Qaeda-linked") is part of that word and names no one.
  bool whole_hyphenated_words = false;
  // Weekday names, lower case ("tuesday"): "Syrian President Bashar Assad
  // Tuesday" ends the name before them. From data/time/temporal.tsv
  // (WeekdaysOf).
  std::unordered_set<std::string> weekdays;

  // Builds the matcher and indexes over `dictionary`.
  static LexiconResources Build(ActorDictionary dictionary, const text::Abbreviations& abbrevs,
                                ViewSet function_words);
};

// The weekday names of a temporal vocabulary (data/time/temporal.tsv: lines
// "weekday<TAB>name<TAB>number"), lower case.
std::unordered_set<std::string> WeekdaysOf(std::string_view temporal_tsv);

// Fills doc->actors and doc->mentions. Dates: doc->date, or, when unknown, the
// codes valid today.
void RecognizeActors(Document* doc, const LexiconResources& res);

// The CAMEO code of a dictionary entry at `date` ("" when none is valid).
std::string EntryCodeAt(const ActorEntry& entry, const std::optional<Date>& date);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_RECOGNIZER_H_
