#include "coding/temporal.h"

#include <gtest/gtest.h>

#include <fstream>

#include "dyad/resources.h"
#include "syntax/annotator.h"
#include "text/text_stage.h"

namespace dyad::coding {
namespace {

const TemporalResources& Res() {
  static const Result<TemporalResources>* loaded = new Result<TemporalResources>(TemporalResources::Load(DataDir()));
  EXPECT_TRUE(loaded->ok()) << loaded->status().ToString();
  return loaded->value();
}

// The first sentence of `text` as the text stage tokenizes it (no syntax).
Sentence Tokenized(const std::string& text) {
  static const text::TextResources res = *text::TextResources::Load(DataDir());
  Document d;
  d.id = "t";
  d.raw = text;
  EXPECT_TRUE(text::ProcessText(&d, res).ok());
  EXPECT_FALSE(d.sentences.empty()) << text;
  return d.sentences.empty() ? Sentence{} : d.sentences[0];
}

Date D(const char* iso) { return *Date::Parse(iso); }

std::string Words(const Sentence& s, const TimeExpression& e) {
  std::string out;
  for (int k = e.first_token; k < e.last_token; ++k) out += (out.empty() ? "" : " ") + s.tokens[k].form;
  return out;
}

const char* Name(Granularity g) {
  switch (g) {
    case Granularity::kDay: return "day";
    case Granularity::kWeek: return "week";
    case Granularity::kMonth: return "month";
    case Granularity::kYear: return "year";
  }
  return "?";
}

// ---------------------------------------------------------------------------
// Calendar arithmetic.

TEST(Calendar, DaysRoundTripAndWeekdays) {
  for (const char* iso : {"1970-01-01", "2000-02-29", "2024-12-31", "2025-03-01", "1899-12-31"}) {
    EXPECT_EQ(CivilFromDays(DaysFromCivil(D(iso))), D(iso)) << iso;
  }
  EXPECT_EQ(DaysFromCivil(D("1970-01-01")), 0);
  EXPECT_EQ(Weekday(D("2025-12-11")), 4);  // a Thursday
  EXPECT_EQ(Weekday(D("2022-02-04")), 5);  // a Friday
  EXPECT_EQ(Weekday(D("2024-08-25")), 7);  // a Sunday
  EXPECT_FALSE(IsValidDate(Date{2025, 2, 29}));
  EXPECT_TRUE(IsValidDate(Date{2024, 2, 29}));
}

// ---------------------------------------------------------------------------
// Expressions: text + anchor (+ previous event date) -> the one expression.

struct ExprCase {
  std::string text;
  std::string anchor;
  std::string previous;  // "" none
  std::string words;     // the expression's tokens, joined by spaces
  Granularity granularity;
  std::string date;
};

void PrintTo(const ExprCase& c, std::ostream* os) { *os << c.text << " @" << c.anchor; }

class ExpressionTest : public ::testing::TestWithParam<ExprCase> {};

TEST_P(ExpressionTest, ResolvesTheOneExpression) {
  const ExprCase& c = GetParam();
  Sentence s = Tokenized(c.text);
  std::optional<Date> previous;
  if (!c.previous.empty()) previous = D(c.previous.c_str());
  std::vector<TimeExpression> found = FindTimeExpressions(s, D(c.anchor.c_str()), Res(), previous);
  ASSERT_EQ(found.size(), 1u) << c.text;
  EXPECT_EQ(Words(s, found[0]), c.words);
  EXPECT_STREQ(Name(found[0].granularity), Name(c.granularity)) << found[0].rule;
  EXPECT_EQ(found[0].date.ToString(), c.date) << found[0].rule;
}

using G = Granularity;
INSTANTIATE_TEST_SUITE_P(
    Weekdays, ExpressionTest,
    ::testing::Values(
        // A bare weekday in a past report: the latest one on or before the anchor.
        ExprCase{"The ministers met on Thursday.", "2025-12-11", "", "Thursday", G::kDay, "2025-12-11"},
        ExprCase{"The ministers met on Thursday.", "2025-12-13", "", "Thursday", G::kDay, "2025-12-11"},
        ExprCase{"The ministers met on Friday.", "2025-12-11", "", "Friday", G::kDay, "2025-12-05"},
        // A future verb looks forward, on or after the anchor.
        ExprCase{"They will meet on Friday.", "2025-12-11", "", "Friday", G::kDay, "2025-12-12"},
        ExprCase{"They will meet on Thursday.", "2025-12-11", "", "Thursday", G::kDay, "2025-12-11"},
        ExprCase{"The envoys are going to meet on Monday.", "2025-12-11", "", "Monday", G::kDay, "2025-12-15"},
        ExprCase{"On Monday, the envoys will sign the accord.", "2025-12-11", "", "Monday", G::kDay, "2025-12-15"},
        // Past speech about a future meeting: the weekday belongs to "said".
        ExprCase{"She said on Monday that the talks would resume.", "2025-12-11", "", "Monday", G::kDay,
                 "2025-12-08"},
        ExprCase{"The president spoke this Friday in the capital.", "2022-02-04", "", "this Friday", G::kDay,
                 "2022-02-04"},
        ExprCase{"The embassy protested last Monday.", "2025-12-11", "", "last Monday", G::kDay, "2025-12-08"},
        ExprCase{"The embassy protested last Thursday.", "2025-12-11", "", "last Thursday", G::kDay, "2025-12-04"},
        ExprCase{"The delegations meet next Tuesday.", "2025-12-11", "", "next Tuesday", G::kDay, "2025-12-16"},
        ExprCase{"Troops crossed the river on Sunday night.", "2024-08-28", "", "Sunday night", G::kDay,
                 "2024-08-25"},
        ExprCase{"El canciller viajó el miércoles a Bogotá.", "2025-12-11", "", "miércoles", G::kDay, "2025-12-10"},
        // An explicit date after the weekday wins.
        ExprCase{"The accord was signed on Friday, November 21.", "2025-12-11", "", "Friday , November 21", G::kDay,
                 "2025-11-21"}));

INSTANTIATE_TEST_SUITE_P(
    Deictic, ExpressionTest,
    ::testing::Values(
        ExprCase{"The rebels freed two hostages yesterday.", "2024-03-01", "", "yesterday", G::kDay, "2024-02-29"},
        ExprCase{"The council votes today.", "2024-03-01", "", "today", G::kDay, "2024-03-01"},
        ExprCase{"The council votes tomorrow.", "2024-12-31", "", "tomorrow", G::kDay, "2025-01-01"},
        ExprCase{"The minister resigned this morning.", "2024-03-01", "", "this morning", G::kDay, "2024-03-01"},
        ExprCase{"Shelling resumed last night near the border.", "2024-03-01", "", "last night", G::kDay,
                 "2024-02-29"},
        ExprCase{"Police detained him yesterday afternoon.", "2024-03-01", "", "yesterday afternoon", G::kDay,
                 "2024-02-29"},
        ExprCase{"El gobierno lo anunció ayer.", "2024-03-01", "", "ayer", G::kDay, "2024-02-29"}));

INSTANTIATE_TEST_SUITE_P(
    MonthDays, ExpressionTest,
    ::testing::Values(
        ExprCase{"The two leaders spoke by phone on November 21.", "2025-12-11", "", "November 21", G::kDay,
                 "2025-11-21"},
        // More than two months ahead of the anchor: last year's.
        ExprCase{"The rally took place on December 28.", "2025-01-05", "", "December 28", G::kDay, "2024-12-28"},
        ExprCase{"The vote was held on July 28.", "2024-07-30", "", "July 28", G::kDay, "2024-07-28"},
        // A future verb: the next one.
        ExprCase{"The runoff will be held on January 12.", "2025-12-11", "", "January 12", G::kDay, "2026-01-12"},
        ExprCase{"Talks ended on Nov. 3.", "2025-12-11", "", "Nov. 3", G::kDay, "2025-11-03"},
        ExprCase{"The treaty was signed on 21 November 2019.", "2025-12-11", "", "21 November 2019", G::kDay,
                 "2019-11-21"},
        ExprCase{"The treaty was signed on March 4, 2021.", "2025-12-11", "", "March 4 , 2021", G::kDay,
                 "2021-03-04"},
        ExprCase{"The talks began on the 3rd of November.", "2025-12-11", "", "3rd of November", G::kDay,
                 "2025-11-03"},
        ExprCase{"La reunión fue el 5 de diciembre de 2023.", "2025-12-11", "", "5 de diciembre de 2023",
                 G::kDay, "2023-12-05"},
        ExprCase{"The ceasefire took effect on the 21st.", "2025-12-11", "", "21st", G::kDay, "2025-11-21"},
        ExprCase{"The results were published on 2024-07-29.", "2024-08-28", "", "2024 - 07 - 29", G::kDay,
                 "2024-07-29"}));

INSTANTIATE_TEST_SUITE_P(
    Periods, ExpressionTest,
    ::testing::Values(
        ExprCase{"Protests shook the capital in April 2019.", "2025-12-11", "", "April 2019", G::kMonth,
                 "2019-04-01"},
        ExprCase{"Protests shook the capital in 2019.", "2025-12-11", "", "2019", G::kYear, "2019-01-01"},
        ExprCase{"Protests shook the capital in early 2019.", "2025-12-11", "", "2019", G::kYear, "2019-01-01"},
        ExprCase{"The army withdrew in March.", "2025-12-11", "", "March", G::kMonth, "2025-03-01"},
        ExprCase{"Elections were held last year.", "2025-12-11", "", "last year", G::kYear, "2024-01-01"},
        ExprCase{"The envoy was appointed last month.", "2025-12-11", "", "last month", G::kMonth, "2025-11-01"},
        ExprCase{"The sanctions expire next year.", "2025-12-11", "", "next year", G::kYear, "2026-01-01"},
        ExprCase{"Talks resumed this week.", "2025-12-11", "", "this week", G::kWeek, "2025-12-08"}));

INSTANTIATE_TEST_SUITE_P(
    Relative, ExpressionTest,
    ::testing::Values(
        // From the previous event date when there is one...
        ExprCase{"The day before, the embassy issued a statement.", "2022-02-04", "2022-02-03", "The day before",
                 G::kDay, "2022-02-02"},
        // ... else from the publication date.
        ExprCase{"The day before, the embassy issued a statement.", "2022-02-04", "", "The day before", G::kDay,
                 "2022-02-03"},
        ExprCase{"Two days later the envoy returned.", "2025-12-11", "2025-12-01", "Two days later", G::kDay,
                 "2025-12-03"},
        ExprCase{"The next day the envoy returned.", "2025-12-11", "2025-12-01", "The next day", G::kDay,
                 "2025-12-02"},
        ExprCase{"A month later the envoy returned.", "2025-12-11", "2025-10-20", "A month later", G::kMonth,
                 "2025-11-01"},
        ExprCase{"Later that day the envoy returned.", "2025-12-11", "2025-12-01", "that day", G::kDay,
                 "2025-12-01"},
        // "ago" counts from the publication date, whatever came before.
        ExprCase{"The border was closed three days ago.", "2025-12-11", "2025-06-01", "three days ago", G::kDay,
                 "2025-12-08"},
        ExprCase{"The border was closed a week ago.", "2025-12-11", "", "a week ago", G::kDay, "2025-12-04"}));

TEST(FindTimeExpressions, NoTimeNoExpression) {
  for (const char* text : {"The ministers discussed the border.", "The opposition may march in the capital.",
                           "He sent 2,000 troops and 300 trucks.", "Two days before the vote, the army deployed.",
                           "The 2019 election was disputed."}) {
    Sentence s = Tokenized(text);
    std::vector<TimeExpression> found = FindTimeExpressions(s, D("2025-12-11"), Res());
    EXPECT_TRUE(found.empty()) << text << ": " << Words(s, found[0]) << " (" << found[0].rule << ")";
  }
}

TEST(FindTimeExpressions, SeveralInOrder) {
  Sentence s = Tokenized("He met the envoy on Thursday, his second meeting since November 25.");
  std::vector<TimeExpression> found = FindTimeExpressions(s, D("2025-12-11"), Res());
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].date, D("2025-12-11"));
  EXPECT_EQ(found[1].date, D("2025-11-25"));
  EXPECT_LT(found[0].last_token, found[1].first_token);
}

