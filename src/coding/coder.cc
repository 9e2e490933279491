#include "coding/coder.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>
#include <tuple>

#include "lexicon/actor_dictionary.h"  // CodeHasGroup, IsStateRole
#include "text/utf8.h"

namespace dyad::coding {

using namespace std::string_view_literals;  // "x"sv: comparing a std::string with it checks the size first

Result<CoderResources> CoderResources::Load(const std::string& data_dir) {
  CoderResources res;
  auto ontology = Ontology::Load(data_dir);
  if (!ontology.ok()) return ontology.status();
  res.ontology = std::move(*ontology);
  auto patterns = LoadPatterns(data_dir + "/verbs", res.ontology);
  if (!patterns.ok()) return patterns.status();
  res.patterns = std::move(*patterns);
  auto intents = LoadIntentMap(data_dir + "/verbs", res.ontology);
  if (!intents.ok()) return intents.status();
  res.intents = std::move(*intents);
  auto negations = CodeMap::Load(data_dir + "/verbs/negation.tsv", res.ontology);
  if (!negations.ok()) return negations.status();
  res.negations = std::move(*negations);
  auto temporal = TemporalResources::Load(data_dir);
  if (!temporal.ok()) return temporal.status();
  res.temporal = std::move(*temporal);
  return res;
}

namespace {

std::string Lemma(const Token& t) { return text::Lower(t.lemma.empty() ? t.form : t.lemma); }

// "we", "I", "us", "me", "our", "my", in any case. An ASCII word keeps its
// length when lowered, so one of over three bytes is none of them and is
// not lowered (this runs for every token of every sentence).
bool IsFirstPerson(std::string_view form) {
  if (form.size() > 3 && std::all_of(form.begin(), form.end(), [](unsigned char c) { return c < 0x80; })) return false;
  const std::string w = text::Lower(form);
  return w == "we"sv || w == "i"sv || w == "us"sv || w == "me"sv || w == "our"sv || w == "my"sv;
}

// A news medium's code: MED alone (or first), or MED as one of a code's
// groups (BLRGOVMED, a state news agency).
bool IsMediaCode(std::string_view code) { return code.substr(0, 3) == "MED"sv || lexicon::CodeHasGroup(code, "MED"); }

class SentenceCoder {
 public:
  SentenceCoder(Document* doc, int s, const CoderResources& res, std::vector<std::string>* trace)
      : doc_(*doc), s_(s), sent_(doc->sentences[s]), res_(res), trace_(trace) {
    covering_.assign(sent_.tokens.size(), -1);
    speaker_.assign(sent_.tokens.size(), -1);
    for (size_t t = 0; t < sent_.tokens.size(); ++t)
      if (IsFirstPerson(sent_.tokens[t].form)) speaker_[t] = QuoteWithSpeakerAt(static_cast<int>(t));
    for (size_t m = 0; m < doc_.mentions.size(); ++m) {
      const Mention& mention = doc_.mentions[m];
      if (mention.sentence != s) continue;
      for (int t = mention.first_token; t < mention.last_token; ++t) {
        int& cur = covering_[t];
        if (cur < 0 || Width(mention) < Width(doc_.mentions[cur])) cur = static_cast<int>(m);
      }
    }
  }

  void Run(std::optional<Date>* previous_date) {
    clauses_ = AnalyzeClauses(sent_);
    if (doc_.date) times_ = FindTimeExpressions(sent_, *doc_.date, res_.temporal, *previous_date);
    // A noun that names the circumstance of a verb ("told Trump in a phone
    // call") goes first: when it codes, the verb's bare statement adds nothing.
    for (const Clause& c : clauses_)
      if (c.adjunct && Code(c, previous_date)) coded_circumstance_.insert(c.governor);
    // Then verbs, so that a noun clause ("grant asylum") only codes when its
    // light verb did not; a complement a pattern used ("offered to send") is
    // part of that event, not one of its own.
    // "refused permission to Russia to help Israel", "signed a deal to
    // supply arms": what an act is for has not happened, coded or not.
    for (const Clause& c : clauses_)
      if (!c.noun)
        for (int x : ActsFor(c)) unrealized_.insert(x);
    for (int x : UnrealizedComplements()) unrealized_.insert(x);
    // "lobbied Brussels not to offer aid": what an appeal or demand to
    // someone asks for is not done, also when the appeal itself is not coded
    // or the parse read the complement as a purpose ("urged Iran *to start*").
    for (const Clause& c : clauses_)
      if (!c.noun && !c.objects.empty())
        if (int x = AskedFor(c); x >= 0 && IsAppealVerb(c.predicate)) unrealized_.insert(x);
    for (int pass = 0; pass < 2; ++pass) {
      for (const Clause& c : clauses_) {
        if (c.adjunct || c.noun != (pass == 1)) continue;
        // A noun's light verb stands for it ("urged Iran to *start* a
        // discussion": the discussion is what the appeal asks for).
        const bool governed = c.noun && c.governor >= 0 && c.governor != c.predicate;
        if (consumed_.count(c.predicate) || (governed && consumed_.count(c.governor))) {
          Trace(c, "no event: part of another clause's event");
          continue;
        }
        if (unrealized_.count(c.predicate) || (governed && unrealized_.count(c.governor))) {
          Trace(c, "no event: what another act is for, not done");
          continue;
        }
        if (!res_.conventions.participle_adjuncts && InParticipleAdjunct(c)) {
          Trace(c, "no event: a participle adjunct (PETRARCH's conventions code none)");
          continue;
        }
        if (c.noun && coded_verbs_.count(c.governor)) continue;
        if (Code(c, previous_date)) coded_verbs_.insert(c.predicate);
      }
    }
    // Statements last: they need to know whether what was said was coded.
    for (const Clause* c : statements_) CodeStatement(*c, previous_date);
    for (const Clause& c : clauses_)
      if (!c.noun) ApplySpeechTransforms(c);
  }

 private:
  static int Width(const Mention& m) { return m.last_token - m.first_token; }

  void Trace(const Clause& c, const std::string& what) {
    if (trace_) trace_->push_back("  " + DumpClause(sent_, c) + "\n      -> " + what);
  }

  const Clause* ClauseAt(int predicate) const {
    for (const Clause& c : clauses_)
      if (c.predicate == predicate && !c.noun) return &c;
    return nullptr;
  }

  // Argument "tokens" at or above kListed stand for a mention of a later
  // sentence (kListed + its index): a list given after the sentence ("...
  // by a number of countries. Among them, A, B and C.").
  static constexpr int kListed = 1 << 24;

  bool IsActor(int token) const {
    if (token >= kListed) return true;
    return token >= 0 && (covering_[token] >= 0 || speaker_[token] >= 0);
  }

  // The token that carries an argument's actor: the head itself, or an
  // apposition or flat name under it ("its neighbor Colombia"); -1 if none.
  int ActorToken(int head) const {
    if (IsActor(head)) return head;
    for (size_t t = 0; t < sent_.tokens.size(); ++t) {
      const Token& tok = sent_.tokens[t];
      if (tok.head == head && (tok.deprel == "appos"sv || tok.deprel == "flat"sv) && IsActor(static_cast<int>(t)))
        return static_cast<int>(t);
    }
    return -1;
  }

  // The actor and code of an argument head: its mention, or the speaker of
  // the quotation a first-person pronoun stands in.
  std::pair<int, std::string> ActorOf(int token) const {
    if (token >= kListed) {
      const Mention& m = doc_.mentions[token - kListed];
      return {m.actor, m.code};
    }
    if (covering_[token] >= 0) {
      const Mention& m = doc_.mentions[covering_[token]];
      return {m.actor, m.code};
    }
    const Quote& q = doc_.quotes[speaker_[token]];
    return {q.speaker_actor, q.speaker};
  }

  // Whether one dependent among `heads` satisfies `k`.
  bool AnyAccepts(const Constraint& k, const std::vector<int>& heads) const {
    for (int h : heads) {
      if (res_.conventions.surface_forms && !k.form.empty()) {
        if (text::LowerEquals(sent_.tokens[h].form, k.form) || text::LowerEquals(Lemma(sent_.tokens[h]), k.form)) return true;
        continue;
      }
      if (k.Accepts(Lemma(sent_.tokens[h]), IsActor(h))) return true;
      // "arms": a plural the lemmatizer reads as another word's ("arm"),
      // which the word classes list as written (lower case forms only: no
      // copy per test on this hot path).
      if (const std::string& form = sent_.tokens[h].form; !k.lemmas.empty() && form != sent_.tokens[h].lemma &&
          std::none_of(form.begin(), form.end(), [](unsigned char ch) { return ch >= 'A' && ch <= 'Z'; }) &&
          k.lemmas.count(std::string_view(form)))
        return true;
      if (k.has_phrases)
        for (const std::string& phrase : PhraseKeys(h))
          if (k.lemmas.count(phrase)) return true;
    }
    return false;
  }

  // "tear gas", "joint military exercise": the head's lemma with the
  // compound and adjective modifiers right before it (as written,
  // lowercased), shortest first; up to three.
  std::vector<std::string> PhraseKeys(int h) const {
    std::vector<std::string> keys;
    std::string key = Lemma(sent_.tokens[h]);
    for (int t = h - 1; t >= 0 && keys.size() < 3; --t) {
      const Token& tok = sent_.tokens[t];
      if (tok.head != h || (tok.deprel != "compound" && tok.deprel != "amod" && tok.deprel != "flat")) break;
      key = text::Lower(tok.form) + " " + key;
      keys.push_back(key);
    }
    return keys;
  }

  std::vector<int> PrepHeads(const std::vector<Oblique>& obliques, const std::string& prep) const {
    std::vector<int> out;
    for (const Oblique& o : obliques)
      if (o.prep == prep) out.push_back(o.head);
    return out;
  }

  // What the predicate's act is for, which has not happened: a
  // to-infinitive on its object noun ("gave permission to help", "faces
  // pressure from Congress to help").
  std::vector<int> ActsFor(const Clause& c) const {
    std::vector<int> acts;
    for (size_t k = 0; k < sent_.tokens.size(); ++k) {
      const Token& t = sent_.tokens[k];
      const bool on_object = t.deprel == "acl" && std::find(c.objects.begin(), c.objects.end(), t.head) != c.objects.end();
      if (on_object && t.upos == "VERB" && Marker(static_cast<int>(k)) == "to") acts.push_back(static_cast<int>(k));
    }
    return acts;
  }

  // What an @unrealizing word says did not happen: its open complement
  // ("failed *to reach* a deal", "unable *to meet*") and its objects
  // ("canceled a *meeting*"), with their conjuncts.
  std::vector<int> UnrealizedComplements() const {
    std::vector<int> out;
    const auto it = res_.patterns.classes().find("@unrealizing");
    if (it == res_.patterns.classes().end()) return out;
    for (size_t k = 0; k < sent_.tokens.size(); ++k) {
      const Token& t = sent_.tokens[k];
      if (t.head < 0 || (t.deprel != "xcomp"sv && t.deprel != "obj"sv)) continue;
      std::string lemma = Lemma(sent_.tokens[t.head]);
      for (const Token& p : sent_.tokens)
        if (p.head == t.head && p.deprel == "compound:prt"sv) lemma += " " + text::Lower(p.form);
      if (it->second.count(lemma))
        for (int x : WithConjuncts(sent_, static_cast<int>(k))) out.push_back(x);
    }
    return out;
  }

  // Imported `~` lines over what is said (patterns.h, Constraint::Kind::kSaid):
  // "The US claimed that ISIL had attacked Iraq" is USA 112 ISIL, "... that
  // it had attacked Iraq" USA 015 IRQ. The reported event of the family
  // gives way to the speaker's event, and so does the speaking verb's own.
  void ApplySpeechTransforms(const Clause& c) {
    const std::vector<const Pattern*>& transforms = res_.patterns.SaidFor(c.lemma);
    if (transforms.empty()) return;
    std::vector<std::pair<int, std::string>> speakers;  // actor, code
    for (int h : c.subjects)
      for (int a : ActorTokens(h))
        for (int k : AllCoordinated(a)) speakers.push_back(ActorOf(k));
    if (speakers.empty()) return;
    std::vector<Event> made;
    std::set<size_t> replaced;
    auto add = [&](Event t) {
      if (std::none_of(made.begin(), made.end(), [&](const Event& m) {
            return m.source == t.source && m.target == t.target && m.cameo == t.cameo;
          }))
        made.push_back(std::move(t));
    };
    for (size_t i = 0; i < doc_.events.size(); ++i) {
      const Event& e = doc_.events[i];
      if (e.sentence != s_ || e.predicate == c.predicate || !Reports(c.predicate, e.predicate)) continue;
      auto claimant = std::find_if(speakers.begin(), speakers.end(), [&](const auto& sp) {
        return e.source_actor == sp.first || e.source.compare(0, 3, sp.second, 0, 3) == 0;
      });
      const bool own = claimant != speakers.end();
      for (const Pattern* p : transforms) {
        if (!InFamily(e.cameo, {p->frame[0].lemmas.begin()->c_str()})) continue;
        if (own != (p->targets[0] == "said:target")) continue;
        Event t = e;
        res_.ontology.SetEventCode(p->code, &t);
        t.rule = p->file.substr(p->file.rfind('/') + 1) + ":" + std::to_string(p->line) + " " + p->Key() + " " +
                 p->FrameText() + " [over what " + std::string(sent_.tokens[c.predicate].form) + " reports]";
        replaced.insert(i);
        // "a says a attacked b": a claims it, from the reported source; "a
        // says b attacked": each speaker charges b.
        if (own) {
          t.source_actor = claimant->first, t.source = claimant->second;  // as the speaker is named
          add(t);
        }
        for (const auto& [actor, code] : speakers) {
          if (own) break;
          t.source_actor = actor, t.source = code;
          t.target_actor = e.source_actor, t.target = e.source;
          add(t);
        }
        break;
      }
    }
    if (made.empty()) return;
    std::vector<Event> kept;
    for (size_t i = 0; i < doc_.events.size(); ++i) {
      const Event& e = doc_.events[i];
      if (replaced.count(i) || (e.sentence == s_ && e.predicate == c.predicate)) continue;
      kept.push_back(std::move(doc_.events[i]));
    }
    for (Event& t : made) kept.push_back(std::move(t));
    doc_.events = std::move(kept);
    Trace(c, std::to_string(made.size()) + " event(s) over what is reported, in place of it");
  }

