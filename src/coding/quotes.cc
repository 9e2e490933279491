#include "coding/quotes.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "base/strings.h"
#include "coding/clause.h"
#include "text/utf8.h"

namespace dyad::coding {

using namespace std::string_view_literals;  // "x"sv: comparing a std::string with it checks the size first

bool QuoteResources::IsSpeechVerb(const std::string& lemma, const std::string& particle) const {
  auto [b, e] = speech_verbs.equal_range(lemma);
  for (auto it = b; it != e; ++it)
    if (it->second.empty() || it->second == particle) return true;
  return false;
}

Result<QuoteResources> QuoteResources::Load(const std::string& data_dir) {
  std::string path = data_dir + "/verbs/speech.txt";
  std::string bytes;
  if (!ReadWholeFile(path, &bytes)) return Status::NotFound("cannot read " + path);
  QuoteResources res;
  int n = 0;
  for (std::string_view line : SplitLines(bytes)) {
    ++n;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    std::vector<std::string> words;
    for (std::string_view w : Split(line, ' '))
      if (!Trim(w).empty()) words.push_back(text::Lower(Trim(w)));
    if (words.size() > 2)
      return Status::DataError({path, n, -1, std::string(line)}, "expected a lemma and at most one particle");
    res.speech_verbs.emplace(words[0], words.size() == 2 ? words[1] : "");
  }
  return res;
}

namespace {

// A token of the document: sentence and index in it.
struct Pos {
  int s = 0;
  int t = 0;
};

// A quotation as read from the marks, in flat token indexes.
struct Found {
  int open = -1;    // the opening mark; -1 for a quotation without one
  int close = -1;   // the closing mark; -1 when it ended with its paragraph
  int first = 0;    // first and last token of the quoted words
  int last = 0;
};

enum class MarkKind { kNone, kStraight, kLeftCurly, kRightCurly, kOpenOnly, kCloseOnly };

MarkKind KindOf(const std::string& f) {
  if (f == "\""sv) return MarkKind::kStraight;
  if (f == "\u201C"sv) return MarkKind::kLeftCurly;                      // “
  if (f == "\u201D"sv) return MarkKind::kRightCurly;                     // ”
  if (f == "\u00AB"sv || f == "\u201E"sv) return MarkKind::kOpenOnly;      // « „
  if (f == "\u00BB"sv || f == "\u201F"sv) return MarkKind::kCloseOnly;     // » ‟ (as closers)
  return MarkKind::kNone;
}

std::string Lemma(const Token& t) { return text::Lower(t.lemma.empty() ? t.form : t.lemma); }

bool IsTrailingPunct(const std::string& f) {
  return f == ","sv || f == ";"sv || f == ":"sv || f == "-"sv || f == "\u2013"sv || f == "\u2014"sv;
}

class Attributor {
 public:
  Attributor(Document* doc, const QuoteResources& res) : doc_(*doc), res_(res) {
    for (int s = 0; s < static_cast<int>(doc_.sentences.size()); ++s) {
      sentence_start_.push_back(static_cast<int>(flat_.size()));
      const Sentence& sent = doc_.sentences[s];
      for (int t = 0; t < static_cast<int>(sent.tokens.size()); ++t) flat_.push_back({s, t});
      children_.emplace_back(sent.tokens.size());
      covering_.emplace_back(sent.tokens.size(), -1);
      for (int t = 0; t < static_cast<int>(sent.tokens.size()); ++t) {
        int h = sent.tokens[t].head;
        if (h >= 0 && h < static_cast<int>(sent.tokens.size())) children_[s][h].push_back(t);
      }
    }
    for (size_t m = 0; m < doc_.mentions.size(); ++m) {
      const Mention& mention = doc_.mentions[m];
      if (mention.sentence < 0 || mention.sentence >= static_cast<int>(covering_.size())) continue;
      std::vector<int>& cov = covering_[mention.sentence];
      for (int t = std::max(0, mention.first_token); t < mention.last_token && t < static_cast<int>(cov.size()); ++t) {
        int& cur = cov[t];
        if (cur < 0 || Width(mention) < Width(doc_.mentions[cur])) cur = static_cast<int>(m);
      }
    }
  }