// ---------------------------------------------------------------------------
// Event dates.

int TokenIndex(const Sentence& s, std::string_view form) {
  for (size_t k = 0; k < s.tokens.size(); ++k) {
    if (s.tokens[k].form == form) return static_cast<int>(k);
  }
  ADD_FAILURE() << "no token " << form;
  return 0;
}

TEST(PickEventDate, WithoutTreeTheNearestDayWins) {
  Sentence s = Tokenized("Maduro, in power since 2013, met the envoy on Thursday.");
  auto exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  EventDate d = PickEventDate(s, exprs, TokenIndex(s, "met"), D("2025-12-11"));
  EXPECT_EQ(d.source, DateSource::kText);
  EXPECT_EQ(d.date, D("2025-12-11"));
  EXPECT_TRUE(d.resolved());
}

TEST(PickEventDate, MonthOrYearOnlyLeavesTheEventUndated) {
  Sentence s = Tokenized("Protests shook the capital in April 2019.");
  auto exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  EventDate d = PickEventDate(s, exprs, TokenIndex(s, "shook"), D("2025-12-11"));
  EXPECT_EQ(d.source, DateSource::kUndated);
  EXPECT_FALSE(d.date.has_value());
}

TEST(PickEventDate, NoReferenceDefaultsToThePublicationDate) {
  Sentence s = Tokenized("The ministers discussed the border.");
  auto exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  EventDate d = PickEventDate(s, exprs, TokenIndex(s, "discussed"), D("2025-12-11"));
  EXPECT_EQ(d.source, DateSource::kPublication);
  EXPECT_EQ(d.date, D("2025-12-11"));
  EXPECT_FALSE(d.resolved());
  EXPECT_EQ(PickEventDate(s, exprs, 1, std::nullopt).source, DateSource::kNone);
}