  // Whether `token` is inside what the verb reports: under its clausal
  // complement (or a parenthetical "X said" around it).
  bool Reports(int verb, int token) const {
    for (int t = token, steps = 0; t >= 0 && steps < 256; t = sent_.tokens[t].head, ++steps)
      if (sent_.tokens[t].head == verb) return sent_.tokens[t].deprel == "ccomp" || sent_.tokens[t].deprel == "parataxis";
    return false;
  }

  // An intent verb coded by its own `-` frame ("vowed to ...", "prepared to
  // ...", "seeking to ...") and an open complement that codes combine
  // (Conventions::combine_verbs): the complement's act becomes its intent
  // form ("vowed to attack": 190 -> 138; "seeking to deepen a partnership":
  // 060 -> 031), aimed at the complement's target. Under PETRARCH's
  // conventions a complement of a category above intent (consult,
  // investigate, demand, disapprove, threaten, protest, show of force,
  // coerce) stands alone instead ("prepared to attend": 042; *code becomes
  // "", the upper verb yields). Returns whether the verbs combined; *why
  // says how.
  struct Combined {
    const Clause* clause = nullptr;    // the complement folded into the upper verb's event
    const Pattern* pattern = nullptr;  // and its pattern, whose targets the event takes
  };

  bool CombineWithComplement(const Clause& c, const Pattern& p, std::string* code, std::string* why,
                             Combined* combined) {
    if (!InFamily(*code, {"03"}) || code->find(':') != std::string::npos) return false;
    // A frame that names its complement ("promise xcomp=send ...") is its
    // own code; a bare `xcomp` ("want xcomp !obj") carries only the intent
    // of whatever the complement does.
    bool carrier = false;
    for (const Constraint& k : p.frame) {
      if (k.kind == Constraint::Kind::kXobj) return false;
      if (k.kind == Constraint::Kind::kXcomp && !k.negated) {
        if (!k.lemmas.empty() || k.actor) return false;
        carrier = true;
      }
    }
    const Clause* x = ClauseAt(OpenComplement(c));
    const Pattern* lower = x ? Match(*x) : nullptr;
    // "plans to have contact with", "to hold talks": a light verb's noun is the act.
    if (carrier && x && !lower)
      for (const Clause& n : clauses_)
        if (n.noun && !n.adjunct && n.governor == x->predicate && (lower = Match(n))) {
          x = &n;
          break;
        }
    // "wants to criticize", "hopes to say": no intent form, no event, and
    // the complement is not done.
    auto no_intent = [&] {
      if (!carrier) return false;
      if (x) consumed_.insert(x->predicate);
      *code = "";
      *why = "its complement's act has no intent form";
      return true;
    };
    if (!lower || lower->NoEvent()) return no_intent();
    const std::string act = lower->code.substr(0, lower->code.find(':'));
    const bool petrarch = res_.conventions.combine_verbs == Conventions::Combination::kPetrarch;
    if (petrarch && (carrier || InFamily(act, {"04", "09", "10", "11", "13", "14", "15", "17"}))) {
      lower_only_.insert(x->predicate);
      *code = "";
      *why = "its complement's act stands alone";
      return true;
    }
    if (petrarch && !InFamily(act, {"05", "06", "07", "08", "16", "18", "19", "20"})) return false;
    // Which acts have an intent form is intent.tsv's to say (none for 01,
    // 02, 09-12, nor for 03 and 13, intents already).
    auto intent = res_.intents.Lookup(act);
    if (!intent) return no_intent();
    *code = *intent;
    consumed_.insert(x->predicate);
    *combined = {x, lower};
    *why = "the intent of its complement's act";
    return true;
  }

  // "..., killing at least eight people", "..., offering further support",
  // "... by promoting biofuels", "jailed for helping ...": a present
  // participle hung on its clause with no connective or after a preposition.
  bool ParticipleAdjunct(const Clause& c) const {
    const Token& t = sent_.tokens[c.predicate];
    if (c.noun || t.xpos != "VBG") return false;
    const std::string marker = Marker(c.predicate);
    if (t.deprel == "advcl") return marker.empty() || IsPreposition(marker);
    // "..., especially by promoting biofuels" may be parsed as a conjunct;
    if (t.deprel == "conj") return marker == "by";
    // "bombarded Aleppo overnight, killing ..." as a modifier of the noun
    // before the comma.
    return t.deprel == "acl" && c.predicate > 0 && sent_.tokens[c.predicate - 1].form == ","sv;
  }

  // A gerund after a preposition ("jailed for helping ...", "after meeting
  // ...") stands in a prepositional phrase, which PETRARCH does not search
  // for verbs; "while meeting ..." is a subordinate clause, which it does.
  static bool IsPreposition(std::string_view marker) {
    for (std::string_view p : {"by"sv, "after"sv, "before"sv, "for"sv, "since"sv, "without"sv, "despite"sv, "upon"sv,
                               "on"sv, "in"sv, "from"sv, "against"sv, "of"sv})
      if (marker == p) return true;
    return false;
  }

  // Whether c is a participle adjunct or the complement (open, clausal or
  // relative) of a clause inside one: what it holds is in the same phrase.
  bool InParticipleAdjunct(const Clause& c) const {
    if (ParticipleAdjunct(c)) return true;
    for (int h = c.predicate; h >= 0;) {
      const std::string& rel = sent_.tokens[h].deprel;
      if (rel != "xcomp"sv && rel != "ccomp"sv && rel.rfind("acl", 0) != 0) return false;
      h = sent_.tokens[h].head;
      if (h < 0) return false;
      if (const Clause* up = ClauseAt(h); up && ParticipleAdjunct(*up)) return true;
    }
    return false;
  }

  // What a request asks for: its open complement, else a to-infinitive the
  // parse read as its purpose ("called on Chile to lift ..."); -1 if none.
  int AskedFor(const Clause& c) const {
    if (c.xcomp >= 0) return c.xcomp;
    for (size_t k = 0; k < sent_.tokens.size(); ++k)
      if (sent_.tokens[k].head == c.predicate && IsToPurpose(static_cast<int>(k))) return static_cast<int>(k);
    return -1;
  }

  // The predicate a to-infinitive purpose clause serves; -1 if c is none.
  int PurposeOf(const Clause& c) const {
    return !c.noun && sent_.tokens[c.predicate].head >= 0 && IsToPurpose(c.predicate) ? sent_.tokens[c.predicate].head : -1;
  }

  // Whether token t heads a to-infinitive adverbial clause ("to discuss ...").
  bool IsToPurpose(int t) const { return sent_.tokens[t].deprel == "advcl"sv && Marker(t) == "to"sv; }

  // Whether a purpose clause coded `code` toward `targets` is no event of
  // its own: what a negated act was for ("would not give permission to
  // Russia to help Israel", as the parse may read it); what an appeal,
  // demand or coercion presses for ("pressured Chile to help Bolivia");
  // or the act it serves itself, the same root among the same actors ("met
  // with Assad to discuss ..."), or a consultation's topic whoever it names
  // ("met with Assad to discuss the militants"). "travelled to Chile to meet
  // Bolivia" is two events.
  bool PartOfServedAct(const Clause& c, const std::string& code, const std::vector<int>& targets) const {
    const int served = PurposeOf(c);
    if (served < 0) return false;
    if (const Clause* main = ClauseAt(served); main && main->negated) return true;
    auto it = coded_code_.find(served);
    if (it == coded_code_.end()) return false;
    const std::string& main = it->second;
    if (InFamily(main, {"02", "10", "17"})) return true;
    const std::string root = main.substr(main[0] == ':' ? 1 : 0, 2);
    if (!InFamily(code, {root.c_str()})) return false;
    // "met with Assad to discuss the militants": what the meeting was about.
    if (root == "04"sv && InClass("@topic-verb", c.lemma)) return true;
    auto actors = event_actors_.find(served);  // present: the act emitted events
    for (int t : targets)
      if (t >= 0 && !actors->second.count(ActorOf(t).first)) return false;
    return true;
  }

  // "warned that they could deploy troops": a that-clause whose subjects are
  // all the predicate's own actors is its open complement, as in "threatened
  // to deploy troops": same actor, same frame. Else the parse's xcomp.
  int OpenComplement(const Clause& c) const {
    if (c.xcomp >= 0 || c.noun || c.passive || c.subjects.empty()) return c.xcomp;
    std::set<std::string> own;
    for (int h : c.subjects)
      for (int a : ActorTokens(h)) own.insert(ActorOf(a).second.substr(0, 6));
    if (own.empty()) return -1;
    for (const Clause& k : clauses_) {
      if (k.noun || k.passive || k.subjects.empty() || sent_.tokens[k.predicate].head != c.predicate ||
          sent_.tokens[k.predicate].deprel != "ccomp"sv)
        continue;
      bool all_own = true;
      for (int h : k.subjects) {
        int a = ActorToken(h);
        all_own = all_own && a >= 0 && own.count(ActorOf(a).second.substr(0, 6));
      }
      if (all_own) return k.predicate;
    }
    return -1;
  }

  // The predicates of c's content clauses about a state of affairs, whose
  // subjects name no actor ("warned *that* civilians *were* at risk"). Not
  // the one read as its open complement (the own act of OpenComplement),
  // nor another actor's act ("warned that Russia would interfere").
  std::vector<int> ContentClauses(const Clause& c, int open_complement) const {
    std::vector<int> heads;
    if (c.noun) return heads;
    for (size_t t = 0; t < sent_.tokens.size(); ++t) {
      const Token& tok = sent_.tokens[t];
      if (tok.head != c.predicate || tok.deprel != "ccomp"sv || static_cast<int>(t) == open_complement) continue;
      bool actor_subject = false;
      for (int k : SubjectTokens(static_cast<int>(t)))
        for (int h : WithConjuncts(sent_, k)) actor_subject = actor_subject || ActorToken(h) >= 0;
      if (!actor_subject) heads.push_back(static_cast<int>(t));
    }
    return heads;
  }

  bool Holds(const Constraint& k, const Clause& c) const {
    int xcomp = OpenComplement(c);
    const Clause* x = xcomp >= 0 ? ClauseAt(xcomp) : nullptr;
    std::vector<int> heads;
    bool present;
    switch (k.kind) {
      case Constraint::Kind::kPassive: return c.passive;
      case Constraint::Kind::kNot: return c.negated;
      case Constraint::Kind::kNounVerb: return c.noun && k.Accepts(c.governor_lemma);
      case Constraint::Kind::kSaid: return false;  // never matched: SaidFor, ApplySpeechTransforms
      case Constraint::Kind::kSubj: heads = c.subjects; break;
      case Constraint::Kind::kObj: heads = c.objects; break;
      case Constraint::Kind::kIobj: if (c.iobj >= 0) heads = {c.iobj}; break;
      case Constraint::Kind::kXcomp: if (xcomp >= 0) heads = {xcomp}; break;
      case Constraint::Kind::kXobj: if (x) heads = x->objects; break;
      case Constraint::Kind::kComp: heads = ContentClauses(c, xcomp); break;
      case Constraint::Kind::kPrep:
        heads = PrepHeads(c.obliques, k.prep);
        if (heads.empty() && !k.negated) heads = PrepBySurface(c, k.prep);
        // "insisted on Wednesday that ...": a date is when, not what.
        std::erase_if(heads, [&](int h) { return InTimeExpression(h); });
        break;
    }
    present = AnyAccepts(k, heads);
    return k.negated ? heads.empty() : present;
  }

  bool InTimeExpression(int t) const {
    return std::any_of(times_.begin(), times_.end(),
                       [&](const TimeExpression& e) { return e.first_token <= t && t <= e.last_token; });
  }

  // "phone call" before "call": the noun with the compounds right before it.
  std::vector<std::string> NounKeys(const Clause& c) const {
    std::vector<std::string> keys = {c.lemma};
    std::string key = c.lemma;
    for (int t = c.predicate - 1; t >= 0; --t) {
      const Token& tok = sent_.tokens[t];
      // "phone call", "military aid": a compound or an adjective.
      if (tok.head != c.predicate || (tok.deprel != "compound"sv && tok.deprel != "amod"sv)) break;
      key = Lemma(tok) + " " + key;
      keys.insert(keys.begin(), key);
    }
    return keys;
  }