  void Run() {
    doc_.quotes.clear();
    FindQuotations();
    inside_.assign(flat_.size(), -1);
    for (size_t q = 0; q < found_.size(); ++q) {
      int from = found_[q].open >= 0 ? found_[q].open : found_[q].first;
      int to = found_[q].close >= 0 ? found_[q].close : found_[q].last;
      for (int i = from; i <= to; ++i) inside_[i] = static_cast<int>(q);
    }
    for (size_t q = 0; q < found_.size(); ++q) doc_.quotes.push_back(Attribute(static_cast<int>(q)));
  }

 private:
  static int Width(const Mention& m) { return m.last_token - m.first_token; }
  const Token& Tok(int i) const { return doc_.sentences[flat_[i].s].tokens[flat_[i].t]; }
  const Token& Tok(int s, int t) const { return doc_.sentences[s].tokens[t]; }
  int Flat(int s, int t) const { return sentence_start_[s] + t; }
  int Paragraph(int i) const { return doc_.sentences[flat_[i].s].paragraph; }
  bool ParagraphStart(int i) const {
    int s = flat_[i].s;
    return flat_[i].t == 0 && (s == 0 || doc_.sentences[s - 1].paragraph != doc_.sentences[s].paragraph);
  }

  // The code point just before / after a token in the raw text (0 at either end).
  char32_t Before(const Token& t) const {
    if (t.raw.begin == 0 || t.raw.begin > doc_.raw.size()) return 0;
    size_t len = text::PrevLength(doc_.raw, t.raw.begin);
    size_t unused;
    return text::DecodeAt(doc_.raw, t.raw.begin - len, &unused);
  }
  char32_t After(const Token& t) const {
    if (t.raw.end >= doc_.raw.size()) return 0;
    size_t unused;
    return text::DecodeAt(doc_.raw, t.raw.end, &unused);
  }
  static bool Blank(char32_t c) { return c == 0 || text::IsSpace(c); }

  // ---- Quotations ----

  void Push(int open, int close, int first, int last) {
    // Quoted words: without white space tokens, without trailing separators.
    while (last >= first && IsTrailingPunct(Tok(last).form)) --last;
    if (last < first) return;
    found_.push_back({open, close, first, last});
  }

  // Single quotes, outside double quotes and within one sentence: an
  // opening one after white space and before a word ('color revolution'),
  // a closing one after a word and before white space or punctuation; an
  // apostrophe inside a word is neither.
  void SingleQuote(int i, int* single_open) {
    const Token& t = Tok(i);
    bool straight = t.form == "'"sv;
    if (!straight && t.form != "\u2018"sv && t.form != "\u2019"sv) return;
    char32_t before = Before(t), after = After(t);
    bool opener = (straight || t.form == "\u2018"sv) && (Blank(before) || before == U'(') && text::IsWordChar(after);
    bool closer = (straight || t.form == "\u2019"sv) && !Blank(before) && !text::IsWordChar(after);
    if (*single_open >= 0 && closer) {
      Push(*single_open, i, *single_open + 1, i - 1);
      *single_open = -1;
    } else if (*single_open < 0 && opener) {
      *single_open = i;
    }
  }

