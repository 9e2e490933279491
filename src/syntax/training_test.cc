// Training on a tiny hand-written fixture (our own sentences, not treebank
// text): the models must learn it perfectly, deterministically, and survive a
// save/load round trip bit-exactly.
#include <gtest/gtest.h>

#include <algorithm>

#include "syntax/annotator.h"
#include "syntax/binary_io.h"
#include "syntax/conllu.h"
#include "syntax/evaluate.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "syntax/train.h"

namespace dyad::syntax {
namespace {

const std::string kFixture = std::string(DYAD_SOURCE_DIR) + "/src/syntax/testdata/fixture.conllu";

std::vector<ConlluSentence> Fixture() {
  auto s = ReadConlluFile(kFixture);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? *s : std::vector<ConlluSentence>{};
}

TaggerOptions SmallTagger() {
  TaggerOptions o;
  o.epochs = 8;
  return o;
}

ParserOptions SmallParser(int beam = 1) {
  ParserOptions o;
  o.epochs = 12;
  o.beam = beam;
  return o;
}

// Greedy (dynamic oracle) and beam (global) training are separate code paths.
const int kBeamWidths[] = {1, 4};

TEST(TrainingTest, LearnsTheFixturePerfectly) {
  auto gold = Fixture();
  const Tagger tagger = Tagger::Train(gold, nullptr, SmallTagger(), nullptr);
  for (int beam : kBeamWidths) {
    SCOPED_TRACE("beam " + std::to_string(beam));
    Parser parser = Parser::Train(gold, nullptr, SmallParser(beam), nullptr);
    EXPECT_EQ(parser.beam_width(), beam);
    Annotator annotator = Annotator::FromModels(tagger, std::move(parser));
    std::vector<ConlluSentence> pred = gold;
    for (auto& cs : pred) annotator.Annotate(cs.sentence);
    auto scores = ScoreCorpus(gold, pred);
    ASSERT_TRUE(scores.ok()) << scores.status().ToString();
    EXPECT_EQ(scores->upos, scores->words);
    EXPECT_EQ(scores->xpos, scores->words);
    EXPECT_EQ(scores->lemma, scores->words);
    EXPECT_EQ(scores->uas, scores->words);
    EXPECT_EQ(scores->las, scores->words);
  }
}

TEST(TrainingTest, IsDeterministicForASeed) {
  auto gold = Fixture();
  EXPECT_EQ(Tagger::Train(gold, nullptr, SmallTagger(), nullptr).ToBytes(), Tagger::Train(gold, nullptr, SmallTagger(), nullptr).ToBytes());
  for (int beam : kBeamWidths) {
    EXPECT_EQ(Parser::Train(gold, nullptr, SmallParser(beam), nullptr).ToBytes(),
              Parser::Train(gold, nullptr, SmallParser(beam), nullptr).ToBytes())
        << "beam " << beam;
  }
}

TEST(TrainingTest, SaveLoadRoundTripsBitExactly) {
  auto gold = Fixture();
  std::string tagger_bytes = Tagger::Train(gold, nullptr, SmallTagger(), nullptr).ToBytes();
  auto tagger = Tagger::FromBytes(tagger_bytes, "tagger");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  EXPECT_EQ(tagger->ToBytes(), tagger_bytes);

  for (int beam : kBeamWidths) {
    SCOPED_TRACE("beam " + std::to_string(beam));
    std::string parser_bytes = Parser::Train(gold, nullptr, SmallParser(beam), nullptr).ToBytes();
    auto parser = Parser::FromBytes(parser_bytes, "parser");
    ASSERT_TRUE(parser.ok()) << parser.status().ToString();
    EXPECT_EQ(parser->ToBytes(), parser_bytes);
    EXPECT_EQ(parser->beam_width(), beam);

    // A loaded model predicts exactly what the one it was written from does.
    auto again = Parser::FromBytes(parser->ToBytes(), "parser");
    ASSERT_TRUE(again.ok());
    for (const auto& cs : gold) {
      Sentence a = cs.sentence, b = cs.sentence;
      parser->Parse(&a);
      again->Parse(&b);
      for (size_t i = 0; i < a.tokens.size(); ++i) {
        EXPECT_EQ(a.tokens[i].head, b.tokens[i].head);
        EXPECT_EQ(a.tokens[i].deprel, b.tokens[i].deprel);
      }
    }
  }
}

TEST(TrainingTest, CorruptModelsAreRejectedWithAStatus) {
  auto gold = Fixture();
  for (int beam : kBeamWidths) {
    std::string bytes = Parser::Train(gold, nullptr, SmallParser(beam), nullptr).ToBytes();
    for (size_t cut : {size_t{0}, size_t{5}, size_t{12}, bytes.size() / 2, bytes.size() - 1}) {
      auto p = Parser::FromBytes(bytes.substr(0, cut), "cut.parser");
      EXPECT_FALSE(p.ok()) << "cut at " << cut;
      if (!p.ok()) EXPECT_NE(p.status().message().find("cut.parser"), std::string::npos);
    }
    EXPECT_FALSE(Tagger::FromBytes(bytes, "wrong.tagger").ok());
  }
}

// Version 2 files (no beam width, the older feature templates) still load,
// parse greedily and are written back unchanged.
TEST(TrainingTest, ReadsVersionTwoModels) {
  auto gold = Fixture();
  const std::string v3 = Parser::Train(gold, nullptr, SmallParser(), nullptr).ToBytes();
  auto parser = Parser::FromBytes(v3, "v3");
  ASSERT_TRUE(parser.ok()) << parser.status().ToString();
  const auto& labels = parser->labels();
  const uint64_t root = std::find(labels.begin(), labels.end(), "root") - labels.begin();
  BinaryWriter head3, head2;
  head3.Raw(v3.substr(0, 8));
  head3.U32(3);
  head3.Strings(labels);
  head3.VarU(root);
  head3.VarU(1);  // beam width
  ASSERT_EQ(v3.substr(0, head3.bytes().size()), head3.bytes());
  head2.Raw(v3.substr(0, 8));
  head2.U32(2);
  head2.Strings(labels);
  head2.VarU(root);
  const std::string v2 = head2.bytes() + v3.substr(head3.bytes().size());
  auto old = Parser::FromBytes(v2, "v2");
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_EQ(old->beam_width(), 1);
  EXPECT_EQ(old->ToBytes(), v2);
  for (const auto& cs : gold) {
    Sentence s = cs.sentence;
    old->Parse(&s);
    std::vector<int> heads;
    for (const Token& t : s.tokens) heads.push_back(t.head);
    EXPECT_TRUE(IsWellFormedTree(heads));
  }
  std::string v9 = v3;
  v9[8] = 9;
  auto bad = Parser::FromBytes(v9, "v9.parser");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("version 9"), std::string::npos) << bad.status().message();
}

TEST(LemmatizerTest, VerbLookup) {
  auto gold = Fixture();
  Lemmatizer lem = Lemmatizer::Train(gold);
  struct Case {
    const char* form;
    const char* xpos;
    const char* lemma;
  };
  for (const Case& c : {Case{"offered", "VBD", "offer"}, Case{"said", "VBD", "say"}, Case{"attacked", "VBD", "attack"},
                        Case{"Rebels", "NNS", "rebel"}, Case{"Kivu", "NNP", "Kivu"}, Case{"n't", "RB", "not"}}) {
    EXPECT_EQ(lem.Lemmatize(c.form, c.xpos), c.lemma) << c.form;
  }
  // Unseen words fall back to suffix rules learned from seen ones.
  EXPECT_EQ(lem.Lemmatize("bombed", "VBD"), "bomb");
}

// A lemma that keeps its form's capital must not become a rule that replaces
// other words with that suffix by this one (it made "Colombian" "coArabian").
TEST(LemmatizerTest, CapitalizedLemmasDoNotLeakIntoOtherWords) {
  struct Word {
    const char* form;
    const char* xpos;
    const char* lemma;
  };
  const Word train[] = {{"Arabian", "JJ", "Arabian"}, {"Latin", "JJ", "Latin"}, {"green", "JJ", "green"},
                        {"offered", "VBD", "offer"},  {"said", "VBD", "say"},   {"Rebels", "NNS", "rebel"}};
  ConlluSentence cs;
  for (const Word& w : train) {
    Token t;
    t.form = w.form;
    t.xpos = w.xpos;
    t.lemma = w.lemma;
    cs.sentence.tokens.push_back(t);
  }
  Lemmatizer lem = Lemmatizer::Train({cs});
  const Word cases[] = {{"Colombian", "JJ", "Colombian"}, {"Venezuelan", "JJ", "Venezuelan"}, {"Martian", "JJ", "Martian"},
                        {"Arabian", "JJ", "Arabian"},     {"offered", "VBD", "offer"},        {"said", "VBD", "say"},
                        {"covered", "VBD", "cover"},      {"Senators", "NNS", "senator"}};
  for (const Word& c : cases) EXPECT_EQ(lem.Lemmatize(c.form, c.xpos), c.lemma) << c.form;
}

}  // namespace
}  // namespace dyad::syntax
