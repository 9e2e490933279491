// Training on a tiny hand-written fixture (our own sentences, not treebank
// text): the models must learn it perfectly, deterministically, and survive a
// save/load round trip bit-exactly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "syntax/annotator.h"
#include "syntax/binary_io.h"
#include "syntax/clusters.h"
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

TaggerOptions SmallTagger(int passes = 2) {
  TaggerOptions o;
  o.epochs = 8;
  o.passes = passes;
  return o;
}

// One-pass and two-pass taggers are separate training paths.
const int kTaggerPasses[] = {1, 2};

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

TEST(TrainingTest, TaggerLearnsTheFixtureWithOneOrTwoPasses) {
  auto gold = Fixture();
  for (int passes : kTaggerPasses) {
    const Tagger tagger = Tagger::Train(gold, nullptr, SmallTagger(passes), nullptr);
    size_t words = 0, upos = 0, xpos = 0;
    for (const auto& cs : gold) {
      Sentence s = cs.sentence;
      tagger.Tag(&s);
      for (size_t i = 0; i < s.tokens.size(); ++i) {
        upos += s.tokens[i].upos == cs.sentence.tokens[i].upos;
        xpos += s.tokens[i].xpos == cs.sentence.tokens[i].xpos;
      }
      words += s.tokens.size();
    }
    EXPECT_EQ(upos, words) << passes << " passes";
    EXPECT_EQ(xpos, words) << passes << " passes";
  }
}

TEST(TrainingTest, IsDeterministicForASeed) {
  auto gold = Fixture();
  for (int passes : kTaggerPasses) {
    EXPECT_EQ(Tagger::Train(gold, nullptr, SmallTagger(passes), nullptr).ToBytes(),
              Tagger::Train(gold, nullptr, SmallTagger(passes), nullptr).ToBytes())
        << passes << " passes";
  }
  for (int beam : kBeamWidths) {
    EXPECT_EQ(Parser::Train(gold, nullptr, SmallParser(beam), nullptr).ToBytes(),
              Parser::Train(gold, nullptr, SmallParser(beam), nullptr).ToBytes())
        << "beam " << beam;
  }
}

TEST(TrainingTest, SaveLoadRoundTripsBitExactly) {
  auto gold = Fixture();
  for (int passes : kTaggerPasses) {
    std::string tagger_bytes = Tagger::Train(gold, nullptr, SmallTagger(passes), nullptr).ToBytes();
    auto tagger = Tagger::FromBytes(tagger_bytes, "tagger");
    ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
    EXPECT_EQ(tagger->ToBytes(), tagger_bytes) << passes << " passes";
    for (size_t cut : {size_t{0}, size_t{10}, tagger_bytes.size() / 2, tagger_bytes.size() - 1})
      EXPECT_FALSE(Tagger::FromBytes(tagger_bytes.substr(0, cut), "cut.tagger").ok()) << passes << " passes, cut at " << cut;
  }

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

// Template groups by name, and back; unknown names are an error.
TEST(TrainingTest, TemplateGroupNamesRoundTrip) {
  auto none = ParseTemplateGroups("");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0u);
  auto two = ParseTemplateGroups("minor-label,lex-triples");
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(TemplateGroupNames(*two), "lex-triples,minor-label");
  EXPECT_FALSE(ParseTemplateGroups("lex-triples,no-such-group").ok());
  EXPECT_FALSE(ParseTemplateGroups("lex-triples,").ok());
}

