#include "syntax/parser.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "syntax/annotator.h"
#include "syntax/random.h"
#include "syntax/tagger.h"

namespace dyad::syntax {
namespace {

const std::string kFixture = std::string(DYAD_SOURCE_DIR) + "/src/syntax/testdata/fixture.conllu";
const std::string kTrain = std::string(DYAD_SHARED_DIR) + "/ud/en_ewt/en_ewt-ud-train.conllu";

std::vector<int> Heads(const Sentence& s) {
  std::vector<int> h;
  for (const Token& t : s.tokens) h.push_back(t.head);
  return h;
}

struct TreeCase {
  const char* name;
  std::vector<int> heads;
  bool projective;
  bool well_formed;
};

class TreeTest : public testing::TestWithParam<TreeCase> {};

TEST_P(TreeTest, ProjectivityAndWellFormedness) {
  const TreeCase& c = GetParam();
  EXPECT_EQ(IsWellFormedTree(c.heads), c.well_formed);
  if (!c.well_formed) return;
  EXPECT_EQ(IsProjective(c.heads), c.projective);
  std::vector<int> p = Projectivize(c.heads);
  EXPECT_TRUE(IsProjective(p));
  EXPECT_TRUE(IsWellFormedTree(p));
  if (c.projective) EXPECT_EQ(p, c.heads);
  EXPECT_EQ(OracleParse(p), p);
}

INSTANTIATE_TEST_SUITE_P(Table, TreeTest,
                         testing::Values(TreeCase{"single", {-1}, true, true},
                                         TreeCase{"chain", {1, 2, -1}, true, true},
                                         TreeCase{"flat", {-1, 0, 0, 0}, true, true},
                                         // 0 <- 2 crosses 1 -> 3 (word 3 hangs from 1 across the root arc of 2).
                                         TreeCase{"crossing", {2, 2, -1, 1}, false, true},
                                         TreeCase{"two roots", {-1, -1}, true, false},
                                         TreeCase{"cycle", {1, 0, -1}, true, false},
                                         TreeCase{"self loop", {0, -1}, true, false}),
                         [](const auto& info) {
                           std::string n = info.param.name;
                           for (char& ch : n)
                             if (ch == ' ') ch = '_';
                           return n;
                         });

TEST(OracleTest, ReproducesEveryProjectiveTrainingTree) {
  if (!std::filesystem::exists(kTrain)) GTEST_SKIP() << "UD English-EWT not found at " << kTrain << " (needs /work/shared)";
  auto train = ReadConlluFile(kTrain);
  ASSERT_TRUE(train.ok()) << train.status().ToString();
  size_t checked = 0;
  for (const auto& cs : *train) {
    std::vector<int> heads = Heads(cs.sentence);
    if (!IsWellFormedTree(heads) || !IsProjective(heads)) continue;
    ASSERT_EQ(OracleParse(heads), heads) << "sentence at line " << cs.line;
    ++checked;
  }
  EXPECT_GT(checked, 12000u);
}

// A parser trained briefly on the fixture: enough to exercise every code path.
const Parser& FixtureParser() {
  static const Parser parser = [] {
    auto sentences = ReadConlluFile(kFixture);
    ParserOptions o;
    o.epochs = 5;
    return Parser::Train(*sentences, nullptr, o, nullptr);
  }();
  return parser;
}

TEST(ParserTest, RandomTokenSequencesAlwaysGiveOneWellFormedTree) {
  const std::vector<std::string> words = {"the", "and", "said", ".", ",", "Police", "of", "\"", "(", "it", "xyzzy", "1999", "-", "on"};
  const std::vector<std::string> tags = {"DET DT", "CCONJ CC", "VERB VBD", "PUNCT .", "PUNCT ,", "PROPN NNP", "ADP IN", "X FW"};
  Rng rng(7);
  const Parser& parser = FixtureParser();
  std::vector<int> lengths = {1, 2, 3, 5, 17, 100, 1000};
  for (int trial = 0; trial < 60; ++trial) lengths.push_back(1 + static_cast<int>(rng.Below(300)));
  for (int n : lengths) {
    Sentence s;
    for (int i = 0; i < n; ++i) {
      Token t;
      t.form = words[rng.Below(words.size())];
      const std::string& tag = tags[rng.Below(tags.size())];
      t.upos = tag.substr(0, tag.find(' '));
      t.xpos = tag.substr(tag.find(' ') + 1);
      s.tokens.push_back(t);
    }
    parser.Parse(&s);
    ASSERT_TRUE(IsWellFormedTree(Heads(s))) << "length " << n;
    int roots = 0;
    for (const Token& t : s.tokens) {
      EXPECT_FALSE(t.deprel.empty());
      roots += t.deprel == "root";
      EXPECT_EQ(t.deprel == "root", t.head == -1);
    }
    EXPECT_EQ(roots, 1);
  }
}

// Random tokens with random (UPOS, XPOS) pairs: inputs no model has seen.
Sentence RandomSentence(Rng& rng, int n) {
  const std::vector<std::string> words = {"the", "and", "said", ".", ",", "Police", "of", "\"", "(", "it", "xyzzy", "1999", "-", "on"};
  const std::vector<std::string> tags = {"DET DT", "CCONJ CC", "VERB VBD", "PUNCT .", "PUNCT ,", "PROPN NNP", "ADP IN", "X FW"};
  Sentence s;
  for (int i = 0; i < n; ++i) {
    Token t;
    t.form = words[rng.Below(words.size())];
    const std::string& tag = tags[rng.Below(tags.size())];
    t.upos = tag.substr(0, tag.find(' '));
    t.xpos = tag.substr(tag.find(' ') + 1);
    s.tokens.push_back(t);
  }
  return s;
}

// A beam-trained parser on the fixture.
const Parser& FixtureBeamParser() {
  static const Parser parser = [] {
    auto sentences = ReadConlluFile(kFixture);
    ParserOptions o;
    o.epochs = 5;
    o.beam = 4;
    return Parser::Train(*sentences, nullptr, o, nullptr);
  }();
  return parser;
}

TEST(BeamTest, WidthOneIsExactlyGreedy) {
  Rng rng(3);
  std::vector<Sentence> inputs;
  for (int n : {1, 2, 3, 7, 30, 200}) inputs.push_back(RandomSentence(rng, n));
  auto fixture = ReadConlluFile(kFixture);
  ASSERT_TRUE(fixture.ok()) << fixture.status().ToString();
  for (const auto& cs : *fixture) inputs.push_back(cs.sentence);
  for (const Parser* parser : {&FixtureParser(), &FixtureBeamParser()}) {
    Parser greedy = *parser;
    greedy.set_beam_width(1);
    for (const Sentence& s : inputs) {
      ParserInput in = MakeParserInput(s);
      std::vector<int> gh, gl, bh, bl;
      greedy.Parse(in, &gh, &gl);
      parser->ParseBeam(in, 1, &bh, &bl);
      ASSERT_EQ(gh, bh) << "length " << s.tokens.size();
      ASSERT_EQ(gl, bl) << "length " << s.tokens.size();
    }
  }
}

TEST(BeamTest, EveryWidthGivesOneWellFormedTree) {
  Rng rng(5);
  std::vector<int> lengths = {0, 1, 2, 3, 5, 17, 100, 1000};
  for (int trial = 0; trial < 20; ++trial) lengths.push_back(1 + static_cast<int>(rng.Below(300)));
  for (const Parser* parser : {&FixtureParser(), &FixtureBeamParser()}) {
    for (int width : {2, 4, 8, 16}) {
      for (int n : lengths) {
        Sentence s = RandomSentence(rng, n);
        std::vector<int> heads, labels;
        parser->ParseBeam(MakeParserInput(s), width, &heads, &labels);
        ASSERT_EQ(heads.size(), s.tokens.size());
        ASSERT_TRUE(IsWellFormedTree(heads)) << "width " << width << ", length " << n;
        for (size_t i = 0; i < heads.size(); ++i) {
          ASSERT_GE(labels[i], 0);
          ASSERT_LT(labels[i], static_cast<int>(parser->labels().size()));
          EXPECT_EQ(parser->labels()[labels[i]] == "root", heads[i] == -1) << "width " << width << ", length " << n;
        }
      }
    }
  }
}

// Every word is shifted once and attached once; every arc but the root's is
// labelled with all 35 label templates of a version 3 model; counting does
// not change the parse.
TEST(ParserTest, CountsItsLookups) {
  auto fixture = ReadConlluFile(kFixture);
  ASSERT_TRUE(fixture.ok()) << fixture.status().ToString();
  ParseCounts counts;
  uint64_t words = 0, sentences = 0;
  for (const auto& cs : *fixture) {
    const ParserInput in = MakeParserInput(cs.sentence);
    std::vector<int> heads, labels, counted_heads, counted_labels;
    FixtureParser().Parse(in, &heads, &labels);
    FixtureParser().Parse(in, &counted_heads, &counted_labels, &counts);
    EXPECT_EQ(counted_heads, heads);
    EXPECT_EQ(counted_labels, labels);
    words += cs.sentence.tokens.size();
    sentences += !cs.sentence.tokens.empty();
  }
  EXPECT_EQ(counts.states, 2 * words);
  EXPECT_LT(counts.scored_states, counts.states);
  EXPECT_GT(counts.transition_lookups, counts.scored_states);
  EXPECT_EQ(counts.arcs, words - sentences);
  EXPECT_EQ(counts.label_lookups, 35 * counts.arcs);
}

TEST(ParserTest, EmptySentenceIsFine) {
  Sentence s;
  FixtureParser().Parse(&s);
  EXPECT_TRUE(s.tokens.empty());
}

TEST(ParserTest, CommittedModelGivesWellFormedTreesForRandomInput) {
  std::string models = std::string(DYAD_SOURCE_DIR) + "/models";
  if (!std::filesystem::exists(models + "/" + kParserModelFile)) GTEST_SKIP() << "no committed model in " << models;
  auto annotator = Annotator::Load(models);
  ASSERT_TRUE(annotator.ok()) << annotator.status().ToString();
  const std::vector<std::string> words = {"the", "and", "said", ".", ",", "Police", "of", "\"", "(", "it", "xyzzy", "1999", "-",
                                          "on", "Iran", "attacked", "U.S.", "?", "'s", "n't", ":)", "http://x.org", "über"};
  Rng rng(11);
  for (int n : {1, 2, 3, 4, 8, 40, 250, 1000, 999, 500}) {
    for (int trial = 0; trial < 5; ++trial) {
      Sentence s;
      for (int i = 0; i < n; ++i) {
        Token t;
        t.form = words[rng.Below(words.size())];
        s.tokens.push_back(t);
      }
      annotator->Annotate(s);
      ASSERT_TRUE(IsWellFormedTree(Heads(s))) << "length " << n;
      for (const Token& t : s.tokens) {
        EXPECT_FALSE(t.upos.empty());
        EXPECT_FALSE(t.lemma.empty());
      }
    }
  }
}

// The pipeline annotates a document's sentences as one batch (tag all, then
// parse all); that must be exactly the annotation of each sentence alone,
// including empty sentences and batches of one.
TEST(AnnotatorTest, BatchEqualsOneSentenceAtATime) {
  std::string models = std::string(DYAD_SOURCE_DIR) + "/models";
  if (!std::filesystem::exists(models + "/" + kParserModelFile)) GTEST_SKIP() << "no committed model in " << models;
  auto annotator = Annotator::Load(models);
  ASSERT_TRUE(annotator.ok()) << annotator.status().ToString();
  const std::vector<std::string> words = {"the", "minister", "said", ".", ",", "Russia", "of", "\"", "offered", "to",
                                          "send", "troops", "Maduro", "and", "China", "met", "on", "Monday", "xyzzy"};
  Rng rng(5);
  for (int batch : {1, 2, 7, 40}) {
    std::vector<Sentence> alone(batch);
    for (Sentence& s : alone) {
      const int n = static_cast<int>(rng.Below(30));
      for (int i = 0; i < n; ++i) s.tokens.push_back(Token{.form = words[rng.Below(words.size())]});
    }
    std::vector<Sentence> together = alone;
    for (Sentence& s : alone) annotator->Annotate(s);
    annotator->Annotate(std::span<Sentence>(together));
    for (int i = 0; i < batch; ++i) {
      ASSERT_EQ(alone[i].tokens.size(), together[i].tokens.size());
      for (size_t t = 0; t < alone[i].tokens.size(); ++t) {
        const Token &a = alone[i].tokens[t], &b = together[i].tokens[t];
        EXPECT_EQ(std::tie(a.upos, a.xpos, a.lemma, a.head, a.deprel), std::tie(b.upos, b.xpos, b.lemma, b.head, b.deprel))
            << "batch " << batch << " sentence " << i << " token " << t;
      }
    }
  }
}

}  // namespace
}  // namespace dyad::syntax