  void FindQuotations() {
    bool open = false;
    int open_at = -1;          // the opening mark (flat), or the first word of a mark-less quotation
    int last_close = -1;       // last closing mark in the current paragraph
    int skip = -1;             // a continuation mark to pass over
    int single_open = -1;      // an opening single quote in the current sentence
    for (int i = 0; i < static_cast<int>(flat_.size()); ++i) {
      if (ParagraphStart(i)) {
        if (open) {
          bool continues = KindOf(Tok(i).form) != MarkKind::kNone && KindOf(Tok(i).form) != MarkKind::kCloseOnly &&
                           KindOf(Tok(i).form) != MarkKind::kRightCurly && i > 0 && Paragraph(i) == Paragraph(i - 1) + 1;
          if (continues) {
            skip = i;
          } else {
            Push(open_at, -1, open_at + 1, i - 1);
            open = false;
          }
        }
        last_close = -1;
      }
      if (i == skip) continue;
      const Token& t = Tok(i);
      if (i == 0 || flat_[i - 1].s != flat_[i].s) single_open = -1;
      MarkKind k = KindOf(t.form);
      if (k == MarkKind::kNone) {
        if (!open) SingleQuote(i, &single_open);
        continue;
      }
      // A doubled mark ("““") counts once.
      if (i > 0 && flat_[i - 1].s == flat_[i].s && Tok(i - 1).form == t.form && Tok(i - 1).raw.end == t.raw.begin) {
        if (open && open_at == i - 1) open_at = i;
        continue;
      }
      char32_t before = Before(t), after = After(t);
      bool left_glued = !Blank(before) && before != U'(' && before != U'[';
      bool right_word = !Blank(after) && !(after == U',' || after == U'.' || after == U';' || after == U':' || after == U'!' ||
                                        after == U'?' || after == U')' || after == U']');
      bool closer_shaped = left_glued && !right_word;
      bool is_close = false, is_open = false;
      switch (k) {
        case MarkKind::kOpenOnly: is_open = !open; break;
        case MarkKind::kCloseOnly:
        case MarkKind::kRightCurly: is_close = true; break;
        case MarkKind::kStraight: is_close = open || closer_shaped; is_open = !is_close; break;
        case MarkKind::kLeftCurly: is_close = closer_shaped; is_open = !open && !closer_shaped; break;
        case MarkKind::kNone: break;
      }
      if (is_close && open) {
        Push(open_at, i, open_at + 1, i - 1);
        open = false;
        last_close = i;
      } else if (is_close) {
        // Nothing open: the quotation began at the paragraph start, or at the
        // first sentence after the paragraph's previous quotation.
        int first = -1;
        if (last_close < 0) {
          first = i;
          while (first > 0 && !ParagraphStart(first)) --first;
        } else {
          first = last_close + 1;
          int s_next = flat_[last_close].s + 1;
          if (s_next < static_cast<int>(doc_.sentences.size()) && sentence_start_[s_next] <= i &&
              Paragraph(sentence_start_[s_next]) == Paragraph(i))
            first = sentence_start_[s_next];
        }
        Push(-1, i, first, i - 1);
        last_close = i;
      } else if (is_open) {
        open = true;
        open_at = i;
      }
    }
    if (open) Push(open_at, -1, open_at + 1, static_cast<int>(flat_.size()) - 1);
  }

  // ---- Syntax helpers ----

  const std::string& Rel(int s, int t) const { return Tok(s, t).deprel; }
  int Head(int s, int t) const { return Tok(s, t).head; }

  bool IsSpeechVerb(int s, int t) const {
    const Token& tok = Tok(s, t);
    if (tok.upos != "VERB"sv) return false;
    std::string particle;
    for (int c : children_[s][t])
      if (Rel(s, c) == "compound:prt"sv) particle = text::Lower(Tok(s, c).form);
    return res_.IsSpeechVerb(Lemma(tok), particle);
  }

  static bool IsRelativePronoun(const Token& t) {
    std::string w = text::Lower(t.form);
    return t.upos == "PRON"sv && (w == "who"sv || w == "which"sv || w == "that"sv || w == "whom"sv);
  }

  // Subject heads of a predicate, conjuncts expanded, through shared-subject
  // conjuncts and open complements; a relative pronoun gives the noun its
  // clause modifies.
  std::vector<int> Subjects(int s, int v, int depth = 0) const {
    const Sentence& sent = doc_.sentences[s];
    for (int c : children_[s][v]) {
      const std::string& r = Rel(s, c);
      if (r != "nsubj"sv && r != "nsubj:outer"sv) continue;
      if (IsRelativePronoun(Tok(s, c)) && StartsWith(Rel(s, v), "acl") && Head(s, v) >= 0)
        return WithConjuncts(sent, Head(s, v));
      return WithConjuncts(sent, c);
    }
    if ((Rel(s, v) == "conj"sv || Rel(s, v) == "xcomp"sv) && Head(s, v) >= 0 && depth < 8)
      return Subjects(s, Head(s, v), depth + 1);
    return {};
  }