// A parser trained without template groups is a version 4 file that keeps
// them, round-trips, parses as it did before saving, and looks up fewer keys
// per state and per arc than one trained with all templates (version 3).
TEST(TrainingTest, LeanParsersStoreTheirTemplateGroups) {
  auto gold = Fixture();
  auto all = ParseTemplateGroups(
      "lex-triples,minor-cross,word-valency,head-child-words,minor-tree,minor-static,minor-label");
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ParserOptions lean_options = SmallParser();
  lean_options.drop_groups = *all;
  const Parser full = Parser::Train(gold, nullptr, SmallParser(), nullptr);
  const Parser lean = Parser::Train(gold, nullptr, lean_options, nullptr);
  const std::string full_bytes = full.ToBytes(), lean_bytes = lean.ToBytes();
  EXPECT_EQ(full_bytes[8], 3);
  EXPECT_EQ(lean_bytes[8], 4);
  EXPECT_EQ(lean.drop_groups(), *all);
  auto loaded = Parser::FromBytes(lean_bytes, "lean");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->drop_groups(), *all);
  EXPECT_EQ(loaded->ToBytes(), lean_bytes);
  ParseCounts full_counts, lean_counts;
  for (const auto& cs : gold) {
    const ParserInput in = MakeParserInput(cs.sentence);
    std::vector<int> heads, labels, loaded_heads, loaded_labels;
    full.Parse(in, &heads, &labels, &full_counts);
    lean.Parse(in, &heads, &labels, &lean_counts);
    loaded->Parse(in, &loaded_heads, &loaded_labels);
    EXPECT_EQ(loaded_heads, heads);
    EXPECT_EQ(loaded_labels, labels);
    EXPECT_TRUE(IsWellFormedTree(heads));
  }
  ASSERT_GT(lean_counts.scored_states, 0u);
  ASSERT_GT(lean_counts.arcs, 0u);
  EXPECT_LT(static_cast<double>(lean_counts.transition_lookups) / lean_counts.scored_states,
            static_cast<double>(full_counts.transition_lookups) / full_counts.scored_states);
  EXPECT_LT(static_cast<double>(lean_counts.label_lookups) / lean_counts.arcs,
            static_cast<double>(full_counts.label_lookups) / full_counts.arcs);

  // The group set follows the beam width; an empty or unknown set is corrupt.
  const auto& labels = lean.labels();
  BinaryWriter head;
  head.Raw(lean_bytes.substr(0, 8));
  head.U32(4);
  head.Strings(labels);
  head.VarU(std::find(labels.begin(), labels.end(), "root") - labels.begin());
  head.VarU(1);  // beam width
  ASSERT_EQ(lean_bytes.substr(0, head.bytes().size()), head.bytes());
  const size_t at = head.bytes().size();
  for (const uint64_t bad_set : {uint64_t{0}, uint64_t{1} << 20}) {
    BinaryWriter set;
    set.VarU(bad_set);
    BinaryWriter old_set;
    old_set.VarU(*all);
    const std::string bad = head.bytes() + set.bytes() + lean_bytes.substr(at + old_set.bytes().size());
    EXPECT_FALSE(Parser::FromBytes(bad, "bad.parser").ok()) << bad_set;
  }
}

// The static keys (looked up for a whole sentence at once) do not depend on
// the previous tags; with the dynamic ones they are exactly TaggerFeatures.
TEST(TaggerFeaturesTest, StaticPlusDynamicIsAllAndStaticIgnoresPreviousTags) {
  auto gold = Fixture();
  ASSERT_FALSE(gold.empty());
  const std::vector<WordInfo> words = WordInfos(gold[0].sentence);
  const std::vector<uint64_t> amb(words.size(), 7);
  const std::vector<int> right(words.size(), 3);
  struct Case {
    const int* right;
    int prev1, prev2;
  };
  for (const Case& c : {Case{nullptr, -1, -1}, Case{nullptr, 4, 9}, Case{right.data(), -1, -1}, Case{right.data(), 2, 0}}) {
    for (size_t i = 0; i < words.size(); ++i) {
      uint32_t all[kMaxTaggerFeatures], part[kMaxTaggerFeatures], other[kMaxTaggerFeatures];
      const size_t n = TaggerFeatures(words, amb, c.right, i, c.prev1, c.prev2, all);
      ASSERT_LE(n, kMaxTaggerFeatures);
      const size_t s = StaticTaggerFeatures(words, amb, c.right, i, part);
      const size_t d = DynamicTaggerFeatures(words, amb, c.right, i, c.prev1, c.prev2, part + s);
      ASSERT_EQ(s + d, n);
      EXPECT_TRUE(std::equal(all, all + n, part));
      DynamicTaggerFeatures(words, amb, c.right, i, c.prev1 + 1, c.prev2, other);
      EXPECT_NE(other[0], part[s]) << "the dynamic keys depend on prev1";
    }
  }
}

