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
// is an actor named in what was said, and without one there is no event. Each event gets its Goldstein score, quad class and PLOVER
// type from the ontology, and its date from the sentence's temporal
// expressions (else the publication date, flagged).
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

struct CoderResources {
  Ontology ontology;
  PatternSet patterns;
  IntentMap intents;
  CodeMap negations;  // negated act -> rejection (data/verbs/negation.tsv)
  TemporalResources temporal;

  static Result<CoderResources> Load(const std::string& data_dir);
};

// Fills doc->events. When `trace` is given, it receives one line per clause
// saying which rule fired or why none did (for `dyad explain`).
void CodeEvents(Document* doc, const CoderResources& res, std::vector<std::string>* trace = nullptr);

}  // namespace dyad::coding

#endif  // DYAD_CODING_CODER_H_