  // The actor mention naming token h: one covering it, or its apposition or
  // flat name ("the spokesman, Dmitry Peskov").
  int MentionFor(int s, int h) const {
    auto actor_at = [&](int t) {
      int m = covering_[s][t];
      return m >= 0 && doc_.mentions[m].actor >= 0 ? m : -1;
    };
    if (int m = actor_at(h); m >= 0) return m;
    for (int c : children_[s][h]) {
      const std::string& r = Rel(s, c);
      if (r == "appos"sv || r == "flat"sv || r == "flat:name"sv || r == "compound"sv)
        if (int m = actor_at(c); m >= 0) return m;
    }
    return -1;
  }

  // The speaker a "he" or "she" subject stands for: the nearest earlier
  // mention of a person of that gender (or unknown gender) in the last three
  // sentences with words outside quotations, a grammatical subject preferred
  // as the lexicon does, but never a mention inside a quotation: names in a
  // quotation are mostly those the speaker talks to or about ("I want to warn
  // Nicolás, ” he said"). -1 when there is none.
  int PersonAntecedent(int s, int token, char gender) const {
    int best = -1, best_score = -1000, rank = 0, sentences = 0, last_sentence = s + 1;
    for (int k = static_cast<int>(doc_.mentions.size()) - 1; k >= 0; --k) {
      const Mention& m = doc_.mentions[k];
      if (m.sentence > s || (m.sentence == s && m.first_token >= token)) continue;
      if (m.sentence != last_sentence) {
        for (int x = last_sentence - 1; x >= m.sentence; --x) sentences += HasOutside(x) ? 1 : 0;
        last_sentence = m.sentence;
        if (sentences > 3) break;
      }
      if (m.actor < 0 || m.first_token >= static_cast<int>(covering_[m.sentence].size())) continue;
      if (inside_[Flat(m.sentence, m.first_token)] >= 0) continue;
      const Actor& a = doc_.actors[m.actor];
      if (a.kind != "person"sv || (a.gender != 0 && a.gender != gender)) continue;
      int score = -rank++;
      if (IsSubject(m)) score += 2;
      if (m.sentence == s) score += 1;
      if (score > best_score) {
        best_score = score;
        best = k;
      }
    }
    return best;
  }

  bool IsSubject(const Mention& m) const {
    const auto& toks = doc_.sentences[m.sentence].tokens;
    for (int i = m.first_token; i < m.last_token && i < static_cast<int>(toks.size()); ++i) {
      const Token& t = toks[i];
      if ((t.head < m.first_token || t.head >= m.last_token) && StartsWith(t.deprel, "nsubj")) return true;
    }
    return false;
  }

  struct Subject {
    bool present = false;  // the predicate has a subject (outside the quotation)
    int mention = -1;      // the actor mention naming it, if any
    int token = -1;        // the subject head
  };

  // A mis-parsed speech verb with no subject: an actor mention right after
  // it ("said Colombian President Gustavo Petro", up to the next punctuation)
  // or right before it ("Petro then said").
  Subject SurfaceSubject(int s, int v) const {
    const Sentence& sent = doc_.sentences[s];
    int n = static_cast<int>(sent.tokens.size());
    for (int t = v + 1; t < n && t <= v + 10 && inside_[Flat(s, t)] < 0; ++t) {
      int m = covering_[s][t];
      if (m >= 0 && doc_.mentions[m].actor >= 0) return {true, m, t};
      const std::string& u = sent.tokens[t].upos;
      if (u == "PUNCT"sv || u == "VERB"sv || u == "ADP"sv || u == "SCONJ"sv || u == "CCONJ"sv) break;
    }
    return SurfaceSubjectBefore(s, v);
  }