// A hand-built parsed sentence: each token's form, head and relation.
struct TreeToken {
  const char* form;
  int head;
  const char* deprel;
  const char* upos = "";
};
Sentence Tree(std::initializer_list<TreeToken> tokens) {
  Sentence s;
  for (const TreeToken& t : tokens) {
    Token tok;
    tok.form = t.form;
    tok.head = t.head;
    tok.deprel = t.deprel;
    tok.upos = t.upos;
    s.tokens.push_back(tok);
  }
  return s;
}

// "on Monday" hangs on "spoke", "on Thursday" on "met": each predicate gets
// its own, although "Monday" is nearer to "met" than "Thursday" is.
TEST(PickEventDate, TheTreeAttachesEachExpressionToItsPredicate) {
  Sentence s = Tree({{"Guaido", 7, "nsubj"}, {",", 3, "punct"}, {"who", 3, "nsubj"}, {"spoke", 0, "acl:relcl"},
                     {"on", 5, "case"}, {"Monday", 3, "obl"}, {",", 3, "punct"}, {"met", -1, "root"},
                     {"envoys", 7, "obj"}, {"on", 10, "case"}, {"Thursday", 7, "obl"}, {".", 7, "punct"}});
  auto exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  ASSERT_EQ(exprs.size(), 2u);
  EXPECT_EQ(PickEventDate(s, exprs, 7, std::nullopt).date, D("2025-12-11"));  // met: Thursday
  EXPECT_EQ(PickEventDate(s, exprs, 3, std::nullopt).date, D("2025-12-08"));  // spoke: Monday
  // An unattached token falls back to the nearest day.
  EXPECT_EQ(PickEventDate(s, exprs, 8, std::nullopt).date, D("2025-12-11"));
}

