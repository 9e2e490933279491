// Verb and noun patterns: which CAMEO event a predicate expresses in a given
// syntactic frame, and where its target is (docs/verb-patterns.md), plus the
// act -> intent table used when an act is modal or conditional.
//
// Contract:
//  - LoadPatterns reads `<dir>/classes.tsv` and every `<dir>/*.patterns` file
//    (in file-name order) strictly. A malformed line -- wrong field count, an
//    unknown or malformed CAMEO code (checked against the Ontology), an
//    undefined word class, a bad constraint, a bad target, a frame repeated for
//    the same predicate -- is a Status::DataError naming file and line.
//  - After loading, For(key) / ForNoun(key) give a predicate's patterns in the
//    order the coder must try them: more specific frames first (Specificity(),
//    descending), ties in file order (files by name, then line). A frame of
//    `-` has specificity 0, so it always comes last.
//  - LoadIntentMap reads `<dir>/intent.tsv` into a CodeMap (coding/code_map.h)
//    with the same strictness; Lookup finds an act's intent by longest prefix
//    (0712 -> 0712, 071, 07).
//  - Nothing here throws; the loaded sets are immutable values.
#ifndef DYAD_CODING_PATTERNS_H_
#define DYAD_CODING_PATTERNS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "coding/code_map.h"
#include "coding/ontology.h"
#include "dyad/status.h"

namespace dyad::coding {

// One condition of a frame.
struct Constraint {
  enum class Kind {
    kSubj,      // subj=V     the subject (imported patterns' words before the verb)
    kObj,       // obj=V      the direct object
    kIobj,      // iobj=V     the indirect object ("grant *him* asylum")
    kXcomp,     // xcomp=V    an open clausal complement ("offer *to send*")
    kXobj,      // xobj=V     the object of that complement ("to send *fighters*")
    kComp,      // comp=V     a content clause about others' acts or a state of affairs
                //            ("warned *that civilians were at risk*"); V: its predicate
    kPrep,      // prep:X=V   an oblique/nominal modifier introduced by X
    kPassive,   // passive    the predicate is passive
    kNot,       // not        the predicate is negated; the code is the negated reading
    kNounVerb,  // noun:V     (noun predicates) the governing verb
    // said:own=~F, said:other=~F (imported `~` lines over what is said:
    //            "a says a attacked b", "a says b attacked") a reported clause coded
    //            an event of code family F (lemmas hold F: "19"). Never part
    //            of an ordinary match: PatternSet::SaidFor lists such patterns
    //            apart, and the coder applies them after the sentence is coded.
    kSaid,
  };
  Kind kind = Kind::kObj;
  std::string prep;              // kPrep: the preposition, "for", "on", "out of"
  bool negated = false;          // "!obj", "!prep:for": the dependent is absent
  // Allowed lemmas, classes expanded. Empty and !actor: presence only (any lemma).
  std::set<std::string, std::less<>> lemmas;
  std::vector<std::string> classes;  // class names as written ("@military")
  bool actor = false;            // "@actor": the dependent is an actor mention
  // Some lemma is a phrase ("tear gas"): the coder also tries the dependent's
  // lemma with its modifiers before it. Set by FinishLemmas.
  bool has_phrases = false;
  // Imported from a plain word of a PETRARCH pattern: the word as written,
  // lower case ("agreements"). PETRARCH matches it in that form only, number
  // included; dyad matches its lemmas unless the conventions say otherwise.
  std::string form;
  std::string text;              // the constraint as written

  // True when a dependent with this lemma satisfies the value part (lemma set
  // or presence-only). Actor-ness is the coder's business: `is_actor` says
  // whether the dependent is an actor mention.
  bool Accepts(std::string_view lemma, bool is_actor = false) const;
  // 1 for `passive`, `not` and for a presence-only or negated constraint, 2 for one
  // with a value (a lemma list, a class, @actor, or noun:V), 3 when every
  // lemma is a phrase ("military exercise" before "exercise").
  int Weight() const;
  // Sets has_phrases from the lemmas; call after filling them.
  void FinishLemmas();
};

// The code of an imported `[---]` pattern: the clause matched, no event.
inline constexpr std::string_view kNullCode = "---";

// One pattern line.
struct Pattern {
  std::string predicate;                // verb lemma ("reach") or noun key ("phone call")
  std::string particle;                 // verbs: "out" for "reach out"; "" otherwise
  bool noun = false;                    // a `noun:` predicate
  std::vector<Constraint> frame;        // all must hold; empty for `-`
  std::string code;                     // a code of the Ontology
  // "obj", "iobj", "poss", "xobj", "prep:to", "xprep:to"; or {"none"}. A
  // said= pattern: "said:source" (the reported event's source: "a says b
  // attacked") or "said:target" (its target: "a says a attacked b").
  std::vector<std::string> targets;
  std::string note;
  std::string file;
  int line = 0;

