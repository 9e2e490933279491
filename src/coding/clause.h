// Clause analysis: from a UD dependency tree to the predicate-argument frames
// the event coder matches patterns against.
//
// For each verb (and each noun that may be eventive: the object of a light
// verb, "hold talks", "impose sanctions", or a circumstance, "told him in a
// phone call") a Clause names its subjects (conjuncts
// expanded: "Russia and Belarus"), objects, indirect object, open complement
// ("offered to send": the complement is its own clause whose subjects are the
// controller's), obliques and nominal modifiers by preposition, and flags:
// passive (the "by" agent becomes the source, the passive subject the
// target), negated ("did not", "never", "no plans"), modal or conditional
// (could, would, might, willing to, if: an intent rather than an act), and
// question.
#ifndef DYAD_CODING_CLAUSE_H_
#define DYAD_CODING_CLAUSE_H_

#include <string>
#include <vector>

#include "dyad/document.h"

namespace dyad::coding {

struct Oblique {
  int head;          // token index of the argument's head
  std::string prep;  // its preposition, lower case ("to", "with", "against")
};

struct Clause {
  int predicate = -1;       // token index
  std::string lemma;        // lower case
  std::string particle;     // "out" in "reach out"
  bool noun = false;        // an eventive noun; `governor_lemma` is its light verb
  bool adjunct = false;     // a noun in a circumstance of its governor ("told X *in a phone call*")
  int governor = -1;        // for a noun: the verb it belongs to
  std::string governor_lemma;
  std::vector<int> subjects;  // argument heads; for passives, the agents
  std::vector<int> objects;   // for passives, the passive subjects
  int iobj = -1;
  int xcomp = -1;           // the open complement's predicate
  int parent = -1;          // for a complement: the clause predicate that governs it
  std::vector<Oblique> obliques;
  bool passive = false;
  bool negated = false;
  bool modal = false;       // could, would, might, may, should, willing to, ready to
  bool future = false;      // will, 'll: an announced act, an intent where the act has an intent form
  bool speculative = false; // a modal with the perfect: "would have killed", "might not have agreed"
  bool conditional = false; // under "if" / "unless"
  bool question = false;
  bool reported = false;    // a complement of a speech verb ("said that ...")
  // Two objects the parse gave the verb, read as an indirect and a direct one
  // ("offered *Putin* his support"); the coder may read them as an object and
  // its predicate instead ("declared Maduro the winner") where a pattern of
  // the verb says so.
  bool double_object = false;
  // What the clause is the content of, through its open complements,
  // conjuncts and purpose clauses ("denied that X *sent* troops *to attack*"):
  // the verb whose clausal complement it is ("denied"), or the noun whose
  // content clause it is ("allegations that Russia attacked", also when the
  // parse read "that" as a relative pronoun in a role the clause fills
  // otherwise); -1 when none. Whether that content is asserted depends on the
  // word (the coder's word classes: @refute, @hearsay).
  int content_of_verb = -1;
  int content_of_noun = -1;
};

// The clauses of a parsed sentence, in token order. A sentence without a
// parse (heads all -1) has none.
std::vector<Clause> AnalyzeClauses(const Sentence& sentence);

// The heads of `head` and of its conjuncts ("Russia and Belarus" -> both).
std::vector<int> WithConjuncts(const Sentence& sentence, int head);

// "who", "which", "that", "whom": a relative pronoun, standing for the noun
// its clause modifies rather than naming anything itself.
bool IsRelativePronoun(const Token& token);

// "not", "n't" (either apostrophe), "never", "no": a word that negates what
// it attaches to.
bool IsNegator(const Token& token);

// "clause: PRED subj=... obj=... prep:to=... [neg] [modal] [passive]", for
// tests and `dyad explain`.
std::string DumpClause(const Sentence& sentence, const Clause& clause);

}  // namespace dyad::coding

#endif  // DYAD_CODING_CLAUSE_H_