// A date in another clause dates that clause only; a date inside a nominal
// adjunct of the predicate ("in a call on Monday") dates the predicate.
TEST(PickEventDate, AnotherClausesDateIsNotThePredicates) {
  Sentence s = Tree({{"Guaido", 6, "nsubj", "PROPN"}, {",", 3, "punct", "PUNCT"}, {"who", 3, "nsubj", "PRON"},
                     {"spoke", 0, "acl:relcl", "VERB"}, {"on", 5, "case", "ADP"}, {"Monday", 3, "obl", "PROPN"},
                     {"met", -1, "root", "VERB"}, {"envoys", 6, "obj", "NOUN"}, {".", 6, "punct", "PUNCT"}});
  auto exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  ASSERT_EQ(exprs.size(), 1u);
  EXPECT_EQ(PickEventDate(s, exprs, 3, D("2025-12-11")).date, D("2025-12-08"));  // spoke
  EventDate met = PickEventDate(s, exprs, 6, D("2025-12-11"));
  EXPECT_EQ(met.source, DateSource::kPublication);

  s = Tree({{"Maduro", 1, "nsubj", "PROPN"}, {"told", -1, "root", "VERB"}, {"Trump", 1, "iobj", "PROPN"},
            {"in", 5, "case", "ADP"}, {"a", 5, "det", "DET"}, {"call", 1, "obl", "NOUN"}, {"on", 7, "case", "ADP"},
            {"Monday", 5, "nmod", "PROPN"}, {".", 1, "punct", "PUNCT"}});
  exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  ASSERT_EQ(exprs.size(), 1u);
  EventDate told = PickEventDate(s, exprs, 1, D("2025-12-11"));
  EXPECT_EQ(told.source, DateSource::kText);
  EXPECT_EQ(told.date, D("2025-12-08"));
}