// Version 4 tagger files (one pass, no pass count) still load, tag like the
// version 5 file they differ from only in the header, and are written back
// unchanged.
TEST(TrainingTest, ReadsVersionFourTaggers) {
  auto gold = Fixture();
  const Tagger one_pass = Tagger::Train(gold, nullptr, SmallTagger(1), nullptr);
  const std::string v5 = one_pass.ToBytes();
  BinaryWriter model;
  one_pass.model().Write(&model);
  const size_t model_at = v5.size() - model.bytes().size();
  ASSERT_EQ(v5.substr(model_at), model.bytes());
  ASSERT_EQ(v5[model_at - 1], 1);  // the pass count
  BinaryWriter v4;
  v4.Raw(v5.substr(0, 8));
  v4.U32(4);
  const std::string v4_bytes = v4.bytes() + v5.substr(12, model_at - 1 - 12) + model.bytes();
  auto old = Tagger::FromBytes(v4_bytes, "v4.tagger");
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_EQ(old->ToBytes(), v4_bytes);
  for (const auto& cs : gold) {
    Sentence a = cs.sentence, b = cs.sentence;
    one_pass.Tag(&a);
    old->Tag(&b);
    for (size_t i = 0; i < a.tokens.size(); ++i) EXPECT_EQ(a.tokens[i].xpos, b.tokens[i].xpos);
  }
  std::string v9 = v5;
  v9[8] = 9;
  auto bad = Tagger::FromBytes(v9, "v9.tagger");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("version 9"), std::string::npos) << bad.status().message();
}

// The tagger's memo sums a word's WordTaggerFeatures once and its
// ContextTaggerFeatures every time: together they must be exactly the static
// keys, in both passes, for every word (first, middle, last).
TEST(TaggerFeaturesTest, WordAndContextKeysAreTheStaticKeys) {
  for (const ConlluSentence& cs : Fixture()) {
    const std::vector<WordInfo> words = WordInfos(cs.sentence);
    std::vector<uint64_t> amb;
    std::vector<int> right;
    for (size_t i = 0; i < words.size(); ++i) {
      amb.push_back(i % 3 ? words[i].lower * 7 : 0);
      right.push_back(static_cast<int>(i % 5));
    }
    for (const int* r : {static_cast<const int*>(nullptr), static_cast<const int*>(right.data())}) {
      for (size_t i = 0; i < words.size(); ++i) {
        uint32_t all[kMaxTaggerFeatures], split[kMaxTaggerFeatures];
        const size_t n = StaticTaggerFeatures(words, amb, r, i, all);
        size_t m = WordTaggerFeatures(words[i], amb[i], i == 0, split);
        m += ContextTaggerFeatures(words, amb, r, i, split + m);
        std::sort(all, all + n);
        std::sort(split, split + m);
        EXPECT_EQ(std::vector<uint32_t>(all, all + n), std::vector<uint32_t>(split, split + m)) << "word " << i;
      }
    }
  }
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

struct LemmaWord {
  const char* form;
  const char* xpos;
  const char* lemma;
};

// A lemmatizer trained on one sentence of these words.
Lemmatizer TrainLemmatizer(const std::vector<LemmaWord>& words) {
  ConlluSentence cs;
  for (const LemmaWord& w : words) {
    Token t;
    t.form = w.form;
    t.xpos = w.xpos;
    t.lemma = w.lemma;
    cs.sentence.tokens.push_back(t);
  }
  return Lemmatizer::Train({cs});
}

// "Word7s" -> "word7".
const char* LemmaOfPlural(const std::string& form) {
  static std::vector<std::unique_ptr<std::string>> kept;
  std::string lemma = form.substr(0, form.size() - 1);
  lemma[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lemma[0])));
  kept.push_back(std::make_unique<std::string>(lemma));
  return kept.back()->c_str();
}

