// Sentence -> events through the whole pipeline (text, syntax, lexicon,
// coding), one construction per row, in the compact form
// "SRC CODE TGT; ...". Skipped when the parser models are absent.
#include "coding/coder.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "dyad/pipeline.h"
#include "dyad/resources.h"
#include "syntax/annotator.h"

namespace dyad::coding {
namespace {

struct Case {
  const char* sentence;
  const char* date;
  const char* events;
};

class CoderTest : public testing::TestWithParam<Case> {};

// Names a row by its index and first words: "17_Juan_Guaid_was_recognized".
std::string RowName(const testing::TestParamInfo<Case>& info) {
  std::string name = std::to_string(info.index);
  int words = 0;
  bool gap = true;
  for (const char* p = info.param.sentence; *p; ++p) {
    bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
    if (alnum && gap) {
      if (words == 5) break;
      name += '_';
      ++words;
    }
    if (alnum) name += *p;
    gap = !alnum;
  }
  return name;
}

// A document's events in the rows' compact form: "SRC CODE TGT; ...".
std::string CompactEvents(const Document& d) {
  std::string out;
  for (const Event& e : d.events)
    out += (out.empty() ? "" : "; ") + e.source + " " + e.cameo + " " + (e.target.empty() ? "-" : e.target);
  return out;
}

// The sentence as a document of the date, through the whole pipeline (one
// pipeline for all tests: loading one takes a while).
Document Processed(const char* sentence, const char* date) {
  static const auto pipeline = std::move(*Pipeline::Create({}));
  Document d;
  d.id = "t";
  d.raw = sentence;
  d.date = Date::Parse(date);
  EXPECT_TRUE(pipeline->Process(&d).ok()) << sentence;
  return d;
}

TEST_P(CoderTest, Codes) {
  if (!std::filesystem::exists(ModelPath(syntax::kParserModelFile))) GTEST_SKIP() << "no parser model; skipping";
  EXPECT_EQ(CompactEvents(Processed(GetParam().sentence, GetParam().date)), GetParam().events) << GetParam().sentence;
}

INSTANTIATE_TEST_SUITE_P(
    Constructions, CoderTest,
    testing::Values(
        // An open complement: the offer is the event, with the complement's target.
        Case{"Nicaraguan President Daniel Ortega offered to send fighters to Nicolás Maduro.", "2024-08-28",
             "NICGOV 0332 VENGOV"},
        // Coordinated subjects: one event each.
        Case{"Russia and Belarus reached out to Nicolás Maduro.", "2025-12-11", "RUSGOV 040 VENGOV; BLRGOV 040 VENGOV"},
        // Modality: an intent, not an act.
        Case{"Colombia could grant asylum to Nicolás Maduro.", "2025-12-11", "COLGOV 0333 VENGOV"},
        // Negation: a rejection (125 reject proposal to meet), not a consultation.
        Case{"Russia does not plan to have any contact with Juan Guaidó.", "2019-01-27", "RUSGOV 125 VENOPP"},
        // Forces that stay on alert: an alert of forces with no addressee.
        Case{"Israeli troops remained on alert.", "2000-01-01", "ISRMIL 152 -"},
        // A plural the lemmatizer reads as another word ("arms" -> "arm") matches its class as written.
        Case{"The United States sent arms to Pakistan.", "2000-01-01", "USAGOV 072 PAKGOV"},
        // The author a demonym names is the addressee of a rejection of what it authored.
        Case{"Serbia flatly rejected an Australian ultimatum.", "2000-01-01", "SRBGOV 120 AUSGOV"},
        Case{"Nicolás Maduro welcomed the Russian proposal.", "2020-01-01", "VENGOV 051 RUSGOV"},
        // A truce agreed by coordinated subjects is among them.
        Case{"Bosnia and Slovenia agreed to a ceasefire after two days of fighting.", "2000-01-01",
             "BIHGOV 0871 SVNGOV"},
        // Military hardware with a demonym is the country's armed forces; a suspension of ties is a break.
        Case{"Israeli warplanes struck Gaza.", "2000-01-01", "ISRMIL 190 PSEGOV"},
        Case{"Italy announced a suspension of air links with Serbia.", "2000-01-01", "ITAGOV 161 SRBGOV"},
        // A noun with its adjective ("military aid"); aid continued is aid given, a promise to continue it
        // the intent.
        Case{"Russia continued military aid to Syria.", "2020-01-01", "RUSGOV 072 SYRGOV"},
        Case{"Russia promised to continue military aid to Syria.", "2020-01-01", "RUSGOV 0332 SYRGOV"},
        // A foreign appeal with no addressee concerns the government of the country the article is about;
        // a news agency asking for comment is reporting, not an appeal.
        Case{"Nicolás Maduro won the vote in Venezuela. Venezuela closed its borders. Chile asked for calm.",
             "2024-08-28", "CHLGOV 020 VENGOV"},
        Case{"Nicolás Maduro won the vote in Venezuela. Venezuela closed its borders. Reuters asked for comment.",
             "2024-08-28", ""},
        // An embedded question is no event.
        Case{"Reporters asked whether Belarus would send troops to Cuba.", "2025-12-11", ""},
        // A statement aimed at an actor named in what was said; calling it a threat criticizes it.
        Case{"Vladimir Putin said Ukraine was a threat.", "2024-08-28", "RUSGOV 111 UKRGOV"},
        Case{"Vladimir Putin said Ukraine was not a threat.", "2024-08-28", "RUSGOV 010 UKRGOV"},
        // An adjective of readiness with an infinitive is a predicate; an
        // intent stated to someone is aimed at the one told.
        Case{"Nicolás Maduro told Donald Trump that he was willing to leave Venezuela.", "2025-12-11",
             "VENGOV 0341 USAGOV"},
        // What one declines to say is no event.
        Case{"Gustavo Petro declined to comment on whether Colombia was willing to deploy soldiers to Ecuador.",
             "2024-08-28", ""},
        // A statement's addressee is its target, before any actor of what was said.
        Case{"Alexander Lukashenko told Nicolás Maduro that the weather in Minsk was cold.", "2025-12-11",
             "BLRGOV 010 VENGOV"},
        Case{"Gustavo Petro told Nicolás Maduro that Ecuador had closed its airspace.", "2024-08-28",
             "COLGOV 010 VENGOV"},
        // A subject that is no actor belongs to the actor modifying it, not to
        // one that owns it.
        Case{"A Kremlin aide criticized Colombia.", "2022-01-21", "RUSGOV 111 COLGOV"},
        Case{"Beijing's strategy of ending the protests by force has failed.", "2022-01-21", ""},
        // "it is essential that ...": an appeal for what follows, to its
        // actors, else to no one.
        Case{"Lula said it was essential that Venezuela publish the voting records.", "2024-07-30",
             "BRAGOV 020 VENGOV"},
        Case{"Lula said it was essential that the voting records are published.", "2024-07-30", "BRAGOV 020 -"},
        // The same when the parse hangs the speech verb on the quotation's head.
        Case{"\u201cIt is essential that the border stays open and that trade resumes soon,\u201d Petro said.", "2024-07-30",
             "COLGOV 020 -"},
        // A conjunct with no subject of its own takes the source of the
        // nearest earlier conjunct that had one.
        Case{"Daniel Ortega also offered to dispatch \u201cvolunteer brigades\u201d to Maduro in case a \u201crevolt\u201d "
             "takes place in Caracas and warned that such a revolt could be prepared from Honduras.",
             "2024-08-28", "NICGOV 0332 VENGOV; NICGOV 012 HNDGOV"},
        // "must know that ...": telling someone something, not a demand.
        Case{"Julio Borges said that Russia must understand that the doors of Venezuela are open.", "2019-01-27",
             "VENOPP 010 RUSGOV"},
        // A negated predicate does not reach into its subject.
        Case{"Beijing said that its view of Nicolás Maduro as the legitimate president of Venezuela had not changed.",
             "2024-08-28", "CHNGOV 051 VENGOV"},
        Case{"Beijing said that Nicolás Maduro was not the legitimate president of Venezuela.", "2024-08-28",
             "CHNGOV 111 VENGOV"},
        // A copular noun takes only its own patterns: being of help is aid, with a modal an intent.
        Case{"Brazil could be of great help to Venezuela.", "2024-08-28", "BRAGOV 033 VENGOV"},
        // A question: no event.
        Case{"Did Russia send troops to Cuba?", "2024-08-28", ""},
        // Passive: the agent is the source.
        Case{"Juan Guaidó was recognized by the United States.", "2019-01-27", "USAGOV 054 VENOPP"},
        // Codes at the date: Molano, defense minister in 2022 (GOV, as the gold codes ministers).
        Case{"Colombian Defense Minister Diego Molano accused Russia of meddling.", "2022-02-04", "COLGOV 1123 RUSGOV"},
        Case{"China congratulated Nicolás Maduro on his victory.", "2024-07-30", "CHNGOV 051 VENGOV"},
        // A target inside the object's phrase; a source in apposition.
        Case{"Russia's neighbor Belarus condemned the sanctions imposed by the European Union.", "2024-08-28",
             "BLRGOV 111 IGOEUREEC"},
        // Members of an example list are sources of their own.
        Case{"Several governments, including Argentina and Brazil, have criticized Venezuela.", "2024-08-28",
             "ARGGOV 111 VENGOV; BRAGOV 111 VENGOV"},
        Case{"Some countries, like Argentina and Brazil, criticized the Venezuelan government.", "2024-08-28",
             "ARGGOV 111 VENGOV; BRAGOV 111 VENGOV"},
        // A noun predicate with its "with" phrase, even when the parser hangs
        // the preposition on a first name.
        Case{"Alexander Lukashenko held a meeting in Minsk with Nicolás Maduro.", "2025-12-11", "BLRGOV 040 VENGOV"},
        // A conjoined verb shares the source; a modal attack is a threat.
        Case{"Daniel Ortega offered to send fighters to Nicolás Maduro and warned that Colombia could attack Venezuela.",
             "2024-08-28", "NICGOV 0332 VENGOV; NICGOV 130 COLGOV; COLGOV 1384 VENGOV"},
        // An undertaking's owner acts: "police attempt", "Peru's bid".
        Case{"Riots broke out in Bolivia on Monday. In some towns police attempt to disperse the protesters.",
             "2024-07-30", "BOLCOP 175 BOLOPP"},
        Case{"Peru's bid to mediate between Ecuador and Colombia failed.", "2024-07-30",
             "PERGOV 045 ECUGOV; PERGOV 045 COLGOV"},
        // A relative clause that calls its noun a sham: a criticism of the vote's government.
        Case{"Evo Morales lost a referendum that Peru called a sham.", "2016-02-25", "PERGOV 111 BOLGOV"},
        // An attack's owner carries it out, as subject or as circumstance.
        Case{"An ELN attack killed two Colombian soldiers.", "2022-01-10", "COLREB 190 COLMIL"},
        Case{"Two Colombian soldiers were killed in an ELN attack.", "2022-01-10", "COLREB 190 COLMIL"},
        // Typed statements: a plain statement takes the type of what it says.
        // An act of force with no coded target, charged by another state: an accusation.
        Case{"Ecuador's foreign minister said that Peruvian troops had been mobilized toward the border.",
             "2022-02-04", "ECUGOV 112 PERMIL"},
        Case{"The Brazilian government said that Venezuelan soldiers attacked a border post.", "2022-02-04",
             "BRAGOV 112 VENMIL"},
        // A charge word, about its clause's subject.
        Case{"Ecuador said that Peru was interfering in its internal affairs.", "2022-02-04", "ECUGOV 112 PERGOV"},
        // ... but not when disowned: a denial or a negated clause.
        Case{"Russia said it had never interfered in the American election.", "2022-02-04", ""},
        // Disparaging words: a criticism of whom they are about; a vote is its country's government's.
        Case{"Argentina said the vote in Venezuela was a farce.", "2024-08-01", "ARGGOV 111 VENGOV"},
        // Praise: an endorsement; negated, a criticism.
        Case{"Daniel Ortega said there is no way back because Nicolás Maduro is the legitimate president.",
             "2024-08-28", "NICGOV 051 VENGOV"},
        Case{"The US government said that Nicolás Maduro isn’t the legitimate president.", "2024-08-28",
             "USAGOV 111 VENGOV"},
        // A qualifier is about the actor its noun names, or whose the noun is.
        Case{"Peru said that the illegitimate government of Nicolás Maduro was a danger.", "2019-04-01",
             "PERGOV 111 VENGOV"},
        // An idiom of threat: whose days are numbered.
        Case{"Donald Trump said that Maduro's days are numbered.", "2025-12-11", "USAGOV 130 VENGOV"},
        // A word that is about nobody named leaves the plain statement.
        Case{"Gustavo Petro said the strategic situation in the region was calm for Venezuela.", "2024-08-28",
             "COLGOV 010 VENGOV"},
        // A target from what was said.
        Case{"Dmitry Peskov warned that the United States was interfering in Venezuela.", "2024-08-28",
             "RUSGOV 130 USAGOV"},
        Case{"The United States imposed sanctions on Venezuela.", "2019-03-01", "USAGOV 163 VENGOV"},
        // A circumstance noun: the phone call is the event, aimed at whom the
        // verb addresses; the bare statement adds nothing.
        Case{"Gustavo Petro told Nicolás Maduro in a phone call that the border would reopen.", "2024-08-28",
             "COLGOV 041 VENGOV"},
        // A meeting among coordinated subjects, with no target of its own.
        Case{"Gustavo Petro and Lula da Silva held talks on Monday.", "2024-08-28", "COLGOV 040 BRAGOV"},
        // A warning about a state of affairs (no actor as the subject of what is warned of) is a pessimistic
        // comment, about another actor's act the default threat.
        Case{"The United Nations warned that civilians in Gaza were at risk of famine.", "2024-08-28", "IGOUNO 012 PSE"},
        Case{"Colombia warned that Russia would interfere in the region.", "2024-08-28", "COLGOV 130 RUSGOV"},
        // A warning that names nobody is still a threat.
        Case{"Vladimir Putin warned that any provocation would meet a firm response.", "2024-08-28", "RUSGOV 130 -"},
        // A response promised to whoever attacks is the speaker's threat, whatever the verb of saying; the
        // one the aggression would be aimed at is not its agent.
        Case{"Putin said that any aggression against Belarus would meet a firm response.", "2024-08-28",
             "RUSGOV 130 -"},
        Case{"Díaz-Canel said that anyone who attacks Cuba will face consequences.", "2024-08-28", "CUBGOV 130 -"},
        // The statement's target comes from what was said, not from where it was said.
        Case{"In an interview with the BBC, Gustavo Petro said that Venezuela will hold free elections.",
             "2024-08-28", "COLGOV 010 VENGOV"},
        // What someone else must or should do is a demand or an appeal to them ...
        Case{"In an interview with the BBC, Gustavo Petro said that Venezuela must hold free elections.",
             "2024-08-28", "COLGOV 100 VENGOV"},
        Case{"The Kremlin sent a message to the Venezuelan opposition, saying it has to accept the result.",
             "2024-08-28", "RUSGOV 020 VENOPP"},
        // What is asked for gives the request its subcode (CAMEO's 02x, 03x and 10x run in parallel):
        // talks asked of two sides is an appeal (026) or, with "must", a demand (106) to meet, aimed at each;
        // an obligation in a relative clause on the quoted noun is said of its subjects.
        Case{"Gustavo Petro said that Washington and Caracas need to negotiate.", "2025-12-11",
             "COLGOV 026 USAGOV; COLGOV 026 VENGOV"},
        Case{"“But (it) is a choice that Washington and Caracas must make in talks,” emphasized the Colombian "
             "president.",
             "2025-12-11", "COLGOV 106 USAGOV; COLGOV 106 VENGOV"},
        Case{"Sergei Lavrov said Washington should stop its interference in Venezuela.", "2024-08-28",
             "RUSGOV 020 USAGOV"},
        // An obligation is no act of its subject: the quotation's speaker demands it (the crackdown on
        // protesters, the article country's, is coded too) ...
        Case{"Iranian authorities launched a deadly crackdown on protesters. “The authorities must halt this violent "
             "crackdown at once and show respect for peaceful protesters,” said Diana Eltahawy of Amnesty International.",
             "2019-11-20", "IRNGOV 175 IRNOPP; NGOHRIAMN 100 IRNGOV"},
        Case{"“Washington should lift the sanctions,” Nicolás Maduro said.", "2019-11-20", "VENGOV 0254 USAGOV"},
        // ... and with nobody named to state it, there is no event.
        Case{"The opposition must accept the result.", "2019-11-20", ""},
        // ... but what one's own side must do is its own intent.
        Case{"Nicolás Maduro said Venezuela must strengthen its ties with Russia.", "2024-08-28", "VENGOV 032 RUSGOV"},
        // An example list one modifier down, with a nested "like" list, as agents of a passive.
        Case{"Juan Guaidó's claim was backed by governments in the hemisphere, such as the United States and its allies like "
             "Colombia and Brazil.",
             "2019-01-27", "USAGOV 051 VENOPP; COLGOV 051 VENOPP; BRAGOV 051 VENOPP"},
        // An appeal or a complaint about a place is addressed to its government.
        Case{"Brazil called for free elections in Caracas.", "2024-08-28", "BRAGOV 0244 VENGOV"},
        Case{"The European Union condemned the repression in Venezuela.", "2024-08-28", "IGOEUREEC 111 VENGOV"},
        // Other events keep the place as a place.
        Case{"Russia sent warships to ports in Venezuela.", "2024-08-28", "RUSGOV 154 VEN"},
        // Not ruling something out leaves it open: an intent or a threat, not a rejection.
        Case{"Colombia would not rule out granting asylum to Nicolás Maduro.", "2025-12-11", "COLGOV 0333 VENGOV"},
        Case{"Donald Trump did not rule out military action against Venezuela.", "2019-01-27", "USAGOV 138 VENGOV"},
        // "a London-based professor": a place where someone is based is neither an actor nor a target.
        Case{"Vladimir Putin met a London-based professor last year.", "2019-11-20", ""},
        // What another could do for cooperation, said by someone, is asked of it: an appeal with the act's
        // subcode (023 for aid); one's own side's "could" stays an intent.
        Case{"“China could be of real help to Colombia,” Gustavo Petro said.", "2024-08-28", "COLGOV 023 CHNGOV"},
        Case{"Vladimir Putin said Russia could help Venezuela.", "2024-08-28", "RUSGOV 033 VENGOV"},
        // Hope is an appeal only to someone; the object a frame names ("lift the sanctions") is no noun event
        // of its own.
        Case{"Putin said he hoped that Washington would lift the sanctions.", "2019-11-20", "RUSGOV 020 USAGOV"},
        Case{"The tariffs have not brought the breakthrough Trump hoped for.", "2019-11-20", ""},
        // A place among the partners of a meeting is where it was; a modal with the perfect is what might
        // have been.
        Case{"Diplomats set a summit between Mr. Putin and his Cuban counterpart, Miguel Díaz-Canel, in Mexico.",
             "2019-11-20", "RUSGOV 040 CUBGOV"},
        Case{"Diplomats failed to set a summit between Mr. Putin and his Cuban counterpart, Miguel Díaz-Canel, in Mexico.",
             "2019-11-20", ""},
        Case{"Mexico accepted limits it might not otherwise have agreed to.", "2019-11-20", ""},
        // What a charge alleges is its content, not an event of its own.
        Case{"China accused the United States of seeking to sanction Venezuela.", "2024-07-30", "CHNGOV 112 USAGOV"},
        // A show of force stands on its own side's ground ("their border regions") and is aimed at what it
        // answers ("as a result of clashes between ...").
        Case{"Colombia and Venezuela keep soldiers in their border regions as a result of clashes between the ELN and "
             "other armed groups.",
             "2022-02-04", "COLGOV 154 COLREB; VENGOV 154 COLREB"},
        // An allegation is aimed at the first other actor of what is alleged.
        Case{"The Democrats allege that Trump's phone call with the Ukrainian leader was improper.", "2019-11-20",
             "USAOPPPTY 112 USAGOV"},
        // "X, when asked ...": the bare participle is passive; X was asked, X asked nobody.
        Case{"Dmitry Peskov, when asked whether Vladimir Putin would meet Donald Trump, declined to comment.",
             "2019-11-20", ""},
        // "X-led": the leader acts. A modal with the perfect speculates about the past: no intent.
        Case{"Many gunmen took part in the Hamas-led raid on Israel.", "2023-10-08", "PSEREBHMS 190 ISRGOV"},
        Case{"The refugees said that Bashar al-Assad would have killed them.", "2017-08-31", ""},
        Case{"Bashar al-Assad said he would kill the rebels.", "2017-08-31", "SYRGOV 1384 SYRREB"},
        // A verb the lemmatizer never saw gets a stem guess ("underlined" -> "underlin"): its patterns are
        // those of the spelling rule's stem that has some ("underline").
        Case{"Gustavo Petro underlined that relations with Venezuela were excellent.", "2024-08-28",
             "COLGOV 010 VENGOV"},
        // An act announced for the future is an intent where the act has an intent form; an announced
        // appeal is the appeal; an announced consultation with no partner is none.
        Case{"Nicolás Maduro will meet Vladimir Putin in Moscow.", "2024-08-28", "VENGOV 036 RUSGOV"},
        Case{"The Palestinian Authority will ask the International Criminal Court to open an investigation.",
             "2024-08-28", "PSEGOV 020 IGOJUDICC"},
        Case{"Shigeru Ishiba said he will discuss the issue within his party.", "2024-08-28", ""},
        // A gerund after "for" is its verb's open complement; "that country" is the country named last.
        Case{"Gustavo Petro argued on Monday for keeping diplomatic ties with China.", "2024-08-28",
             "COLGOV 032 CHNGOV"},
        Case{"Gustavo Petro criticized Russia. Petro said he would call the president of that country.",
             "2024-08-28", "COLGOV 111 RUSGOV; COLGOV 036 RUSGOV"},
        // A hyphenated -ing modifier read as a verb taking the noun it modifies as its object: the noun is
        // the subject all the same.
        Case{"Two high-ranking Chinese officials have warned that they could send warships to the region.",
             "2022-02-04", "CHNGOV 138 -"},
        // Two sentences run together, the speaker's own minister read as the recipient possessed by the
        // real one: a target that is the source itself gives way to its possessor.
        Case{"Brazil's foreign ministry said it would not rule out offering asylum to Maduro Brazil’s foreign "
             "minister told reporters on Monday that talks had begun.",
             "2025-12-11", "BRAGOV 0333 VENGOV"},
        Case{"Russia ruled out talks with Juan Guaidó.", "2019-01-27", "RUSGOV 125 VENOPP"},
        Case{"This year Alexander Lukashenko entered into negotiations with the Trump administration.", "2025-12-11",
             "BLRGOV 046 USAGOV"},
        // A consultation with nobody named beyond the subjects: among them.
        Case{"Nicolás Maduro and Vladimir Putin held a telephone call on Monday.", "2022-02-04", "VENGOV 041 RUSGOV"},
        // A parse that hung the first subject on the phrase before it: the
        // coordination is read by surface.
        Case{"Amid the tensions over the border, Daniel Ortega and Russian President Vladimir Putin announced a "
             "telephone call.",
             "2022-02-04", "NICGOV 041 RUSGOV"},
        Case{"Amid the tensions over the border, Daniel Ortega and Cuban leader Miguel Díaz-Canel disclosed a telephone "
             "call.",
             "2022-02-04", "NICGOV 041 CUBGOV"},
        // An eventive noun between two partners, with no actor subject.
        Case{"The border incident caused a bitter disagreement between Russia and Colombia.", "2022-02-04",
             "RUSGOV 110 COLGOV"},
        // An example list the parse hung on the verb, read by surface after the agent's phrase.
        Case{"Juan Guaidó was backed by nations in the area, such as Canada and its allies like Peru and Chile.",
             "2019-01-27", "CANGOV 051 VENOPP; PERGOV 051 VENOPP; CHLGOV 051 VENOPP"},
        // "accused X of ..." parsed with X as the subject of the "of" clause; the
        // place inside what X is accused of is not a target.
        Case{"Russian state television too has often accused the US of seeking to stir up a coup in Caracas.",
             "2024-07-30", "RUSGOVMED 112 USAGOV"},
        // Modifiers between a demonym and its role word; a verb ends the phrase.
        Case{"Palestinian chief negotiator Saeb Erekat condemned the decision of the United States.", "2019-11-19",
             "PSEGOV 111 USAGOV"},
        Case{"Colombia and Venezuela maintain military troops near the border.", "2022-02-04", ""},
        // A warning about one's own state's forces names no addressee.
        Case{"Recep Tayyip Erdogan warned that Turkish troops would cross the border.", "2018-01-20", "TURGOV 130 -"},
        // A that-clause of the warner's own act is the threat's content, as an
        // open complement would be: one threat, typed by the act.
        Case{"The Kremlin warned that Russia could send warships to Cuba and Nicaragua.", "2022-01-15", "RUSGOV 138 -"},
        Case{"North Korea warned that it would attack South Korea.", "2024-08-28", "PRKGOV 138 KORGOV"},
        Case{"The United States threatened that it would impose new sanctions on Venezuela.", "2019-03-01",
             "USAGOV 1312 VENGOV"},
        // Someone else's act stays an event of its own.
        Case{"Colombia warned that Russia could send troops to Venezuela.", "2019-03-01",
             "COLGOV 130 RUSGOV; RUSGOV 0312 VENGOV"},
        // An unknown verb form lemmatized to a known lemma ("blamed": blame).
        Case{"Donald Trump blamed the Syrian government for the attack.", "2018-04-14", "USAGOV 112 SYRGOV"},
        // A passive speech verb beside a clause reports it; the clause's subject is not its source.
        Case{"Colombian police arrested the suspect. When officers arrived they found him with a weapon, the court was "
             "told.",
             "2024-08-05", ""},
        // A denial answers whoever last accused the denier.
        Case{"Colombia accused Venezuela of protecting the rebels. The Venezuelan government categorically denies it.",
             "2022-02-04", "COLGOV 112 VENGOV; VENGOV 016 COLGOV"},
        // A list given in the next sentence ("Among them, ...").
        Case{"Nicolás Maduro continues to be considered legitimate by a handful of governments. Among them, Cuba, "
             "Bolivia and Iran.",
             "2019-01-27", "CUBGOV 051 VENGOV; BOLGOV 051 VENGOV; IRNGOV 051 VENGOV"},
        // The actor of a participle in the object ("US-led efforts").
        Case{"Moscow has long denounced US-led regime change efforts in Latin America.", "2024-08-28",
             "RUSGOV 111 USAGOV"},
        // "A, like B before it": B took the same part.
        Case{"Ecuador, like Colombia and Peru before it, recognized Juan Guaidó as interim president.", "2019-01-27",
             "ECUGOV 054 VENOPP; COLGOV 054 VENOPP; PERGOV 054 VENOPP"},
        // A circumstance noun under the object: the visit codes even when the signing has no target.
        Case{"Lula da Silva signed the deal during a visit to Argentina.", "2024-08-28", "BRAGOV 042 ARGGOV"},
        // "is welcome in" with no host named: an open invitation, the reporter's.
        Case{"Gustavo Petro said that Nicolás Maduro was always welcome in Colombia.", "2024-08-28",
             "COLGOV 036 VENGOV"},
        // A particle read as an adverb, and a preposition's phrase the parse lost.
        Case{"Cuba and its close ally Nicaragua reached out to embattled Syrian leader Bashar al-Assad on Monday.",
             "2020-03-02", "CUBGOV 040 SYRGOV; NICGOV 040 SYRGOV"},
        // Control through an adjective: "remains available to mediate".
        Case{"Mexico remains available to mediate between the Venezuelan government and the Venezuelan opposition.",
             "2019-01-27", "MEXGOV 039 VENGOV; MEXGOV 039 VENOPP"},
        // Mediating a dispute in a country: the country is the target.
        Case{"Mexico mediated the crisis in Venezuela.", "2019-01-27", "MEXGOV 045 VEN"},
        Case{"Norway is ready to mediate the dialogue within Venezuela.", "2019-01-27", "NORGOV 039 VEN"},
        // A vote is its country's government's: the country beside the noun,
        // else the one the article is about.
        Case{"Peru and Chile questioned Bolivia's election.", "2020-01-10", "PERGOV 111 BOLGOV; CHLGOV 111 BOLGOV"},
        Case{"Nicaragua held a vote on Sunday. Costa Rica disputed the outcome.", "2021-11-10",
             "CRIGOV 111 NICGOV"},
        Case{"Bolivia counted the ballots. The results were warmly welcomed by Cuba and Iran.", "2020-10-20",
             "CUBGOV 051 BOLGOV; IRNGOV 051 BOLGOV"},
        // A foreign appeal with no addressee concerns the government of the
        // country the article is about; not when the appeal is domestic, nor
        // when no country dominates the article.
        Case{"Bolivia closed its border. The Bolivian army patrolled the area. Chile urged an end to the violence.",
             "2020-01-10", "CHLGOV 020 BOLGOV"},
        Case{"Bolivia closed its border. The Bolivian army patrolled the area. The Bolivian opposition urged an end "
             "to the violence.",
             "2020-01-10", ""},
        Case{"China warned Japan. Japan answered China. Chile urged an end to the violence.", "2020-01-10",
             "CHNGOV 130 JPNGOV"},
        // The condition of a promise is no event; the promise is an intent.
        Case{"Belarus would give shelter to Nicolás Maduro if he resigned.", "2025-12-11", "BLRGOV 0333 VENGOV"},
        // A participle with an agent is passive, as a clause or as a noun's modifier.
        Case{"Two Colombian soldiers killed by ELN rebels were buried on Monday.", "2025-12-11", "COLREB 190 COLMIL"},
        Case{"The sanctions imposed by the United States on Venezuela hurt its economy.", "2025-12-11",
             "USAGOV 163 VENGOV"},
        // Threats: the party threatened "against", and every conjunct of a
        // complement's oblique.
        Case{"President Bush threatened further action against Iraq.", "2003-01-01", "USAGOV 130 IRQGOV"},
        Case{"Pakistan threatened to cut diplomatic ties with Congo and Costa Rica.", "2003-01-01",
             "PAKGOV 1313 COGGOV; PAKGOV 1313 CRIGOV"},
        // An intent verb with its bare frame takes the intent form of its
        // complement's act, aimed at the complement's target: a vow to attack
        // is a threat (not an intent to cooperate, nor an attack); a vow to
        // meet an intent to meet. A complement with no intent form
        // (investigate: 09) leaves the vow as it was: no target, no event.
        Case{"Turkey vowed to attack Syria.", "2018-01-20", "TURGOV 1384 SYRGOV"},
        Case{"China pledged to punish Taiwan.", "2025-12-11", "CHNGOV 137 TWNGOV"},
        Case{"Lukashenko vowed to meet Nicolás Maduro in Caracas.", "2025-12-11", "BLRGOV 036 VENGOV"},
        Case{"Colombia promised to investigate the killing of Venezuelan migrants.", "2025-12-11", ""},
        // What a denial denies, and what a claim or fear supposes, did not
        // happen as far as the sentence says: only the denial is coded (016,
        // aimed at the other party named). What is reported stays coded.
        Case{"Moscow denied that Russian troops had attacked Ukraine.", "2024-08-28", "RUSGOV 016 UKRGOV"},
        Case{"Chile denied that it had sent troops to attack Bolivia.", "2024-08-28", "CHLGOV 016 BOLGOV"},
        Case{"Moscow denied allegations that Russia had attacked Ukraine.", "2024-08-28", ""},
        Case{"The Kremlin dismissed reports that Russia had sent troops to Venezuela.", "2024-08-28", ""},
        Case{"Peru rejected claims that its troops had crossed into Chile.", "2024-08-28", ""},
        Case{"There are fears that Russia will invade Ukraine.", "2024-08-28", ""},
        Case{"Peru said that Chilean troops had attacked Bolivia.", "2024-08-28", "CHLMIL 190 BOLGOV"},
        // What an appeal asks for has not happened, also when a light verb's
        // noun carries it ("to hold talks": asked, not held).
        Case{"Putin urged Iran to hold talks with Turkey.", "2024-08-28", "RUSGOV 026 IRNGOV"},
        Case{"Putin urged Iran and Turkey to start a discussion on Syria.", "2024-08-28",
             "RUSGOV 026 IRNGOV; RUSGOV 026 TURGOV"},
        // An indirect object the parse read as a second object is the target.
        Case{"Maduro offered Putin his diplomatic ability to strengthen cooperation on energy.", "2024-08-28",
             "VENGOV 030 RUSGOV"},
        // "provide X with Y": the recipient as the object, the aid after "with";
        // announced for the future, an intent.
        Case{"The United States provided Ukraine with weapons.", "2019-11-20", "USAGOV 072 UKRGOV"},
        Case{"Russia provided Cuba with oil.", "2019-11-20", "RUSGOV 071 CUBGOV"},
        Case{"The United States will provide Ukraine with weapons.", "2019-11-20", "USAGOV 0332 UKRGOV"},
        // Calling someone something is no phone call.
        Case{"Maduro, whom Ortega calls a true friend, visited Managua.", "2024-08-28",
             "NICGOV 051 VENGOV; VENGOV 042 NICGOV"},
        Case{"Maduro, whom Ortega calls a fantastic guy, visited Managua.", "2024-08-28", "VENGOV 042 NICGOV"},
        Case{"Putin called Maduro on Monday.", "2024-08-28", "RUSGOV 041 VENGOV"},
        // A null pattern (---) for a compound noun: a travel alert is advice to
        // travellers, not an alert of forces; a plain warning stays a threat.
        Case{"Canada issued a travel alert for Haiti.", "2024-08-28", ""},
        Case{"Japan issued a tsunami warning for Okinawa.", "2024-08-28", ""},
        Case{"China issued a warning to Japan.", "2024-08-28", "CHNGOV 130 JPNGOV"},
        // What an appeal asks for has not happened; the one asked is its target
        // also when the parse reads it as an indirect object.
        // Force done to others that a reporter tells of, with no agent named, is not the reporter's.
        Case{"Peru said Chilean soldiers were killed.", "2015-01-01", "PERGOV 010 CHLMIL"},
        // A reported clause with no agent of its own is all the reporters'.
        Case{"Peru and Chile said troops had been sent to Bolivia.", "2024-08-28", "PERGOV 062 BOLGOV; CHLGOV 062 BOLGOV"},
        // A gerund of means after "by" is the subject's act.
        Case{"Peru responded by attacking Chile.", "2024-08-28", "PERGOV 190 CHLGOV"},
        // A phrase in a frame ("tear gas") is read with the modifiers before the head.
        Case{"Peruvian police fired tear gas at protesters.", "2020-01-01", "PERCOP 175 PEROPP"},
        Case{"Peru urged Chile to withdraw its troops from the border.", "2012-01-10", "PERGOV 0256 CHLGOV"},
        Case{"Russia asked Cuba to send doctors to Venezuela.", "2012-01-10", "RUSGOV 021 CUBGOV"},
        // A plain appeal takes its subcode from the act asked for, also one the parse read as a purpose.
        Case{"Peru called on Chile to lift sanctions on Bolivia.", "2015-01-01", "PERGOV 0254 CHLGOV"},
        // Nor has what pressure presses for, also when the parse reads it as a purpose;
        // the demand takes the subcode of the act (103: aid).
        Case{"Peru pressured Chile to help Bolivia.", "2015-01-01", "PERGOV 103 CHLGOV"},
        Case{"Chile was pressured by Peru to help Bolivia.", "2015-01-01", "PERGOV 103 CHLGOV"},
        // What an act is for has not happened, whether the act codes or not.
        Case{"Peru would not give permission to Chile to help Bolivia.", "2015-01-01", ""},
        // A purpose infinitive is controlled by its verb's subject; of the same root
        // among the same actors it is that act, else an event of its own.
        Case{"Peru visited Chile to meet its president.", "2015-01-01", "PERGOV 042 CHLGOV"},
        Case{"Peru travelled to Chile to meet Bolivia.", "2015-01-01", "PERGOV 042 CHLGOV; PERGOV 040 BOLGOV"},
        // A consultation needs a partner.
        Case{"Vladimir Putin was more cautious when discussing Ukraine.", "2019-11-10", ""},
        // A statement inside a relative clause is an aside, no event of its own.
        Case{"Evo Morales condemned Chile over the raid on the village which he said Chilean troops had attacked.",
             "2010-01-10", "BOLGOV 111 CHLGOV"},
        // A place right before the verb is where, not who.
        Case{"Many volunteers in Colombia helped the Venezuelan government.", "2024-08-28", ""},
        // Several subjects cooperate among themselves when no one else is
        // named; drills agreed on are an intent, not yet held.
        Case{"Jordan and Britain agreed to hold joint naval drills.", "2000-01-01", "JORGOV 0312 GBRGOV"},
        Case{"Jordan and Britain held joint naval drills.", "2000-01-01", "JORGOV 062 GBRGOV"},
        // A name before the object noun, or its "from" phrase, is whose it is.
        Case{"Cuba rejected a U.S. request to extradite the suspects.", "2000-01-01", "CUBGOV 120 USAGOV"},
        Case{"Pakistan rejected an offer from Afghanistan.", "2000-01-01", "PAKGOV 120 AFGGOV"},
        // What was demanded, in a "that" clause; also when the parse reads it
        // as adverbial (the committed models do for the second row).
        Case{"Peruvian officials demanded Friday that the United States lift its tariffs.", "2000-01-01",
             "PERGOV 100 USAGOV"},
        Case{"Cuban officials demanded Friday that the United States match the offer of the European Union.",
             "2000-01-01", "CUBGOV 100 USAGOV"},
        // An object relative pronoun stands for the noun its clause modifies.
        Case{"Analysts noted the partnership that Chile has been deepening with Japan.", "2025-12-11",
             "CHLGOV 050 JPNGOV"},
        Case{"Nicolás Maduro won an election which the European Union called fraudulent.", "2025-12-11",
             "IGOEUREEC 111 VENGOV"},
        // A plural group's examples act for it; a single body acts with them.
        Case{"Several Latin American governments, including Peru and Chile, criticized Nicolás Maduro.",
             "2020-01-10", "PERGOV 111 VENGOV; CHLGOV 111 VENGOV"},
        Case{"The European Union, including France, criticized Nicolás Maduro.", "2020-01-10",
             "IGOEUREEC 111 VENGOV; FRAGOV 111 VENGOV"},
        // A stative participle with "be" and no agent describes its subject,
        // who acts; with an agent it is a passive as any other.
        Case{"Kenya said that Somalia was committed to a peace settlement.", "2012-05-02", "SOMGOV 037 -"},
        Case{"Iran is engaged in talks with Kenya.", "2012-05-02", "IRNGOV 040 KENGOV"},
        Case{"Russia is opposed to the Kenyan plan.", "2012-05-02", "RUSGOV 110 KENGOV"},
        Case{"Kenya was opposed by Somalia.", "2012-05-02", "SOMGOV 110 KENGOV"},
        // A date is when, not what a preposition of the frame asks for: "on
        // Wednesday" is no "insist on" (a demand).
        Case{"Kenya insisted on Wednesday that Somalia was committed to a peace settlement.", "2012-05-02",
             "SOMGOV 037 -"},
        Case{"Kenya insisted on a ceasefire.", "2012-05-02", "KENGOV 1042 -"},
        // What failed, could not be done or was called off did not happen;
        // a pattern of the @unrealizing word itself still codes.
        Case{"Kenya and Somalia failed to reach an agreement.", "2012-05-02", ""},
        Case{"Kenya was unable to meet Somalia.", "2012-05-02", ""},
        Case{"Kenya postponed the talks with Somalia.", "2012-05-02", ""},
        Case{"Kenya canceled a meeting with Somalia.", "2012-05-02", "KENGOV 164 SOMGOV"},
        Case{"Kenya canceled Somalia's debt.", "2012-05-02", "KENGOV 071 SOMGOV"},
        // Wanting, hoping, planning or seeking to act is the intent of the
        // act (intent.tsv), not the act; an act with no intent form gives no
        // event; a light verb's noun is the act ("plans to have contact").
        Case{"Kenya wants to meet Somalia.", "2012-05-02", "KENGOV 036 SOMGOV"},
        Case{"Kenya hopes to visit Somalia.", "2012-05-02", "KENGOV 036 SOMGOV"},
        Case{"Kenya wants to criticize Somalia.", "2012-05-02", ""},
        Case{"Kenya does not plan to have any contact with Somalia.", "2012-05-02", "KENGOV 125 SOMGOV"},
        // An event noun under a verb of reaction is someone else's act; a
        // demonym before an armed act names the military, condemned.
        Case{"Kenya condemned the riots in Nairobi.", "2012-05-02", ""},
        Case{"Kenyan police stopped the riots.", "2012-05-02", ""},
        Case{"Kenyan students staged riots in Nairobi.", "2012-05-02", "KENEDU 145 -"},
        Case{"Kenya condemned the Russian airstrikes.", "2012-05-02", "KENGOV 111 RUSMIL"},
        // A place a demonym names is the target's country.
        Case{"Russian jets bombed the Syrian city of Aleppo.", "2016-10-01", "RUSMIL 195 SYR"},
        Case{"Kenyan troops withdrew from the Somali town of Kismayo.", "2012-05-02", "KENMIL 0874 SOM"},
        // A refusal to meet someone targets them; a rejected call's author
        // may stand in a "by" phrase the parse hangs on the verb.
        Case{"The Kenyan president refused to meet the Somali president.", "2012-05-02", "KENGOV 125 SOMGOV"},
        Case{"Kenya rejected calls by the Somali president to adopt reforms.", "2012-05-02", "KENGOV 120 SOMGOV"},
        // A complementizer the parse made the object is no target ("warned
        // that": not the speaker's own troops inside the clause).
        Case{"The Kenyan president warned that Kenyan troops and their Somali allies intended to advance toward Kismayo.",
             "2012-05-02", "KENGOV 130 -"},
        // Inside a quotation "they" is not the speaker's own side (who is "we").
        Case{"The Palestinians met in Gaza. \"They put pressure on us,\" Mahmoud Abbas said.", "2019-11-20", ""},
        // A demanded meeting of a body targets the body.
        Case{"Kenya demanded a meeting of the UN Security Council.", "2012-05-02", "KENGOV 106 IGOUNO"},
        // A surrender to no one named is still one.
        Case{"Five hundred Ugandan rebels surrendered last week.", "2012-05-02", "UGAREB 0874 -"},
        // Ratifying is signing only for agreements, not for appointments.
        Case{"The Kenyan parliament ratified the treaty.", "2012-05-02", "KENLEG 057 -"},
        Case{"The appointments were ratified by the Kenyan parliament.", "2012-05-02", ""},
        // What an appeal to someone asks for is not done, also when the
        // appeal names no actor that could be coded as its source.
        Case{"The opposition has been lobbying Brussels not to offer aid to Syria.", "2017-12-01", ""},
        Case{"Officials had no knowledge of efforts to urge Ukraine to investigate the company.", "2019-11-20", ""}),
    RowName);

}  // namespace
}  // namespace dyad::coding