TEST(PickEventDate, AnAncestorsExpressionDatesItsComplement) {
  Sentence s = Tree({{"He", 1, "nsubj"}, {"said", -1, "root"}, {"on", 3, "case"}, {"Tuesday", 1, "obl"},
                     {"that", 6, "mark"}, {"Colombia", 6, "nsubj"}, {"keeps", 1, "ccomp"},
                     {"its", 8, "nmod:poss"}, {"position", 6, "obj"}, {".", 1, "punct"}});
  auto exprs = FindTimeExpressions(s, D("2024-08-28"), Res());
  EventDate d = PickEventDate(s, exprs, 6, D("2024-08-28"));  // keeps
  EXPECT_EQ(d.source, DateSource::kText);
  EXPECT_EQ(d.date, D("2024-08-27"));
}

TEST(FindTimeExpressions, TheTreeReadsTense) {
  // "They will meet on Friday ." with "will" an aux of "meet".
  Sentence s = Tree({{"They", 2, "nsubj"}, {"will", 2, "aux"}, {"meet", -1, "root"}, {"on", 4, "case"},
                     {"Friday", 2, "obl"}, {".", 2, "punct"}});
  auto exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  ASSERT_EQ(exprs.size(), 1u);
  EXPECT_EQ(exprs[0].date, D("2025-12-12"));
  // "They plan to meet on Friday ." : the xcomp of a future verb.
  s = Tree({{"They", 1, "nsubj"}, {"plan", -1, "root"}, {"to", 3, "mark"}, {"meet", 1, "xcomp"}, {"on", 5, "case"},
            {"Friday", 3, "obl"}, {".", 1, "punct"}});
  exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  ASSERT_EQ(exprs.size(), 1u);
  EXPECT_EQ(exprs[0].date, D("2025-12-12"));
  // "Officials who will attend met on Friday ." : the aux is another verb's.
  s = Tree({{"Officials", 4, "nsubj"}, {"who", 3, "nsubj"}, {"will", 3, "aux"}, {"attend", 0, "acl:relcl"},
            {"met", -1, "root"}, {"on", 6, "case"}, {"Friday", 4, "obl"}, {".", 4, "punct"}});
  exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  ASSERT_EQ(exprs.size(), 1u);
  EXPECT_EQ(exprs[0].date, D("2025-12-05"));
}

TEST(FindTimeExpressions, ACountIsNoYear) {
  Sentence s = Tree({{"Russia", 1, "nsubj"}, {"sent", -1, "root"}, {"a", 3, "det"}, {"force", 1, "obj"},
                     {"of", 6, "case"}, {"2000", 6, "nummod"}, {"troops", 3, "nmod"}, {".", 1, "punct"}});
  EXPECT_TRUE(FindTimeExpressions(s, D("2025-12-11"), Res()).empty());
}