  Subject SurfaceSubjectBefore(int s, int v) const {
    const Sentence& sent = doc_.sentences[s];
    for (int t = v - 1; t >= 0 && t >= v - 3 && inside_[Flat(s, t)] < 0; --t) {
      int m = covering_[s][t];
      if (m >= 0 && doc_.mentions[m].actor >= 0) return {true, m, t};
      if (sent.tokens[t].upos != "ADV"sv && sent.tokens[t].upos != "AUX"sv) break;
    }
    return {};
  }

  Subject SubjectOf(int s, int v, int q) const {
    Subject out;
    std::vector<int> subjects = Subjects(s, v);
    if (subjects.empty() && IsSpeechVerb(s, v) && Rel(s, v) != "xcomp"sv && !StartsWith(Rel(s, v), "acl"))
      return SurfaceSubject(s, v);
    for (int h : subjects) {
      if (inside_[Flat(s, h)] == q) continue;
      out.present = true;
      if (out.token < 0) out.token = h;
      int m = -1;
      const Token& sub = Tok(s, h);
      std::string w = text::Lower(sub.form);
      if (sub.upos == "PRON"sv && (w == "he"sv || w == "she"sv)) m = PersonAntecedent(s, h, w == "he"sv ? 'm' : 'f');
      if (m < 0) m = MentionFor(s, h);
      // "the minister, Diego Molano, who said": a relative pronoun the parse
      // did not attach to its noun stands for the name right before it.
      if (m < 0 && IsRelativePronoun(sub))
        for (int t = h - 1; t >= 0 && t >= h - 3 && m < 0; --t) {
          if (int c = covering_[s][t]; c >= 0 && doc_.mentions[c].actor >= 0) m = c;
          else if (Tok(s, t).upos != "PUNCT"sv) break;
        }
      if (m >= 0) {
        out.mention = m;
        out.token = h;
        return out;
      }
    }
    // "a crossing of accusations after Colombia warned": a subject that names
    // no actor is often a misattached phrase, and the actor right before the
    // verb its real subject (the coder falls back the same way).
    if (out.present) {
      Subject left = SurfaceSubjectBefore(s, v);
      if (left.mention >= 0) return left;
    }
    return out;
  }

  // A step on the way from a quotation up to the root: a token outside the
  // quotation and the token below it on the way (inside the quotation for
  // the first step).
  struct Step {
    int v;
    int below;
  };

  // The tokens from the quotation's attachment points (its words, not its
  // punctuation, whose head is outside it) up to the root, nearest first.
  std::vector<Step> PathUp(int s, int q) const {
    std::vector<Step> out;
    const Sentence& sent = doc_.sentences[s];
    int n = static_cast<int>(sent.tokens.size());
    for (int t = 0; t < n; ++t) {
      if (inside_[Flat(s, t)] != q || sent.tokens[t].upos == "PUNCT"sv) continue;
      int below = t;
      for (int h = sent.tokens[t].head, steps = 0; h >= 0 && h < n && steps < n; ++steps) {
        if (inside_[Flat(s, h)] == q) break;
        bool seen = false;
        for (const Step& st : out) seen = seen || st.v == h;
        if (!seen) out.push_back({h, below});
        below = h;
        h = sent.tokens[h].head;
      }
    }
    return out;
  }

  // Whether a speech verb on the path reports the quotation: the quotation
  // hangs on it directly, or through its clausal complement or a clause
  // beside it ("said that his friends “are ready”"), not through an object's
  // modifiers ("maintains its position as a country that ... “...”").
  bool Reports(int s, const Step& step, int q) const {
    if (inside_[Flat(s, step.below)] == q) return true;
    const std::string& r = Rel(s, step.below);
    return r == "ccomp"sv || r == "parataxis"sv || r == "xcomp"sv || StartsWith(r, "csubj") || r == "advcl"sv || r == "dep"sv ||
           r == "conj"sv || r == "list"sv || r == "discourse"sv;
  }