namespace dyad::coding {
namespace {

// Two objects of a verb, as a parse may give them ("called Maduro a
// dictator" with "dictator" read as a second object): the second is the
// first's predicate where a pattern of the verb with a complement holds so,
// else the first is the indirect object. The parse is set by hand, since the
// committed models read these sentences otherwise.
TEST(CoderDoubleObjectTest, ReadsTheSecondObjectAsPredicateOnlyWhereAPatternSaysSo) {
  if (!std::filesystem::exists(ModelPath(syntax::kParserModelFile))) GTEST_SKIP() << "no parser model; skipping";
  static const CoderResources res = std::move(*CoderResources::Load(DataDir()));
  struct Row {
    const char* sentence;
    const char* second;  // the word made the verb's second object
    const char* events;
  };
  for (const Row& row : {Row{"Trump called Maduro a dictator.", "dictator", "USAGOV 111 VENGOV"},
                         Row{"Trump called Maduro a fantastic guy.", "guy", ""},
                         Row{"Putin offered Maduro his diplomatic support.", "support", "RUSGOV 033 VENGOV"}}) {
    Document d = Processed(row.sentence, "2019-01-27");
    ASSERT_EQ(d.sentences.size(), 1u);
    std::vector<Token>& tokens = d.sentences[0].tokens;
    int verb = -1, first = -1, second = -1;
    for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
      if (tokens[i].upos == "VERB") verb = verb < 0 ? i : verb;
      if (tokens[i].form == "Maduro") first = i;
      if (tokens[i].form == row.second) second = i;
    }
    ASSERT_TRUE(verb >= 0 && first > verb && second > first) << row.sentence;
    for (int i : {first, second}) {
      tokens[i].head = verb;
      tokens[i].deprel = "obj";
    }
    d.events.clear();
    std::vector<std::string> trace;
    CodeEvents(&d, res, &trace);
    std::string why;
    for (const std::string& line : trace) why += line + "\n";
    EXPECT_EQ(CompactEvents(d), row.events) << row.sentence << "\n" << why;
  }
}

}  // namespace
}  // namespace dyad::coding