  // The patterns of a verb's lemma; when it has none and the lemma may be
  // the lemmatizer's guess at a word it never saw ("underlined" ->
  // "underlin", "elicited" -> "elicite"), those of the first spelling
  // rule's stem that has some ("underline", "elicit").
  const std::vector<const Pattern*>& VerbPatterns(int token, const std::string& lemma) const {
    const std::vector<const Pattern*>& own = res_.patterns.For(lemma);
    const Token& t = sent_.tokens[token];
    if (!own.empty() || t.upos != "VERB"sv) return own;
    const std::string form = text::Lower(t.form);
    auto ends = [&](std::string_view s) { return form.size() > s.size() + 2 && form.ends_with(s); };
    auto cut = [&](size_t n) { return form.substr(0, form.size() - n); };
    std::vector<std::string> stems;
    if (ends("ied")) stems.push_back(cut(3) + "y");
    if (ends("ed")) stems.insert(stems.end(), {cut(1), cut(2), cut(3)});
    if (ends("ing")) stems.insert(stems.end(), {cut(3), cut(3) + "e", cut(4)});
    if (ends("ies")) stems.push_back(cut(3) + "y");
    if (ends("s")) stems.insert(stems.end(), {cut(1), cut(2)});
    for (const std::string& stem : stems)
      if (stem != lemma)
        if (const auto& found = res_.patterns.For(stem); !found.empty()) return found;
    return own;
  }

  const Pattern* Match(const Clause& c) const {
    const std::vector<const Pattern*>* list = &VerbPatterns(c.predicate, c.lemma);
    if (c.noun)
      for (const std::string& key : NounKeys(c))
        if (list = &res_.patterns.ForNoun(key); !list->empty()) break;
    if (!c.particle.empty()) {
      const auto& with_particle = res_.patterns.For(c.lemma + " " + c.particle);
      if (!with_particle.empty()) list = &with_particle;
    }
    // A copular noun ("is of help to", "is a threat") takes only the
    // patterns written for it (noun:be): being a threat is no threat made.
    const bool copular = c.noun && c.governor == c.predicate;
    for (const Pattern* p : *list) {
      bool ok = !copular || std::any_of(p->frame.begin(), p->frame.end(), [](const Constraint& k) {
        return k.kind == Constraint::Kind::kNounVerb && k.Accepts("be");
      });
      for (const Constraint& k : p->frame) ok = ok && Holds(k, c);
      if (ok) return p;
    }
    return nullptr;
  }

  // "accused the US of seeking ...", "blamed Kyiv for ...", parsed with the
  // object as the subject of the "of"/"for" clause: that subject.
  std::vector<int> ChargedSubjects(int predicate) const {
    std::vector<int> out;
    for (size_t v = 0; v < sent_.tokens.size(); ++v) {
      if (sent_.tokens[v].head != predicate || sent_.tokens[v].deprel != "advcl"sv) continue;
      bool charged = false;
      for (const Token& k : sent_.tokens)
        if (k.head == static_cast<int>(v) && k.deprel == "mark"sv)
          charged = charged || text::LowerEquals(k.form, "of") || text::LowerEquals(k.form, "for");
      if (!charged) continue;
      for (size_t k = 0; k < sent_.tokens.size(); ++k)
        if (sent_.tokens[k].head == static_cast<int>(v) && sent_.tokens[k].deprel == "nsubj"sv)
          out.push_back(static_cast<int>(k));
    }
    return out;
  }

  // The argument heads a target slot names, in order of the slots.
  std::vector<int> TargetHeads(const Pattern& p, const Clause& c) const {
    int xcomp = OpenComplement(c);
    const Clause* x = xcomp >= 0 ? ClauseAt(xcomp) : nullptr;
    for (const std::string& slot : p.targets) {
      std::vector<int> heads;
      if (slot == "obj"sv) heads = ObjectHeads(c);
      else if (slot == "iobj"sv && c.iobj >= 0) heads = {c.iobj};
      else if (slot == "xobj"sv && x) heads = x->objects;
      else if (slot.rfind("prep:", 0) == 0) heads = PrepHeads(c.obliques, slot.substr(5));
      else if (slot.rfind("xprep:", 0) == 0 && x) heads = PrepHeads(x->obliques, slot.substr(6));
      else if (slot == "poss"sv) heads = Owners(c.objects);
      for (int& h : heads) h = TargetToken(h, 2);
      std::erase_if(heads, [](int h) { return h < 0; });
      if (heads.empty() && slot.rfind("prep:", 0) == 0) heads = PrepBySurface(c, slot.substr(5));
      if (!heads.empty()) return heads;
    }
    return {};
  }

  // The direct objects; with none, whoever an "accused X of" frame charges,
  // or the one urged when the parse read "urged Chile to withdraw" with an
  // indirect object.
  std::vector<int> ObjectHeads(const Clause& c) const {
    if (!c.objects.empty()) return c.objects;
    std::vector<int> charged = ChargedSubjects(c.predicate);
    if (charged.empty() && c.iobj >= 0 && c.xcomp >= 0) return {c.iobj};
    return charged;
  }

  // Who the nouns belong to: a possessor ("Israel's proposal"), a name
  // before one ("a U.S. request") or a "by"/"from" phrase ("an offer from
  // Kabul"), in token order.
  std::vector<int> Owners(const std::vector<int>& nouns) const {
    std::vector<int> out;
    for (int noun : nouns)
      for (size_t t = 0; t < sent_.tokens.size(); ++t) {
        const Token& k = sent_.tokens[t];
        if (k.head != noun) continue;
        std::string marker = k.deprel == "nmod"sv ? Marker(static_cast<int>(t)) : "";
        // "Russia's demand", "a demand by Russia", "a U.S. demand", "an
        // Australian ultimatum" (the lexicon's author mentions).
        bool owner = k.deprel == "nmod:poss"sv || marker == "by"sv || marker == "from"sv ||
                     (k.deprel == "compound"sv && k.upos == "PROPN"sv && IsActor(static_cast<int>(t))) ||
                     (k.deprel == "amod"sv && IsAuthor(static_cast<int>(t)));
        if (owner) out.push_back(static_cast<int>(t));
      }
    return out;
  }

  // The actors, other than the sources' own state, under the clause's "as a
  // result of", "in response to", "because of" or "due to" phrase.
  std::vector<int> CauseActors(const Clause& c, const std::vector<int>& sources) const {
    std::vector<int> out;
    for (const Oblique& o : c.obliques) {
      const std::string head = Lemma(sent_.tokens[o.head]);
      const bool cause = (o.prep == "as"sv && head == "result"sv) || (o.prep == "in"sv && head == "response"sv) ||
                         o.prep == "because"sv || o.prep == "due"sv;
      if (!cause) continue;
      for (size_t t = 0; t < sent_.tokens.size(); ++t) {
        const int a = static_cast<int>(t);
        if (!IsActor(a) || IsPlace(a) || !Governs(o.head, a) || sent_.tokens[a].upos == "PRON"sv) continue;
        if (covering_[a] >= 0 && doc_.mentions[covering_[a]].first_token != a) continue;
        bool own = false;
        for (int s : sources) own = own || SameState(ActorOf(s).second, ActorOf(a).second);
        bool seen = false;
        for (int k : out) seen = seen || ActorOf(k).second == ActorOf(a).second;
        if (!own && !seen) out.push_back(a);
      }
    }
    return out;
  }

  // Whether every target is coded as one of the sources.
  bool TheSourcesOnly(const std::vector<int>& targets, const std::vector<int>& sources) const {
    if (targets.empty() || sources.empty()) return false;
    for (int t : targets) {
      bool own = false;
      for (int s : sources) own = own || ActorOf(t).second == ActorOf(s).second;
      if (!own) return false;
    }
    return true;
  }

  // "granting asylum to Maduro Colombia's chancellor", two sentences run
  // together with the speaker's own minister read as the recipient: a
  // target that is the source itself is nobody's target, but an actor
  // possessing it ("Maduro" read as the possessor) is.
  std::vector<int> OtherOwners(const std::vector<int>& targets, const std::vector<int>& sources) const {
    std::vector<int> out;
    for (int t : targets) {
      if (t >= kListed) continue;
      for (size_t k = 0; k < sent_.tokens.size(); ++k)
        if (sent_.tokens[k].head == t && sent_.tokens[k].deprel == "nmod:poss"sv && IsActor(static_cast<int>(k)) &&
            !TheSourcesOnly({static_cast<int>(k)}, sources))
          out.push_back(static_cast<int>(k));
    }
    return out.empty() ? targets : out;
  }

  // When the parse lost a preposition's phrase ("reached out to embattled
  // Venezuelan leader Maduro" read with "to" as an infinitive marker): the
  // preposition right after the predicate (past its particle and object
  // words), followed by an actor within a noun phrase's reach.
  std::vector<int> PrepBySurface(const Clause& c, const std::string& prep) const {
    if (prep.find(' ') != std::string::npos) return {};
    const int n = static_cast<int>(sent_.tokens.size());
    int t = c.predicate + 1;
    for (int skipped = 0; t < n && skipped < 4; ++t, ++skipped) {
      const Token& tok = sent_.tokens[t];
      if (text::Lower(tok.form) == prep) break;
      if (tok.upos == "VERB"sv || tok.upos == "AUX"sv || tok.upos == "PUNCT"sv || tok.upos == "SCONJ"sv || IsActor(t)) return {};
    }
    if (t >= n || text::Lower(sent_.tokens[t].form) != prep) return {};
    for (int k = t + 1, words = 0; k < n && words < 4; ++k, ++words) {
      if (IsActor(k)) return {k};
      const std::string& upos = sent_.tokens[k].upos;
      // A participle before the name may be tagged as any verb form ("to
      // embattled leader X" read as an infinitive).
      bool in_phrase = upos == "DET"sv || upos == "ADJ"sv || upos == "NOUN"sv || upos == "NUM"sv || upos == "VERB"sv;
      if (!in_phrase) return {};
    }
    return {};
  }

