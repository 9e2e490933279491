// Direct quotations and who said them.
//
// AttributeQuotes finds the quoted passages of a parsed document with its
// resolved actor mentions and gives each one its speaker, or none.
//
// Quotations. The quote marks are read again here, more leniently than the
// text stage does, so that machine-translated text reads as the writer meant
// it: a curly or straight double quote opens and its partner closes; a
// doubled mark ("““") counts once; an opening curly mark glued to the word
// before it and not to the word after ("no“,") closes; a closing mark with
// nothing open closes a quotation that began at the start of its paragraph,
// or at the start of the first sentence after the paragraph's previous
// quotation (or right after that quotation when no sentence starts in
// between); a quotation still open at the end of a paragraph goes on when the
// next paragraph opens with a quote mark (the newspaper convention for long
// quotations) and ends there otherwise. Single quotes count only outside
// double quotes and within one sentence, opening after white space before a
// word and closing after a word ('color revolution'); apostrophes never.
// Each quotation gives one Quote: its raw span covers the quoted words
// without the marks and without trailing ",", ";", ":" or dashes (a final
// ".", "?" or "!" stays, as part of the words). Quotations with no word
// inside give none.
//
// Speakers, first rule that decides wins. A quotation is inline when it is
// in one sentence, after words of that sentence, and some of its words hang
// on words outside it ("offered to send “fighters”").
//  1. A speech verb (data/verbs/speech.txt, matched on the lemma, tagged
//     VERB) outside every quotation, in the quotation's last or first
//     sentence: first one on the path from the quotation to the root that
//     reports it (the quotation hangs on it directly or through a clausal
//     complement or a clause beside it, not through an object's modifiers),
//     then one that hangs on the quotation ("“...,” he said" parsed as
//     parataxis), then, unless the quotation is inline, the nearest other
//     one. Its subject (nsubj, before or after the verb: "said the
//     minister"; conjuncts and shared subjects of coordinated or controlled
//     verbs; a relative pronoun stands for the noun its clause modifies, or
//     for the name right before it) names the speaker when it is covered by
//     an actor mention (pronouns count when the lexicon resolved them), or by
//     one on its apposition or flat name. A "he" or "she" subject is resolved
//     again as the lexicon does but ignoring mentions inside quotations
//     (names in a quote are mostly those the speaker talks to or about). A
//     speech verb the parser left without a subject takes the actor named
//     right after it ("said Colombian President Gustavo Petro") or right
//     before it. A governing or attached verb whose subject is no actor
//     decides too: no speaker (rule "speaker is not an actor").
//     A speech verb whose subject is a relative pronoun after the quotation
//     ("..., who said") is skipped: a relative clause begins at its pronoun
//     and cannot report words before it (the parse that hangs them on it
//     has missed the main verb).
//  2. "according to X" in the same sentences, outside the quotation, where X
//     or X's nominal modifier ("the words of Dmitry Peskov") is an actor.
//  3. An inline quotation: the nearest governing clause whose subject is an
//     actor (a main verb left without a subject takes the name right before
//     it), else the nearest other speech verb of its sentence. A relative
//     clause after the quotation does not govern it (as in 1); when the parse
//     made such a clause the root (it took the relative clause for the main
//     clause), the first actor mention of the sentence before the quotation
//     that is not in a prepositional phrase is the missed main clause's
//     subject and speaks.
//  4. A quotation in the same paragraph right after one with a speaker
//     continues it.
//  5. A quotation that opens its paragraph, when the previous paragraph's last
//     sentence has a speech verb with an actor subject, usually ending with a
//     colon ("Peskov told reporters:"); else the speaker of a quotation that
//     sentence holds.
//  6. Otherwise no speaker: speaker_actor and speaker_mention are -1 and
//     speaker is "". A speaker is never invented.
// speaker_mention is the mention that names the speaker (for a re-resolved
// pronoun, its antecedent); speaker is that mention's code at the date (the
// actor's when the mention has none); rule says which rule decided.
// Documents without a parse get their quotes, with no speakers.
#ifndef DYAD_CODING_QUOTES_H_
#define DYAD_CODING_QUOTES_H_

#include <string>
#include <unordered_map>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::coding {

struct QuoteResources {
  // Lemma (lower case) -> the particle it needs ("" for none, "out" for
  // "point out"). A lemma may be listed with and without a particle.
  std::unordered_multimap<std::string, std::string> speech_verbs;

  bool IsSpeechVerb(const std::string& lemma, const std::string& particle) const;

  // Reads data_dir/verbs/speech.txt: one lemma a line, optionally followed
  // by a particle; "#" starts a comment. NotFound when the file is missing,
  // DataError on a line of more than two words.
  static Result<QuoteResources> Load(const std::string& data_dir);
};

// Fills doc->quotes (replacing what was there), one Quote per quotation, in
// text order. Needs the sentences' tokens; uses the parse and doc->mentions
// when present. Never fails: a document without quotations gets none.
void AttributeQuotes(Document* doc, const QuoteResources& res);

}  // namespace dyad::coding

#endif  // DYAD_CODING_QUOTES_H_
