#include "syntax/annotator.h"

#include "syntax/hash.h"

namespace dyad::syntax {

Result<Annotator> Annotator::Load(const std::string& models_dir) {
  auto tagger = Tagger::Load(models_dir + "/" + kTaggerModelFile);
  if (!tagger.ok()) return tagger.status();
  auto parser = Parser::Load(models_dir + "/" + kParserModelFile);
  if (!parser.ok()) return parser.status();
  return FromModels(std::move(tagger).value(), std::move(parser).value());
}

Annotator Annotator::FromModels(Tagger tagger, Parser parser) {
  Annotator a;
  a.tagger_ = std::make_shared<const Tagger>(std::move(tagger));
  a.parser_ = std::make_shared<const Parser>(std::move(parser));
  a.finite_verb_ = std::make_shared<const FiniteVerbRule>(FiniteVerbRule::For(*a.tagger_));
  a.subjunctive_ = std::make_shared<const SubjunctiveRule>(SubjunctiveRule::For(*a.tagger_));
  for (int c = 0; c < a.tagger_->num_classes(); ++c) {
    a.class_tag_hash_.push_back(ParserTagHash(a.tagger_->upos(c), a.tagger_->xpos(c)));
    a.class_coarse_hash_.push_back(HashString(a.tagger_->upos(c)));
    a.class_xpos_hash_.push_back(HashString(a.tagger_->xpos(c)));
  }
  return a;
}

void Annotator::Tag(Sentence& s) const { tagger_->Tag(&s); }

void Annotator::SetTags(const std::vector<WordInfo>& words, const std::vector<int>& classes, Sentence& s) const {
  // The dictionary lookups of the words a few places ahead start now, so
  // that their cache misses overlap this word's.
  constexpr size_t kAhead = 8;
  const Lemmatizer& lemmatizer = tagger_->lemmatizer();
  auto prefetch = [&](size_t i) { lemmatizer.Prefetch(words[i].form, class_xpos_hash_[classes[i]]); };
  for (size_t i = 0; i < kAhead && i < s.tokens.size(); ++i) prefetch(i);
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (i + kAhead < s.tokens.size()) prefetch(i + kAhead);
    Token& t = s.tokens[i];
    t.upos = tagger_->upos(classes[i]);
    t.xpos = tagger_->xpos(classes[i]);
    t.lemma = lemmatizer.Lemmatize(t.model_form(), words[i].form, words[i].lower, t.xpos,
                                   class_xpos_hash_[classes[i]]);
  }
}

void Annotator::Parse(const std::vector<WordInfo>& words, const std::vector<int>& classes, Sentence& s) const {
  thread_local ParserInput input;
  thread_local std::vector<int> heads, labels;
  input.clear();
  for (size_t i = 0; i < words.size(); ++i) {
    input.word.push_back(words[i].lower);
    input.suffix.push_back(words[i].suffix[2]);
    input.tag.push_back(class_tag_hash_[classes[i]]);
    input.coarse.push_back(class_coarse_hash_[classes[i]]);
  }
  parser_->Parse(input, &heads, &labels);
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    s.tokens[i].head = heads[i];
    s.tokens[i].deprel = parser_->labels()[labels[i]];
  }
}

void Annotator::Annotate(Sentence& s) const { Annotate(std::span<Sentence>(&s, 1)); }

void Annotator::Annotate(std::span<Sentence> sentences) const {
  thread_local std::vector<std::vector<WordInfo>> words;
  thread_local std::vector<std::vector<int>> classes;
  if (words.size() < sentences.size()) {
    words.resize(sentences.size());
    classes.resize(sentences.size());
  }
  for (size_t i = 0; i < sentences.size(); ++i) WordInfos(sentences[i], &words[i]);
  tagger_->Predict(words.data(), classes.data(), sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    finite_verb_->Apply(sentences[i], &classes[i]);
    subjunctive_->Apply(sentences[i], &classes[i]);
  }
  for (size_t i = 0; i < sentences.size(); ++i) SetTags(words[i], classes[i], sentences[i]);
  for (size_t i = 0; i < sentences.size(); ++i) Parse(words[i], classes[i], sentences[i]);
}

}  // namespace dyad::syntax