  bool Code(const Clause& c, std::optional<Date>* previous_date) {
    if (c.double_object && c.xcomp < 0 && !c.objects.empty()) {
      // "declared Maduro the winner", "called Sisi a dictator": the second
      // object is the first's predicate when a small-clause pattern of the
      // verb (one constraining both the object and the complement) holds so.
      Clause small = c;
      small.double_object = false;
      small.xcomp = c.objects.front();
      small.objects = WithConjuncts(sent_, c.iobj);
      small.iobj = -1;
      auto constrains = [](const Pattern* p, Constraint::Kind kind) {
        return std::any_of(p->frame.begin(), p->frame.end(),
                           [kind](const Constraint& k) { return k.kind == kind && !k.negated; });
      };
      if (const Pattern* p = Match(small);
          p && constrains(p, Constraint::Kind::kXcomp) && constrains(p, Constraint::Kind::kObj))
        return Code(small, previous_date);
    }
    if (c.question) return Trace(c, "no event: a question"), false;
    if (std::string why = Unasserted(c); !why.empty()) return Trace(c, "no event: " + why), false;
    // "condemned the riots", "police stopped the riots": the noun's act is
    // not the condemner's; it keeps only sources of its own (an owner).
    if (OthersAct(c) && !c.subjects.empty()) {
      Clause own = c;
      own.subjects.clear();
      return Code(own, previous_date);
    }
    const Pattern* p = Match(c);
    if (!p) return Trace(c, "no pattern"), false;
    for (const Constraint& k : p->frame) {
      if ((k.kind == Constraint::Kind::kXcomp || k.kind == Constraint::Kind::kXobj) && OpenComplement(c) >= 0)
        consumed_.insert(OpenComplement(c));
      // "lift the sanctions": an object the frame names by its word is part
      // of the verb's event, not a noun event of its own, coded or not.
      if (k.kind == Constraint::Kind::kObj && !k.negated && !k.lemmas.empty() && !k.actor)
        for (int o : c.objects) consumed_.insert(o);
    }
    std::string rule = p->file.substr(p->file.rfind('/') + 1) + ":" + std::to_string(p->line) + " " + p->Key() + " " + p->FrameText();
    if (p->NoEvent()) return Trace(c, "no event: a null pattern (" + rule + ")"), true;
    matched_[c.predicate] = p->code;
    if (std::string word = Obligation(c); !word.empty() && !OwnObligation(c))
      return CodeObligation(c, *p, rule, word, previous_date);
    // "if he resigned", "unless talks resume": a condition says neither that
    // it happened nor that anyone means it to.
    if (c.conditional) return Trace(c, "no event: a condition (" + rule + ")"), false;
    // "would have killed me", "might not otherwise have agreed": what might
    // have been, not what was.
    if (c.speculative) return Trace(c, "no event: a speculation about the past (" + rule + ")"), false;
    std::string code = p->code;
    // "asked Obama to help Iran" by a plain appeal or demand pattern (020,
    // 100): the request takes its subcode from the act asked for (023).
    if (code == "020" || code == "100")
      if (const Clause* asked = ClauseAt(AskedFor(c)))
        if (const Pattern* act = Match(*asked); act && !act->NoEvent() && act->code.find(':') == std::string::npos) {
          if (std::string refined = RequestCode(act->code, code == "100"); refined != code) {
            code = refined;
            rule += " [subcode from the act asked for]";
          }
        }
    Combined combined;
    if (lower_only_.count(c.predicate)) code = code.substr(0, code.find(':'));  // combined: no way back
    if (std::string why; CombineWithComplement(c, *p, &code, &why, &combined)) {
      if (code.empty()) return Trace(c, "no event: " + why + " (" + rule + ")"), false;
      rule += " [" + why + "]";
    }
    if (c.negated && !p->ForNegated()) {
      auto rejection = res_.negations.Lookup(code);
      if (!rejection) return Trace(c, "no event: negated (" + rule + ")"), false;
      code = *rejection;
      rule += " [negated]";
    }
    bool intent = (c.modal || (c.future && res_.conventions.future_is_intent)) && (!c.negated || p->ForNegated());
    if (intent && code.rfind("03", 0) != 0 && code.rfind("13", 0) != 0) {
      auto as_intent = res_.intents.Lookup(code);
      // "will ask the court to ...": an announced act with no intent form is the act.
      if (!as_intent && !c.modal) intent = false;
      else if (!as_intent) return Trace(c, "no event: modal act without an intent code (" + rule + ")"), false;
      else code = *as_intent;
    }
    if (code.rfind("01", 0) == 0 && coded_circumstance_.count(c.predicate))
      return Trace(c, "no event: the statement's circumstance is coded (" + rule + ")"), false;
    std::vector<int> sources;
    const bool others_act = OthersAct(c);
    for (int h : c.subjects)
      for (int a : ActorTokens(h)) sources.push_back(a);
    // "the Hamas-led attack", "a Saudi-led coalition": the leader acts, not
    // the subject of the verb the noun hangs on ("involved in ...").
    if (c.noun)
      if (int leader = LedBy(c.predicate); leader >= 0) sources = {leader}, rule += " [source: the leader]";
    // "A and B met" parsed with A lost to a phrase before it.
    if (sources.size() == 1 && c.subjects.size() == 1) sources = CoordinatedActors(sources[0]);
    // "a police attempt to quell ...", "Russia's bid to ...", "killed in an
    // Israeli airstrike": the undertaking's or the attack's owner acts.
    if (sources.empty())
      for (int h : c.subjects)
        if (InClass("@undertaking", Lemma(sent_.tokens[h])))
          for (int o : UndertakingOwners(h)) sources.push_back(o);
    if (sources.empty() && c.noun && InClass("@undertaking", c.lemma)) sources = UndertakingOwners(c.predicate);
    // "a Ukrainian protestor", "a Pentagon spokesman": a subject that is no
    // actor itself belongs to the actor that modifies it; not what an actor
    // owns ("Beijing's strategy is a failure") nor its weapons ("the USA
    // tanks might want").
    if (sources.empty())
      for (int h : c.subjects)
        if (!InClass("@weapon", Lemma(sent_.tokens[h])) && !InClass("@military", Lemma(sent_.tokens[h])))
          for (int o : UndertakingOwners(h))
            if (sent_.tokens[o].deprel == "amod"sv || sent_.tokens[o].deprel == "compound"sv) sources.push_back(o);
    // No subject, or none that is an actor ("after Russia sent ..." read with
    // a subject far away): an actor right before the verb.
    // "a disagreement between A and B": with no actor subject, the partners
    // act among themselves.
    bool among_partners = false;
    if (sources.empty() && c.noun) {
      // "a meeting between A and B in Chile": a place is where, not a partner.
      for (int h : PrepHeads(c.obliques, "between"))
        for (int a : ActorTokens(h))
          if (!IsPlace(a)) sources.push_back(a);
      for (int h : sources)
        for (int k : CoordinatedActors(h)) if (std::find(sources.begin(), sources.end(), k) == sources.end()) sources.push_back(k);
      among_partners = DistinctActors(sources) >= 2;
      if (among_partners) rule += " [among the partners]";
      else sources.clear();
    }
    // A noun's verb stands for it ("A and B made public a phone call").
    if (sources.empty() && !c.passive && !others_act &&
        (!c.noun || (c.governor >= 0 && !c.adjunct && c.subjects.empty()))) {
      if (int h = LeftSubject(c.noun ? c.governor : c.predicate); h >= 0)
        sources = CoordinatedActors(h), rule += " [subject by position]";
    }
    // A conjunct with no subject of its own (the analysis lends it its
    // head's, which named no actor), or whose "subject" follows it, a
    // misparse ("offered ... and warned that such a plot could be organized").
    const bool subjects_after = !c.subjects.empty() && std::all_of(c.subjects.begin(), c.subjects.end(),
                                                                    [&](int h) { return h > c.predicate; });
    if (sources.empty() && (SubjectTokens(c.predicate).empty() || subjects_after) && !c.noun &&
        sent_.tokens[c.predicate].deprel == "conj"sv) {
      // "offered ... and warned that ...": the source of the nearest earlier
      // conjunct that had one, however found.
      for (int t = c.predicate, steps = 0; sources.empty() && steps < 4 && sent_.tokens[t].deprel == "conj"sv; ++steps) {
        t = sent_.tokens[t].head;
        if (t < 0) break;
        if (auto it = sources_of_.find(t); it != sources_of_.end()) sources = it->second;
      }
    }
    // "said any aggression would meet a response": a threat against an act
    // of aggression is the reporter's.
    const bool against_aggression =
        InFamily(code, {"13"}) && !c.subjects.empty() &&
        std::all_of(c.subjects.begin(), c.subjects.end(), [&](int h) { return InClass("@aggression", Lemma(sent_.tokens[h])); });
    // Force with no agent: "killed in an air strike by government forces",
    // "... in a Saudi airstrike": the attack's owner; "a mortar bomb was
    // fired at it from the Gaza Strip": where it was launched from.
    const bool agentless_force = sources.empty() && c.passive && InFamily(code, {"18", "19", "20"});
    if (agentless_force)
      for (int h : PrepHeads(c.obliques, "in"))
        if (InClass("@undertaking", Lemma(sent_.tokens[h])))
          for (int o : UndertakingOwners(h))
            if (sources.empty()) sources.push_back(o), rule += " [source: the attack's owner]";
    if (agentless_force && sources.empty())
      for (int h : PrepHeads(c.obliques, "from"))
        if (int a = ActorToken(h); a >= 0 && sources.empty()) sources.push_back(a), rule += " [source: where it came from]";
    // "Lukashenko told the envoy Maduro was welcome": a reported clause with
    // no agent of its own is the reporter's; not force done to others ("medics
    // said four people were killed": the medics killed no one).
    if (sources.empty() && !agentless_force &&
        (c.subjects.empty() || c.passive || OnlyPronouns(c.subjects) || against_aggression)) {
      if (int h = ReporterSubject(c.predicate); h >= 0)
        sources = AllCoordinated(h), rule += " [source: the reporter]";  // "A and B said they ...": both
    }
    // "They wanted us on our knees," the minister said: inside a quotation a
    // speaker calls their own side "we"; a "they" resolved to it is wrong.
    std::erase_if(sources, [&](int h) { return SpeakersSideAsThirdPerson(h); });
    sources_of_[c.predicate] = sources;
    if (sources.empty()) return Trace(c, "no event: no source actor (" + rule + ")"), false;
    bool needs_target = !(p->targets.size() == 1 && p->targets[0] == "none"sv);
    if (!needs_target && code.rfind("01", 0) == 0 && !statement_pass_) {
      statements_.push_back(&c);
      return false;
    }
    std::vector<int> targets = needs_target && !among_partners ? TargetHeads(*p, c) : std::vector<int>{};
    if (targets.empty() && combined.clause && !among_partners) targets = TargetHeads(*combined.pattern, *combined.clause);
    // "A and B keep troops in their border regions": where a show of force
    // stands, a possessive or reflexive pronoun that stands for a source is
    // the sources' own ground, not a target.
    std::erase_if(targets, [&](int t) {
      if (t >= kListed || sent_.tokens[t].upos != "PRON"sv || !InFamily(code, {"15"})) return false;
      const std::string form = text::Lower(sent_.tokens[t].form);
      if (sent_.tokens[t].deprel != "nmod:poss"sv && !form.ends_with("self") && !form.ends_with("selves")) return false;
      for (int s : sources)
        if (ActorOf(s).second == ActorOf(t).second) return true;
      return false;
    });
    // "... maintain troops in the border area as a result of fighting between
    // rebel groups": a show of force is aimed at those it answers.
    if (targets.empty() && needs_target && InFamily(code, {"15"})) {
      targets = CauseActors(c, sources);
      if (!targets.empty()) rule += " [target: what it answers]";
    }
    if (TheSourcesOnly(targets, sources)) {
      std::vector<int> owners = OtherOwners(targets, sources);
      if (owners != targets) targets = owners, rule += " [target: the possessor]";
    }
    if (needs_target && targets.empty() && c.adjunct && !among_partners) targets = GovernorAddressees(c);
    // "Colombia warned that Russia ...": a target the frame does not name is
    // the first other actor of what was said.
    if (statement_pass_ && deontic_.verb >= 0 && code.rfind("01", 0) == 0) {
      // "X said Y must accept ...": a demand (with "should", an appeal) aimed
      // at Y, instead of Y's own act or intent.
      std::set<std::string> source_codes;
      for (int h : sources) source_codes.insert(ActorOf(h).second);
      for (int h : deontic_.subjects)  // "Maduro said Venezuela must ...": a pledge, not a demand
        if (!source_codes.count(ActorOf(h).second)) targets.push_back(h);
      if (targets.empty() && !deontic_.impersonal) {
        if (deontic_.embedded_coded) return Trace(c, "statement: what was said is coded as its own event"), false;
      } else {
        std::string content;
        for (const Event& e : doc_.events)
          if (content.empty() && e.sentence == s_ && InPredicate(deontic_.verb, e.predicate)) content = e.cameo;
        std::erase_if(doc_.events, [&](const Event& e) { return e.sentence == s_ && InPredicate(deontic_.verb, e.predicate); });
        code = RequestCode(content, deontic_.word == "must"sv && !deontic_.impersonal);
        rule += " [\"" + deontic_.word + "\" in what was said]";
      }
    }
    // "X said Y's troops were mobilized", "... called it a farce", "... is the
    // legitimate president": a plain statement takes the type of what it says.
    if (statement_pass_ && code == "010"sv) {
      for (const Stance& stance : stances_) {
        targets = OthersOnly(stance.about, sources);
        if (targets.empty()) continue;
        code = stance.code;
        rule += " [" + stance.why + "]";
        break;
      }
    }
    // "told Trump that ...": a statement's addressee is its target.
    if (targets.empty() && statement_pass_ && !deontic_.embedded_coded) {
      std::vector<int> told = c.objects;
      if (c.iobj >= 0) told.insert(told.begin(), c.iobj);
      for (int h : told)
        if (int a = ActorToken(h); a >= 0) targets.push_back(a);
    }
    if (targets.empty() && !deontic_.impersonal &&
        ((needs_target && HasComplement(c) && !among_partners) || statement_pass_)) {
      targets = StatementTargets(c, sources);
      if (!targets.empty() && !statement_pass_) rule += " [target from the complement]";
    }
    // "told Trump he was willing to leave": an intent stated to someone,
    // with no target of its own, is aimed at the one told.
    if (targets.empty() && !among_partners && code.rfind("03", 0) == 0) {
      targets = ReporterAddressees(c.predicate);
      if (!targets.empty()) rule += " [target: the one told]";
    }
    // "called for a transition in Caracas": an appeal, demand, complaint or
    // rejection about a place is addressed to its government.
    if (needs_target && targets.empty() && !among_partners && IsAddressedToGovernment(code)) {
      if (int t = PlaceInArguments(c); t >= 0) targets.push_back(t), rule += " [target: the place named]";
    }
    // "questioned the result", "welcomed the official results": a vote is
    // its country's government's.
    if (targets.empty() && !among_partners) {
      if (int t = VoteHolder(c); t >= 0) targets.push_back(t), rule += " [target: the vote's government]";
    }
    // "insisted on the need to release the vote counts": a foreign actor's
    // appeal, demand, complaint or rejection that names no addressee
    // concerns the government of the country the article is about. Not a
    // news agency's: "Reuters asked for comment" is reporting.
    if (targets.empty() && !among_partners && IsAddressedToGovernment(code) && !IsMediaCode(ActorOf(sources[0]).second)) {
      std::string country = MainCountry(kDominance);
      int m = LatestMention(country + "GOV");
      if (m >= 0 && ActorOf(sources[0]).second.compare(0, 3, country) != 0)
        targets.push_back(kListed + m), rule += " [target: the article's country]";
    }
    // "..., while the regime denies it": a denial answers whoever last
    // accused or addressed the denier.
    if (targets.empty() && code.rfind("016", 0) == 0 && !sources.empty()) {
      if (int t = Accuser(ActorOf(sources[0]).second); t >= 0) targets.push_back(t), rule += " [target: the accuser]";
    }
    // "Maduro and Putin held talks", "Jordan and Britain agreed to hold
    // exercises": consultation and cooperation among the subjects.
    bool among_sources = among_partners || (targets.empty() && IsMutual(code) && DistinctActors(sources) >= 2);
    // "when discussing Ukraine": a consultation with no partner is none.
    if (targets.empty() && !among_sources && (code.rfind("04", 0) == 0 || p->code.rfind("04", 0) == 0))
      return Trace(c, "no event: a consultation with no partner (" + rule + ")"), false;
    // "X warned that ..." with nobody named: a threat all the same.
    // PETRARCH codes an act with no target too ("Interpol will send a team": - ).
    bool untargeted = targets.empty() && (code.rfind("13", 0) == 0 || (statement_pass_ && deontic_.impersonal) ||
                                          (res_.conventions.untargeted_acts && !statement_pass_ && !p->frame.empty() &&
                                           rule.find("[source: the reporter]") == std::string::npos &&
                                           rule.find("[subject by position]") == std::string::npos));
    if ((needs_target || statement_pass_) && targets.empty() && !among_sources && !untargeted)
      return Trace(c, "no event: no target actor (" + rule + ")"), false;
    if (among_sources && !among_partners) rule += " [among the subjects]";
    if (untargeted) rule += " [no target]";
    if (targets.empty()) targets.push_back(-1);
    EventDate when = PickEventDate(sent_, times_, c.predicate, doc_.date);
    if (when.resolved()) *previous_date = when.date;
    if (PartOfServedAct(c, code, targets)) return Trace(c, "no event: part of the act it is the purpose of (" + rule + ")"), false;
    int emitted = 0;
    if (among_sources) {
      for (size_t i = 0; i < sources.size(); ++i)
        for (size_t j = i + 1; j < sources.size(); ++j) {
          emitted += Emit(c, *p, code, rule, intent, sources[i], sources[j], when);
          if (res_.conventions.mutual_both_ways) emitted += Emit(c, *p, code, rule, intent, sources[j], sources[i], when);
        }
    } else {
      for (int sh : sources)
        for (int th : targets) emitted += Emit(c, *p, code, rule, intent, sh, th, when);
    }
    Trace(c, emitted ? std::to_string(emitted) + " event(s): " + code + " by " + rule
                     : "no event: source and target are the same actor (" + rule + ")");
    if (emitted > 0) coded_code_.emplace(c.predicate, code);
    // "asked Obama to help Iran", "urged Russia to withdraw": what an
    // appeal, demand or coercion presses for is part of it.
    if (emitted > 0 && c.xcomp >= 0 && InFamily(code, {"02", "10", "17"})) consumed_.insert(c.xcomp);
    // "accused the US of seeking to foment a coup": what a charge alleges is
    // the charge's content, not an event of its own.
    if (emitted > 0 && InFamily(code, {"11"}))
      for (size_t k = 0; k < sent_.tokens.size(); ++k) {
        const int t = static_cast<int>(k);
        const int head = sent_.tokens[t].head;
        const bool on_charge = head == c.predicate || std::find(c.objects.begin(), c.objects.end(), head) != c.objects.end();
        if (!on_charge || sent_.tokens[t].upos != "VERB"sv || (Marker(t) != "of"sv && Marker(t) != "for"sv)) continue;
        for (int x = t, steps = 0; x >= 0 && steps < 4; ++steps) {
          consumed_.insert(x);
          const Clause* k_clause = ClauseAt(x);
          x = k_clause ? k_clause->xcomp : -1;
        }
      }
    return emitted > 0;
  }

