// The syntax stage's public entry: loads the tagger and parser models once and
// annotates sentences (lemma, UPOS, XPOS, head, deprel of every token).
//
//   auto annotator = dyad::syntax::Annotator::Load(dyad::ModelsDir());
//   if (!annotator.ok()) return annotator.status();
//   annotator->Annotate(doc.sentences);  // or one Sentence at a time
//
// Annotate is const and thread-safe; an Annotator is cheap to copy (the
// models are shared). Any token sequence, including an empty one, gets one
// well-formed tree: exactly one token with head -1, no cycles.
#ifndef DYAD_SYNTAX_ANNOTATOR_H_
#define DYAD_SYNTAX_ANNOTATOR_H_

#include <memory>
#include <span>
#include <string>

#include "dyad/document.h"
#include "dyad/status.h"
#include "syntax/finite_verb.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace dyad::syntax {

// File names of the models inside a models directory.
inline constexpr char kTaggerModelFile[] = "en_ewt.tagger";
inline constexpr char kParserModelFile[] = "en_ewt.parser";

class Annotator {
 public:
  // Loads models_dir/en_ewt.tagger and models_dir/en_ewt.parser.
  static Result<Annotator> Load(const std::string& models_dir);
  static Annotator FromModels(Tagger tagger, Parser parser);

  void Annotate(Sentence& sentence) const;
  // The same for many sentences, with the same result as annotating each in
  // turn: all are tagged, then lemmatized, then parsed, so that each model's
  // weights stay in the cache while it works (the models together are larger
  // than the cache; batching a document made the syntax stage of `dyad
  // bench` 12-17 % faster than alternating the models sentence by sentence).
  void Annotate(std::span<Sentence> sentences) const;
  // Tags and lemmatizes only (leaves head and deprel alone).
  void Tag(Sentence& sentence) const;

  const Tagger& tagger() const { return *tagger_; }
  const Parser& parser() const { return *parser_; }

 private:
  // Sets each token's UPOS, XPOS and lemma from its class.
  void SetTags(const std::vector<WordInfo>& words, const std::vector<int>& classes, Sentence& s) const;
  // Parses s, tagged with `classes`, and sets each token's head and relation.
  void Parse(const std::vector<WordInfo>& words, const std::vector<int>& classes, Sentence& s) const;

  std::shared_ptr<const Tagger> tagger_;
  std::shared_ptr<const Parser> parser_;
  // Retags a full sentence's lone past tense that the tagger read as a
  // participle (finite_verb.h), between tagging and lemmatizing.
  std::shared_ptr<const FiniteVerbRule> finite_verb_;
  std::shared_ptr<const SubjunctiveRule> subjunctive_;  // "demanded that Hamas renounce ..."
  std::vector<uint64_t> class_tag_hash_;     // ParserTagHash of each tagger class
  std::vector<uint64_t> class_coarse_hash_;  // HashString of its UPOS
  std::vector<uint64_t> class_xpos_hash_;    // HashString of its XPOS
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_ANNOTATOR_H_
