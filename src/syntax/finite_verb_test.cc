#include "syntax/finite_verb.h"

#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "syntax/annotator.h"

namespace dyad::syntax {
namespace {

// A small class inventory: index = class, as a tagger's.
const std::vector<std::string> kUpos = {"NOUN", "PROPN", "VERB", "VERB", "VERB", "AUX", "DET", "ADP", "PUNCT", "PRON", "ADJ", "NOUN", "AUX"};
const std::vector<std::string> kXpos = {"NNS", "NNP", "VBN", "VBD", "VBZ", "VBD", "DT", "IN", ".", "PRP", "JJ", "NN", "MD"};

int ClassOf(const std::string& xpos, const std::string& form) {
  for (size_t c = 0; c < kXpos.size(); ++c)
    if (kXpos[c] == xpos && (xpos != "VBD" || (kUpos[c] == "AUX") == (form == "was"))) return static_cast<int>(c);
  ADD_FAILURE() << "no class " << xpos;
  return 0;
}

// "Police/NNS arrested/VBN ./." -> the tags after the rule, as the same string.
std::string Apply(const std::string& tagged, bool heading = false) {
  Sentence s;
  s.heading = heading;
  std::vector<int> classes;
  std::istringstream in(tagged);
  for (std::string item; in >> item;) {
    const size_t slash = item.rfind('/');
    s.tokens.push_back(Token{.form = item.substr(0, slash)});
    classes.push_back(ClassOf(item.substr(slash + 1), s.tokens.back().form));
  }
  FiniteVerbRule(kUpos, kXpos).Apply(s, &classes);
  std::string out;
  for (size_t i = 0; i < classes.size(); ++i) out += (i ? " " : "") + s.tokens[i].form + "/" + kXpos[classes[i]];
  return out;
}

TEST(FiniteVerbRuleTest, RetagsTheLonePastTenseAfterItsSubject) {
  struct Row {
    const char* in;
    const char* want;
  } rows[] = {
      {"Police/NNS arrested/VBN students/NNS ./.", "Police/NNS arrested/VBD students/NNS ./."},
      {"Thousands/NNS of/IN students/NNS marched/VBN ./.", "Thousands/NNS of/IN students/NNS marched/VBD ./."},
      {"They/PRP marched/VBN !/.", "They/PRP marched/VBD !/."},
      // An adjective with a past ending stands where the past tense does.
      {"Rebels/NNS wounded/JJ soldiers/NNS ./.", "Rebels/NNS wounded/VBD soldiers/NNS ./."},
      {"Rebels/NNS red/JJ ./.", "Rebels/NNS red/JJ ./."},
      // Only the first candidate.
      {"Rebels/NNS seized/VBN towns/NNS captured/VBN ./.", "Rebels/NNS seized/VBD towns/NNS captured/VBN ./."},
      // An agent: a true participle; the next candidate is taken.
      {"Towns/NNS held/VBN by/IN rebels/NNS fell/VBN ./.", "Towns/NNS held/VBN by/IN rebels/NNS fell/VBD ./."},
      // A finite verb or modal is already there.
      {"Troops/NNS killed/VBN in/IN Iraq/NNP was/VBD news/NNS ./.", "Troops/NNS killed/VBN in/IN Iraq/NNP was/VBD news/NNS ./."},
      {"Police/NNS arrested/VBN students/NNS says/VBZ ./.", "Police/NNS arrested/VBN students/NNS says/VBZ ./."},
      {"Police/NNS can/MD arrested/VBN ./.", "Police/NNS can/MD arrested/VBN ./."},
      // Not after a noun or pronoun: "the wounded", a participle after an adjective.
      {"The/DT wounded/VBN ./.", "The/DT wounded/VBN ./."},
      {"Many/JJ wounded/VBN ./.", "Many/JJ wounded/VBN ./."},
      // Not a full sentence: no final "." or "!", or too short.
      {"Police/NNS arrested/VBN students/NNS", "Police/NNS arrested/VBN students/NNS"},
      {"Police/NNS arrested/VBN ?/.", "Police/NNS arrested/VBN ?/."},
      {"Police/NNS arrested/VBN", "Police/NNS arrested/VBN"},
  };
  for (const Row& r : rows) EXPECT_EQ(Apply(r.in), r.want) << r.in;
  EXPECT_EQ(Apply("Police/NNS arrested/VBN students/NNS ./.", /*heading=*/true), "Police/NNS arrested/VBN students/NNS ./.");
}

TEST(FiniteVerbRuleTest, NoVerbClassesNoChange) {
  FiniteVerbRule rule({"NOUN", "PUNCT"}, {"NNS", "."});
  Sentence s;
  for (const char* w : {"Police", "police", "."}) s.tokens.push_back(Token{.form = w});
  std::vector<int> classes = {0, 0, 1};
  EXPECT_FALSE(rule.Apply(s, &classes));
}

// The committed models' annotator, or null when the models are absent.
const Annotator* CommittedAnnotator() {
  static const Annotator* annotator = [] () -> const Annotator* {
    const std::string models = std::string(DYAD_SOURCE_DIR) + "/models";
    if (!std::filesystem::exists(models + "/" + kParserModelFile)) return nullptr;
    auto loaded = Annotator::Load(models);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? new Annotator(std::move(*loaded)) : nullptr;
  }();
  return annotator;
}

Sentence Annotated(const std::vector<std::string>& words) {
  Sentence s;
  for (const std::string& w : words) s.tokens.push_back(Token{.form = w});
  CommittedAnnotator()->Annotate(s);
  return s;
}

// With the committed models: the sentence's verb gets its subject back.
TEST(FiniteVerbRuleTest, CommittedModelsParseTheVerbAsTheRoot) {
  if (!CommittedAnnotator()) GTEST_SKIP() << "no committed models";
  struct Row {
    std::vector<std::string> words;
    int verb, subject;
  } rows[] = {
      {{"Kenyan", "students", "demonstrated", "in", "Nairobi", "against", "the", "government", "."}, 2, 1},
      {{"Hundreds", "of", "farmers", "blocked", "roads", "near", "the", "border", "."}, 3, 0},
  };
  for (const Row& r : rows) {
    const Sentence s = Annotated(r.words);
    EXPECT_EQ(s.tokens[r.verb].xpos, "VBD") << r.words[r.verb];
    EXPECT_EQ(s.tokens[r.verb].deprel, "root") << r.words[r.verb];
    EXPECT_EQ(s.tokens[r.subject].head, r.verb) << r.words[r.subject];
    EXPECT_EQ(s.tokens[r.subject].deprel, "nsubj") << r.words[r.subject];
  }
}

// With the committed models: the bare verb of a "that" clause after a verb
// of demand is a verb; elsewhere the tags stay the tagger's.
TEST(SubjunctiveRuleTest, CommittedModelsTagTheMandativeVerb) {
  if (!CommittedAnnotator()) GTEST_SKIP() << "no committed models";
  struct Row {
    std::vector<std::string> words;
    int word;
    const char* xpos;  // "" : anything but VB
  } rows[] = {
      {{"The", "opposition", "is", "demanding", "that", "the", "president", "abandon", "his", "land", "policy", "."}, 7, "VB"},
      {{"She", "said", "that", "the", "police", "report", "was", "false", "."}, 5, ""},
      {{"Trump", "tried", "to", "suggest", "that", "he", "barely", "knows", "the", "envoy", "."}, 6, ""},
  };
  for (const Row& r : rows) {
    const Sentence s = Annotated(r.words);
    if (*r.xpos) EXPECT_EQ(s.tokens[r.word].xpos, r.xpos) << r.words[r.word];
    else EXPECT_NE(s.tokens[r.word].xpos, "VB") << r.words[r.word];
  }
}

}  // namespace
}  // namespace dyad::syntax
