#include "lexicon/recognizer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "dyad/pipeline.h"
#include "dyad/resources.h"
#include "text/text_stage.h"

namespace dyad::lexicon {
namespace {

struct Env {
  text::TextResources text;
  LexiconResources lexicon;
};

const Env& Resources() {
  static const Env* env = [] {
    auto* e = new Env{*text::TextResources::Load(DataDir()), {}};
    auto dict = LoadBundledActorDictionary(DataDir());
    EXPECT_TRUE(dict.ok()) << dict.status().ToString();
    e->lexicon = LexiconResources::Build(std::move(*dict), e->text.abbreviations, e->text.clean.glue.function_words);
    return e;
  }();
  return *env;
}

// "text=CODE how" for each mention, "; " between them; pronouns and other
// resolved mentions also name their actor.
std::string Mentions(const std::string& raw, const char* date) {
  Document d;
  d.id = "t";
  d.raw = raw;
  d.date = Date::Parse(date);
  EXPECT_TRUE(text::ProcessText(&d, Resources().text).ok());
  RecognizeActors(&d, Resources().lexicon);
  std::string out;
  for (const Mention& m : d.mentions) {
    if (!out.empty()) out += "; ";
    out += m.text + "=" + m.code + " " + m.how;
    if (m.how == "pronoun" || m.how == "description" || m.how == "surname") out += "(" + d.actors[m.actor].name + ")";
  }
  return out;
}

struct Case {
  const char* text;
  const char* date;
  const char* mentions;
};

class RecognizerTest : public testing::TestWithParam<Case> {};

TEST_P(RecognizerTest, MentionsAndCodes) {
  EXPECT_EQ(Mentions(GetParam().text, GetParam().date), GetParam().mentions) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    CodesAtTheDate, RecognizerTest,
    testing::Values(
        Case{"Iván Duque spoke.", "2021-03-01", "Iván Duque=COLGOV dictionary"},
        Case{"Iván Duque spoke.", "2023-03-01", "Iván Duque=COLELI dictionary"},
        Case{"Colombian President Iván Duque spoke.", "2020-01-10", "Colombian President Iván Duque=COLGOV dictionary"},
        Case{"Colombian President Gustavo Petro spoke.", "2024-07-30",
             "Colombian President Gustavo Petro=COLGOV dictionary"},
        Case{"Donald Trump spoke.", "2019-01-27", "Donald Trump=USAGOV dictionary"},
        Case{"Donald Trump spoke.", "2022-02-04", "Donald Trump=USAELI dictionary"},
        Case{"Donald Trump spoke.", "2025-12-11", "Donald Trump=USAGOV dictionary"},
        Case{"Juan Guaidó spoke.", "2019-01-27", "Juan Guaidó=VENOPP dictionary"},
        Case{"Juan Guaido spoke.", "2020-05-01", "Juan Guaido=VENOPP dictionary"},
        // A group that took power: rebels before, the government after.
        Case{"Hayat Tahrir al-Sham advanced.", "2024-11-30", "Hayat Tahrir al-Sham=SYRREB dictionary"},
        Case{"Hayat Tahrir al-Sham advanced.", "2025-01-15", "Hayat Tahrir al-Sham=SYRGOV dictionary"}));

INSTANTIATE_TEST_SUITE_P(
    Composition, RecognizerTest,
    testing::Values(
        Case{"The Kremlin said so.", "2024-01-01", "The Kremlin=RUSGOV metonym"},
        // A name led by "the" ("the West") yields to a longer name right after
        // the article ("West Bank"); alone, it stays.
        Case{"Settlers moved into the West Bank.", "2024-01-01", "the West Bank=PSEGOV dictionary"},
        Case{"The West imposed sanctions.", "2024-01-01", "The West=WST dictionary"},
        // A capital or country after "in" is the country as a place, not its government.
        Case{"Talks were held in Caracas.", "2024-01-01", "Caracas=VEN place"},
        // Modifiers between a demonym and its role word (untagged here; with
        // tags, only adjectives and nouns: coder_test).
        Case{"Palestinian chief negotiator Saeb Erekat spoke.", "2019-11-19",
             "Palestinian chief negotiator Saeb Erekat=PSEGOV title"},
        // A dictionary alias that starts with a common word is still a name.
        Case{"The government of Nicolás Maduro replied.", "2019-01-27",
             "The government of Nicolás Maduro=VENGOV dictionary"},
        // An institution named by its leader, a title in between: the
        // leader's country and side.
        Case{"The regime of President Daniel Ortega answered.", "2024-08-28",
             "The regime of President Daniel Ortega=NICGOV agent"},
        Case{"The administration of Juan Guaidó answered.", "2019-03-01",
             "The administration of Juan Guaidó=VENOPP agent"},
        Case{"The wife of President Daniel Ortega answered.", "2024-08-28", "President Daniel Ortega=NICGOV dictionary"},
        // "Police" and "protesters" are the article country's without an
        // article; "reporters" are nobody's.
        Case{"Peru voted. Police detained protesters in Lima. Reporters watched.", "2021-06-06",
             "Peru=PERGOV dictionary; Police=PERCOP description(Peru (COP)); protesters=PEROPP description(Peru (OPP)); "
             "Lima=PER place"},
        // Words between a country's name and a role word are no modifiers.
        Case{"Peru and Venezuela keep troops there.", "2022-02-04", "Peru=PERGOV dictionary; Venezuela=VENGOV dictionary"},
        Case{"Russia's top diplomat spoke.", "2022-02-04", "Russia's top diplomat=RUSGOV description(Sergei Lavrov)"},
        // A region after "in" is no country place.
        Case{"Troops were sent to bases in Latin America.", "2019-01-27", "Latin America=LAM dictionary"},
        // A bare title as a predicate names nobody; with an article it refers.
        Case{"Juan Guaidó proclaimed himself interim president. Nicolás Maduro remains the legitimate president.",
             "2019-01-27",
             "Juan Guaidó=VENOPP dictionary; himself=VENOPP pronoun(Juan Guaidó); Nicolás Maduro=VENGOV dictionary; "
             "president=VENGOV description(Nicolás Maduro)"},
        Case{"Russia warned Colombia.", "2024-01-01", "Russia=RUSGOV dictionary; Colombia=COLGOV dictionary"},
        Case{"He has friends in Colombia.", "2024-01-01", "Colombia=COL place"},
        Case{"The Colombian army said its units would stay.", "2025-12-11",
             "The Colombian army=COLMIL dictionary; its units=COLMIL description(Colombia (MIL))"},
        Case{"The Peruvian army said its units would stay.", "2025-12-11",
             "The Peruvian army=PERMIL agent; its units=PERMIL description(Peru (MIL))"},
        Case{"Officials met. The opposition left.", "2024-08-28", ""},
        Case{"Venezuela voted. The opposition left.", "2024-08-28",
             "Venezuela=VENGOV dictionary; The opposition=VENOPP description(Venezuela (OPP))"},
        Case{"It was attended by the President of Nicaragua, Daniel Ortega.", "2024-08-28",
             "the President of Nicaragua, Daniel Ortega=NICGOV dictionary"},
        Case{"The Venezuelan opposition rejected it.", "2024-08-28", "The Venezuelan opposition=VENOPP agent"},
        // A dateline opening a later sentence is a place too.
        Case{"Talks ended. LIMA, Peru (AP) — Chile protested.", "2024-08-28", "Chile=CHLGOV dictionary"},
        // An all-caps name opening the article is a dateline only with a mark after it.
        Case{"CARACAS, Jan 27 - Chile protested.", "2019-01-27", "Chile=CHLGOV dictionary"},
        Case{"The US imposed sanctions.", "2019-01-27", "The US=USAGOV dictionary"},
        // Demonyms (or a country's acronym) joined to a demonym with a role word share it.
        Case{"US and Peruvian activists marched.", "2015-01-01", "US=USAOPP agent; Peruvian activists=PEROPP agent"},
        Case{"Chilean, Bolivian and Peruvian troops left.", "2015-01-01",
             "Chilean=CHLMIL agent; Bolivian=BOLMIL agent; Peruvian troops=PERMIL agent"},
        Case{"Chile and Peruvian troops left.", "2015-01-01", "Chile=CHLGOV dictionary; Peruvian troops=PERMIL agent"},
        Case{"The US, Peru and Chile met.", "2019-01-27", "The US=USAGOV dictionary; Peru=PERGOV dictionary; Chile=CHLGOV dictionary"},
        // "CCTV" alone is a camera, not the Chinese broadcaster.
        Case{"The prosecutor said CCTV captured the defendant. China's CCTV reported the visit.", "2024-08-05",
             "China's CCTV=CHNGOVMED dictionary"},
        // An international organization's arm.
        Case{"UN troops entered the town.", "2019-01-27", "UN troops=IGOUNOMIL agent"}));

INSTANTIATE_TEST_SUITE_P(
    Resolution, RecognizerTest,
    testing::Values(
        // A group's title speaks for the group: the group's code, also for a
        // person the title introduces (not an office of the group's country).
        Case{"A Hamas spokesman said so.", "2018-01-01", "Hamas spokesman=PSEREBHMS agent"},
        Case{"Taliban spokesman Abdul Rahimi spoke. Later Rahimi left.", "2019-06-01",
             "Taliban spokesman Abdul Rahimi=AFGREB agent; Rahimi=AFGREB surname(Abdul Rahimi)"},
        // A person's name where a place stands is the place's ("in Bolton"),
        // not after "at" ("directed at Bolton") nor before a possessive.
        Case{"Riots broke out in Bolton. Officials directed questions at Bolton. Life in Bolton's world is hard.",
             "2024-08-04", "Bolton=USAELI dictionary; Bolton=USAELI dictionary"},
        // A title introduces an actor the dictionary lacks; the surname follows.
        Case{"Peruvian Foreign Minister Ana Quispe Torres met reporters. Later Torres left.", "2024-03-01",
             "Peruvian Foreign Minister Ana Quispe Torres=PERGOV title; Torres=PERGOV surname(Ana Quispe Torres)"},
        // A title may introduce an organisation the dictionary has.
        Case{"Human rights organization Amnesty International spoke.", "2024-03-01",
             "Human rights organization Amnesty International=NGOHRIAMN dictionary"},
        // ... not one with a title of its own after it, whose affiliation it is.
        Case{"Official Hamas spokesman Abu Salem spoke.", "2024-03-01", "Hamas spokesman Abu Salem=PSEREBHMS agent"},
        // A country's name inside such a name is no country of its own.
        Case{"Peruvian Interior Minister Chile Rojas met reporters.", "2024-03-01",
             "Peruvian Interior Minister Chile Rojas=PERGOV title"},
        // Pronouns agree in gender.
        Case{"Alexander Lukashenko met María Corina Machado. She said he was polite.", "2024-03-01",
             "Alexander Lukashenko=BLRGOV dictionary; María Corina Machado=VENOPP dictionary; "
             "She=VENOPP pronoun(María Corina Machado); he=BLRGOV pronoun(Alexander Lukashenko)"},
        // Descriptions resolve to the office holder on the date.
        Case{"Nicolás Maduro spoke. The Venezuelan president said more.", "2024-08-28",
             "Nicolás Maduro=VENGOV dictionary; The Venezuelan president=VENGOV description(Nicolás Maduro)"},
        Case{"The Russian president spoke.", "2024-08-28", "The Russian president=RUSGOV description(Vladimir Putin)"},
        // Membership of a legislature in apposition makes a legislator of the person.
        Case{"Julio Borges, a member of the National Assembly, spoke. The lawmaker left.", "2019-01-27",
             "Julio Borges=VENOPP dictionary; the National Assembly=VENLEG description(Venezuela (LEG)); "
             "The lawmaker=VENOPP description(Julio Borges)"},
        // A possessive pronoun and a role noun: the possessor's institution.
        // "X-based": where someone is, a place.
        Case{"A London-based analyst disagreed.", "2019-11-20", "London=GBR place"},
        // An ambassador "to" an international body: the body is part of the title.
        Case{"U.S. Ambassador to the European Union Gordon Sondland testified.", "2019-11-20",
             "U.S. Ambassador to the European Union Gordon Sondland=USAGOV title"},
        // A surname after another given name is someone else: "Timothy Morrison" is not Scott Morrison, nor is
        // "Morrison" alone until Scott Morrison is named in full; an honorific or a shared surname keeps it.
        Case{"Timothy Morrison testified on Tuesday. Morrison said the call worried him.", "2019-11-20", ""},
        Case{"Scott Morrison spoke first. Mr Morrison then thanked Jacinda Ardern.", "2019-11-20",
             "Scott Morrison=AUSGOV dictionary; Morrison=AUSGOV dictionary; Jacinda Ardern=NZLGOV dictionary"},
        Case{"Prosecutors looked into Joe and Hunter Biden.", "2019-11-20",
             "Joe=USAELI surname(Joe Biden); Biden=USAELI dictionary"},
        // "the former diplomat" is a person named before who held such a post before the date; a plural
        // ("former officials") is a group.
        Case{"Edmundo González Urrutia spoke in Madrid. The former diplomat thanked Spain.", "2024-09-10",
             "Edmundo González Urrutia=VENOPP dictionary; Madrid=ESP place; "
             "The former diplomat=VENOPP description(Edmundo González Urrutia); Spain=ESPGOV dictionary"},
        Case{"Nicolás Maduro spoke in Caracas. The former officials were not invited.", "2024-09-10",
             "Nicolás Maduro=VENGOV dictionary; Caracas=VEN place; The former officials=VENELI description(Venezuela (ELI))"},
        // "that country" points back at the country named last; after "in", the place.
        Case{"Iván Duque criticized Russia. He will hold talks with that country.", "2022-02-04",
             "Iván Duque=COLGOV dictionary; Russia=RUSGOV dictionary; He=COLGOV pronoun(Iván Duque); "
             "that country=RUSGOV description(Russia (GOV))"},
        Case{"Troops were sent to Cuba. Food is scarce in that country.", "2022-02-04",
             "Cuba=CUBGOV dictionary; that country=CUB place"},
        Case{"Colombian Foreign Minister Rosa Villavicencio said her country would help.", "2025-12-11",
             "Colombian Foreign Minister Rosa Villavicencio=COLGOV dictionary; her country=COLGOV description(Colombia (GOV))"},
        // "the court" after an international court named shortly before is that court, not a court of the
        // country the article is most about; a country's own agency does not take "the police" that way.
        Case{"Chile sued Peru at the International Court of Justice. Peru protested. The court ruled.", "2024-03-01",
             "Chile=CHLGOV dictionary; Peru=PERGOV dictionary; the International Court of Justice=IGOUNOJUDICJ dictionary; "
             "Peru=PERGOV dictionary; The court=IGOUNOJUDICJ description(International Court of Justice)"},
        Case{"Peru protested. Peru appealed. The FBI helped. The police left.", "2024-03-01",
             "Peru=PERGOV dictionary; Peru=PERGOV dictionary; The FBI=USACOP dictionary; "
             "The police=PERCOP description(Peru (COP))"},
        // "former" before a state title: an elite, never the office's holder on the date; not before a
        // title outside the state ("the former editor").
        Case{"Rex Tillerson spoke. The former secretary of state left.", "2018-01-21",
             "Rex Tillerson=USAGOV dictionary; The former secretary of state=USAELI description(United States (ELI))"},
        Case{"Rex Tillerson spoke. The secretary of state left.", "2018-01-21",
             "Rex Tillerson=USAGOV dictionary; The secretary of state=USAGOV description(Rex Tillerson)"},
        Case{"Peru protested. Former interior minister Ana Ruiz Quispe resigned.", "2018-01-21",
             "Peru=PERGOV dictionary; Former interior minister Ana Ruiz Quispe=PERELI title"},
        // A person pronoun looks further back than two sentences when nobody is nearer.
        Case{"Alexander Lukashenko arrived. Crowds waited. Rain fell. The talks began. He smiled.", "2024-03-01",
             "Alexander Lukashenko=BLRGOV dictionary; He=BLRGOV pronoun(Alexander Lukashenko)"}));

// Without a publication date, the month or year the metadata gives decides
// the codes; with neither, the codes current now.
TEST(RecognizerTest, ApproximateDateDecidesCodesWhenThereIsNoDate) {
  struct Row {
    std::optional<Date> date, approximate;
    const char* mentions;
  };
  const Row rows[] = {
      {std::nullopt, Date::ParseMonthOrYear("2019-11"), "Mike Pompeo=USAGOV dictionary"},
      {std::nullopt, Date::ParseMonthOrYear("2017"), "Mike Pompeo=USASPY dictionary"},
      {Date::Parse("2022-01-01"), Date::ParseMonthOrYear("2019-11"), "Mike Pompeo=USAELI dictionary"},
      {std::nullopt, std::nullopt, "Mike Pompeo=USAELI dictionary"},
  };
  for (const Row& row : rows) {
    Document d;
    d.raw = "Mike Pompeo spoke.";
    d.date = row.date;
    d.approximate_date = row.approximate;
    ASSERT_TRUE(text::ProcessText(&d, Resources().text).ok());
    RecognizeActors(&d, Resources().lexicon);
    std::string out;
    for (const Mention& m : d.mentions) out += (out.empty() ? "" : "; ") + m.text + "=" + m.code + " " + m.how;
    EXPECT_EQ(out, row.mentions);
  }
}

// Of two people one name fits, the one holding a dated post at the
// article's date is meant, wherever the dictionary lists them.
TEST(RecognizerTest, NameSharedByTwoPeopleIsTheSittingHoldersAtTheDate) {
  auto dict = ParseActorDictionary(
      "@person Ulysses Older\nalias: President Grant\ncode: PERELI\n\n"
      "@person Ulysses Younger\nalias: President Grant\ncode: PERGOV 2001-01-01..2009-01-01\ncode: PERELI\n",
      "two.actors");
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  LexiconResources lex = LexiconResources::Build(std::move(*dict), Resources().text.abbreviations,
                                                 Resources().text.clean.glue.function_words);
  auto code_on = [&](const char* date) {
    Document d;
    d.raw = "President Grant spoke.";
    d.date = Date::Parse(date);
    EXPECT_TRUE(text::ProcessText(&d, Resources().text).ok());
    RecognizeActors(&d, lex);
    return d.mentions.empty() ? std::string() : d.mentions[0].code + " " + d.actors[d.mentions[0].actor].name;
  };
  EXPECT_EQ(code_on("2005-06-01"), "PERGOV Ulysses Younger");
  EXPECT_EQ(code_on("2015-06-01"), "PERELI Ulysses Older") << "nobody sits: dictionary order";
}

// Cases that need the parse run the whole pipeline; skipped without the
// parser models.
class RecognizerWithParse : public testing::TestWithParam<Case> {};

TEST_P(RecognizerWithParse, MentionsAndCodes) {
  if (!std::filesystem::exists(ModelPath("en_ewt.parser"))) GTEST_SKIP() << "no parser model; skipping";
  static auto* pipeline = new Result<std::unique_ptr<Pipeline>>(Pipeline::Create({}));
  ASSERT_TRUE(pipeline->ok()) << pipeline->status().ToString();
  Document d;
  d.raw = GetParam().text;
  d.date = Date::Parse(GetParam().date);
  ASSERT_TRUE((**pipeline)->Process(&d).ok());
  std::string out;
  for (const Mention& m : d.mentions) out += (out.empty() ? "" : "; ") + m.text + "=" + m.code + " " + m.how;
  EXPECT_EQ(out, GetParam().mentions);
}

INSTANTIATE_TEST_SUITE_P(
    Parsed, RecognizerWithParse,
    testing::Values(
        // Only a subject "it" is resolved, here to an institution in the same sentence.
        Case{"The Colombian Foreign Ministry announced that it was ready for talks. It was late.", "2025-12-11",
             "The Colombian Foreign Ministry=COLGOV dictionary; it=COLGOV pronoun"},
        // ... not to a place, nor when it stands for an extraposed clause ("it was time to ...").
        Case{"The Chilean army attacked rebels in Lima, where it won.", "2024-03-01",
             "The Chilean army=CHLMIL agent; Lima=PER place; it=CHLMIL pronoun"},
        Case{"The Chilean army said it was time to leave.", "2024-03-01", "The Chilean army=CHLMIL agent"},
        Case{"The Chilean army said it was likely that talks would fail.", "2024-03-01", "The Chilean army=CHLMIL agent"},
        // A plural demonym that is a noun of its own names the people (the country without a role); one
        // that modifies a noun names nobody, one with a role word the country's institution.
        Case{"Israel and the Palestinians reached a consensus.", "2000-01-01",
             "Israel=ISRGOV dictionary; the Palestinians=PSE demonym"},
        Case{"Russian weapons arrived and Palestinian leaders met.", "2000-01-01", "Palestinian leaders=PSEGOV agent"},
        // A demonym before what someone authored (the agents' `author:` nouns) names the author.
        Case{"Serbia rejected an Australian ultimatum.", "2000-01-01", "Serbia=SRBGOV dictionary; Australian=AUSGOV author"},
        // "the country" as the subject of what someone says is the
        // speaker's, not the article's main country.
        Case{"Palestinians in Gaza asked Palestinian officials for food. Palestinian envoys met in Gaza. "
             "Israeli Defence Minister Israel Katz said the country would keep the crossings closed.",
             "2025-04-28",
             "Palestinians=PSE demonym; Gaza=PSE place; Palestinian officials=PSEGOV agent; Palestinian envoys=PSEGOV agent; "
             "Gaza=PSE place; Israeli Defence Minister Israel Katz=ISRGOV title; the country=ISRGOV description"},
        // A demonym before a place noun (`place:`) names the country as a place.
        Case{"Russian jets bombed the Syrian city of Aleppo.", "2016-10-01",
             "Russian jets=RUSMIL agent; the Syrian=SYR place"},
        // Armed men neither of the state nor rebels by name are UAF.
        Case{"Somali militiamen and a Kenyan gunman fled.", "2012-05-02",
             "Somali militiamen=SOMUAF agent; Kenyan gunman=KENUAF agent"},
        // An armed act's demonym names the military.
        Case{"Kenya condemned the Russian airstrikes.", "2012-05-02", "Kenya=KENGOV dictionary; the Russian=RUSMIL author"},
        // ... also when the tagger reads the demonym as a proper noun compound.
        Case{"Russia is opposed to the Kenyan plan.", "2012-05-02", "Russia=RUSGOV dictionary; the Kenyan=KENGOV author"},
        // An object pronoun is not its own verb's subject (a reflexive is).
        Case{"Nicolás Maduro flew to Havana. Daniel Ortega praised him.", "2024-08-28",
             "Nicolás Maduro=VENGOV dictionary; Havana=CUBGOV metonym; Daniel Ortega=NICGOV dictionary; him=VENGOV pronoun"},
        Case{"Nicolás Maduro flew to Havana. Daniel Ortega praised himself.", "2024-08-28",
             "Nicolás Maduro=VENGOV dictionary; Havana=CUBGOV metonym; Daniel Ortega=NICGOV dictionary; himself=NICGOV pronoun"},
        // A pronoun in a phrase fronted before the subject refers forward to
        // the subject, not back to the last person named.
        Case{"Daniel Ortega arrived first. In his address, Nicolás Maduro thanked the guests.", "2024-08-28",
             "Daniel Ortega=NICGOV dictionary; his=VENGOV pronoun; Nicolás Maduro=VENGOV dictionary"},
        // A country after "from" is a role word's own when the parse hangs it
        // from the role word, a place when from the verb.
        Case{"Lawmakers from Peru visited Chile.", "2015-01-01", "Lawmakers from Peru=PERLEG agent; Chile=CHLGOV dictionary"},
        Case{"Chile met exiled dissidents from military-ruled Peru.", "2015-01-01",
             "Chile=CHLGOV dictionary; dissidents from military-ruled Peru=PERREB agent"},
        Case{"Chile withdrew troops from Peru.", "2015-01-01", "Chile=CHLGOV dictionary; Peru=PERGOV dictionary"},
        // A weekday after a title is when, not a name.
        Case{"Peruvian lawmakers Tuesday approved the budget.", "2015-01-01", "Peruvian lawmakers=PERLEG agent"},
        // Adjectives may stand between "of (the)" and the country.
        Case{"Chile thanked the president of landlocked Bolivia.", "2015-01-01",
             "Chile=CHLGOV dictionary; the president of landlocked Bolivia=BOLGOV description"},
        // People from an institution belong to it, wherever the parse hangs it.
        Case{"Chile received ministers from the Peruvian government.", "2015-01-01",
             "Chile=CHLGOV dictionary; ministers from the Peruvian government=PERGOV agent"},
        // A role adjective names no person: no one called Brotherhood here.
        Case{"Peru condemned the militant Brotherhood.", "2015-01-01",
             "Peru=PERGOV dictionary; the militant=PERREB description"},
        // A capital inside a word that starts lower case is a name's, mistyped.
        Case{"Peru condemned cHile.", "2015-01-01", "Peru=PERGOV dictionary; cHile=CHLGOV dictionary"},
        // In a title-case headline, the capitalized verb after a title is
        // not a name: no one called "Calls Talks".
        Case{"Chilean Minister Calls Talks With Peru", "2015-01-01", "Chilean Minister=CHLGOV agent; Peru=PERGOV dictionary"}));

}  // namespace
}  // namespace dyad::lexicon
