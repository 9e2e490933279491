#include "text/text_stage.h"

#include <gtest/gtest.h>

#include "dyad/resources.h"
#include "text/utf8.h"

namespace dyad::text {
namespace {

const TextResources& Res() {
  static const TextResources r = *TextResources::Load(DataDir());
  return r;
}

Document Process(std::string raw) {
  Document d;
  d.id = "t";
  d.raw = std::move(raw);
  EXPECT_TRUE(ProcessText(&d, Res()).ok());
  return d;
}

// Every token's raw span holds its text (after NFC).
void ExpectOffsetsPointAtText(const Document& d) {
  for (const auto& s : d.sentences)
    for (const auto& t : s.tokens) EXPECT_EQ(ToNfc(d.RawText(t.raw)), t.form) << "token at " << t.raw.begin;
}

std::string Sentences(const Document& d) {
  std::string out;
  for (const auto& s : d.sentences) out += (out.empty() ? "" : " || ") + s.text;
  return out;
}

// A short line without final punctuation is a dangling fragment only when
// its last word cannot close a phrase (data/text/dangling_words.txt): an
// object pronoun or a particle can ("Quito Rejects It", "Tensions Flare Up").
TEST(TextStage, KeepsHeadlinesEndingInAPronounOrParticle) {
  Document d = Process("Quito Rejects It\n\nTensions Flare Up\n\nThe talks ended.\nIn the words of\n");
  EXPECT_EQ(Sentences(d), "Quito Rejects It || Tensions Flare Up || The talks ended.");
  ASSERT_EQ(d.drops.size(), 1u);
  EXPECT_EQ(d.drops[0].reason, "dangling fragment");
  EXPECT_EQ(d.RawText(d.drops[0].raw), "In the words of");
}

TEST(TextStage, DropsBoilerplateAndKeepsText) {
  Document d = Process(
      "Ministers Meet in Quito\n\nThe ministers met on Monday.\n- Advertisement -\nThey agreed to talk again.\n"
      "According to the criteria of\nSubscribe to our newsletter\n");
  EXPECT_EQ(Sentences(d), "Ministers Meet in Quito || The ministers met on Monday. || They agreed to talk again.");
  ASSERT_EQ(d.drops.size(), 3u);
  EXPECT_EQ(d.drops[0].reason, "advertisement");
  EXPECT_EQ(d.RawText(d.drops[0].raw), "- Advertisement -");
  EXPECT_EQ(d.drops[1].reason, "dangling fragment");
  EXPECT_EQ(d.drops[2].reason, "newsletter");
  EXPECT_TRUE(d.sentences[0].heading);
  EXPECT_FALSE(d.sentences[1].heading);
  ExpectOffsetsPointAtText(d);
}

TEST(TextStage, RepairsGluedWordsWithOffsetsIntoTheGluedToken) {
  Document d = Process("Leaders spoke on Thursdaywhile aides waited.\n");
  EXPECT_EQ(d.sentences[0].text, "Leaders spoke on Thursday while aides waited.");
  ASSERT_EQ(d.repairs.size(), 1u);
  EXPECT_EQ(d.RawText(d.repairs[0].raw), "Thursdaywhile");
  EXPECT_EQ(d.repairs[0].repaired, "Thursday while");
  ExpectOffsetsPointAtText(d);
}

TEST(TextStage, NormalizesToNfcAndKeepsRawOffsets) {
  // "Díaz" with a combining acute accent, and a no-break space.
  Document d = Process("Miguel Di\u0301az\u00A0Canel spoke.\n");
  EXPECT_EQ(d.sentences[0].tokens[1].form, "D\u00EDaz");
  EXPECT_EQ(d.RawText(d.sentences[0].tokens[1].raw), "Di\u0301az");
  ExpectOffsetsPointAtText(d);
}

TEST(TextStage, RepeatedPullQuoteIsDropped) {
  Document d = Process(
      "\u201CWe have friends in every town of the north, and they will help us,\u201D she said.\n"
      "We have friends in every town of the north\n"
      "The meeting ended.\n");
  ASSERT_EQ(d.drops.size(), 1u);
  EXPECT_EQ(d.drops[0].reason, "repeated pull-quote");
}

// Which lines the repeat check drops, and why: the later copy of a line, a
// passage of a longer line (before or after it), never a line of under five
// words, never a line whose text is only in dropped lines.
TEST(TextStage, RepeatsDropTheLaterCopyAndPassagesOfLongerLines) {
  struct Case {
    const char* name;
    std::string raw;
    std::vector<std::pair<std::string, std::string>> drops;  // (line, reason)
  };
  const std::string quote = "We have friends in every town of the north";
  const std::string longer = "\u201C" + quote + ", and they will help us,\u201D she said.";
  const Case cases[] = {
      {"copy", "The talks ended on Monday night.\nThe talks ended on Monday night.\n",
       {{"The talks ended on Monday night.", "repeated line"}}},
      {"three copies", "The talks ended on Monday night.\nOther news.\nThe talks ended on Monday night.\n"
                       "The talks ended on Monday night.\n",
       {{"The talks ended on Monday night.", "repeated line"}, {"The talks ended on Monday night.", "repeated line"}}},
      {"pull-quote after", longer + "\n" + quote + "\nThe meeting ended.\n", {{quote, "repeated pull-quote"}}},
      {"pull-quote before", quote + "\n" + longer + "\nThe meeting ended.\n", {{quote, "repeated pull-quote"}}},
      {"short line", "Talks ended on Monday.\nTalks ended on Monday.\n", {}},
      // Its first words twice in the longer line, the whole of it once.
      {"start twice", "Our friends in every town, friends in every town met.\nfriends in every town met.\n",
       {{"friends in every town met.", "repeated pull-quote"}}},
  };
  for (const Case& c : cases) {
    Document d = Process(c.raw);
    std::vector<std::pair<std::string, std::string>> drops;
    for (const Drop& drop : d.drops) drops.push_back({std::string(d.RawText(drop.raw)), drop.reason});
    EXPECT_EQ(drops, c.drops) << c.name;
  }
}

// The check is one pass over the text, not one per line: a document of
// 1,900 distinct lines and two copies is checked exactly.
TEST(TextStage, RepeatsInALongDocument) {
  std::string raw;
  for (int i = 0; i < 1900; ++i) raw += "Line number " + std::to_string(i) + " of the long report here.\n";
  raw += "Line number 7 of the long report here.\nLine number 1234 of the long report here.\n";
  Document d = Process(raw);
  ASSERT_EQ(d.drops.size(), 2u);
  EXPECT_EQ(d.RawText(d.drops[0].raw), "Line number 7 of the long report here.");
  EXPECT_EQ(d.drops[0].reason, "repeated line");
  EXPECT_GT(d.drops[1].raw.begin, d.drops[0].raw.begin);
}

TEST(TextStage, QuotationOverSeveralSentencesStaysAttributable) {
  Document d = Process(
      "\u201CWe are ready. We will not give up. Nobody can stop us,\u201D the minister said.\nTalks resume today.\n");
  ASSERT_EQ(d.sentences.size(), 4u);
  ASSERT_EQ(d.quotations.size(), 1u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(d.sentences[i].quotation, 0) << i;
  EXPECT_EQ(d.sentences[3].quotation, -1);
  EXPECT_EQ(d.RawText(d.quotations[0]).substr(0, 3), "\u201C");
}

TEST(TextStage, QuotationContinuesIntoTheNextParagraph) {
  Document d = Process("\u201CWe are ready.\n\u201CWe will not give up,\u201D he said.\n");
  ASSERT_EQ(d.quotations.size(), 1u);
  EXPECT_EQ(d.sentences[0].quotation, 0);
  EXPECT_EQ(d.sentences[1].quotation, 0);
}

TEST(TextStage, WindowsLineEndsAndNothingLeft) {
  Document d = Process("First line.\r\nSecond line.\r\n");
  EXPECT_EQ(Sentences(d), "First line. || Second line.");
  ExpectOffsetsPointAtText(d);
  Document empty;
  empty.raw = "- Advertisement -\n";
  Status s = ProcessText(&empty, Res());
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no text left"), std::string::npos);
}

}  // namespace
}  // namespace dyad::text
