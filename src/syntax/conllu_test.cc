#include "syntax/conllu.h"

#include <gtest/gtest.h>

#include "syntax/binary_io.h"

namespace dyad::syntax {
namespace {

const std::string kFixture = std::string(DYAD_SOURCE_DIR) + "/src/syntax/testdata/fixture.conllu";

TEST(ConlluTest, ReadsWordsHeadsAndMultiwordTokens) {
  auto sentences = ReadConlluFile(kFixture);
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  ASSERT_EQ(sentences->size(), 7u);
  const auto& first = (*sentences)[0];
  ASSERT_EQ(first.sentence.tokens.size(), 4u);
  EXPECT_EQ(first.sentence.tokens[1].form, "cat");
  EXPECT_EQ(first.sentence.tokens[1].head, 2);   // 1-based 3 -> 0-based 2
  EXPECT_EQ(first.sentence.tokens[2].head, -1);  // root
  EXPECT_FALSE(first.sentence.tokens[2].space_after);
  EXPECT_EQ(first.sentence.text, "The cat sleeps.");
  const auto& last = (*sentences)[6];
  ASSERT_EQ(last.multiword.size(), 1u);
  EXPECT_EQ(last.multiword[0].form, "can't");
  EXPECT_EQ(last.sentence.text, "They can't agree.");
}

TEST(ConlluTest, FormatRoundTripsTheFixture) {
  auto bytes = ReadFileBytes(kFixture);
  ASSERT_TRUE(bytes.ok());
  auto sentences = ParseConllu(*bytes, "fixture");
  ASSERT_TRUE(sentences.ok());
  std::string out;
  for (const auto& s : *sentences) out += FormatConllu(s);
  EXPECT_EQ(out, *bytes);
}

TEST(ConlluTest, SkipsEmptyNodes) {
  auto s = ParseConllu("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n1.1\tb\tb\tX\tX\t_\t_\t_\t1:dep\t_\n2\tc\tc\tX\tX\t_\t1\tdep\t_\t_\n\n", "t");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 1u);
  EXPECT_EQ((*s)[0].sentence.tokens.size(), 2u);
}

struct BadInput {
  const char* text;
  const char* message_part;
};

class ConlluErrorTest : public testing::TestWithParam<BadInput> {};

TEST_P(ConlluErrorTest, ReportsFileAndLine) {
  auto s = ParseConllu(GetParam().text, "bad.conllu");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find(GetParam().message_part), std::string::npos) << s.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConlluErrorTest,
    testing::Values(BadInput{"# c\n1\ta\ta\tX\n", "bad.conllu:2"},
                    BadInput{"1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n", "out of sequence"},
                    BadInput{"1\ta\ta\tX\tX\t_\t5\troot\t_\t_\n", "outside the sentence"},
                    BadInput{"1\ta\ta\tX\tX\t_\tx\troot\t_\t_\n", "bad HEAD"}));

TEST(ConlluTest, FromSentenceWritesSpacingInMisc) {
  Sentence s;
  s.text = "Hi!";
  s.tokens.push_back({.form = "Hi", .space_after = false, .lemma = "hi", .upos = "INTJ", .xpos = "UH", .head = -1, .deprel = "root"});
  s.tokens.push_back({.form = "!", .space_after = true, .lemma = "!", .upos = "PUNCT", .xpos = ".", .head = 0, .deprel = "punct"});
  EXPECT_EQ(FormatConllu(FromSentence(s)),
            "# text = Hi!\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n");
}

}  // namespace
}  // namespace dyad::syntax