  // Whether verb v heads a relative clause that begins after quotation q:
  // its subject is a relative pronoun after the quotation's last word
  // ("..., who said"). A relative clause begins at its pronoun, so it neither
  // reports nor governs words before it; when the parse hangs such words on
  // it, the parser has taken the relative clause for the main clause (mostly
  // after missing the main verb).
  bool RelativeClauseAfter(int s, int v, int q) const {
    if (q < 0) return false;
    for (int c : children_[s][v])
      if (StartsWith(Rel(s, c), "nsubj") && IsRelativePronoun(Tok(s, c)) && Flat(s, c) > found_[q].last) return true;
    return false;
  }

  // The subject of a main clause the parser missed: the first actor mention
  // of sentence s before quotation q, outside quotations, and not in a
  // prepositional phrase (no preposition on its words, none right before it).
  int FirstBareActorBefore(int s, int q) const {
    const Sentence& sent = doc_.sentences[s];
    int best = -1;
    for (size_t k = 0; k < doc_.mentions.size(); ++k) {
      const Mention& m = doc_.mentions[k];
      if (m.sentence != s || m.actor < 0 || m.first_token < 0 ||
          m.last_token > static_cast<int>(sent.tokens.size()) || Flat(s, m.last_token - 1) >= found_[q].first)
        continue;
      if (best >= 0 && doc_.mentions[best].first_token <= m.first_token) continue;
      bool bare = m.first_token == 0 || sent.tokens[m.first_token - 1].upos != "ADP"sv;
      for (int t = m.first_token; t < m.last_token && bare; ++t) {
        if (inside_[Flat(s, t)] >= 0) bare = false;
        for (int c : children_[s][t])
          if (Rel(s, c) == "case"sv) bare = false;
      }
      if (bare) best = static_cast<int>(k);
    }
    return best;
  }

  // ---- Attribution ----

  void SetSpeaker(Quote* quote, int mention, const std::string& rule) const {
    const Mention& m = doc_.mentions[mention];
    quote->speaker_mention = mention;
    quote->speaker_actor = m.actor;
    quote->speaker = !m.code.empty() ? m.code : doc_.actors[m.actor].code;
    quote->rule = rule;
  }

  // Rule 1 in one sentence. Returns true when it decided (with or without a speaker).
  // `others`: also the speech verbs that neither govern the quotation nor
  // hang on it, nearest first (never decisive when their subject is no actor).
  bool SpeechVerbIn(int s, int q, bool others_too, Quote* quote) const {
    const Sentence& sent = doc_.sentences[s];
    int n = static_cast<int>(sent.tokens.size());
    const Found& f = found_[q];
    std::vector<Step> path = PathUp(s, q);
    std::vector<int> order;
    for (const Step& st : path)
      if (inside_[Flat(s, st.v)] < 0 && IsSpeechVerb(s, st.v) && Reports(s, st, q) && !RelativeClauseAfter(s, st.v, q))
        order.push_back(st.v);
    std::vector<int> attached, others;
    for (int v = 0; v < n; ++v) {
      if (inside_[Flat(s, v)] >= 0 || !IsSpeechVerb(s, v) || RelativeClauseAfter(s, v, q)) continue;
      if (std::find(order.begin(), order.end(), v) != order.end()) continue;
      int h = sent.tokens[v].head;
      if (h >= 0 && h < n && inside_[Flat(s, h)] == q) attached.push_back(v);
      else if (others_too) others.push_back(v);
    }
    auto distance = [&](int v) {
      int fv = Flat(s, v);
      return fv < f.first ? f.first - fv : fv > f.last ? fv - f.last : 0;
    };
    std::stable_sort(others.begin(), others.end(), [&](int a, int b) { return distance(a) < distance(b); });
    int decisive = static_cast<int>(order.size() + attached.size());
    order.insert(order.end(), attached.begin(), attached.end());
    order.insert(order.end(), others.begin(), others.end());
    for (size_t k = 0; k < order.size(); ++k) {
      int v = order[k];
      Subject sub = SubjectOf(s, v, q);
      if (sub.mention >= 0) {
        std::string rule = sub.token < v ? "X " : "";
        rule += Lemma(Tok(s, v));
        if (sub.token > v) rule += " X";
        rule += Flat(s, v) < f.first ? " before" : " after";
        SetSpeaker(quote, sub.mention, rule);
        return true;
      }
      if (sub.present && static_cast<int>(k) < decisive) {
        quote->rule = "speaker is not an actor";
        return true;
      }
    }
    return false;
  }