namespace dyad::coding {
namespace {

// What an appeal asks for is not done, also when the parse hangs the asked
// act on the appeal as a purpose clause (advcl) rather than its complement.
// The parse is set by hand: the committed models read this sentence with
// an xcomp.
TEST(CoderAskedForTest, AnAppealsPurposeClauseIsNotDone) {
  if (!std::filesystem::exists(ModelPath(syntax::kParserModelFile))) GTEST_SKIP() << "no parser model; skipping";
  static const CoderResources res = std::move(*CoderResources::Load(DataDir()));
  Document d = Processed("Kenya urged Somalia to start a dialogue with Uganda.", "2012-05-02");
  ASSERT_EQ(d.sentences.size(), 1u);
  std::vector<Token>& tokens = d.sentences[0].tokens;
  int urged = -1, somalia = -1, start = -1;
  for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
    if (tokens[i].form == "urged") urged = i;
    if (tokens[i].form == "Somalia") somalia = i;
    if (tokens[i].form == "start") start = i;
  }
  ASSERT_TRUE(urged >= 0 && somalia > urged && start > somalia);
  tokens[somalia].head = urged;
  tokens[somalia].deprel = "obj";
  tokens[start].head = urged;
  tokens[start].deprel = "advcl";
  d.events.clear();
  CodeEvents(&d, res, nullptr);
  for (const Event& e : d.events) EXPECT_NE(e.cameo.substr(0, 2), "04") << CompactEvents(d);
  EXPECT_NE(CompactEvents(d).find("KENGOV 02"), std::string::npos) << CompactEvents(d);
}

}  // namespace
}  // namespace dyad::coding