  // The latest event of this or the two sentences before whose target is
  // `code`, as an argument token for its source (a mention of it, kListed +
  // index); -1 if none.
  int Accuser(const std::string& code) const {
    for (auto e = doc_.events.rbegin(); e != doc_.events.rend() && e->sentence >= s_ - 2; ++e) {
      if (e->target != code || e->source == code) continue;
      for (int m = static_cast<int>(doc_.mentions.size()) - 1; m >= 0; --m)
        if (doc_.mentions[m].actor == e->source_actor && doc_.mentions[m].sentence <= s_) return kListed + m;
    }
    return -1;
  }

  // For an object in the pattern set's @election class: the government of
  // the country named in its phrase ("Venezuela's election", "the vote in
  // Venezuela"), else of the article's main country so far, as an argument
  // token (a mention, kListed + index); -1 if none.
  int VoteHolder(const Clause& c) const {
    for (int o : c.objects)
      if (int holder = VoteHolderOf(o); holder >= 0) return holder;
    // "an election that the US called a farce": the noun a relative clause
    // describes, when the parse gave the clause no pronoun for it.
    const Token& pred = sent_.tokens[c.predicate];
    if (!c.noun && pred.deprel.rfind("acl", 0) == 0) return VoteHolderOf(pred.head);
    return -1;
  }

  // The same for one noun; -1 if it is no vote.
  int VoteHolderOf(int noun) const {
    if (noun < 0 || noun >= kListed || !InClass("@election", Lemma(sent_.tokens[noun]))) return -1;
    std::string country;
    int named = -1;
    for (size_t t = 0; t < sent_.tokens.size() && country.empty(); ++t)
      if (static_cast<int>(t) != noun && IsActor(static_cast<int>(t)) && InNounPhrase(noun, static_cast<int>(t)))
        named = static_cast<int>(t), country = ActorOf(named).second.substr(0, 3);
    if (country.empty()) country = MainCountry();
    int m = LatestMention(country + "GOV");
    // No mention of the government yet: the country named as a place
    // stands for it (Emit addresses a complaint to its government).
    if (m < 0) return IsPlace(named) ? named : -1;
    return kListed + m;
  }

  // The actor of an "X-led" modifier of `noun` ("the Hamas-led attack"),
  // or -1.
  int LedBy(int noun) const {
    for (size_t k = 1; k < sent_.tokens.size(); ++k) {
      const Token& led = sent_.tokens[k];
      if (led.head != noun || Lemma(led) != "lead"sv || sent_.tokens[k - 1].form != "-"sv) continue;
      for (size_t a = 0; a < k; ++a)
        if (sent_.tokens[a].head == static_cast<int>(k) && IsActor(static_cast<int>(a))) return static_cast<int>(a);
    }
    return -1;
  }

  // Who an undertaking noun belongs to: an actor as its possessor, its
  // compound or adjective modifier or its "by" phrase ("police attempt",
  // "Russia's bid", "an effort by Brazil", "an Israeli airstrike").
  std::vector<int> UndertakingOwners(int noun) const {
    std::vector<int> out;
    for (size_t t = 0; t < sent_.tokens.size(); ++t) {
      const Token& k = sent_.tokens[t];
      if (k.head != noun || !IsActor(static_cast<int>(t))) continue;
      if (k.deprel == "compound"sv || k.deprel == "nmod:poss"sv || k.deprel == "amod"sv ||
          (k.deprel == "nmod"sv && Marker(static_cast<int>(t)) == "by"sv))
        out.push_back(static_cast<int>(t));
    }
    return out;
  }

  // Whether `token` is inside the noun phrase headed by `noun`, not in a
  // clause below it ("the vote that X called").
  bool InNounPhrase(int noun, int token) const {
    for (int t = token, steps = 0; t >= 0 && steps < 64; t = sent_.tokens[t].head, ++steps) {
      if (t == noun) return true;
      if (sent_.tokens[t].upos == "VERB"sv || sent_.tokens[t].upos == "AUX"sv) return false;
    }
    return false;
  }

  // How much more often than any other an article must name its main
  // country before an unnamed addressee is taken to be that country's
  // government (an article between two powers has no such country).
  static constexpr double kDominance = 2.0;

  // The country whose government or territory the article has named most
  // often before this sentence (in it, for a first sentence), and at least
  // `dominance` times as often as any other; "" if none.
  std::string MainCountry(double dominance = 1.0) const {
    std::map<std::string, int> counts;
    for (const Mention& m : doc_.mentions)
      if ((m.sentence < s_ || (s_ == 0 && m.sentence == 0)) &&
          (m.code.size() == 3 || (m.code.size() == 6 && m.code.compare(3, 3, "GOV") == 0)))
        ++counts[m.code.substr(0, 3)];
    std::string best;
    int best_n = 0, second_n = 0;
    for (const auto& [country, n] : counts) {
      if (n > best_n) second_n = best_n, best_n = n, best = country;
      else second_n = std::max(second_n, n);
    }
    return best_n >= dominance * second_n ? best : "";
  }

  // The latest mention coded `code` up to this sentence; -1 if none.
  int LatestMention(const std::string& code) const {
    for (int m = static_cast<int>(doc_.mentions.size()) - 1; m >= 0; --m)
      if (doc_.mentions[m].sentence <= s_ && doc_.mentions[m].code == code) return m;
    return -1;
  }

  // Whether the code (its prefix), or either part of an imported pair "A:B" (A forward,
  // B from the target back), is in one of the families.
  static bool InFamily(const std::string& code, std::initializer_list<const char*> families) {
    const size_t colon = code.find(':');
    if (colon != std::string::npos)
      return InFamily(code.substr(0, colon), families) || InFamily(code.substr(colon + 1), families);
    for (const char* family : families)
      if (!code.empty() && code.rfind(family, 0) == 0) return true;
    return false;
  }

  // Codes whose untargeted act by several subjects is done among them:
  // intent to cooperate (03), consult (04), material cooperation (06),
  // diplomatic cooperation and agreements (050, 057), a truce ("Bosnia and
  // Slovenia agreed to a ceasefire": 0871), but not praise or recognition,
  // which are given to someone else.
  static bool IsMutual(const std::string& code) { return InFamily(code, {"03", "04", "06", "050", "057", "0871"}); }

  static bool IsAddressedToGovernment(const std::string& code) { return InFamily(code, {"02", "10", "11", "12"}); }

  // The lexicon's mention covering a sentence token; null for none (and
  // for a quotation's speaker standing in a first-person pronoun).
  const Mention* CoveringMention(int token) const {
    return token >= 0 && token < kListed && covering_[token] >= 0 ? &doc_.mentions[covering_[token]] : nullptr;
  }

  // The quotation with a known speaker that holds sentence token t (the
  // last such), or -1.
  int QuoteWithSpeakerAt(int t) const {
    int found = -1;
    const Token& tok = sent_.tokens[t];
    for (size_t q = 0; q < doc_.quotes.size(); ++q) {
      const Quote& quote = doc_.quotes[q];
      if (quote.speaker_actor >= 0 && !quote.speaker.empty() && quote.raw.begin <= tok.raw.begin &&
          tok.raw.end <= quote.raw.end)
        found = static_cast<int>(q);
    }
    return found;
  }

  // A third-person plural pronoun inside a quotation, resolved to the
  // country of the quotation's speaker.
  bool SpeakersSideAsThirdPerson(int token) const {
    const Mention* m = CoveringMention(token);
    if (!m || m->how != "pronoun"sv) return false;
    const std::string& w = sent_.tokens[token].form;
    if (!text::LowerEquals(w, "they") && !text::LowerEquals(w, "them")) return false;
    const int q = QuoteWithSpeakerAt(token);
    return q >= 0 && doc_.quotes[q].speaker.size() >= 3 && m->code.size() >= 3 &&
           doc_.quotes[q].speaker.compare(0, 3, m->code, 0, 3) == 0;
  }

  bool IsAuthor(int token) const {
    const Mention* m = CoveringMention(token);
    return m && m->how == "author"sv;
  }

  bool IsPlace(int token) const {
    const Mention* m = CoveringMention(token);
    return m && m->how == "place"sv && m->code.size() == 3;
  }

  // A country named as a place ("in Caracas", "in Venezuela") inside the
  // predicate's own objects and obliques (not its subjects, nor a clause
  // below it: "accused X of seeking change in Caracas"); -1 if none.
  int PlaceInArguments(const Clause& c) const {
    for (size_t t = 0; t < sent_.tokens.size(); ++t) {
      if (!IsPlace(static_cast<int>(t))) continue;
      int h = sent_.tokens[t].head;
      while (h >= 0 && h != c.predicate && sent_.tokens[h].upos != "VERB"sv) h = sent_.tokens[h].head;
      if (h != c.predicate) continue;
      bool in_subject = false;
      for (int s : c.subjects) in_subject = in_subject || Governs(s, static_cast<int>(t));
      if (!in_subject) return static_cast<int>(t);
    }
    return -1;
  }

  // Unresolved pronouns ("stated this does not recognize ...") leave the
  // clause to its reporter.
  bool OnlyPronouns(const std::vector<int>& heads) const {
    for (int h : heads) {
      const Token& t = sent_.tokens[h];
      if (t.upos != "PRON"sv || IsRelativePronoun(t) || IsActor(h)) return false;  // a relative's noun is the subject
    }
    return !heads.empty();
  }

  int DistinctActors(const std::vector<int>& tokens) const {
    std::set<int> actors;
    for (int t : tokens) actors.insert(ActorOf(t).first);
    return static_cast<int>(actors.size());
  }

  // For a circumstance noun with no target of its own: whom its verb
  // addresses ("told *Trump* in a phone call").
  std::vector<int> GovernorAddressees(const Clause& c) const {
    const Clause* v = ClauseAt(c.governor);
    if (!v) return {};
    std::vector<int> heads;
    if (v->iobj >= 0) heads.push_back(v->iobj);
    heads.insert(heads.end(), v->objects.begin(), v->objects.end());
    std::vector<int> out;
    for (int h : heads)
      if (int a = ActorToken(h); a >= 0) out.push_back(a);
    return out;
  }

  // The actor subject of the clause that reports this one ("X said/told ...
  // that <clause>"), climbing through complements; -1 if none.
  int ReporterSubject(int predicate) const {
    int t = predicate;
    for (int steps = 0; steps < 8 && t >= 0; ++steps) {
      const Token& tok = sent_.tokens[t];
      if (tok.deprel != "ccomp"sv && tok.deprel != "xcomp"sv && tok.deprel != "conj"sv && tok.deprel != "parataxis"sv) return -1;
      t = tok.head;
      if (t < 0) return -1;
      if (tok.deprel != "ccomp"sv && tok.deprel != "parataxis"sv) continue;
      // "they found him ..., the court was told": a clause beside another
      // reports it only when the other is a statement verb.
      if (tok.deprel == "parataxis"sv && !IsStatementVerb(t)) return -1;
      for (int k : SubjectTokens(t))
        if (int a = ActorToken(k); a >= 0) return a;
    }
    return -1;
  }

  // Whom the statement that reports this clause is told to ("told Trump
  // that he was willing to leave": Trump): the reporting verb's indirect
  // object, or its object when the clause is a separate complement.
  std::vector<int> ReporterAddressees(int predicate) const {
    const Token& tok = sent_.tokens[predicate];
    if (tok.deprel != "ccomp"sv || tok.head < 0) return {};
    const Clause* v = ClauseAt(tok.head);
    if (!v || !IsStatementVerb(tok.head)) return {};
    std::vector<int> heads = v->objects;
    if (v->iobj >= 0) heads.insert(heads.begin(), v->iobj);
    std::vector<int> out;
    for (int h : heads)
      if (int a = ActorToken(h); a >= 0) out.push_back(a);
    return out;
  }

  // The subjects (nsubj, nsubj:pass) of token `head`, in order.
  std::vector<int> SubjectTokens(int head) const {
    std::vector<int> out;
    for (size_t k = 0; k < sent_.tokens.size(); ++k)
      if (sent_.tokens[k].head == head && sent_.tokens[k].deprel.rfind("nsubj", 0) == 0) out.push_back(static_cast<int>(k));
    return out;
  }

