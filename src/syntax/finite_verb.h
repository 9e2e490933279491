// A full sentence has a finite verb. The tagger, trained on web text with
// many fragments and reduced relatives, often reads a past tense right after
// a noun subject as a participle: "Police arrested ...", "Thousands of
// students protested ...". When no finite verb is left, the parser hangs the
// "participle" on the noun as a reduced relative clause, and the clause loses
// its subject (the event coder then sees a passive with no agent).
//
// FiniteVerbRule::Apply repairs that one case before the parse. A sentence
// qualifies when it is not a heading, ends in "." or "!", and has no word
// tagged VBD, VBZ, VBP or MD. Its first word tagged VBN (or JJ ending in
// "-ed": "guerrillas wounded two soldiers") that directly follows
// a noun or a personal pronoun (so no auxiliary stands before it) and is
// not followed by "by" (an agent: "a town controlled by rebels") becomes
// VBD. Nothing else changes.
#ifndef DYAD_SYNTAX_FINITE_VERB_H_
#define DYAD_SYNTAX_FINITE_VERB_H_

#include <string>
#include <vector>

#include "dyad/document.h"
#include "syntax/lemmatizer.h"
#include "syntax/tagger.h"

namespace dyad::syntax {

class FiniteVerbRule {
 public:
  // The classes' UPOS and XPOS (as Tagger::upos(c), xpos(c)); without a
  // VERB/VBD and a VERB/VBN class the rule never applies.
  FiniteVerbRule(const std::vector<std::string>& upos, const std::vector<std::string>& xpos);
  static FiniteVerbRule For(const Tagger& tagger);
  // `classes` are the tagger's classes of s's tokens; returns whether one changed.
  bool Apply(const Sentence& s, std::vector<int>* classes) const;

 private:
  enum Role : unsigned char { kOther, kFinite, kNounOrPronoun, kAdjective };
  std::vector<Role> role_;  // per class
  int vbd_ = -1, vbn_ = -1;
  bool PastForm(const Token& t, int c) const;
};

// The mandative subjunctive has the same trouble: in "demanded that Hamas
// renounce violence" or "insisted that the president abandon his policy" the
// bare verb after the clause's subject has no tense the tagger knows, and it
// reads it as a noun or a preposition. SubjunctiveRule::Apply finds "that"
// within three words after a verb of demand (demand, insist, urge, ask,
// request, recommend, propose, require, suggest, order; any inflection), the
// noun phrase after it, and, when no verb follows that phrase, retags as VB
// the word right after it, or the phrase's last noun when an object follows
// it ("that Hamas renounce violence"), provided the treebank had that word as
// a VB (Lemmatizer::Seen).
class SubjunctiveRule {
 public:
  SubjunctiveRule(const std::vector<std::string>& upos, const std::vector<std::string>& xpos, const Lemmatizer& lemmatizer);
  static SubjunctiveRule For(const Tagger& tagger);
  bool Apply(const Sentence& s, std::vector<int>* classes) const;

 private:
  enum Role : unsigned char { kOther, kVerb, kDeterminer, kModifier, kNoun, kAdverb };
  std::vector<Role> role_;  // per class
  int vb_ = -1;
  const Lemmatizer* lemmatizer_;
  bool AfterDemand(const Sentence& s, size_t that) const;
  bool Retag(const Sentence& s, size_t i, std::vector<int>* classes) const;
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_FINITE_VERB_H_
