// The event coder: from parsed sentences with resolved actors to CAMEO events.
//
// For each clause (AnalyzeClauses) the predicate's patterns are tried in order
// and the first whose frame holds gives the code and where the target is. The
// source is the clause's subject, the target the argument the pattern names;
// each must be an actor mention (pronouns resolved), and coordinated actors
// give one event each. Questions give no event; a negated act becomes a
// rejection through the negation table ("has no plans to meet": 125), or no
// event when it has none; modal or conditional acts become intents through
// the intent table, or no event when it has none. A statement ("X said ...")
// is no event of its own when what was said codes one; otherwise its target
// is an actor named in what was said (under a complement, not in the
// statement's own circumstances), and without one there is no event.
//
// Beyond the pattern's frame:
//  - a noun naming the circumstance of a verb ("told X in a phone call",
//    "signed it during a visit to Y") is coded first, aimed at its own
//    partner or else at whom the verb addresses; a statement whose
//    circumstance coded adds no event of its own;
//  - a consultation with no target among two or more subjects ("A and B held
//    talks") is one event per pair, when the pattern's target is a partner
//    (with/between);
//  - a threat (13x) with nobody named is coded without a target;
//  - a subject that is no actor falls back to the actor right before the
//    verb, an unresolved pronoun subject to the reporter of the clause;
//  - a preposition's phrase the parse lost is found by surface, right after
//    the predicate.
// Each event gets its Goldstein score, quad class and PLOVER type from the
// ontology, and its date from the sentence's temporal expressions (else the
// publication date, flagged).
#ifndef DYAD_CODING_CODER_H_
#define DYAD_CODING_CODER_H_

#include <string>
#include <vector>

#include "coding/clause.h"
#include "coding/code_map.h"
#include "coding/ontology.h"
#include "coding/patterns.h"
#include "coding/temporal.h"
#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::coding {

// Where CAMEO's manual and PETRARCH's practice differ, which one to follow
// (`--conventions cameo|petrarch`): PETRARCH's for side-by-side comparison
// with it and its gold sets.
struct Conventions {
  // The future ("will meet") is an intent (CAMEO manual, 036: "the future
  // tense used implies a future commitment"); PETRARCH codes it as the act.
  bool future_is_intent = true;
  // "A, B and C met": the manual's coders list a mutual act once per pair
  // (either direction matches); PETRARCH emits it in both directions.
  bool mutual_both_ways = false;
  // "X said ..." with nothing coded in what was said: a statement (010, or
  // typed by what it says: 112, 111, 051) aimed at an actor in it, as the
  // manual's coders do; PETRARCH codes no statement of its own.
  bool statements = true;
  // An intent verb coded by its bare frame (03x) with a coded complement:
  // the manual's coders code the intent of the complement's act ("vowed to
  // attack Syria": 138 against Syria, not 030 and an attack that has not
  // happened; "offered to host talks": 036), when that act has an intent
  // form (data/verbs/intent.tsv), and code each verb by its own patterns
  // otherwise. PETRARCH 2 also lets an act of a category above intent in
  // its ontology (consult, investigate, demand, disapprove, threaten,
  // protest, show of force, coerce) stand alone: "prepared to attend": 042.
  enum class Combination { kIntentOfAct, kPetrarch };
  Combination combine_verbs = Combination::kIntentOfAct;
  // "..., killing at least eight people": a present participle adjunct is
  // an event of its own for the manual's coders; PETRARCH codes none.
  bool participle_adjuncts = true;
  // An act with no target actor ("Interpol will send a team"): no event for
  // the manual's coders but threats; PETRARCH codes it with no target.
  bool untargeted_acts = false;
  // "demolished the Russian building": a thing is no actor for the manual's
  // coders, whatever adjective it carries; PETRARCH takes the actor its noun
  // phrase names (Russia).
  bool adjective_targets = false;
  // "- * AGREEMENTS [057]": PETRARCH matches a pattern's plain word as
  // written, so not "an agreement"; dyad matches its lemma (Constraint::form).
  bool surface_forms = false;

  static Conventions Cameo() { return {}; }
  static Conventions Petrarch() {
    return {.future_is_intent = false,
            .mutual_both_ways = true,
            .statements = false,
            .combine_verbs = Combination::kPetrarch,
            .participle_adjuncts = false,
            .untargeted_acts = true,
            .adjective_targets = true,
            .surface_forms = true};
  }
};

struct CoderResources {
  Ontology ontology;
  PatternSet patterns;
  CodeMap intents;    // act -> its intent (data/verbs/intent.tsv)
  CodeMap negations;  // negated act -> rejection (data/verbs/negation.tsv)
  TemporalResources temporal;
  Conventions conventions;

  static Result<CoderResources> Load(const std::string& data_dir);
};

// Fills doc->events. When `trace` is given, it receives one line per clause
// saying which rule fired or why none did (for `dyad explain`).
void CodeEvents(Document* doc, const CoderResources& res, std::vector<std::string>* trace = nullptr);

}  // namespace dyad::coding

#endif  // DYAD_CODING_CODER_H_