  // An event noun governed by a verb of reaction (@reaction): someone else's act.
  bool OthersAct(const Clause& c) const { return c.noun && c.governor >= 0 && InClass("@reaction", c.governor_lemma); }

  // Whether the word's verb has a pattern whose code starts with one of `roots`.
  bool HasReadingIn(int t, std::initializer_list<std::string_view> roots) const {
    for (const Pattern* p : VerbPatterns(t, Lemma(sent_.tokens[t])))
      for (std::string_view root : roots)
        if (p->code.starts_with(root)) return true;
    return false;
  }

  // An appeal or demand reading (a pattern in 02 or 10).
  bool IsAppealVerb(int t) const { return HasReadingIn(t, {"02", "10"}); }

  // A statement reading (a pattern in 01).
  bool IsStatementVerb(int t) const { return HasReadingIn(t, {"01"}); }

  // A parse that lost the subject ("During the summit, Ortega also offered
  // ..." read with Ortega attached to the summit): an actor mention right
  // before the verb, past adverbs and auxiliaries, is its subject.
  int LeftSubject(int predicate) const {
    int t = predicate - 1;
    while (t >= 0 && covering_[t] < 0) {
      const std::string& upos = sent_.tokens[t].upos;
      if (upos != "ADV"sv && upos != "AUX"sv && upos != "PART"sv) return -1;
      --t;
    }
    // "his allies in Colombia will help": a place is where, not who.
    if (t < 0 || doc_.mentions[covering_[t]].last_token != t + 1 || IsPlace(t)) return -1;
    // "any aggression against Belarus would meet ...", "those who attack
    // Venezuela will receive ...": an actor inside the subject's phrase is
    // its agent only as its owner ("Russia's envoy", "envoys of Russia").
    for (int k : SubjectTokens(predicate)) {
      if (k == t || !InSubjectPhrase(k, t)) continue;
      const Token& tok = sent_.tokens[t];
      bool owner = tok.head == k && (tok.deprel == "nmod:poss"sv || tok.deprel == "compound"sv || tok.deprel == "amod"sv ||
                                     (tok.deprel == "nmod"sv && (Marker(t) == "of"sv || Marker(t) == "by"sv)));
      if (!owner) return -1;
    }
    return t;
  }

  // Whether `token` is inside the phrase of the subject `subject`: its
  // modifiers and relative clauses ("those who attack X"), not a clause the
  // parse hung on it by mistake ("version of events, given officials like X
  // have stated").
  bool InSubjectPhrase(int subject, int token) const {
    for (int t = token, steps = 0; t >= 0 && steps < 64; t = sent_.tokens[t].head, ++steps) {
      if (t == subject) return true;
      const Token& k = sent_.tokens[t];
      if ((k.upos == "VERB"sv || k.upos == "AUX"sv) && k.deprel != "acl:relcl"sv && k.deprel != "xcomp"sv) return false;
    }
    return false;
  }