  // An imported "[---]" line (coding/cameo_verbs.h): where it matches, the
  // predicate codes no event.
  bool NoEvent() const { return code == kNullCode; }

  // Whether the frame has `not`: the code is already the negated reading.
  bool ForNegated() const {
    for (const Constraint& c : frame)
      if (c.kind == Constraint::Kind::kNot) return true;
    return false;
  }

  // The lookup key: "reach out", "accuse", "phone call".
  std::string Key() const { return particle.empty() ? predicate : predicate + " " + particle; }
  int Specificity() const;
  std::string FrameText() const;  // "-" or the constraints joined by spaces
};

// Word classes of classes.tsv: "@military" -> lemmas.
using WordClasses = std::map<std::string, std::set<std::string, std::less<>>, std::less<>>;

// A named text, for parsing from memory.
struct NamedText {
  std::string name;
  std::string text;
};

class PatternSet {
 public:
  PatternSet() = default;
  // Move-only: the lookup tables point into patterns_.
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;
  PatternSet(PatternSet&&) = default;
  PatternSet& operator=(PatternSet&&) = default;

  // Parses a classes.tsv text and pattern texts (in the given order).
  static Result<PatternSet> Parse(const NamedText& classes, const std::vector<NamedText>& files,
                                  const Ontology& ontology);
  // The same, then `extra` patterns built in memory (imported from a CAMEO
  // verb dictionary: coding/cameo_verbs.h) after the files' ones: they take
  // part in the same specificity order, ties after the files. An extra
  // pattern with the predicate and frame of one before it is dropped, not an
  // error (an imported dictionary is not ours to fix), and counted in
  // *dropped. The extra patterns are trusted to be well formed.
  static Result<PatternSet> Parse(const NamedText& classes, const std::vector<NamedText>& files,
                                  const Ontology& ontology, std::vector<Pattern> extra, size_t* dropped);

  // Verb patterns for a lemma or "verb particle" key; empty when none.
  const std::vector<const Pattern*>& For(std::string_view key) const;
  // Noun patterns for a noun key ("visit", "phone call"); empty when none.
  const std::vector<const Pattern*>& ForNoun(std::string_view key) const;
  // A verb's patterns over what it reports (a said: constraint), which are
  // applied after a sentence is coded and so are not among For's.
  const std::vector<const Pattern*>& SaidFor(std::string_view key) const;

  const std::vector<Pattern>& patterns() const { return patterns_; }  // load order
  const WordClasses& classes() const { return classes_; }
  std::vector<std::string> VerbKeys() const;
  std::vector<std::string> NounKeys() const;

 private:
  std::vector<Pattern> patterns_;
  WordClasses classes_;
  std::map<std::string, std::vector<const Pattern*>, std::less<>> verbs_;
  std::map<std::string, std::vector<const Pattern*>, std::less<>> nouns_;
  std::map<std::string, std::vector<const Pattern*>, std::less<>> said_;
};

// Loads `<dir>/classes.tsv` and `<dir>/*.patterns` (sorted by name).
Result<PatternSet> LoadPatterns(const std::string& dir, const Ontology& ontology);
// Reads the texts LoadPatterns parses, without parsing them: classes.tsv,
// and (when `patterns`) the .patterns files sorted by name, NotFound when
// there are none.
Status ReadPatternTexts(const std::string& dir, bool patterns, NamedText* classes, std::vector<NamedText>* files);

// One row of intent.tsv.
// The intent table (`<dir>/intent.tsv`, docs/verb-patterns.md): a CodeMap
// from an act to its intent, each row an act outside 03/13 and an intent in
// 03 or 13.
Result<CodeMap> LoadIntentMap(const std::string& dir, const Ontology& ontology);
Result<CodeMap> ParseIntentMap(std::string_view text, const std::string& name, const Ontology& ontology);

}  // namespace dyad::coding

#endif  // DYAD_CODING_PATTERNS_H_
