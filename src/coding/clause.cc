#include "coding/clause.h"

#include <algorithm>

#include "text/utf8.h"

namespace dyad::coding {

using namespace std::string_view_literals;  // "x"sv: comparing a std::string with it checks the size first
namespace {

// Grammar, not lexicon: the closed classes the clause analysis needs.
constexpr std::string_view kModals[] = {"could", "would", "might", "may", "should", "can", "ca", "must", "shall"};  // "ca" of "ca|n't"
// The future: an announced act is an intent when the act has an intent form.
constexpr std::string_view kFuture[] = {"will", "wo", "'ll", "\u2019ll"};  // "wo" of "wo|n't"
// "when asked", "if elected", "once approved": a bare participle after
// these is passive.
constexpr std::string_view kParticipleMarks[] = {"when", "if", "once", "unless", "until", "as", "though", "although"};
constexpr std::string_view kInvertedConditions[] = {"should", "had", "were"};
constexpr std::string_view kNegators[] = {"not", "n't", "n\u2019t", "never", "no"};
constexpr std::string_view kConditionMarks[] = {"if", "unless"};
// An embedded question is no claim that anything happened: "asked whether
// Belarus would provide shelter".
constexpr std::string_view kQuestionMarks[] = {"whether"};
// Adjectives of readiness that turn their complement into an intent.
constexpr std::string_view kReadiness[] = {"willing", "ready", "prepared", "eager", "determined", "available"};
// Participles that, with "be" and no agent, describe a state of their
// subject, who is the actor: "Assad was committed to a peace process", "Iran
// is engaged in talks with ...", "Russia is opposed to sanctions".
constexpr std::string_view kStativeParticiples[] = {"committed", "engaged", "involved", "opposed", "dedicated", "devoted"};
constexpr std::string_view kRelatives[] = {"who", "which", "that", "whom"};
constexpr std::string_view kParticles[] = {"out", "up", "down", "off", "back", "over", "away"};
// Prepositions of a circumstance in which an event noun happened: "told Trump
// *in* a phone call", "said so *during* talks with", "*at* a meeting with".
constexpr std::string_view kCircumstance[] = {"in", "during", "at", "after", "following"};

template <size_t N>
bool In(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

// In(text::Lower(w), list), without lowering an ASCII word (text::LowerEquals).
template <size_t N>
bool InLower(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view x : list)
    if (text::LowerEquals(w, x)) return true;
  return false;
}

const std::string& LemmaOrForm(const Token& t) { return t.lemma.empty() ? t.form : t.lemma; }
std::string LowerLemma(const Token& t) { return text::Lower(LemmaOrForm(t)); }
// LowerLemma(t) == word, without building it for ASCII lemmas.
bool LowerLemmaIs(const Token& t, std::string_view word) { return text::LowerEquals(LemmaOrForm(t), word); }

bool StartsWith(std::string_view s, std::string_view p) { return s.starts_with(p); }

class Analyzer {
 public:
  explicit Analyzer(const Sentence& s) : s_(s), n_(static_cast<int>(s.tokens.size())), children_(n_) {
    for (int i = 0; i < n_; ++i)
      if (s_.tokens[i].head >= 0 && s_.tokens[i].head < n_) children_[s_.tokens[i].head].push_back(i);
  }