// A lemma that keeps its form's capital must not become a rule that replaces
// other words with that suffix by this one (it made "Colombian" "coArabian").
TEST(LemmatizerTest, CapitalizedLemmasDoNotLeakIntoOtherWords) {
  Lemmatizer lem = TrainLemmatizer({{"Arabian", "JJ", "Arabian"}, {"Latin", "JJ", "Latin"}, {"green", "JJ", "green"},
                                    {"offered", "VBD", "offer"},  {"said", "VBD", "say"},   {"Rebels", "NNS", "rebel"}});
  const LemmaWord cases[] = {{"Colombian", "JJ", "Colombian"}, {"Venezuelan", "JJ", "Venezuelan"},
                             {"Martian", "JJ", "Martian"},     {"Arabian", "JJ", "Arabian"},
                             {"offered", "VBD", "offer"},      {"said", "VBD", "say"},
                             {"covered", "VBD", "cover"},      {"Senators", "NNS", "senator"}};
  for (const LemmaWord& c : cases) EXPECT_EQ(lem.Lemmatize(c.form, c.xpos), c.lemma) << c.form;
}

// An unknown word whose longest-suffix rule gives no known lemma: a rule
// that does wins, or the "e" the suffix took ("blamed", seen "blame" and
// "claimed" -> "claim": "blame", not "blam").
TEST(LemmatizerTest, PrefersAKnownLemma) {
  Lemmatizer lem = TrainLemmatizer({{"claimed", "VBD", "claim"}, {"aimed", "VBD", "aim"}, {"blame", "VB", "blame"},
                                    {"framed", "VBD", "frame"}});
  EXPECT_EQ(lem.Lemmatize("blamed", "VBD"), "blame");
  EXPECT_EQ(lem.Lemmatize("reclaimed", "VBD"), "reclaim");  // no known lemma: the longest suffix's rule
}

// A past form seen only as the other past form keeps its lemma ("won" seen
// as VBD, asked as VBN: "win", not the "-on" rule's guess).
TEST(LemmatizerTest, PastFormsShareTheirLemma) {
  Lemmatizer lem = TrainLemmatizer({{"won", "VBD", "win"}, {"begun", "VBN", "begin"}, {"son", "NN", "son"},
                                    {"took", "VBD", "take"}, {"taken", "VBN", "take"}});
  EXPECT_EQ(lem.Lemmatize("won", "VBN"), "win");
  EXPECT_EQ(lem.Lemmatize("Won", "VBN"), "win");
  EXPECT_EQ(lem.Lemmatize("begun", "VBD"), "begin");
  EXPECT_EQ(lem.Lemmatize("took", "VBN"), "take");
}

// A suffix rule learned on ASCII words must not cut a multibyte character
// ("Inácio" had become "In\xc3ucio", invalid UTF-8, by the rule of a word
// ending in "acio"): such a rule does not apply.
TEST(LemmatizerTest, RulesNeverCutACharacter) {
  Lemmatizer lem = TrainLemmatizer({{"Bacio", "NNP", "Bucio"}, {"Tacio", "NNP", "Tucio"}});
  ASSERT_EQ(lem.Lemmatize("Dacio", "NNP"), "Ducio");  // the rule exists and applies to ASCII
  EXPECT_EQ(lem.Lemmatize("In\xc3\xa1" "cio", "NNP"), "In\xc3\xa1" "cio");
}