TEST(PickEventDate, AMalformedTreeIsReadAsNone) {
  Sentence s = Tree({{"They", 9, "nsubj"}, {"met", -1, "root"}, {"on", 3, "case"}, {"Monday", 1, "obl"}});
  auto exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  ASSERT_EQ(exprs.size(), 1u);
  EXPECT_EQ(PickEventDate(s, exprs, 1, std::nullopt).date, D("2025-12-08"));
}

// With the parser models, the real tree reads tense and attachment too.
TEST(PickEventDate, WithTheParserWhenModelsExist) {
  if (!std::ifstream(ModelPath(syntax::kParserModelFile)).good()) GTEST_SKIP() << "no parser model";
  auto annotator = syntax::Annotator::Load(ModelsDir());
  // The models belong to the syntax stage and may be mid-retraining; this
  // test is a bonus on top of the model-free ones above.
  if (!annotator.ok()) GTEST_SKIP() << annotator.status().ToString();
  Sentence s = Tokenized("The foreign minister said on Monday that the two leaders will meet on Friday.");
  annotator->Annotate(s);
  auto exprs = FindTimeExpressions(s, D("2025-12-11"), Res());
  ASSERT_EQ(exprs.size(), 2u);
  EXPECT_EQ(exprs[0].date, D("2025-12-08"));
  EXPECT_EQ(exprs[1].date, D("2025-12-12"));
  EXPECT_EQ(PickEventDate(s, exprs, TokenIndex(s, "said"), std::nullopt).date, D("2025-12-08"));
  EXPECT_EQ(PickEventDate(s, exprs, TokenIndex(s, "meet"), std::nullopt).date, D("2025-12-12"));
}

// ---------------------------------------------------------------------------
// Loading.

TEST(TemporalResources, LoadsTheShippedFile) {
  const TemporalResources& r = Res();
  EXPECT_EQ(r.months.at("november"), 11);
  EXPECT_EQ(r.months.at("noviembre"), 11);
  EXPECT_EQ(r.weekdays.at("miercoles"), 3);  // folded
  EXPECT_EQ(r.units.at("weeks"), Granularity::kWeek);
  ASSERT_FALSE(r.deictics.empty());
  EXPECT_GE(r.deictics.front().words.size(), r.deictics.back().words.size());  // longest first
}

TEST(TemporalResources, MalformedLinesAreDataErrorsWithTheLine) {
  const std::string good = "month\tjanuary\t1\nweekday\tmonday\t1\nunit\tday\tday\n";
  EXPECT_TRUE(TemporalResources::Parse(good, "t.tsv").ok());
  const std::pair<std::string, std::string> kBad[] = {
      {"month\tjanuary\t13\n", "1..12"},
      {"weekday\tmonday\n", "3 tab-separated"},
      {"season\tspring\t1\n", "unknown kind"},
      {"unit\tfortnight\tfortnight\n", "unit must be"},
      {"cue\tin\t1\n", "takes no value"},
      {"month\tjanuary\t1\n", "duplicate"},
      {"month\tnew year\t1\n", "takes one word"},
      {"deictic\tthe  day\t1\n", "empty word"},
  };
  for (const auto& [line, message] : kBad) {
    Result<TemporalResources> r = TemporalResources::Parse(good + "# comment\n" + line, "t.tsv");
    ASSERT_FALSE(r.ok()) << line;
    EXPECT_EQ(r.status().code(), Status::Code::kDataError);
    EXPECT_NE(r.status().message().find("t.tsv:5"), std::string::npos) << r.status().ToString();
    EXPECT_NE(r.status().message().find(message), std::string::npos) << r.status().ToString();
  }
  EXPECT_FALSE(TemporalResources::Parse("cue\tin\t-\n", "t.tsv").ok());  // no months
  EXPECT_EQ(TemporalResources::Load("/nonexistent").status().code(), Status::Code::kIOError);
}

}  // namespace
}  // namespace dyad::coding