  std::vector<Clause> Run() {
    std::vector<Clause> out;
    bool parsed = false;
    for (const Token& t : s_.tokens) parsed |= !t.deprel.empty();
    if (!parsed) return out;
    bool question = !s_.tokens.empty() && s_.tokens.back().form == "?"sv;
    for (int i = 0; i < n_; ++i) {
      const Token& t = s_.tokens[i];
      bool verb = t.upos == "VERB"sv;
      bool governed = t.upos == "NOUN"sv && Head(i) >= 0 && s_.tokens[Head(i)].upos == "VERB"sv;
      // "entered *into* dialogue with": the noun carries the event as an object would.
      bool noun = governed && (t.deprel == "obj"sv || t.deprel == "nsubj:pass"sv ||
                               (t.deprel == "obl"sv && Preposition(i) == "into"sv));
      bool adjunct = governed && t.deprel == "obl"sv && In(Preposition(i), kCircumstance);
      int governor = Head(i);
      // "announced the deal during a meeting", read with the meeting under the deal.
      if (!verb && !noun && !adjunct && t.upos == "NOUN"sv && t.deprel == "nmod"sv && Preposition(i) == "during"sv &&
          Head(i) >= 0 && Rel(Head(i)) == "obj"sv && Head(Head(i)) >= 0 && s_.tokens[Head(Head(i))].upos == "VERB"sv) {
        adjunct = true;
        governor = Head(Head(i));
      }
      // "Russia could be of great help to X", "Y is a threat to Z": a
      // copular noun is its own light verb.
      bool copular = !verb && !noun && !adjunct && t.upos == "NOUN"sv && HasChild(i, "cop") &&
                     HasChild(i, "nsubj");
      if (copular) governor = i;
      // "is willing to leave", "remains available to mediate": an adjective
      // of readiness with an infinitive is a predicate of its own.
      bool ready = t.upos == "ADJ"sv && Readiness(i) && ReadyInfinitive(i) >= 0;
      if (!verb && !noun && !adjunct && !copular && !ready) continue;
      if (verb && CompoundModifierOf(i) >= 0) continue;
      Clause c = verb || ready ? Verb(i) : Noun(i, governor);
      if (ready) c.xcomp = ReadyInfinitive(i);
      if (copular) c.governor_lemma = "be";
      c.adjunct = adjunct;
      c.question = question || EmbeddedQuestion(verb || ready ? i : governor);
      if (!verb && !ready && governor >= 0 && governor != i) ContentOf(governor, &c);
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  int Head(int i) const { return s_.tokens[i].head; }
  const std::string& Rel(int i) const { return s_.tokens[i].deprel; }

  // Whether Children(i, rel_prefix) is not empty, without building it.
  bool HasChild(int i, std::string_view rel_prefix) const {
    for (int c : children_[i])
      if (StartsWith(Rel(c), rel_prefix)) return true;
    return false;
  }

  std::vector<int> Children(int i, std::string_view rel_prefix) const {
    std::vector<int> out;
    for (int c : children_[i])
      if (StartsWith(Rel(c), rel_prefix)) out.push_back(c);
    return out;
  }

  // The preposition of a phrase; also when the parser hung it on the first
  // part of a name ("with" under "Nicolás" in "with Nicolás Maduro").
  std::string Preposition(int head) const {
    std::string prep;
    for (int c : children_[head])
      if (Rel(c) == "case"sv) prep += (prep.empty() ? "" : " ") + LowerLemma(s_.tokens[c]);
    if (!prep.empty()) return prep;
    for (int part : children_[head])
      if ((Rel(part) == "compound"sv || Rel(part) == "flat"sv) && part < head)
        for (int c : children_[part])
          if (Rel(c) == "case"sv) prep += (prep.empty() ? "" : " ") + LowerLemma(s_.tokens[c]);
    return prep;
  }

  bool Negated(int i) const {
    for (int c : children_[i])
      if ((Rel(c) == "advmod"sv || Rel(c) == "det"sv) && InLower(s_.tokens[c].form, kNegators)) return true;
    // "has no plans to": a negated object.
    for (int o : Children(i, "obj"))
      for (int c : children_[o])
        if (Rel(c) == "det"sv && text::LowerEquals(s_.tokens[c].form, "no")) return true;
    return false;
  }

  // "could grant", "would send"; not "may have been involved", "could have
  // attacked": a modal with the perfect speculates about the past, it
  // states no intent (see Speculative).
  bool Modal(int i) const { return ModalAux(i) && !PerfectAux(i); }
  bool Speculative(int i) const { return ModalAux(i) && PerfectAux(i); }
  bool ModalAux(int i) const {
    for (int c : children_[i])
      if (StartsWith(Rel(c), "aux") && InLower(s_.tokens[c].form, kModals)) return true;
    return false;
  }
  bool PerfectAux(int i) const {
    for (int c : children_[i])
      if (StartsWith(Rel(c), "aux") && LowerLemmaIs(s_.tokens[c], "have")) return true;
    return false;
  }

  bool EmbeddedQuestion(int i) const {
    for (int t = i, steps = 0; t >= 0 && steps < 64; t = Head(t), ++steps) {
      for (int c : children_[t])
        if (Rel(c) == "mark"sv && InLower(s_.tokens[c].form, kQuestionMarks)) return true;
      if (!SharesClauseWithHead(t)) break;
    }
    return false;
  }

  // Whether what verb t states belongs to its head's clause: an open
  // complement, a conjunct or a purpose clause ("whether X withheld aid to
  // pressure Y": neither is asserted). EmbeddedQuestion and ContentOf climb
  // through these.
  bool SharesClauseWithHead(int t) const {
    return Rel(t) == "xcomp"sv || Rel(t) == "conj"sv || (Rel(t) == "advcl"sv && OnlyMarkIs(t, "to"));
  }

  // "if it resigned", and the inverted conditional "should China not
  // accede", "had they known", "were it to fall": outside a question, one of
  // those auxiliaries right before the verb's subject.
  bool Conditional(int i) const {
    for (int c : children_[i])
      if (Rel(c) == "mark"sv && InLower(s_.tokens[c].form, kConditionMarks)) return true;
    if (!s_.tokens.empty() && s_.tokens.back().form == "?"sv) return false;
    for (int c : children_[i]) {
      if (!StartsWith(Rel(c), "aux") || !InLower(s_.tokens[c].form, kInvertedConditions)) continue;
      for (int k : Children(i, "nsubj"))
        if (k == c + 1 || (k > c && k <= c + 3 && s_.tokens[c + 1].upos == "DET"sv)) return true;
    }
    return false;
  }

  // "he would continue to support Venezuela and Maduro offered ...": a verb
  // with no object right before "A and B VERBED" lost A to a coordination
  // the parse made the later verb's subject. Its parts: the verb that lost
  // its object, the first conjunct (its object) and the last (the later
  // verb's subject).
  struct LostObject {
    int verb = -1, object = -1, subject = -1;
  };

  LostObject ObjectLostToSubject(int later) const {
    const std::string& xpos = s_.tokens[later].xpos;
    if (xpos != "VBD"sv && xpos != "VBZ"sv && xpos != "VBP"sv) return {};
    for (int a : Children(later, "nsubj")) {
      std::vector<int> conjuncts = WithConjuncts(s_, a);
      if (conjuncts.size() != 2 || conjuncts[1] + 1 != later) continue;
      for (int t = conjuncts[0]; t < later; ++t)
        if (s_.tokens[t].upos == "PUNCT"sv) return {};
      int v = a - 1;
      if (v >= 0 && s_.tokens[v].upos == "DET"sv) --v;
      if (v < 0 || s_.tokens[v].upos != "VERB"sv || s_.tokens[v].xpos == "VBN"sv) return {};
      for (int c : children_[v])
        if (Rel(c) == "obj"sv || Rel(c) == "iobj"sv || Rel(c) == "ccomp"sv || Rel(c) == "xcomp"sv) return {};
      return {v, a, conjuncts[1]};
    }
    return {};
  }

  // A participle read as a past tense has its "subject" before the marker
  // ("Peskov, when asked"); a finite verb has it after ("when he asked").
  bool AdverbialParticiple(int i) const {
    const std::string& xpos = s_.tokens[i].xpos;
    // (or the complement of a verb after it, or the root, misread: "X, when
    // asked ..., said").
    const bool adverbial = Rel(i) == "advcl"sv || (Rel(i) == "ccomp"sv && Head(i) > i) || Rel(i) == "root"sv;
    if (!adverbial || (xpos != "VBN"sv && xpos != "VBD"sv) || HasChild(i, "aux") ||
        HasChild(i, "aux:pass"))
      return false;
    for (int c : children_[i]) {
      if (c > i || (Rel(c) != "mark"sv && Rel(c) != "advmod"sv) || !InLower(s_.tokens[c].form, kParticipleMarks))
        continue;
      std::vector<int> subjects = Children(i, "nsubj");
      if (!std::all_of(subjects.begin(), subjects.end(), [&](int k) { return k < c; })) continue;
      if (Rel(i) != "root"sv || (c > 0 && s_.tokens[c - 1].form == ","sv && !subjects.empty())) return true;
    }
    return false;
  }

  bool HasCompoundModifier(int i) const {
    for (int c : children_[i])
      if (CompoundModifierOf(c) >= 0 && c < i) return true;
    return false;
  }

  // "several high-ranking officials have warned", "oil-producing countries
  // agreed": a hyphenated -ing word is a modifier of the noun after it,
  // which the parse may read as a verb with that noun as its object. The
  // noun, or -1.
  int CompoundModifierOf(int i) const {
    if (i < 2 || s_.tokens[i].xpos != "VBG"sv || s_.tokens[i - 1].form != "-"sv) return -1;
    for (int o : Children(i, "obj"))
      if (o > i) return o;
    return -1;
  }

  // "advocated for maintaining ties", "pushed for holding talks": a gerund
  // after "for", with no subject of its own, under a verb with no object,
  // is that verb's open complement, sharing its subject.
  bool ForGerund(int i) const {
    return Rel(i) == "advcl"sv && s_.tokens[i].xpos == "VBG"sv && OnlyMarkIs(i, "for") && !HasChild(i, "nsubj") &&
           Head(i) >= 0 && !HasChild(Head(i), "obj");
  }

  // Whether the present tenses of verbs a and b (an auxiliary's, when it
  // has one) agree in number: VBZ with VBZ, VBP with VBP; any other pair
  // does. A bare form conjoined to a finite verb with no auxiliary or "to"
  // of its own ("China has taken ... and support") is a plural present.
  bool Agrees(int a, int b) const {
    auto finite = [&](int v) {
      for (int c : children_[v])
        if (StartsWith(Rel(c), "aux") || (Rel(c) == "mark"sv && LowerLemmaIs(s_.tokens[c], "to")))
          return s_.tokens[c].xpos == "TO"sv ? std::string("TO") : s_.tokens[c].xpos;
      return s_.tokens[v].xpos;
    };
    std::string x = finite(a), y = finite(b);
    if (x == "VB"sv && (y == "VBZ"sv || y == "VBP"sv)) x = "VBP";
    return !((x == "VBZ"sv && y == "VBP"sv) || (x == "VBP"sv && y == "VBZ"sv));
  }

  // Subjects of a predicate, climbing through open complements ("offered to
  // send": the subject of "offered") and shared-subject conjuncts ("met and
  // agreed").
  std::vector<int> Subjects(int i) const {
    if (LostObject lost = ObjectLostToSubject(i); lost.verb >= 0) return {lost.subject};
    if (!HasChild(i, "nsubj"))
      for (int c : children_[i]) {
        if (int noun = CompoundModifierOf(c); noun >= 0 && c < i) return WithConjuncts(s_, noun);
        // "Peskov, when asked ..., said" with Peskov hung on "asked".
        if (c < i && AdverbialParticiple(c))
          for (int k : Children(c, "nsubj")) return WithConjuncts(s_, k);
      }
    // All of them: a misparse may split "its neighbor Colombia" into two.
    std::vector<int> subjects;
    for (int c : children_[i])
      if (Rel(c) == "nsubj"sv || Rel(c) == "nsubj:outer"sv) Append(&subjects, WithConjuncts(s_, c));
    // "Russia, which sent troops": a relative pronoun stands for the noun
    // the clause modifies.
    for (int& subject : subjects)
      if (IsRelativePronoun(s_.tokens[subject])) subject = RelativeAntecedent(i, subject);
    if (!subjects.empty()) return subjects;
    if ((Rel(i) == "xcomp"sv || Rel(i) == "conj"sv || ForGerund(i)) && Head(i) >= 0) {
      int h = Head(i);
      // "businesses agree that China has ... and support X" with "support"
      // hung on "has taken": a present tense takes its subject from the
      // nearest verb above it that agrees in number.
      if (Rel(i) == "conj"sv)
        for (int a = h, steps = 0; a >= 0 && steps < 3 && !Agrees(i, a); a = Head(a), ++steps)
          if (Head(a) >= 0 && Agrees(i, Head(a)) && HasChild(Head(a), "nsubj")) return Subjects(Head(a));
      // "Obama is scheduled to attend", "Iran was asked to leave": a passive
      // controls its complement through its passive subject.
      if (Rel(i) == "xcomp"sv)
        for (int c : children_[h])
          if (Rel(c) == "nsubj:pass"sv) return WithConjuncts(s_, c);
      // "is willing to leave": the complement of an adjective takes the adjective's subject.
      return Subjects(h);
    }
    if (Rel(i) == "acl"sv && Head(i) >= 0) return WithConjuncts(s_, Head(i));  // "a plan announced by..."
    // "opened an investigation, accusing him of ...": a participle clause
    // with no subject and no connective shares the main clause's subject.
    // "remains available to mediate": an infinitive under an adjective is
    // controlled by the adjective's subject.
    if (Rel(i) == "advcl"sv && Head(i) >= 0 && s_.tokens[Head(i)].upos == "ADJ"sv && OnlyMarkIs(i, "to"))
      return Subjects(Head(i));
    // "met with Assad to discuss ...": a purpose infinitive is controlled by
    // the subject of its verb (with an object or a passive, the parse may
    // have misread an object-controlled complement: left alone).
    if (Rel(i) == "advcl"sv && Head(i) >= 0 && s_.tokens[Head(i)].upos == "VERB"sv && OnlyMarkIs(i, "to") &&
        !HasChild(Head(i), "obj") && !HasChild(Head(i), "aux:pass") && !HasChild(Head(i), "nsubj:pass"))
      return Subjects(Head(i));
    if (Rel(i) == "advcl"sv && Head(i) >= 0 && s_.tokens[i].xpos == "VBG"sv) {
      bool marked = false, by = false;
      for (int c : children_[i]) {
        marked |= Rel(c) == "mark"sv;
        by |= Rel(c) == "mark"sv && text::LowerEquals(s_.tokens[c].form, "by");
      }
      // "responded by attacking Chile": the means is the subject's act.
      if (!marked || by) return Subjects(Head(i));
    }
    return {};
  }

  // The noun a relative clause modifies: its head when parsed as one, else
  // (a relative clause misread as parataxis) the noun right before ", which".
  int RelativeAntecedent(int verb, int pronoun) const {
    if (StartsWith(Rel(verb), "acl") && Head(verb) >= 0) return Head(verb);
    if (pronoun >= 2 && s_.tokens[pronoun - 1].form == ","sv) {
      const std::string& upos = s_.tokens[pronoun - 2].upos;
      if (upos == "PROPN"sv || upos == "NOUN"sv) return pronoun - 2;
    }
    return pronoun;
  }

  // "the only thing we criticized": a relative clause with a subject but no
  // object, no relative word and no complement of its own has lost its
  // object to the noun it modifies; in a pseudo-cleft ("the only thing we
  // criticized is X's stance") that noun names what the copula equates it
  // with. -1 when there is no such gap.
  int ObjectGap(int verb) const {
    if (Rel(verb) != "acl:relcl"sv || Head(verb) < 0 || Subjects(verb).empty() || HasChild(verb, "obj"))
      return -1;
    for (int c : children_[verb])
      if (IsRelativePronoun(s_.tokens[c]) || Rel(c) == "ccomp"sv || Rel(c) == "xcomp"sv ||
          (Rel(c) == "advmod"sv && s_.tokens[c].xpos == "WRB"sv))
        return -1;
    int noun = Head(verb);
    if (StartsWith(Rel(noun), "nsubj") && Head(noun) >= 0 && HasChild(Head(noun), "cop") &&
        (s_.tokens[Head(noun)].upos == "NOUN"sv || s_.tokens[Head(noun)].upos == "PROPN"sv))
      return Head(noun);
    return noun;
  }

  bool QuotativeInversion(int verb) const {
    const std::string& xpos = s_.tokens[verb].xpos;
    if (verb == 0 || (xpos != "VBD"sv && xpos != "VBZ"sv)) return false;
    const std::string& before = s_.tokens[verb - 1].form;
    if (before != "\u201d"sv && before != "\""sv && before != "''"sv) return false;
    std::vector<int> objects = Children(verb, "obj");
    return !objects.empty() && std::all_of(objects.begin(), objects.end(), [&](int o) { return o > verb; });
  }

  // A passive of kStativeParticiples with "be", a passive subject and no
  // agent ("was committed to"): a state of the subject, not an act done to it.
  bool StativeParticiple(int i, const std::vector<int>& passive_subjects) const {
    return !passive_subjects.empty() && HasChild(i, "aux:pass") && !HasChild(i, "obl:agent") &&
           InLower(s_.tokens[i].form, kStativeParticiples);
  }

  bool OnlyMarkIs(int i, std::string_view word) const {
    bool found = false;
    for (int c : children_[i])
      if (Rel(c) == "mark"sv) {
        if (!text::LowerEquals(s_.tokens[c].form, word)) return false;
        found = true;
      }
    return found;
  }

  Clause Verb(int i) {
    Clause c;
    c.predicate = i;
    c.lemma = LowerLemma(s_.tokens[i]);
    for (int p : Children(i, "compound:prt")) c.particle = text::Lower(s_.tokens[p].form);
    // A particle the parser read as an adverb ("reached *out* to"); the coder
    // uses it only when the verb has patterns with it.
    if (c.particle.empty() && i + 1 < n_ && Head(i + 1) == i && Rel(i + 1) == "advmod"sv &&
        InLower(s_.tokens[i + 1].form, kParticles))
      c.particle = text::Lower(s_.tokens[i + 1].form);
    std::vector<int> passive_subjects = Children(i, "nsubj:pass");
    // "soldiers killed by rebels", "sanctions imposed on Caracas": a past
    // participle modifying a noun is passive, the noun its patient (one with
    // an object of its own is a main verb the parse hung on the subject).
    bool reduced_passive = Rel(i) == "acl"sv && s_.tokens[i].xpos == "VBN"sv && Head(i) >= 0 &&
                           !HasChild(i, "nsubj") && !HasChild(i, "obj") &&
                           !HasChild(i, "aux") && !HasCompoundModifier(i);
    // "soldiers killed by rebels" read as a clause: an agent makes a
    // participle passive, and its subject the patient.
    bool agent_passive = s_.tokens[i].xpos == "VBN"sv && HasChild(i, "obl:agent") && !HasChild(i, "aux");
    if (agent_passive) Append(&passive_subjects, Children(i, "nsubj"));
    // "The civilians imprisoned for ... were released": the participle the
    // parse made the main verb modifies its "subject", its patient.
    const bool garden_path = GardenPathParticiple(i);
    if (garden_path) Append(&passive_subjects, Children(i, "nsubj"));
    // "Peskov, when asked ..., said": a bare participle after "when", "if",
    // "once" is passive, its "subject" (or its head's) the one asked.
    const bool adverbial_passive = AdverbialParticiple(i);
    if (adverbial_passive) {
      Append(&passive_subjects, Children(i, "nsubj"));
      if (passive_subjects.empty() && Head(i) >= 0) Append(&passive_subjects, Subjects(Head(i)));
    }
    c.passive = !passive_subjects.empty() || HasChild(i, "aux:pass") || reduced_passive || adverbial_passive ||
                garden_path;
    if (c.passive) {
      for (int a : Children(i, "obl:agent")) Append(&c.subjects, WithConjuncts(s_, a));
      for (int o : passive_subjects) Append(&c.objects, WithConjuncts(s_, o));
      if (reduced_passive) Append(&c.objects, WithConjuncts(s_, Head(i)));
      // "X continues to be considered legitimate": the controller is the patient.
      if (passive_subjects.empty() && Rel(i) == "xcomp"sv && Head(i) >= 0) Append(&c.objects, Subjects(Head(i)));
      // "... while the official results are being welcomed by": a parse that
      // hung the passive subject elsewhere; the noun right before the
      // auxiliaries.
      if (c.objects.empty())
        if (int n = GardenPathSubject(i); n >= 0) Append(&c.objects, WithConjuncts(s_, n));
      if (c.objects.empty())
        if (int n = NounBeforeAuxiliaries(i); n >= 0) c.objects.push_back(n);
      if (StativeParticiple(i, passive_subjects)) {
        c.passive = false;
        c.subjects = std::move(c.objects);
        c.objects.clear();
      }
    } else {
      c.subjects = Subjects(i);
      // "warned that ..." with the complementizer read as the object: no object.
      for (int o : Children(i, "obj"))
        if (s_.tokens[o].upos != "SCONJ"sv) Append(&c.objects, WithConjuncts(s_, o));
      // "the election which the EU called fraudulent": the object relative
      // pronoun stands for the noun the clause modifies, as a subject one does.
      for (int& object : c.objects)
        if (IsRelativePronoun(s_.tokens[object])) object = RelativeAntecedent(i, object);
      if (int gap = ObjectGap(i); gap >= 0) c.objects.push_back(gap);
      if (c.objects.empty())
        for (int later = i + 1; later < n_; ++later)
          if (LostObject lost = ObjectLostToSubject(later); lost.verb == i) c.objects.push_back(lost.object);
      // "..., ” added the member of parliament": after a quotation the
      // speaker follows the verb, and a parse may read it as the object.
      // A "subject" inside the quotation is the quotation, misread.
      if (QuotativeInversion(i) && std::all_of(c.subjects.begin(), c.subjects.end(), [&](int k) { return k < i - 1; })) {
        c.subjects.swap(c.objects);
        c.objects.clear();
      }
    }
    for (int o : Children(i, "iobj")) c.iobj = o;
    if (c.iobj < 0 && !c.passive) {
      c.iobj = IndirectObjectReadAsObject(i, &c.objects);
      c.double_object = c.iobj >= 0;
    }
    for (int x : Children(i, "xcomp")) c.xcomp = x;
    if (c.xcomp < 0 && !c.passive) c.xcomp = SmallClausePredicate(i, &c.objects);
    for (int g : children_[i])
      if (c.xcomp < 0 && ForGerund(g)) c.xcomp = g;
    for (int o : children_[i]) {
      if ((Rel(o) == "obl"sv || Rel(o) == "obl:unmarked"sv || Rel(o) == "obl:agent"sv) && !Preposition(o).empty()) {
        for (int h : WithConjuncts(s_, o)) c.obliques.push_back({h, Preposition(o)});
      }
    }
    // Nominal modifiers of the object count as the predicate's obliques:
    // "grant asylum to Maduro" (to Maduro attached to asylum), "ease sanctions on Belarus";
    // so do those of a passive agent other than "of" ("imposed by the US on Venezuela").
    for (int o : c.objects)
      for (int m : Children(o, "nmod"))
        if (!Preposition(m).empty())
          for (int h : WithConjuncts(s_, m)) c.obliques.push_back({h, Preposition(m)});
    for (int a : Children(i, "obl:agent"))
      for (int m : Children(a, "nmod"))
        if (!Preposition(m).empty() && Preposition(m) != "of"sv)
          for (int h : WithConjuncts(s_, m)) c.obliques.push_back({h, Preposition(m)});
    if ((Rel(i) == "xcomp"sv || ForGerund(i)) && Head(i) >= 0) c.parent = Head(i);
    if (Rel(i) == "advcl"sv && Head(i) >= 0 && s_.tokens[Head(i)].upos == "ADJ"sv && OnlyMarkIs(i, "to")) c.parent = Head(i);
    c.negated = NegatedChain(i);
    c.modal = Modal(i) || (c.parent >= 0 && ModalChain(c.parent));
    c.future = Future(i) || (c.parent >= 0 && FutureChain(c.parent));
    c.speculative = Speculative(i);
    c.conditional = Conditional(i);
    c.reported = Rel(i) == "ccomp"sv;
    ContentOf(i, &c);
    return c;
  }

  // Climbs from verb i through the clauses that share their head's
  // (SharesClauseWithHead) to the clause they belong to; when that is a
  // clausal complement or a noun's content clause, records its verb or noun
  // in c.
  void ContentOf(int i, Clause* c) const {
    int t = i;
    for (int steps = 0; t >= 0 && Head(t) >= 0 && steps < 64; t = Head(t), ++steps)
      if (!SharesClauseWithHead(t)) break;
    if (t < 0 || Head(t) < 0) return;
    if (Rel(t) == "ccomp"sv) c->content_of_verb = Head(t);
    if (StartsWith(Rel(t), "acl") && s_.tokens[Head(t)].upos == "NOUN"sv && IsContentClause(t)) c->content_of_noun = Head(t);
  }

  // "offered Putin his support", "gave Ukraine weapons": two objects after
  // the verb, a name or pronoun and then a common noun, are an indirect and
  // a direct object the parse read as two direct ones. Returns the first,
  // taken (with its conjuncts) out of `objects`; -1 when the shape is not
  // this one.
  int IndirectObjectReadAsObject(int verb, std::vector<int>* objects) const {
    std::vector<int> direct = Children(verb, "obj");
    if (direct.size() != 2 || direct[0] < verb || direct[1] < direct[0]) return -1;
    const Token &first = s_.tokens[direct[0]], &second = s_.tokens[direct[1]];
    if ((first.upos != "PROPN"sv && first.upos != "PRON"sv) || IsRelativePronoun(first) || second.upos != "NOUN"sv)
      return -1;
    for (int k : WithConjuncts(s_, direct[0]))
      objects->erase(std::remove(objects->begin(), objects->end(), k), objects->end());
    return direct[0];
  }

  // "whom Trump calls a fantastic guy", "which Moscow considers a threat":
  // a relative pronoun object and a second object, a common noun, that the
  // parse did not read as the small clause's predicate. Returns that noun,
  // taken out of `objects`; -1 when the shape is not this one.
  int SmallClausePredicate(int verb, std::vector<int>* objects) const {
    bool relative = false;
    int noun = -1;
    for (int c : children_[verb]) {
      if (Rel(c) != "obj"sv) continue;
      const std::string& form = s_.tokens[c].form;
      if (text::LowerEquals(form, "whom") || text::LowerEquals(form, "which")) relative = true;
      else if (s_.tokens[c].upos == "NOUN"sv) noun = c;
    }
    if (!relative || noun < 0) return -1;
    objects->erase(std::remove(objects->begin(), objects->end(), noun), objects->end());
    return noun;
  }

  // "the claim that X did Y", "fears that it will invade": "that" (or
  // "whether") marks the clause; or the parse read "that" as the subject or
  // object of a relative clause although the clause has another one ("the
  // allegations that Russia had attacked Ukraine": "that" and "Ukraine" both
  // objects), so "that" cannot stand for the noun.
  bool IsContentClause(int verb) const {
    for (int c : children_[verb]) {
      const std::string& form = s_.tokens[c].form;
      if (!text::LowerEquals(form, "that") && !text::LowerEquals(form, "whether")) continue;
      if (Rel(c) == "mark"sv) return true;
      const std::string_view role = StartsWith(Rel(c), "nsubj") ? "nsubj"sv : Rel(c) == "obj"sv ? "obj"sv : ""sv;
      if (!role.empty() && Children(verb, role).size() > 1) return true;
    }
    return false;
  }

  // "The civilians imprisoned for protesting were released by X": a garden
  // path. The parse made the bare participle "imprisoned" the main verb with
  // "civilians" its subject, and hung the real main verb, a finite passive
  // with no subject, on it as an adverbial clause. That verb's subject is
  // the participle's "subject"; -1 when the shape is not this one.
  int GardenPathSubject(int verb) const {
    const int head = Head(verb);
    // (HasChild takes a prefix: "nsubj" covers "nsubj:pass", "aux" "aux:pass".)
    if (head < 0 || head > verb || Rel(verb) != "advcl" || HasChild(verb, "mark") || HasChild(verb, "nsubj")) return -1;
    bool finite = false;
    for (int a : children_[verb]) finite = finite || (StartsWith(Rel(a), "aux") && IsFiniteAuxTag(s_.tokens[a].xpos));
    if (!finite || HasChild(head, "aux")) return -1;
    if (s_.tokens[head].xpos != "VBN" && s_.tokens[head].xpos != "VBD") return -1;
    std::vector<int> subjects = Children(head, "nsubj");
    return subjects.size() == 1 && subjects[0] < head ? subjects[0] : -1;
  }

  static bool IsFiniteAuxTag(const std::string& xpos) {
    return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" || xpos == "MD";
  }

  // Whether a participle is the garden path of a later clause (above).
  bool GardenPathParticiple(int verb) const {
    for (int c : children_[verb])
      if (c > verb && GardenPathSubject(c) >= 0) return true;
    return false;
  }

  int NounBeforeAuxiliaries(int verb) const {
    int first = verb;
    for (int c : children_[verb])
      if ((Rel(c) == "aux"sv || Rel(c) == "aux:pass"sv) && c < first) first = c;
    if (first == verb || first == 0) return -1;
    const Token& t = s_.tokens[first - 1];
    bool nominal = t.upos == "NOUN"sv || t.upos == "PROPN"sv || (t.upos == "PRON"sv && !IsRelativePronoun(t));
    return nominal ? first - 1 : -1;
  }

  // The infinitive an adjective governs: its xcomp, or a "to" clause the
  // parse read as adverbial; -1 if none.
  int ReadyInfinitive(int adjective) const {
    for (int c : children_[adjective])
      if (Rel(c) == "xcomp"sv || (Rel(c) == "advcl"sv && OnlyMarkIs(c, "to"))) return c;
    return -1;
  }

  bool Readiness(int i) const { return InLower(LemmaOrForm(s_.tokens[i]), kReadiness); }

  // Negation and modality reach down open complements: "does not plan to have
  // contact", "could agree to send".
  bool NegatedChain(int i) const { return Negated(i) || (Rel(i) == "xcomp"sv && Head(i) >= 0 && NegatedChain(Head(i))); }
  bool Future(int i) const {
    for (int c : children_[i])
      if (Rel(c) == "aux"sv && InLower(s_.tokens[c].form, kFuture)) return true;
    return false;
  }
  bool FutureChain(int i) const { return Future(i) || (Rel(i) == "xcomp"sv && Head(i) >= 0 && FutureChain(Head(i))); }
  bool ModalChain(int i) const {
    return Modal(i) || Readiness(i) || (Rel(i) == "xcomp"sv && Head(i) >= 0 && ModalChain(Head(i)));
  }

  // "held talks with", "imposed sanctions on": the noun is the predicate, its
  // light verb supplies the subject.
  Clause Noun(int i, int v) {
    Clause c;
    c.predicate = i;
    c.noun = true;
    c.governor = v;
    c.lemma = LowerLemma(s_.tokens[i]);
    c.governor_lemma = LowerLemma(s_.tokens[v]);
    c.subjects = Subjects(v);
    // The noun's modifiers, and theirs ("a meeting in Minsk with the envoy"
    // read with "with" under "Minsk").
    for (int m : Children(i, "nmod")) {
      if (!Preposition(m).empty())
        for (int h : WithConjuncts(s_, m)) c.obliques.push_back({h, Preposition(m)});
      for (int mm : Children(m, "nmod"))
        if (!Preposition(mm).empty())
          for (int h : WithConjuncts(s_, mm)) c.obliques.push_back({h, Preposition(mm)});
    }
    for (int o : children_[v])
      if (StartsWith(Rel(o), "obl") && !Preposition(o).empty())
        for (int h : WithConjuncts(s_, o)) c.obliques.push_back({h, Preposition(o)});
    c.negated = NegatedChain(v);
    c.modal = ModalChain(v);
    c.future = FutureChain(v);
    c.conditional = Conditional(v);
    return c;
  }

  static void Append(std::vector<int>* to, const std::vector<int>& more) { to->insert(to->end(), more.begin(), more.end()); }

  const Sentence& s_;
  int n_;
  std::vector<std::vector<int>> children_;
};

}  // namespace

std::vector<int> WithConjuncts(const Sentence& sentence, int head) {
  std::vector<int> out = {head};
  for (size_t k = 0; k < out.size(); ++k)
    for (int i = 0; i < static_cast<int>(sentence.tokens.size()); ++i)
      if (sentence.tokens[i].head == out[k] && sentence.tokens[i].deprel == "conj"sv &&
          std::find(out.begin(), out.end(), i) == out.end())
        out.push_back(i);
  return out;
}

bool IsRelativePronoun(const Token& token) { return InLower(token.form, kRelatives); }

bool IsNegator(const Token& token) { return InLower(token.form, kNegators); }

std::vector<Clause> AnalyzeClauses(const Sentence& sentence) { return Analyzer(sentence).Run(); }

std::string DumpClause(const Sentence& s, const Clause& c) {
  auto form = [&](int i) { return i >= 0 ? s.tokens[i].form : std::string("-"); };
  std::string out = c.lemma + (c.particle.empty() ? "" : " " + c.particle);
  if (c.noun) out = "noun:" + out + "(" + c.governor_lemma + ")";
  auto list = [&](const char* name, const std::vector<int>& v) {
    if (v.empty()) return;
    out += std::string(" ") + name + "=";
    for (size_t k = 0; k < v.size(); ++k) out += (k ? "+" : "") + form(v[k]);
  };
  list("subj", c.subjects);
  list("obj", c.objects);
  if (c.iobj >= 0) out += " iobj=" + form(c.iobj);
  if (c.xcomp >= 0) out += " xcomp=" + form(c.xcomp);
  for (const Oblique& o : c.obliques) out += " prep:" + o.prep + "=" + form(o.head);
  for (auto [flag, name] : {std::pair{c.passive, "passive"}, {c.negated, "neg"}, {c.modal, "modal"}, {c.future, "future"}, {c.speculative, "speculative"},
                            {c.conditional, "if"}, {c.question, "question"}, {c.reported, "reported"},
                            {c.adjunct, "circumstance"}})
    if (flag) out += std::string(" [") + name + "]";
  return out;
}

}  // namespace dyad::coding
