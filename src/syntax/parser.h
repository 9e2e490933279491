// A greedy labeled arc-hybrid dependency parser with averaged-perceptron
// models, trained with the dynamic oracle of Goldberg & Nivre (2013). One
// model picks the transition (SHIFT, LEFT, RIGHT); when it makes an arc, a
// second one labels it, seeing the dependent's complete subtree. Splitting
// the 2L+1 labelled transitions this way makes scoring several times cheaper.
//
// Transition system: words 0..n-1 and an artificial ROOT at position n, last
// in the buffer. SHIFT moves the buffer front onto the stack; LEFT-l attaches
// the stack top to the buffer front; RIGHT-l attaches the stack top to the
// item below it. ROOT may only take a dependent (labelled "root") when it is
// the buffer front and the stack holds a single word, so every run ends with
// exactly one root word and every other word attached once: the output is
// always a single well-formed tree, whatever the input and the model.
//
// Features follow Zhang & Nivre (2011), adapted to arc-hybrid: words, tags,
// word/tag pairs and triples of S0..S2 and B0..B2, distances, valencies,
// leftmost/rightmost children (and second ones), their labels and the label
// sets of S0, S1 and B0.
#ifndef DYAD_SYNTAX_PARSER_H_
#define DYAD_SYNTAX_PARSER_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "syntax/conllu.h"
#include "syntax/linear_model.h"
#include "syntax/word_features.h"

namespace dyad::syntax {

struct ParserOptions {
  int epochs = 15;
  uint64_t seed = 1;
  int explore_after_epoch = 1;  // exploration starts after this many epochs
  double explore_prob = 0.9;    // then follow a wrong prediction with this probability
  int min_quanta = 1;           // prune averaged weights below this many quanta (LinearModel)
  // Beam width. 1 trains the greedy parser with the dynamic oracle (above);
  // wider beams train the transition model globally (structured perceptron
  // with max-violation updates, Huang et al. 2012) along the static oracle's
  // sequence, and the label model locally on the gold arcs. The width is
  // stored in the model and used when parsing.
  int beam = 1;
  // Template groups left out (ParseTemplateGroups; 0 = all templates).
  // A parser trained without some groups is stored as format version 4 with
  // this set, and is scored without them; with 0 the file is version 3.
  uint32_t drop_groups = 0;
};

// Groups of transition and label feature templates that a leaner parser can
// leave out, for fewer lookups into the models per state or per arc: names
// separated by commas ("lex-triples,minor-label"; "" for none) to their bit
// set for ParserOptions::drop_groups, and back. The groups and their
// templates are listed in parser.cc (kTemplateGroupNames).
Result<uint32_t> ParseTemplateGroups(std::string_view names);
std::string TemplateGroupNames(uint32_t groups);

// Feature lookups made while parsing (ParseCounts* of Parser::Parse).
struct ParseCounts {
  uint64_t states = 0;              // transitions taken
  uint64_t scored_states = 0;       // states whose transitions were scored (not forced)
  uint64_t transition_lookups = 0;  // keys looked up in the transition model (memo misses included, up-front buffer keys too)
  uint64_t arcs = 0;                // arcs labelled by the label model (not root's)
  uint64_t label_lookups = 0;       // keys looked up in the label model
};

// What the parser reads of each word: hashed lowercase form, suffix and tags.
struct ParserInput {
  std::vector<uint64_t> word;    // WordInfo::lower
  std::vector<uint64_t> suffix;  // WordInfo::suffix[2] (last 3 bytes)
  std::vector<uint64_t> tag;     // ParserTagHash(upos, xpos)
  std::vector<uint64_t> coarse;  // HashString(upos)
  std::vector<uint64_t> cluster; // word cluster + 1 (0: none); empty without clusters (experiment)
  void clear() {
    cluster.clear();
    word.clear();
    suffix.clear();
    tag.clear();
    coarse.clear();
  }
};
uint64_t ParserTagHash(std::string_view upos, std::string_view xpos);
ParserInput MakeParserInput(const Sentence& s);

class Parser {
 public:
  // Trains on the sentences' gold HEAD/DEPREL, reading the tags in their
  // UPOS/XPOS (give predicted tags, e.g. jackknifed, for realistic features).
  // Non-projective trees are projectivized (arcs lifted) for training.
  static Parser Train(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>* dev,
                      const ParserOptions& options, std::ostream* log);

  static Result<Parser> FromBytes(std::string_view bytes, const std::string& name);
  static Result<Parser> Load(const std::string& path);
  std::string ToBytes() const;

  // heads[i] in -1..n-1 (-1 = root), labels[i] an index into labels().
  // Uses the beam width of the model (greedy when it is 1).
  // Greedy parses add the lookups they make to *counts when it is given.
  void Parse(const ParserInput& in, std::vector<int>* heads, std::vector<int>* labels, ParseCounts* counts = nullptr) const;
  // Beam search of the given width (>= 1), always through the beam code: with
  // width 1 it gives exactly what greedy parsing gives (tested). Ties between
  // candidates go to the earlier hypothesis, then SHIFT < LEFT < RIGHT.
  void ParseBeam(const ParserInput& in, int width, std::vector<int>* heads, std::vector<int>* labels) const;
  // Fills head and deprel of every token from its form and tags.
  void Parse(Sentence* s) const;

  const std::vector<std::string>& labels() const { return labels_; }
  int beam_width() const { return beam_width_; }
  uint32_t drop_groups() const { return drop_groups_; }
  // Overrides the stored width for this object (e.g. to trade accuracy for
  // speed); not written unless the model is saved again. width >= 1.
  void set_beam_width(int width) { beam_width_ = width < 1 ? 1 : width; }
  const LinearModel& model() const { return model_; }
  const LinearModel& label_model() const { return label_model_; }
  // Drops weights below min_quanta quanta (smaller, faster, slightly less accurate).
  void PruneWeights(int min_quanta) {
    model_ = model_.Pruned(min_quanta);
    label_model_ = label_model_.Pruned(min_quanta);
  }

 private:
  std::vector<std::string> labels_;
  int root_label_ = 0;
  int beam_width_ = 1;
  int version_ = 3;  // file format = feature set (see parser.cc)
  uint32_t drop_groups_ = 0;  // template groups left out (version 4 only)
  LinearModel model_;        // transitions: SHIFT, LEFT, RIGHT
  LinearModel label_model_;  // the label of each arc made
};

// --- Exposed for tests -------------------------------------------------------

// Whether the tree (heads -1..n-1) has no crossing arcs (ROOT counted at n).
bool IsProjective(const std::vector<int>& heads);
// Lifts non-projective arcs until the tree is projective.
std::vector<int> Projectivize(std::vector<int> heads);
// Whether heads form one tree: exactly one root, no cycles, heads in range.
bool IsWellFormedTree(const std::vector<int>& heads);

// Runs the oracle alone (always the cheapest action) on a gold tree and
// returns the tree it builds; for a projective single-rooted tree it must
// equal the input.
std::vector<int> OracleParse(const std::vector<int>& gold_heads);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_PARSER_H_