  // Rule 2: "according to X".
  bool AccordingToIn(int s, int q, Quote* quote) const {
    const Sentence& sent = doc_.sentences[s];
    int n = static_cast<int>(sent.tokens.size());
    for (int a = 0; a + 1 < n; ++a) {
      if (inside_[Flat(s, a)] >= 0 || !text::LowerEquals(sent.tokens[a].form, "according") ||
          !text::LowerEquals(sent.tokens[a + 1].form, "to"))
        continue;
      std::vector<int> heads;
      if (Rel(s, a) == "case"sv && Head(s, a) >= 0) heads.push_back(Head(s, a));
      for (int c : children_[s][a])
        if (StartsWith(Rel(s, c), "obl") || StartsWith(Rel(s, c), "nmod")) heads.push_back(c);
      for (int x : heads) {
        if (inside_[Flat(s, x)] >= 0) continue;
        if (int m = MentionFor(s, x); m >= 0) return SetSpeaker(quote, m, "according to"), true;
        // "according to the words of Dmitry Peskov"
        for (int c : children_[s][x])
          if (StartsWith(Rel(s, c), "nmod") && inside_[Flat(s, c)] < 0)
            if (int m = MentionFor(s, c); m >= 0) return SetSpeaker(quote, m, "according to"), true;
      }
    }
    return false;
  }

  // Rule 3: an inline quotation takes the subject of its nearest governing
  // clause that has an actor subject.
  bool GoverningSubject(int s, int q, Quote* quote) const {
    bool missed_main = false;
    for (const Step& st : PathUp(s, q)) {
      int v = st.v;
      if (RelativeClauseAfter(s, v, q)) {
        missed_main = missed_main || Head(s, v) < 0;
        continue;
      }
      Subject sub = SubjectOf(s, v, q);
      // A main verb the parser left without a subject: the name right before it.
      if (!sub.present && Tok(s, v).upos == "VERB"sv && (Head(s, v) < 0 || Rel(s, v) == "conj"sv)) sub = SurfaceSubject(s, v);
      if (sub.mention >= 0) {
        SetSpeaker(quote, sub.mention, "inline: subject of " + Lemma(Tok(s, v)));
        return true;
      }
    }
    // The parse made a relative clause after the quotation the main clause:
    // the main clause it missed has the sentence's first bare actor as subject.
    if (missed_main)
      if (int m = FirstBareActorBefore(s, q); m >= 0) {
        SetSpeaker(quote, m, "inline: first actor before a relative clause taken for the main clause");
        return true;
      }
    return false;
  }

  bool HasOutside(int s) const {
    const Sentence& sent = doc_.sentences[s];
    for (int t = 0; t < static_cast<int>(sent.tokens.size()); ++t)
      if (inside_[Flat(s, t)] < 0 && sent.tokens[t].upos != "PUNCT"sv && KindOf(sent.tokens[t].form) == MarkKind::kNone)
        return true;
    return false;
  }

  bool HasOutsideBefore(int s, int flat) const {
    for (int i = sentence_start_[s]; i < flat; ++i)
      if (inside_[i] < 0 && Tok(i).upos != "PUNCT"sv && KindOf(Tok(i).form) == MarkKind::kNone) return true;
    return false;
  }

  // A speech verb with an actor subject anywhere in sentence s, outside
  // quotations, the root first.
  int SpeakerOfSentence(int s) const {
    const Sentence& sent = doc_.sentences[s];
    std::vector<int> verbs;
    for (int v = 0; v < static_cast<int>(sent.tokens.size()); ++v)
      if (inside_[Flat(s, v)] < 0 && IsSpeechVerb(s, v)) verbs.push_back(v);
    std::stable_partition(verbs.begin(), verbs.end(), [&](int v) { return sent.tokens[v].head < 0; });
    for (int v : verbs)
      if (Subject sub = SubjectOf(s, v, -2); sub.mention >= 0) return sub.mention;
    return -1;
  }