  // The actors coordinated with actor token t on either side of it ("A, B
  // and C", whichever the parse hung the others on), t among them.
  std::vector<int> AllCoordinated(int t) const {
    std::vector<int> out = CoordinatedActors(t);
    for (int k : WithConjuncts(sent_, t))
      if (int a = ActorToken(k); a >= 0 && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    return out;
  }

  // The actors joined by "and" (and commas) right before the mention ending
  // at token t, t included: "Maduro and Putin" found from "Putin". By
  // surface, as the parse that lost the subject often lost the coordination.
  // Only "A, B and C": the joiner next to t is "and", the ones before it
  // commas ("Russia and Ukraine, Putin said" is no list).
  std::vector<int> CoordinatedActors(int t) const {
    std::vector<int> out = {t};
    if (t >= kListed || covering_[t] < 0) return out;  // "we" in a quotation: its speaker
    int first = doc_.mentions[covering_[t]].first_token;
    while (first >= 2) {
      std::string joiner = text::Lower(sent_.tokens[first - 1].form);
      int m = covering_[first - 2];
      if (joiner != (out.size() == 1 ? "and" : ",") || m < 0 || doc_.mentions[m].last_token != first - 1) break;
      out.insert(out.begin(), first - 2);
      first = doc_.mentions[m].first_token;
    }
    return out;
  }

  // "must" or "should" when one is an auxiliary of verb `v` (the last such),
  // else "".
  std::string ObligationAux(int v) const {
    std::string word;
    for (const Token& k : sent_.tokens) {
      if (k.head != v || k.deprel != "aux"sv) continue;
      std::string w = text::Lower(k.form);
      if (w == "must"sv || w == "should"sv) word = w;
    }
    return word;
  }

  // What a clause says its subject must, has to or should do ("the
  // authorities must end the crackdown"): "" when it says no such thing, or
  // when the subject is the speaker's own side ("we must ...": an intent).
  std::string Obligation(const Clause& c) const {
    // Not under "if" ("if this means he has to leave"), nor in a clause
    // that describes a noun ("a decision they have to make").
    if (c.negated || c.conditional || (c.noun && c.governor < 0)) return "";
    // A noun's light verb carries the modal; so does the first of
    // coordinated verbs ("must end the crackdown and show respect").
    int v = c.noun ? c.governor : c.predicate;
    std::string word;
    for (int steps = 0; word.empty() && steps < 3; ++steps) {
      word = ObligationAux(v);
      if (sent_.tokens[v].deprel != "conj"sv || sent_.tokens[v].head < 0) break;
      v = sent_.tokens[v].head;
    }
    const Token& pred = sent_.tokens[v];
    for (int t = v, steps = 0; t >= 0 && steps < 4; t = sent_.tokens[t].head, ++steps)
      if (sent_.tokens[t].deprel.rfind("acl", 0) == 0 || sent_.tokens[t].deprel == "advcl"sv) return "";
    if (word.empty() && pred.deprel == "xcomp"sv && pred.head >= 0) {
      std::string governor = Lemma(sent_.tokens[pred.head]);
      if (governor == "have"sv || governor == "need"sv) word = governor + " to";
    }
    for (int h : c.subjects) {
      std::string w = text::Lower(sent_.tokens[h].form);
      if (w == "we"sv || w == "i"sv || w == "us"sv) return "";
    }
    return word;
  }

  int ObligationStater(const Clause& c) const {
    int reporter = ReporterSubject(c.predicate);
    return reporter >= 0 ? reporter : QuoteSpeaker(c.predicate);
  }

  // The speaker of the quotation token t is in, as an argument token (a
  // mention, kListed + index); -1 if none.
  int QuoteSpeaker(int t) const {
    for (const Quote& q : doc_.quotes)
      if (q.speaker_mention >= 0 && q.raw.begin <= sent_.tokens[t].raw.begin && sent_.tokens[t].raw.end <= q.raw.end)
        return kListed + q.speaker_mention;
    return -1;
  }

  std::vector<int> ObligationAddressees(const Clause& c) const {
    std::vector<int> out;
    for (int h : c.subjects)
      for (int a : ActorTokens(h)) out.push_back(a);
    return out;
  }

  // "Maduro said Venezuela must strengthen its ties": what one's own state
  // must do is its own act or intent.
  bool OwnObligation(const Clause& c) const {
    int reporter = ObligationStater(c);
    std::vector<int> addressees = ObligationAddressees(c);
    if (reporter < 0 || addressees.empty()) return false;
    const std::string stater = ActorOf(reporter).second;
    for (int a : addressees) {
      const std::string code = ActorOf(a).second;
      if (code != stater && !SameState(code, stater)) return false;
    }
    return true;
  }

  // An obligation is no act of its subject: it is a demand (with "should",
  // an appeal) by whoever states it, the reporter or the quotation's
  // speaker, aimed at the subject; no event when nobody named states it.
  bool CodeObligation(const Clause& c, const Pattern& p, const std::string& rule, const std::string& word,
                      std::optional<Date>* previous_date) {
    int reporter = ObligationStater(c);
    std::vector<int> addressees = ObligationAddressees(c);
    if (reporter < 0 || addressees.empty())
      return Trace(c, "no event: an obligation (\"" + word + "\"), not an act, and nobody named states it (" + rule + ")"),
             false;
    EventDate when = PickEventDate(sent_, times_, c.predicate, doc_.date);
    if (when.resolved()) *previous_date = when.date;
    std::string code = RequestCode(p.code, word == "must"sv);
    std::string why = rule + " [\"" + word + "\": " + (code.rfind("02", 0) == 0 ? "an appeal" : "a demand") +
                      " by whoever states it]";
    int emitted = 0;
    for (int a : addressees) emitted += Emit(c, p, code, why, false, reporter, a, when);
    Trace(c, emitted ? std::to_string(emitted) + " event(s): " + code + " by " + why : "no event: " + why);
    return emitted > 0;
  }

  // What asking someone to do an act is: CAMEO's appeals (02), intents (03)
  // and demands (10) run in parallel by subcode (026 appeal, 036 intent, 106
  // demand to meet), so the act's intent code (data/verbs/intent.tsv) gives
  // the request for it; "must" demands, "should", "have to" and "need to"
  // appeal. An act with no such parallel is a plain appeal or demand.
  std::string RequestCode(const std::string& act, bool demand) const {
    const std::string plain = demand ? "100" : "020";
    if (act.empty()) return plain;
    auto intent = InFamily(act, {"02", "03", "10"}) ? std::optional<std::string>(act) : res_.intents.Lookup(act);
    if (!intent || !InFamily(*intent, {"02", "03", "10"}) || intent->size() < 3 || (*intent)[2] == '0') return plain;
    std::string request = (demand ? "10" : "02") + intent->substr(2);
    return res_.ontology.Find(request) ? request : plain;
  }

  // "X said ...": no event when what was said was coded; else aimed at the
  // first other actor named in it; else none.
  void CodeStatement(const Clause& c, std::optional<Date>* previous_date) {
    bool embedded_coded = false;
    for (const Event& e : doc_.events)
      embedded_coded = embedded_coded || (e.sentence == s_ && e.predicate != c.predicate && Governs(c.predicate, e.predicate));
    deontic_ = FindDeontic(c.predicate);
    deontic_.embedded_coded = embedded_coded;
    if (embedded_coded && deontic_.verb < 0) return Trace(c, "statement: what was said is coded as its own event");
    // "the airbase from which he said it was launched": an attribution
    // inside a relative clause is an aside, not a statement of its own.
    if (sent_.tokens[c.predicate].deprel == "acl:relcl"sv && deontic_.verb < 0)
      return Trace(c, "no event: a statement inside a relative clause");
    if (!embedded_coded && deontic_.verb < 0) stances_ = TypeStatement(c);
    // PETRARCH codes what is said only through its patterns: no plain
    // statement, and of typed ones only the charge of an act of force (its
    // `~ a (b . ATTACK) SAY` transformation, any target or none).
    if (!res_.conventions.statements && deontic_.verb < 0) {
      std::erase_if(stances_, [](const Stance& st) { return st.why.rfind("what was said charges an act of force", 0) != 0; });
      if (stances_.empty()) {
        deontic_ = {};
        return Trace(c, "no event: a statement (PETRARCH's conventions code none)");
      }
    }
    statement_pass_ = true;
    Code(c, previous_date);
    statement_pass_ = false;
    deontic_ = {};
    stances_.clear();
  }

  // What a plain statement's content says about someone, when it is no
  // event of its own: an uncoded act of force (a pattern of 15, 17-20 that
  // found no source or target) or a charge word accuses; a disparaging word
  // criticizes; a word of praise endorses, or criticizes when negated. The
  // word classes are data (@charge, @disparage, @praise). `about` holds whom
  // the words are about: the act's agents, the word's owners or its
  // clause's subjects; no type when they name nobody. All readings, the
  // stronger first: the coder takes the first about someone other than the
  // speaker's own side.
  struct Stance {
    std::string code, why;
    std::vector<int> about;
  };

  std::vector<Stance> TypeStatement(const Clause& c) const {
    std::vector<Stance> charges, disparage, praise;
    for (const Clause& k : clauses_) {
      auto it = matched_.find(k.predicate);
      if (it == matched_.end() || k.predicate == c.predicate || !Said(c.predicate, k.predicate) ||
          !InFamily(it->second, {"15", "17", "18", "19", "20"}) || Disowned(c.predicate, k.predicate))
        continue;
      if (std::vector<int> agents = ForceAgents(k, it->second); !agents.empty())
        charges.push_back({"112", "what was said charges an act of force: an accusation", agents});
    }
    for (size_t t = 0; t < sent_.tokens.size(); ++t) {
      const int k = static_cast<int>(t);
      if (k == c.predicate || !Said(c.predicate, k) || Disowned(c.predicate, k)) continue;
      const std::string lemma = Lemma(sent_.tokens[t]);
      bool charge = InClass("@charge", lemma), blame = InClass("@disparage", lemma), good = InClass("@praise", lemma);
      if (!charge && !blame && !good) continue;
      std::vector<int> about = AboutWhom(k);
      if (about.empty()) continue;
      // "is not the legitimate president" criticizes; "is no threat" says nothing against.
      if (NegatedBelow(c.predicate, k)) {
        if (!good) continue;
        blame = true, good = false;
      }
      if (charge) charges.push_back({"112", "\"" + lemma + "\" in what was said: an accusation", about});
      else if (blame) disparage.push_back({"111", "\"" + lemma + "\" in what was said: a criticism", about});
      else praise.push_back({"051", "\"" + lemma + "\" in what was said: an endorsement", about});
    }
    charges.insert(charges.end(), disparage.begin(), disparage.end());
    charges.insert(charges.end(), praise.begin(), praise.end());
    return charges;
  }

  // Whether what was said is disowned on the way from `token` up to the
  // statement: a negated clause or a denial ("had always denied
  // interfering", "did not attack").
  // A clause's negation or denial covers its predicate's side, not its
  // subject ("the recognition of X as legitimate will not change" still
  // calls X legitimate).
  bool Disowned(int statement, int token) const {
    bool from_subject = false;
    for (int t = token, steps = 0; t >= 0 && t != statement && steps < 64; t = sent_.tokens[t].head, ++steps) {
      if (!from_subject) {
        if (const Clause* k = ClauseAt(t); k && k->negated) return true;
        if (auto it = matched_.find(t); it != matched_.end() && InFamily(it->second, {"016"})) return true;
      }
      from_subject = IsSubjectRelation(sent_.tokens[t].deprel);
    }
    return false;
  }

  static bool IsSubjectRelation(const std::string& deprel) {
    return deprel.rfind("nsubj", 0) == 0 || deprel.rfind("csubj", 0) == 0;
  }

  // Who carries out an act of force: its subjects (for a passive, its
  // agents; with none, for a show of force, the forces moved), and whoever
  // helps ("with the support of Russia"); with none of them an actor (a
  // parse that hung "and units of X with the support of Y" on the verb),
  // the actors below the act but outside its objects (its victims; for a
  // show of force the objects are the forces and count).
  std::vector<int> ForceAgents(const Clause& k, const std::string& code) const {
    std::vector<int> out = ForceArguments(k, code);
    if (!out.empty()) return out;
    const bool posture = InFamily(code, {"15"});
    for (size_t t = 0; t < sent_.tokens.size(); ++t) {
      const int a = static_cast<int>(t);
      if (!IsActor(a) || IsPlace(a) || !Governs(k.predicate, a) ||
          (covering_[a] >= 0 && doc_.mentions[covering_[a]].first_token != a))
        continue;
      bool victim = false;
      for (int o : k.objects) victim = victim || (!posture && Governs(o, a));
      if (!victim) out.push_back(a);
    }
    return out;
  }

  std::vector<int> ForceArguments(const Clause& k, const std::string& code) const {
    std::vector<int> heads = k.subjects;
    if (heads.empty() && k.passive && InFamily(code, {"15"})) heads = k.objects;
    for (const Oblique& o : k.obliques)
      if (o.prep == "with"sv) heads.push_back(o.head);
    std::vector<int> out;
    for (int h : heads) {
      std::vector<int> actors = ActorTokens(h);
      if (actors.empty())
        if (int a = TargetToken(h, 2); a >= 0) actors.push_back(a);
      out.insert(out.end(), actors.begin(), actors.end());
    }
    return out;
  }

  // The actors a word is about: the owners of its noun or of the noun it
  // qualifies ("Russia's interference", "meddling by Moscow", "Russian
  // meddling"), else the subjects of its clause ("Peru was interfering",
  // "Maduro is the legitimate president", "the people deserve respect").
  std::vector<int> AboutWhom(int word) const {
    int noun = word;
    const bool qualifier = sent_.tokens[word].deprel == "amod"sv && sent_.tokens[word].head >= 0;
    if (qualifier) noun = sent_.tokens[word].head;
    // "the illegitimate regime": the actor the qualified noun names.
    if (int a = ActorToken(noun); qualifier && a >= 0) return {a};
    std::vector<int> out;
    for (int h : Owners({noun}))
      if (int a = ActorToken(h); a >= 0) out.push_back(a);
    // "the illegitimate regime of X": whose it is.
    for (size_t t = 0; qualifier && t < sent_.tokens.size(); ++t)
      if (sent_.tokens[t].head == noun && sent_.tokens[t].deprel == "nmod"sv && Marker(static_cast<int>(t)) == "of"sv)
        if (int a = ActorToken(static_cast<int>(t)); a >= 0) out.push_back(a);
    for (size_t t = 0; t < sent_.tokens.size(); ++t)
      if (sent_.tokens[t].head == noun && sent_.tokens[t].deprel == "amod"sv && IsActor(static_cast<int>(t)))
        out.push_back(static_cast<int>(t));
    if (!out.empty()) return out;
    // Up to the clause: the first ancestor (or the word) with a subject.
    for (int t = noun, steps = 0; t >= 0 && steps < 8; t = sent_.tokens[t].head, ++steps) {
      for (int k : SubjectTokens(t)) {
        for (int a : ActorTokens(k)) out.push_back(a);
        // "the vote was a farce": a vote is its country's government's.
        if (int holder = VoteHolderOf(k); out.empty() && holder >= 0) out.push_back(holder);
      }
      const std::string& r = sent_.tokens[t].deprel;
      if (!out.empty() || r == "ccomp"sv || r == "advcl"sv || r == "parataxis"sv || r == "root"sv || r.rfind("acl", 0) == 0)
        break;
    }
    return out;
  }

  // Why the clause states nothing as having happened, or "": it is what a
  // denial denies ("denied that its troops attacked", "rejected claims that
  // it attacked": @refute verbs), or the content of a noun that only
  // supposes it ("allegations that", "fears that": @hearsay nouns).
  std::string Unasserted(const Clause& c) const {
    if (c.content_of_verb >= 0 && InClass("@refute", Lemma(sent_.tokens[c.content_of_verb])))
      return "what \"" + sent_.tokens[c.content_of_verb].form + "\" denies";
    const int noun = c.content_of_noun;
    if (noun < 0) return "";
    if (InClass("@hearsay", Lemma(sent_.tokens[noun])))
      return "the content of \"" + sent_.tokens[noun].form + "\", not asserted";
    const int verb = sent_.tokens[noun].head;
    if (verb >= 0 && sent_.tokens[noun].deprel == "obj"sv && InClass("@refute", Lemma(sent_.tokens[verb])))
      return "what \"" + sent_.tokens[verb].form + " " + sent_.tokens[noun].form + "\" denies";
    return "";
  }

  bool InClass(const std::string& name, const std::string& lemma) const {
    auto it = res_.patterns.classes().find(name);
    return it != res_.patterns.classes().end() && it->second.count(lemma);
  }

  // Whether the word or its clause is negated, up to the clause's head
  // ("Maduro is not the legitimate president", "no legitimacy"; not "there
  // is no going back because he is the legitimate president"; a subject
  // is outside its predicate's negation).
  bool NegatedBelow(int top, int token) const {
    for (int t = token, steps = 0; t >= 0 && t != top && steps < 64; t = sent_.tokens[t].head, ++steps) {
      for (size_t k = 0; k < sent_.tokens.size(); ++k) {
        if (sent_.tokens[k].head != t) continue;
        // "no" only as the word's own determiner, close before it: a parse
        // may hang a distant "no" on the wrong noun.
        bool near = static_cast<int>(k) < token && token - static_cast<int>(k) <= 3;
        if (IsNegator(sent_.tokens[k]) && (near || !text::LowerEquals(sent_.tokens[k].form, "no"))) return true;
      }
      const std::string& r = sent_.tokens[t].deprel;
      if (r == "ccomp"sv || r == "advcl"sv || r == "xcomp"sv || r == "parataxis"sv || r == "root"sv || r.rfind("acl", 0) == 0 ||
          IsSubjectRelation(r))
        break;
    }
    return false;
  }

  // The actors among `tokens` that are not the speaker's own state (nor,
  // for a bare country code, the speaker's country), once each. A place
  // stays: Emit addresses a complaint about it to its government.
  std::vector<int> OthersOnly(const std::vector<int>& tokens, const std::vector<int>& sources) const {
    std::vector<int> out;
    std::set<int> seen;
    for (int h : sources) seen.insert(ActorOf(h).first);
    for (int k : tokens) {
      bool own_side = false;
      const std::string code = ActorOf(k).second;
      for (int h : sources) {
        const std::string source = ActorOf(h).second;
        own_side = own_side || SameState(source, code) || (code.size() == 3 && source.compare(0, 3, code) == 0);
      }
      if (!own_side && seen.insert(ActorOf(k).first).second) out.push_back(k);
    }
    return out;
  }

  // The actors an argument names: itself or its apposition, or the members of
  // an example list in its phrase ("countries including Argentina, Brazil and
  // Mexico", "donors across Europe, such as Norway and partners like
  // Sweden").
  // A list hung on an actor ("the United States like Colombia", a parse
  // that attached "its allies like ..." one conjunct too early) names actors
  // in the same role: an actor has no examples of its own.
  std::vector<int> ActorTokens(int head) const {
    std::vector<int> out;
    if (int a = ActorToken(head); a >= 0) {
      ExampleActors(head, 0, &out);
      // "Latin American countries, including A and B": a plural group's
      // examples are its acting members; "the EU, including France": both act.
      bool plural = sent_.tokens[head].xpos == "NNS"sv || sent_.tokens[head].xpos == "NNPS"sv;
      if (out.empty() || !plural) out.insert(out.begin(), a);
      return out;
    }
    ExampleActors(head, 2, &out);
    if (out.empty()) SurfaceExamples(head, &out);
    if (out.empty()) ListedNext(head, &out);
    return out;
  }

  // "... considered legitimate by a number of countries. Among them, A, B and
  // C.": a plural noun with no actor of its own takes the actors of a next
  // sentence that opens with "Among them" (or "They include").
  void ListedNext(int head, std::vector<int>* out) const {
    // "a number of countries": the quantity's noun.
    for (const Token& k : sent_.tokens)
      if (sent_.tokens[head].xpos != "NNS"sv && k.head == head && k.deprel == "nmod"sv && k.xpos == "NNS"sv)
        head = static_cast<int>(&k - sent_.tokens.data());
    if (sent_.tokens[head].xpos != "NNS"sv || s_ + 1 >= static_cast<int>(doc_.sentences.size())) return;
    const auto& next = doc_.sentences[s_ + 1].tokens;
    if (next.size() < 3) return;
    std::string w0 = text::Lower(next[0].form), w1 = text::Lower(next[1].form);
    bool among = w0 == "among"sv && (w1 == "them"sv || w1 == "those"sv || w1 == "these"sv);
    bool include = (w0 == "they"sv || w0 == "these"sv || w0 == "those"sv) && text::LowerEquals(next[1].lemma, "include");
    if (!among && !include) return;
    for (size_t m = 0; m < doc_.mentions.size(); ++m) {
      const Mention& mention = doc_.mentions[m];
      if (mention.sentence == s_ + 1 && mention.actor >= 0 && mention.how != "pronoun"sv && mention.how != "place"sv)
        out->push_back(kListed + static_cast<int>(m));
    }
  }

  // A list the parse tore off its noun ("recognized by countries in the
  // region, such as A and its allies like B", with "such as A" hung on the
  // verb): the actors after "such as", "including" or "like" that follow the
  // noun's phrase, up to the next verb or clause break.
  void SurfaceExamples(int head, std::vector<int>* out) const {
    const int n = static_cast<int>(sent_.tokens.size());
    int k = head + 1;
    for (; k < n; ++k) {
      const Token& t = sent_.tokens[k];
      std::string w = text::Lower(t.form);
      if (w == "including"sv || w == "like"sv || (w == "such"sv && k + 1 < n && text::LowerEquals(sent_.tokens[k + 1].form, "as")))
        break;
      bool in_phrase = t.upos == "ADP"sv || t.upos == "DET"sv || t.upos == "NOUN"sv || t.upos == "PROPN"sv || t.upos == "ADJ"sv ||
                       t.upos == "NUM"sv || w == ","sv;
      if (!in_phrase || IsActor(k)) return;
    }
    for (++k; k < n; ++k) {
      const Token& t = sent_.tokens[k];
      if (t.upos == "VERB"sv || t.upos == "AUX"sv || t.upos == "SCONJ"sv || t.form == ";"sv || t.form == "."sv || t.form == ":"sv)
        break;
      int m = covering_[k];
      if (m >= 0 && doc_.mentions[m].last_token == k + 1 && doc_.mentions[m].how != "pronoun"sv &&
          doc_.mentions[m].how != "place"sv)
        out->push_back(k);
    }
  }

  void ExampleActors(int head, int depth, std::vector<int>* out) const {
    for (size_t t = 0; t < sent_.tokens.size(); ++t) {
      const Token& tok = sent_.tokens[t];
      if (tok.head != head || (tok.deprel != "nmod"sv && tok.deprel != "acl"sv)) continue;
      std::vector<int> members;
      if (IsExampleMarker(Marker(static_cast<int>(t)))) members = WithConjuncts(sent_, static_cast<int>(t));
      // "countries, including Argentina and Brazil" read as a participle with the list as its object.
      if (tok.deprel == "acl"sv && text::LowerEquals(tok.lemma, "include"))
        for (const Token& k : sent_.tokens)
          if (k.head == static_cast<int>(t) && k.deprel == "obj"sv)
            members = WithConjuncts(sent_, static_cast<int>(&k - sent_.tokens.data()));
      for (int m : members) {
        if (int a = ActorToken(m); a >= 0) out->push_back(a);
        else if (depth > 0) ExampleActors(m, depth - 1, out);  // "its puppets like Colombia"
      }
      // "donors across Europe, such as ...": the list may hang one modifier down.
      if (members.empty() && depth > 0 && tok.deprel == "nmod"sv) ExampleActors(static_cast<int>(t), depth - 1, out);
    }
  }

  std::string Marker(int t) const {
    std::string marker;
    for (const Token& k : sent_.tokens)
      if (k.head == t && (k.deprel == "case"sv || k.deprel == "mark"sv || k.deprel == "fixed"sv))
        marker += (marker.empty() ? "" : " ") + text::Lower(k.form);
    return marker;
  }

  static bool IsExampleMarker(const std::string& m) {
    return m == "including"sv || m == "like"sv || m == "such as"sv || m == "such"sv || m == "among"sv;
  }

  // A target may stand inside the object's phrase: "condemned the sanctions
  // imposed by the EU", "criticized Russia's stance", "the attack of the rebels".
  int TargetToken(int head, int depth) const {
    if (int a = ActorToken(head); a >= 0) return a;
    if (depth == 0) return -1;
    for (size_t t = 0; t < sent_.tokens.size(); ++t) {
      const Token& tok = sent_.tokens[t];
      if (tok.head != head) continue;
      const std::string& r = tok.deprel;
      bool modifier = r == "nmod"sv || r == "nmod:poss"sv || r == "acl"sv || r == "obl:agent"sv || r == "obl"sv;
      // "US-led efforts", "Russian-backed forces": the participle's actor;
      // not "a London-based professor", whose place is where.
      bool participle = r == "amod"sv && tok.upos == "VERB"sv && Lemma(tok) != "base"sv;
      // "rejected a U.S. request": a name before the noun is its actor.
      bool participle_actor = r == "obl:unmarked"sv && sent_.tokens[head].upos == "VERB"sv;
      bool compound_actor = r == "compound"sv && (sent_.tokens[head].upos == "VERB"sv || tok.upos == "PROPN"sv);
      // "the Russian building"; not "military exercises", a thing's kind.
      // "rejected an Australian ultimatum": the demonym of what someone
      // authored names the author (the lexicon's "author" mentions); "the
      // Syrian city of Aleppo" names the country as the place.
      bool adjective_actor = (r == "amod"sv || r == "compound"sv) && IsActor(static_cast<int>(t)) &&
                             (res_.conventions.adjective_targets || IsAuthor(static_cast<int>(t)) ||
                              IsPlace(static_cast<int>(t))) &&
                             ActorOf(static_cast<int>(t)).second.rfind("---", 0) != 0;
      if (!modifier && !participle && !participle_actor && !compound_actor && !adjective_actor) continue;
      if (int a = TargetToken(static_cast<int>(t), depth - 1); a >= 0) return a;
    }
    return -1;
  }

  // What a statement says someone is obliged to do: a clausal complement with
  // "must", "should", "have to" or "need to" ("saying it must accept"), and
  // the actors that are its subject.
  struct Deontic {
    int verb = -1;
    std::string word;
    std::vector<int> subjects;
    bool embedded_coded = false;
    bool impersonal = false;  // "it is important that ...": an appeal even with no actor to address
  };

  Deontic FindDeontic(int predicate) const {
    const int quote = QuoteRoot(predicate);
    auto is_content = [&](int v) {
      return (sent_.tokens[v].head == predicate && sent_.tokens[v].deprel == "ccomp"sv) || v == quote;
    };
    for (size_t v = 0; v < sent_.tokens.size(); ++v) {
      // "(this) is a decision that X and Y have to make": an obligation in a
      // relative clause on the noun that was said is said of its subjects.
      const Token& tok = sent_.tokens[v];
      bool relative = tok.deprel.rfind("acl", 0) == 0 && tok.head >= 0 && is_content(tok.head) &&
                      (sent_.tokens[tok.head].upos == "NOUN"sv || sent_.tokens[tok.head].upos == "PRON"sv);
      if (!is_content(static_cast<int>(v)) && !relative) continue;
      const std::string lemma = Lemma(sent_.tokens[v]);
      // "Russia must know that our doors are open": telling, not demanding.
      if (InClass("@cognition", lemma)) continue;
      Deontic d;
      // "Russia could be of great help to us," X said: what another could
      // do for cooperation is asked of it, an appeal.
      auto matched = matched_.find(static_cast<int>(v));
      const bool cooperative =
          matched != matched_.end() && InFamily(matched->second, {"03", "04", "05", "06", "07"});
      d.word = ObligationAux(static_cast<int>(v));
      for (const Token& k : sent_.tokens) {
        if (k.head != static_cast<int>(v)) continue;
        if (k.deprel == "aux"sv && cooperative && d.word.empty() && text::LowerEquals(k.form, "could")) d.word = "could";
        if (k.deprel == "xcomp"sv && (lemma == "have"sv || lemma == "need"sv)) d.word = lemma + " to";
      }
      if (d.word.empty()) {
        if (Deontic u = Urgency(static_cast<int>(v)); u.verb >= 0) return u;
        continue;
      }
      // The clause analysis's subjects include conjuncts ("X and Y have to").
      const Clause* own = ClauseAt(static_cast<int>(v));
      for (int k : own ? own->subjects : SubjectTokens(static_cast<int>(v)))
        for (int a : ActorTokens(k)) d.subjects.push_back(a);
      if (d.subjects.empty()) continue;
      d.verb = static_cast<int>(v);
      return d;
    }
    return {};
  }

  // "it is important that attempts are not fueled by third countries": an
  // adjective of urgency (@urgency) over a that-clause is an appeal for what
  // the clause says, addressed to its actors (for a passive, its agents),
  // or to no one.
  Deontic Urgency(int adjective) const {
    if (!InClass("@urgency", Lemma(sent_.tokens[adjective]))) return {};
    for (size_t k = 0; k < sent_.tokens.size(); ++k) {
      const Token& t = sent_.tokens[k];
      if (t.head != adjective || (!IsThatClause(static_cast<int>(k)) && t.deprel.rfind("csubj", 0) != 0)) continue;
      Deontic d;
      d.word = Lemma(sent_.tokens[adjective]);
      d.impersonal = true;
      d.verb = adjective;
      if (const Clause* c = ClauseAt(static_cast<int>(k)))
        for (int h : c->subjects)
          for (int a : ActorTokens(h)) d.subjects.push_back(a);
      return d;
    }
    return {};
  }

  bool HasComplement(const Clause& c) const {
    for (size_t t = 0; t < sent_.tokens.size(); ++t)
      if (static_cast<int>(t) != c.predicate && sent_.tokens[t].head == c.predicate && IsThatClause(static_cast<int>(t)))
        return true;
    return false;
  }

  // A complement clause: "demanded that X ...", also when the parse read
  // the "that" clause as an adverbial one.
  bool IsThatClause(int t) const {
    const std::string& r = sent_.tokens[t].deprel;
    if (r == "ccomp"sv) return true;
    if (r != "advcl"sv) return false;
    for (const Token& k : sent_.tokens)
      if (k.head == t && k.deprel == "mark"sv) return text::LowerEquals(k.form, "that");
    return false;
  }

  // Whether `token` is inside what `predicate` says: under one of its
  // clausal complements, not its own circumstances ("said *in an interview
  // with Politico* that ...").
  bool Said(int predicate, int token) const {
    for (int t = token, steps = 0; t >= 0 && steps < 256; t = sent_.tokens[t].head, ++steps) {
      if (sent_.tokens[t].head != predicate) continue;
      const std::string& r = sent_.tokens[t].deprel;
      return IsThatClause(t) || r == "xcomp"sv || r == "parataxis"sv || r == "csubj"sv || r == "obj"sv;
    }
    return false;
  }

  // "“It is important that ...,” Peskov said" parsed with the quotation's
  // head as the root and the speech verb hung on it, or with the quotation
  // as the verb's subject ("“It is a decision ...,” emphasized the
  // minister"): that head, which is what was said; -1 for any other shape.
  int QuoteRoot(int predicate) const {
    if (!IsStatementVerb(predicate)) return -1;
    auto closes_between = [&](int from, int to) {
      for (int t = from + 1; t < to; ++t) {
        const std::string& f = sent_.tokens[t].form;
        if (f == "\u201d"sv || f == "\""sv || f == "''"sv) return true;
      }
      return false;
    };
    const Token& p = sent_.tokens[predicate];
    if ((p.deprel == "conj"sv || p.deprel == "parataxis"sv) && p.head >= 0 && p.head < predicate &&
        closes_between(p.head, predicate))
      return p.head;
    for (int t = 0; t < predicate; ++t)
      if (sent_.tokens[t].head == predicate && sent_.tokens[t].deprel == "nsubj"sv && !IsActor(t) &&
          sent_.tokens[t].upos != "PRON"sv && closes_between(t, predicate))
        return t;
    return -1;
  }

  bool Governs(int ancestor, int token) const {
    for (int t = token, steps = 0; t >= 0 && steps < 256; t = sent_.tokens[t].head, ++steps)
      if (t == ancestor) return true;
    return false;
  }

  // Whether `token` is under `ancestor` but not inside its subject: what a
  // demand asks for ("X must stop what the only thing we criticized is").
  bool InPredicate(int ancestor, int token) const {
    for (int t = token, steps = 0; t >= 0 && steps < 256; t = sent_.tokens[t].head, ++steps) {
      if (t == ancestor) return true;
      if (sent_.tokens[t].head == ancestor && IsSubjectRelation(sent_.tokens[t].deprel)) return false;
    }
    return false;
  }

  std::vector<int> StatementTargets(const Clause& c, const std::vector<int>& sources) const {
    std::set<int> source_actors;
    for (int h : sources) source_actors.insert(ActorOf(h).first);
    for (size_t t = 0; t < sent_.tokens.size(); ++t) {
      if (!IsActor(static_cast<int>(t)) || static_cast<int>(t) == c.predicate || !Said(c.predicate, static_cast<int>(t)))
        continue;
      if (std::find(c.subjects.begin(), c.subjects.end(), static_cast<int>(t)) != c.subjects.end()) continue;
      if (source_actors.count(ActorOf(static_cast<int>(t)).first)) continue;
      if (SpeakersSideAsThirdPerson(static_cast<int>(t))) continue;
      bool own_side = false;  // "Erdogan warned that Turkish troops ...": his own state's arm, not an addressee
      for (int h : sources) own_side = own_side || SameState(ActorOf(h).second, ActorOf(static_cast<int>(t)).second);
      if (!own_side) return {static_cast<int>(t)};
    }
    return {};
  }

  // Two codes of one country's state: government, military, police,
  // intelligence, legislature, judiciary.
  static bool SameState(const std::string& a, const std::string& b) {
    return a.size() >= 6 && b.size() >= 6 && a.compare(0, 3, b, 0, 3) == 0 &&
           lexicon::IsStateRole(std::string_view(a).substr(3, 3)) && lexicon::IsStateRole(std::string_view(b).substr(3, 3));
  }

  int Emit(const Clause& c, const Pattern& p, const std::string& code, const std::string& rule, bool intent,
           int source_head, int target_head, const EventDate& when) {
    auto [src_actor, src_code] = ActorOf(source_head);
    std::pair<int, std::string> tgt = target_head >= 0 ? ActorOf(target_head) : std::pair<int, std::string>{-1, ""};
    // "condemned the repression in Venezuela": an appeal, demand, complaint
    // or rejection about a place is addressed to its government.
    if (IsPlace(target_head) && IsAddressedToGovernment(code)) tgt.second += "GOV";
    if (target_head >= 0 && (tgt.first == src_actor || tgt.second == src_code)) return 0;  // no self-dyads
    if (src_code.empty() || (target_head >= 0 && tgt.second.empty())) return 0;
    Event e;
    e.sentence = s_;
    e.predicate = c.predicate;
    e.source_actor = src_actor;
    e.source = src_code;
    e.target_actor = tgt.first;
    e.target = tgt.second;
    res_.ontology.SetEventCode(code, &e);
    e.event_date = when.date;
    e.date_resolved = when.resolved();
    e.intent = intent;
    e.evidence = sent_.raw;
    e.trigger = sent_.tokens[c.predicate].raw;
    e.rule = rule;
    for (const Event& other : doc_.events)  // one event per sentence, dyad and code
      if (other.sentence == s_ && other.source_actor == e.source_actor && other.target_actor == e.target_actor &&
          other.cameo == e.cameo)
        return 0;
    event_actors_[c.predicate].insert({e.source_actor, e.target_actor});
    doc_.events.push_back(std::move(e));
    return 1;
  }

  Document& doc_;
  int s_;
  const Sentence& sent_;
  const CoderResources& res_;
  std::vector<std::string>* trace_;
  std::vector<int> covering_;  // token -> the narrowest mention covering it, or -1
  std::vector<int> speaker_;   // token -> the quote whose speaker a first-person pronoun is, or -1
  std::vector<Clause> clauses_;
  std::vector<TimeExpression> times_;
  std::set<int> coded_verbs_, consumed_;
  std::set<int> unrealized_;  // what another clause's act is for (ActsFor)
  std::set<int> lower_only_;  // complements coded alone, their way back dropped (CombineWithComplement)
  std::map<int, std::string> coded_code_;     // predicate -> the code Code() emitted it with
  std::map<int, std::set<int>> event_actors_;  // predicate -> its events' sources and targets (Emit)
  std::set<int> coded_circumstance_;  // verbs whose circumstance noun was coded
  std::map<int, std::vector<int>> sources_of_;  // predicate -> its source tokens, once computed
  std::vector<const Clause*> statements_;
  bool statement_pass_ = false;
  Deontic deontic_;  // during the statement pass
  std::vector<Stance> stances_;  // during the statement pass: its possible types, first first
  std::map<int, std::string> matched_;  // predicate -> the code of the pattern it matched
};

}  // namespace

void CodeEvents(Document* doc, const CoderResources& res, std::vector<std::string>* trace) {
  doc->events.clear();
  std::optional<Date> previous_date;
  for (size_t s = 0; s < doc->sentences.size(); ++s) {
    if (trace) trace->push_back("[" + std::to_string(s) + "] " + doc->sentences[s].text);
    SentenceCoder(doc, static_cast<int>(s), res, trace).Run(&previous_date);
  }
}

}  // namespace dyad::coding
