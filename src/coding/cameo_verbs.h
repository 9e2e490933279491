// Import of CAMEO verb dictionaries in the PETRARCH format (CAMEO.2.0.txt and
// the like; docs/verb-patterns.md, "Importing CAMEO/PETRARCH verb
// dictionaries"), mapped onto dyad's own pattern model so the coder runs them
// with the same matcher as data/verbs/*.patterns.
//
// Contract:
//  - ParseCameoVerbs reads synsets (`&NAME` then `+MEMBER` lines), verb
//    blocks (`--- NAME [CODE] ---`), their verb lines (`VERB {FORMS} [CODE]`,
//    `+VERB_PARTICLE`) and pattern lines (`- PRE * POST [CODE] # comment`).
//    Every pattern line applies to every verb of its block. Each verb whose
//    own code (or else the block's) is an event gets a `-` frame; each
//    pattern line that dyad's frame language can express gets one Pattern
//    per verb of the block: the words before `*` become a `subj=`
//    constraint, those after it `obj=` and `prep:X` constraints; a noun
//    phrase (`{A B}`, `A_B`, a synset member of several words) is a phrase
//    lemma, matched whole. `~` transformation lines whose inner verb is the
//    outer verb's open complement become `xcomp=` patterns of the outer
//    verb; those over what is said (`~ a (a b V) SAY`, `~ a (b . V) SAY`)
//    become `said:` patterns (PatternSet::SaidFor; docs/verb-patterns.md,
//    "Transformations", "Over what is said").
//  - What cannot be expressed is left out and counted per reason in
//    CameoVerbReport (skipped), and what is mapped with a loss of detail is
//    counted too (approximated); nothing of that is an error, because
//    PETRARCH reads such lines without complaint.
//  - Text no PETRARCH reader can make sense of is a Status::DataError naming
//    file:line: a pattern line without a `*` or without a `[code]`, an
//    unclosed `[`, an empty `[]`, a verb or pattern line (a `+` line outside
//    a synset is a verb line) before any block header, a block header
//    without a name.
//  - Codes: `[---]` is PETRARCH's null code (no event): a pattern line with
//    it becomes a pattern with the code "---" (kNullCode), so that, being
//    more specific, it wins over the verb's other patterns and the coder
//    codes no event where it matches (Pattern::NoEvent; a verb line with
//    `[---]` gets no `-` frame). `[A:B]` (A from source to target, B from the target back
//    to the source) gives the code "A:B", `[:B]` the code ":B"; the coder
//    passes them through (its prefix lookups of negation and intent read
//    A), and ResolveCompoundCodes splits them after coding. Codes are
//    checked against the Ontology: a code that is not a CAMEO code of it
//    (WEIS codes, "075A") is skipped.
//  - Nothing here throws; the returned patterns carry file and line of the
//    pattern (or verb) line they came from, and a note quoting it.
#ifndef DYAD_CODING_CAMEO_VERBS_H_
#define DYAD_CODING_CAMEO_VERBS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coding/ontology.h"
#include "coding/patterns.h"
#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::coding {

// Resolves what imported codes left in doc->events after coding: splits
// "A:B" into A (source to target) and B (target to source) and turns ":B"
// into B from the target to the source (an event without a target has no
// reverse), each with the ontology's
// root, quad class, Goldstein score and PLOVER type. Duplicates (same
// sentence, dyad and code) are dropped. Other events are left as they are.
void ResolveCompoundCodes(Document* doc, const Ontology& ontology);

// Counts of one import. A "line" is a pattern line of the dictionary; one
// mapped line gives one Pattern per verb of its block.
struct CameoVerbReport {
  size_t synsets = 0;
  size_t blocks = 0;
  size_t verb_lines = 0;        // verb lines read
  size_t verbs = 0;             // verbs kept (lemma, or lemma + particle)
  size_t default_patterns = 0;  // `-` frames made for verbs with an event code
  size_t pattern_lines = 0;     // `- ...` lines read
  size_t mapped_lines = 0;      // pattern lines that gave at least one Pattern
  size_t patterns = 0;          // Patterns produced in all
  // reason -> count: pattern lines (and verb lines, reasons starting "verb:")
  // left out, and mapped lines that lost some detail.
  std::map<std::string, size_t> skipped;
  std::map<std::string, size_t> approximated;
  std::map<std::string, int> first_line;  // reason -> the first line it happened on

  // A multi-line summary: totals, then one line per reason with its count
  // and first line, most frequent first.
  std::string Summary(const std::string& file) const;
};

// Parses a PETRARCH verb dictionary. `file` names it in messages and in the
// patterns. Ontology: the codes a pattern may carry.
Result<std::vector<Pattern>> ParseCameoVerbs(std::string_view text, const std::string& file,
                                             const Ontology& ontology, CameoVerbReport* report = nullptr);

enum class VerbFileFormat { kDyad, kCameo };

// dyad's `.patterns` format when every line that is not blank or a comment
// holds a TAB; CAMEO/PETRARCH otherwise (its lines never need one; a block
// header `--- ` or a synset `&` line settles it at once).
VerbFileFormat SniffVerbFormat(std::string_view text);

// One extra verb file as loaded.
struct VerbFileReport {
  std::string file;
  VerbFileFormat format = VerbFileFormat::kDyad;
  CameoVerbReport cameo;  // for kCameo
};

// The pattern set of the pipeline: the bundled `<dir>/*.patterns` (unless
// `bundled` is false) and `classes.tsv` (always, so extra dyad-format files
// may use its classes), then each of `extra_files` in the given order,
// format sniffed (dyad's files parsed strictly as LoadPatterns does; CAMEO
// files imported by ParseCameoVerbs). Imported patterns go after the
// bundled ones in the specificity order; one whose predicate and frame a
// pattern before it already has is dropped and counted in *duplicates.
// *reports gets one entry per extra file.
Result<PatternSet> LoadPatternSources(const std::string& dir, bool bundled, const std::vector<std::string>& extra_files,
                                      const Ontology& ontology, std::vector<VerbFileReport>* reports = nullptr,
                                      size_t* duplicates = nullptr);

}  // namespace dyad::coding

#endif  // DYAD_CODING_CAMEO_VERBS_H_