  Quote Attribute(int q) {
    const Found& f = found_[q];
    Quote quote;
    quote.raw = {Tok(f.first).raw.begin, Tok(f.last).raw.end};
    quote.first_sentence = flat_[f.first].s;
    quote.last_sentence = flat_[f.last].s;
    int first_s = quote.first_sentence, last_s = quote.last_sentence;
    bool parsed = false;
    for (int s = first_s; s <= last_s && !parsed; ++s)
      for (const Token& t : doc_.sentences[s].tokens) parsed = parsed || t.head >= 0;

    std::vector<int> sentences;
    if (HasOutside(last_s)) sentences.push_back(last_s);
    if (first_s != last_s && HasOutside(first_s)) sentences.push_back(first_s);
    if (parsed) {
      // An inline quotation is part of its sentence's structure: it comes
      // after words of the sentence, and some of its words hang on words
      // outside it.
      bool inline_quote = first_s == last_s && !sentences.empty() && HasOutsideBefore(first_s, f.first) &&
                          !PathUp(first_s, q).empty();
      // 1. Speech verbs.
      for (int s : sentences)
        if (SpeechVerbIn(s, q, !inline_quote, &quote)) return quote;
      // 2. "according to".
      for (int s : sentences)
        if (AccordingToIn(s, q, &quote)) return quote;
      // 3. Inline quotation: the governing clause's actor subject, else the
      // nearest speech verb of the sentence.
      if (inline_quote && (GoverningSubject(first_s, q, &quote) || SpeechVerbIn(first_s, q, true, &quote)))
        return quote;
    }
    // 4. Continues the previous quotation in the same paragraph.
    if (q > 0 && doc_.quotes[q - 1].speaker_actor >= 0 &&
        doc_.sentences[doc_.quotes[q - 1].last_sentence].paragraph == doc_.sentences[first_s].paragraph) {
      const Quote& prev = doc_.quotes[q - 1];
      quote.speaker_actor = prev.speaker_actor;
      quote.speaker_mention = prev.speaker_mention;
      quote.speaker = prev.speaker;
      quote.rule = "continues previous quote";
      return quote;
    }
    // 5. A quotation opening its paragraph takes the previous paragraph's speaker.
    int start = f.open >= 0 ? f.open : f.first;
    if (ParagraphStart(start) && first_s > 0) {
      int p = first_s - 1;
      const Sentence& prev = doc_.sentences[p];
      bool colon = !prev.tokens.empty() && prev.tokens.back().form == ":"sv;
      if (int m = SpeakerOfSentence(p); m >= 0) {
        SetSpeaker(&quote, m, colon ? "X said: previous paragraph" : "previous paragraph's speaker");
        return quote;
      }
      for (int k = q - 1; k >= 0; --k) {
        const Quote& before = doc_.quotes[k];
        if (before.last_sentence < p) break;
        if (before.last_sentence == p && before.speaker_actor >= 0) {
          quote.speaker_actor = before.speaker_actor;
          quote.speaker_mention = before.speaker_mention;
          quote.speaker = before.speaker;
          quote.rule = "continues previous paragraph's quote";
          return quote;
        }
      }
    }
    return quote;
  }

  Document& doc_;
  const QuoteResources& res_;
  std::vector<Pos> flat_;
  std::vector<int> sentence_start_;
  std::vector<std::vector<std::vector<int>>> children_;  // per sentence, per token
  std::vector<std::vector<int>> covering_;               // per sentence: token -> narrowest mention
  std::vector<Found> found_;
  std::vector<int> inside_;                              // flat token -> quotation covering it, or -1
};

}  // namespace

void AttributeQuotes(Document* doc, const QuoteResources& res) { Attributor(doc, res).Run(); }

}  // namespace dyad::coding