// An unknown base-form verb (or a VBZ without -s) is its own lemma: a rule learned from a
// mislabelled or odd word ("ate"/VB -> "eat") must not rewrite it.
TEST(LemmatizerTest, UnknownBaseFormsAreTheirOwnLemma) {
  Lemmatizer lem = TrainLemmatizer({{"ate", "VB", "eat"}, {"late", "VB", "leat"}, {"gave", "VBD", "give"},
                                    {"creates", "VBZ", "create"}, {"makes", "VBZ", "make"}});
  EXPECT_EQ(lem.Lemmatize("update", "VB"), "update");
  EXPECT_EQ(lem.Lemmatize("Negotiate", "VBP"), "negotiate");
  EXPECT_EQ(lem.Lemmatize("ate", "VB"), "eat");  // a known word keeps its dictionary lemma
  EXPECT_EQ(lem.Lemmatize("relate", "VBZ"), "relate");  // a subjunctive tagged VBZ has no -s to strip
}

// The dictionary's lookup table (derived on load): every trained (form, XPOS)
// pair, lowercased or not, finds its most frequent lemma, in a lemmatizer
// fresh from training and in one read back from its bytes; a dictionary of
// hundreds of entries (many probes, shared lemmas) behaves like one of three.
TEST(LemmatizerTest, DictionaryLookupsSurviveWriteAndRead) {
  std::vector<LemmaWord> words = {{"Said", "VBD", "say"}, {"said", "VBD", "say"}, {"said", "VBN", "say"}};
  std::vector<std::string> forms;
  for (int i = 0; i < 400; ++i) forms.push_back("Word" + std::to_string(i) + "s");
  for (const std::string& f : forms) words.push_back({f.c_str(), "NNS", LemmaOfPlural(f)});
  Lemmatizer trained = TrainLemmatizer(words);
  BinaryWriter w;
  trained.Write(&w);
  Lemmatizer read;
  BinaryReader r(w.bytes());
  ASSERT_TRUE(read.Read(&r));
  EXPECT_EQ(read.dictionary_size(), trained.dictionary_size());
  for (const Lemmatizer* lem : {&trained, &read}) {
    for (const LemmaWord& word : words) EXPECT_EQ(lem->Lemmatize(word.form, word.xpos), word.lemma) << word.form;
    EXPECT_EQ(lem->Lemmatize("word7s", "NNS"), "word7");  // the lowercased entry
  }
}

// Word clusters (experiment): words used in the same contexts end in the
// same class, words of different contexts in different ones; rare words get
// none; the result does not depend on anything but the input.
TEST(ClustersTest, WordsOfTheSameContextsShareAClass) {
  std::vector<std::vector<uint64_t>> text;
  const uint64_t the = 1, cat = 2, dog = 3, horse = 4, runs = 5, sleeps = 6, eats = 7, a = 8, rare = 9;
  const uint64_t nouns[] = {cat, dog, horse}, verbs[] = {runs, sleeps, eats};
  for (int r = 0; r < 20; ++r)
    for (uint64_t n : nouns)
      for (uint64_t v : verbs) {
        text.push_back({the, n, v});
        text.push_back({a, n, v});
      }
  text.push_back({the, rare, runs});
  auto c = LearnClusters(text, 3, 3, 20, nullptr);
  ASSERT_EQ(c.count(rare), 0u);
  ASSERT_EQ(c.size(), 8u);
  EXPECT_EQ(c[cat], c[dog]);
  EXPECT_EQ(c[cat], c[horse]);
  EXPECT_EQ(c[runs], c[sleeps]);
  EXPECT_EQ(c[runs], c[eats]);
  EXPECT_EQ(c[the], c[a]);
  EXPECT_NE(c[cat], c[runs]);
  EXPECT_NE(c[cat], c[the]);
  EXPECT_NE(c[runs], c[the]);
  EXPECT_EQ(c, LearnClusters(text, 3, 3, 20, nullptr));
}

}  // namespace
}  // namespace dyad::syntax
