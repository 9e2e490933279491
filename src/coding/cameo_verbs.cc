#include "coding/cameo_verbs.h"

#include <algorithm>
#include <optional>
#include <set>

#include "base/strings.h"

namespace dyad::coding {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A word dyad's lemmas can hold: lower-case ASCII letters, digits, '-', '\''.
bool IsLemma(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'')) return false;
  return true;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool EndsWithAny(std::string_view w, std::initializer_list<std::string_view> ends) {
  for (std::string_view e : ends)
    if (EndsWith(w, e)) return true;
  return false;
}

// PETRARCH matches surface words (and adds plurals to synset members); dyad
// matches lemmas, and a lemmatizer may or may not reduce a plural noun
// ("talks"). So a pattern word stands for itself, its singular when it looks
// plural, and the plural of that singular.
void AddLemmaVariants(const std::string& w, std::set<std::string, std::less<>>* out) {
  out->insert(w);
  // Plural-looking: the candidate singulars ("cargoes": cargoe and cargo;
  // "parties": party). A wrong candidate costs nothing: no lemma has it.
  if (w.size() > 4 && EndsWith(w, "ies")) out->insert(w.substr(0, w.size() - 3) + "y");
  if (w.size() > 3 && EndsWith(w, "es")) out->insert(w.substr(0, w.size() - 2));
  if (w.size() > 3 && EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is")) {
    out->insert(w.substr(0, w.size() - 1));
    return;
  }
  if (EndsWith(w, "s")) return;
  // Singular-looking: its plural too.
  const char before = w.size() > 1 ? w[w.size() - 2] : 'a';
  if (w.back() == 'y' && std::string_view("aeiou").find(before) == std::string_view::npos) {
    out->insert(w.substr(0, w.size() - 1) + "ies");
  } else if (EndsWithAny(w, {"x", "z", "ch", "sh"})) {
    out->insert(w + "es");
  } else {
    out->insert(w + "s");
  }
}

// Words after a verb that are its particle ("clamp DOWN", "set OUT"), not
// an object noun, when they come first and bare.
bool IsParticle(std::string_view w) {
  static const std::set<std::string, std::less<>> kParticles = {
      "up", "down", "out", "off", "back", "away", "aside", "forward", "ahead", "apart", "over", "through"};
  return kParticles.count(w) > 0;
}

// Where an imported pattern looks for its target when the pattern does not
// mark it with `+`: PETRARCH takes the target from the verb phrase's object
// or from its prepositional phrases, so the object first, then the
// prepositions of the pattern, then the common ones; "poss" last for "X's
// attack".
const std::vector<std::string>& GenericTargets() {
  static const std::vector<std::string> kTargets = {
      "obj",       "iobj",    "prep:to",   "prep:with",   "prep:against", "prep:on",      "prep:at",
      "prep:for",  "prep:from", "prep:in", "prep:into",   "prep:toward",  "prep:towards", "prep:over",
      "prep:about", "poss"};
  return kTargets;
}

using Synsets = std::map<std::string, std::vector<std::string>, std::less<>>;

struct Verb {
  std::string lemma;
  std::string particle;
  std::string code;  // the verb's own code as written, "" for none
  int line = 0;
  std::string text;
};

struct PatternLine {
  int line = 0;
  std::string text;  // the line as written (comment removed), for notes
  std::string pre, post, code;
};

struct Block {
  std::string name;
  std::string code;  // as written; "---" when absent
  int line = 0;
  std::vector<Verb> verbs;
  std::vector<PatternLine> patterns;
};

// What a pattern line maps to, before it is applied to the block's verbs.
struct Mapped {
  std::string particle;
  std::vector<Constraint> frame;
  std::vector<std::string> targets;
  std::string code;
};

// One noun slot of a pattern: the lemmas its head may have.
struct Noun {
  bool target = false;  // `+`
  std::set<std::string, std::less<>> lemmas;
  std::string text;  // for the constraint's text: "talk|talks" or "&currency"
  std::string form;  // a plain word: itself, lower case (Constraint::form)
};

class Importer {
 public:
  Importer(const std::string& file, const Ontology& ontology, CameoVerbReport* report)
      : file_(file), ontology_(ontology), report_(*report) {}

  Result<std::vector<Pattern>> Run(std::string_view text) {
    int number = 0;
    bool in_xml_comment = false;
    for (std::string_view raw : SplitLines(text)) {
      ++number;
      std::string line = StripComments(raw, &in_xml_comment);
      std::string_view t = Trim(line);
      if (t.empty()) continue;
      auto error = [&](const std::string& what) {
        return Status::DataError(Where{file_, number, -1, std::string(Trim(raw)).substr(0, 60)}, what);
      };
      if (StartsWith(t, "---")) {
        in_synset_ = false;
        Flush();
        DYAD_RETURN_IF_ERROR(ReadHeader(t, number, error));
      } else if (t[0] == '&') {
        // A synset may sit between blocks or inside one; it does not end the
        // block (synsets are resolved when the block is finished).
        in_synset_ = true;
        synset_ = SynsetKey(t.substr(0, t.find_first_of(" \t")));
        synsets_[synset_];
        ++report_.synsets;
      } else if (t[0] == '+' && in_synset_) {
        AddSynsetMember(std::string(Trim(t.substr(1))));
      } else if (t[0] == '~') {
        in_synset_ = false;
        transforms_.emplace_back(number, std::string(t));
      } else if (t[0] == '-') {
        in_synset_ = false;
        if (!block_) return error("pattern line before any verb block header (--- NAME [CODE] ---)");
        DYAD_RETURN_IF_ERROR(ReadPatternLine(t, number, error));
      } else {
        in_synset_ = false;
        if (!block_) return error("verb line before any verb block header (--- NAME [CODE] ---)");
        DYAD_RETURN_IF_ERROR(ReadVerbLine(t, number, error));
      }
    }
    Flush();
    for (const auto& [number, line] : transforms_) MapTransform(line, number);
    return std::move(out_);
  }

 private:
  // A synset's name for lookups: upper case, without the trailing `_` that
  // only says "no plurals" ("&AUXVERB1_" is used as "&AUXVERB1").
  static std::string SynsetKey(std::string_view label) {
    std::string key = Upper(std::string(Trim(label)));
    while (key.size() > 1 && key.back() == '_') key.pop_back();
    return key;
  }

  static std::string Upper(std::string s) {
    for (char& c : s)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
  }

  // Removes `# ...`, legacy `; ...` and `<!-- ... -->` comments (which may
  // span lines, as PETRARCH's files use them for their headers).
  static std::string StripComments(std::string_view raw, bool* in_xml) {
    std::string out;
    size_t i = 0;
    bool in_code = false;
    while (i < raw.size()) {
      if (*in_xml) {
        size_t end = raw.find("-->", i);
        if (end == std::string_view::npos) return out;
        *in_xml = false;
        i = end + 3;
        continue;
      }
      if (raw.compare(i, 4, "<!--") == 0) {
        *in_xml = true;
        i += 4;
        continue;
      }
      // Not inside a code bracket: PETRARCH's own test dictionary has a
      // "[###]" placeholder code, which should read as a (bad) code.
      if (raw[i] == '[') in_code = true;
      if (raw[i] == ']') in_code = false;
      if (!in_code && (raw[i] == '#' || raw[i] == ';')) return out;
      out.push_back(raw[i++]);
    }
    return out;
  }

  void Skip(const std::string& reason, int line) {
    ++report_.skipped[reason];
    report_.first_line.emplace(reason, line);
  }
  void Approximate(const std::string& reason, int line) {
    ++report_.approximated[reason];
    report_.first_line.emplace(reason, line);
  }

  template <typename Error>
  Status ReadHeader(std::string_view t, int number, const Error& error) {
    std::string_view rest = Trim(t.substr(3));
    if (EndsWith(rest, "---")) rest = Trim(rest.substr(0, rest.size() - 3));
    Block b;
    b.line = number;
    b.code = "---";
    size_t open = rest.find('[');
    std::string_view name = Trim(rest.substr(0, open));
    if (open != std::string_view::npos) {
      size_t close = rest.find(']', open);
      if (close == std::string_view::npos) return error("unclosed '[' in the block header");
      b.code = std::string(Trim(rest.substr(open + 1, close - open - 1)));
      if (b.code.empty()) return error("empty code '[]' in the block header");
    }
    if (name.empty()) return error("verb block header without a name (--- NAME [CODE] ---)");
    b.name = std::string(name);
    block_ = std::move(b);
    ++report_.blocks;
    return Status::Ok();
  }

  void AddSynsetMember(std::string member) {
    // PETRARCH reads `_` and ' ' alike inside synset phrases; a trailing `_`
    // only stops plurals, which lemma matching does not need.
    std::replace(member.begin(), member.end(), '_', ' ');
    member = std::string(Trim(member));
    if (member.empty()) return;
    if (member[0] == '&') {
      // A synset inside a synset: TABARI allowed it, PETRARCH does not;
      // expand it when it is already defined.
      auto it = synsets_.find(SynsetKey(member));
      if (it != synsets_.end() && it->first != synset_) {
        std::vector<std::string> copy = it->second;
        for (std::string& m : copy) synsets_[synset_].push_back(m);
      }
      return;
    }
    synsets_[synset_].push_back(Lower(member));
  }

  // `[A]`, `[A:B]`: the content between the brackets at `open`.
  template <typename Error>
  Status CodeAt(std::string_view t, size_t open, const Error& error, std::string* code, size_t* close_at) {
    size_t close = t.find(']', open);
    if (close == std::string_view::npos) return error("unclosed '[' (a code is written [CODE])");
    *code = std::string(Trim(t.substr(open + 1, close - open - 1)));
    if (code->empty()) return error("empty code '[]'");
    *close_at = close;
    return Status::Ok();
  }

  // Resolves a code as written to an event code of the ontology, or a skip
  // reason. `what` prefixes the reasons ("verb: " for verb lines).
  std::string EventCode(const std::string& written, const std::string& what, int line, std::string* reason) {
    std::string a = written, b;
    bool pair = false;
    if (size_t colon = written.find(':'); colon != std::string::npos) {
      a = Trim(written.substr(0, colon));
      b = Trim(written.substr(colon + 1));
      pair = true;
    }
    auto valid = [&](const std::string& c) { return IsDigits(c) && c.size() >= 2 && c.size() <= 4 && ontology_.Find(c); };
    if (pair && a.empty()) {
      // [:B]: only the event from the target back to the source.
      if (b.empty() || b == "---") {
        *reason = what + "null code [:---] (no event)";
        return "";
      }
      if (!valid(b)) {
        *reason = what + "code not in the CAMEO ontology";
        return "";
      }
      return ":" + b;
    }
    if (a == "---") {
      // No event; the pipeline drops what such a pattern codes.
      *reason = what + "null code [---] (no event)";
      return std::string(kNullCode);
    }
    if (!valid(a)) {
      *reason = what + "code not in the CAMEO ontology";
      return "";
    }
    if (pair && !b.empty() && b != "---") {
      if (!valid(b)) {
        Approximate(what + "code [A:B] with B not in the CAMEO ontology: B dropped", line);
        return a;
      }
      return a + ":" + b;
    }
    return a;
  }

  template <typename Error>
  Status ReadVerbLine(std::string_view t, int number, const Error& error) {
    ++report_.verb_lines;
    Verb v;
    v.line = number;
    v.text = std::string(t);
    size_t open = t.find('[');
    if (open != std::string_view::npos) {
      size_t close = 0;
      DYAD_RETURN_IF_ERROR(CodeAt(t, open, error, &v.code, &close));
    }
    // The verb is the first word; `{...}` lists its irregular forms, which a
    // lemmatizing parser does not need.
    std::string_view head = t.substr(0, std::min(t.find('{'), open));
    head = Trim(head);
    std::string_view spec = head.substr(0, head.find_first_of(" \t"));
    if (spec.empty()) return error("verb line without a verb");
    std::string front, rest(spec);
    if (size_t plus = spec.find('+'); plus != std::string_view::npos) {
      front = std::string(spec.substr(0, plus));
      rest = std::string(spec.substr(plus + 1));
    } else if (spec.find('_') != std::string_view::npos) {
      Skip("verb: multiword verb without a '+' on its verb", number);
      return Status::Ok();
    }
    if (!front.empty()) {
      // RE_+ARREST, WIRE_+TAP: dyad's predicates are a lemma and particles
      // after it.
      Skip("verb: words before the verb (WORD_+VERB)", number);
      return Status::Ok();
    }
    std::vector<std::string_view> words = Split(rest, '_');
    v.lemma = Lower(words[0]);
    for (size_t i = 1; i < words.size(); ++i) {
      if (words[i].empty()) continue;
      v.particle += (v.particle.empty() ? "" : " ") + Lower(words[i]);
    }
    bool readable = IsLemma(v.lemma);
    for (std::string_view p : Split(v.particle, ' ')) readable = readable && (v.particle.empty() || IsLemma(p));
    if (!readable) {
      Skip("verb: not a plain word", number);
      return Status::Ok();
    }
    // A verb of an earlier block: PETRARCH 2 files each verb form under the
    // first block that lists it (its verb tree is filled with setdefault),
    // so that block's code and patterns are the verb's, and a later block
    // adds nothing to it.
    if (std::string key = v.lemma + "\t" + v.particle; !verb_blocks_.emplace(key, report_.blocks).second) {
      if (verb_blocks_[key] != report_.blocks) Skip("verb: already in an earlier block (PETRARCH 2 keeps the first)", number);
      return Status::Ok();
    }
    block_->verbs.push_back(std::move(v));
    return Status::Ok();
  }

  template <typename Error>
  Status ReadPatternLine(std::string_view t, int number, const Error& error) {
    ++report_.pattern_lines;
    PatternLine p;
    p.line = number;
    p.text = std::string(t);
    std::string_view body = t.substr(1);
    size_t open = body.rfind('[');
    if (open == std::string_view::npos) return error("pattern line without a [CODE]");
    size_t close = 0;
    DYAD_RETURN_IF_ERROR(CodeAt(body, open, error, &p.code, &close));
    std::string_view pattern = body.substr(0, open);
    size_t star = pattern.find('*');
    if (star == std::string_view::npos) return error("pattern line without '*' (the verb's place)");
    p.pre = std::string(Trim(pattern.substr(0, star)));
    p.post = std::string(Trim(pattern.substr(star + 1)));
    block_->patterns.push_back(std::move(p));
    return Status::Ok();
  }

  // One noun unit as written (a word, `&SYNSET`, a `{...}` phrase's words,
  // `+`) to its lemmas; "" or a skip reason.
  std::string NounOf(const std::vector<std::string>& words, Noun* noun) {
    if (words.size() == 1 && words[0] == "+") {
      noun->target = true;
      return "";
    }
    for (const std::string& w : words)
      if (w == "+") return "target marker + inside a noun phrase";
    // A phrase ("{MILITARY EXERCISES}", "CONSECUTIVE_WORDS", "{&WEAPON
    // ATTACK}", a synset's "ARMED FORCES") is matched as one: the coder reads
    // a dependent with the compound and adjective modifiers right before it.
    // Each word or synset member may be several words; a synset stands for
    // each of its members.
    std::vector<std::string> prefixes = {""};
    for (size_t i = 0; i < words.size(); ++i) {
      std::vector<std::string> alternatives;
      std::string error = Alternatives(words[i], &alternatives);
      if (!error.empty()) return error;
      if (i + 1 == words.size()) {
        for (const std::string& prefix : prefixes)
          for (const std::string& a : alternatives) AddPhraseVariants(prefix, a, &noun->lemmas);
        break;
      }
      std::vector<std::string> longer;
      for (const std::string& prefix : prefixes)
        for (const std::string& a : alternatives) longer.push_back(prefix + a + " ");
      if (longer.size() > kMaxPhrases) return "a noun phrase of too many synset combinations";
      prefixes = std::move(longer);
    }
    if (noun->lemmas.empty()) return "synset without a usable member";
    std::string text;
    for (const std::string& w : words) text += (text.empty() ? "" : " ") + (w[0] == '&' ? Lower(SynsetKey(w)) : Lower(Spaced(w)));
    noun->text = text;  // the words as written stand for their variants
    if (words.size() == 1 && words[0][0] != '&' && words[0].find('_') == std::string::npos) noun->form = Lower(words[0]);
    return "";
  }

  static constexpr size_t kMaxPhrases = 2000;

  // The lower-case phrases one written word stands for: itself, or a
  // synset's usable members. "" or a skip reason.
  std::string Alternatives(const std::string& word, std::vector<std::string>* out) {
    const std::string w = Spaced(word);
    if (w.empty() || w[0] != '&') {
      if (!IsPhraseWords(w)) return "not a plain word (punctuation, or a TABARI token)";
      out->push_back(Lower(w));
      return "";
    }
    auto it = synsets_.find(SynsetKey(w));
    if (it == synsets_.end()) return "undefined synset";
    for (const std::string& member : it->second)
      if (IsPhraseWords(Spaced(member))) out->push_back(Lower(Spaced(member)));
    return out->empty() ? "synset without a usable member" : "";
  }

  // "CONSECUTIVE_WORDS" -> "CONSECUTIVE WORDS".
  static std::string Spaced(std::string w) {
    std::replace(w.begin(), w.end(), '_', ' ');
    return w;
  }

  // Whether each space-separated word is a plain word.
  static bool IsPhraseWords(std::string_view words) {
    if (words.empty()) return false;
    for (std::string_view w : Split(words, ' '))
      if (!IsLemma(Lower(std::string(w)))) return false;
    return true;
  }

  // The phrase `modifiers` + `words` with the variants of its last word.
  static void AddPhraseVariants(const std::string& modifiers, const std::string& words,
                                std::set<std::string, std::less<>>* out) {
    const size_t sp = words.rfind(' ');
    const std::string prefix = modifiers + (sp == std::string::npos ? "" : words.substr(0, sp + 1));
    std::set<std::string, std::less<>> heads;
    AddLemmaVariants(sp == std::string::npos ? words : words.substr(sp + 1), &heads);
    for (const std::string& h : heads) out->insert(prefix + h);
  }

  // A prepositional phrase of a pattern: its preposition and noun units.
  struct Prep {
    std::string prep;
    std::vector<std::vector<std::string>> nouns;
  };

  // Splits one side of a pattern line into units: top-level nouns (a word,
  // `&SYNSET`, `+`, or a `{...}` phrase's words) and prepositional phrases
  // with their nouns; "" or a skip reason.
  static std::string Units(const std::string& side, std::vector<std::vector<std::string>>* top,
                           std::vector<Prep>* preps) {
    // Tokens, with the brackets as tokens of their own.
    std::vector<std::string> toks;
    std::string cur;
    for (char c : side) {
      if (c == '(' || c == ')' || c == '{' || c == '}' || c == ' ' || c == '\t') {
        if (!cur.empty()) toks.push_back(cur), cur.clear();
        if (c != ' ' && c != '\t') toks.emplace_back(1, c);
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) toks.push_back(cur);
    bool in_prep = false, in_np = false, want_prep = false;
    std::vector<std::string> np;
    for (const std::string& tok : toks) {
      if (tok == "$") return "source marker $ (dyad's source is the subject)";
      // "(IN ^)": the preposition with any noun phrase, as "(IN)" reads.
      if (tok == "^" && in_prep && !want_prep && !in_np) continue;
      if (tok == "^" || tok == "%") return "TABARI token ^ or %";
      if (tok == "(") {
        if (in_prep || in_np) return "unbalanced or nested ( ) or { }";
        in_prep = want_prep = true;
        preps->emplace_back();
      } else if (tok == ")") {
        if (!in_prep || in_np || want_prep) return "unbalanced or nested ( ) or { }";
        in_prep = false;
      } else if (tok == "{") {
        if (in_np || want_prep) return "unbalanced or nested ( ) or { }";
        in_np = true;
        np.clear();
      } else if (tok == "}") {
        if (!in_np || np.empty()) return "unbalanced or nested ( ) or { }";
        in_np = false;
        (in_prep ? preps->back().nouns : *top).push_back(np);
      } else if (in_np) {
        np.push_back(tok);
      } else if (want_prep) {
        want_prep = false;
        preps->back().prep = Lower(tok);
        if (!IsLemma(preps->back().prep)) return "not a plain word (punctuation, or a TABARI token)";
      } else {
        (in_prep ? preps->back().nouns : *top).push_back({tok});
      }
    }
    if (in_prep || in_np) return "unbalanced or nested ( ) or { }";
    return "";
  }

  // Words that sit before a verb without being its subject: auxiliaries
  // ("- WILL * [036:036]") and adverbs ("- ABRUPTLY * TALKS", "- SHARPLY *"):
  // dyad's frames have no slot for them.
  static bool IsAuxiliary(std::string_view w) {
    static const std::set<std::string, std::less<>> kAux = {
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not",
        "be",   "been",  "being", "is",     "are", "was",   "were", "has", "have", "had", "do", "does", "did"};
    return kAux.count(w) > 0;
  }
  static bool IsAdverb(std::string_view w) {
    // "-ly" words of six letters or more, but for the nouns among them.
    static const std::set<std::string, std::less<>> kNouns = {
        "assembly", "family", "supply", "monopoly", "anomaly", "homily", "butterfly", "melancholy",
        "italy",    "july",   "weekly", "quarterly", "bully", "rally", "ally", "jelly", "belly"};
    return w.size() >= 6 && EndsWith(w, "ly") && kNouns.count(w) == 0;
  }

  // Maps the part before `*` (the subject side, "- &MILITARY * [154]") to a
  // `subj=` constraint, as MapPost maps an object; "" or a skip reason.
  std::string MapPre(const PatternLine& p, Mapped* m) {
    std::string pre = p.pre;
    while (!pre.empty() && pre.back() == '_') pre.pop_back();  // `SPY_*`: SPY right before the verb
    if (pre.empty()) return "";
    if (pre.find_first_of("+$") != std::string::npos) return "target or source marker before the verb";
    std::vector<std::vector<std::string>> top;
    std::vector<Prep> preps;
    if (std::string why = Units(pre, &top, &preps); !why.empty()) return why;
    if (!preps.empty()) return "a prepositional phrase before the verb";
    if (top.size() > 1) return "several words before the verb outside { } (a TABARI word sequence)";
    if (top.size() == 1 && top[0].size() == 1) {
      const std::string w = Lower(top[0][0]);
      if (IsAuxiliary(w)) return "an auxiliary before the verb (no frame slot for it)";
      if (IsAdverb(w)) return "an adverb before the verb (no frame slot for it)";
    }
    Noun n;
    if (std::string why = NounOf(top[0], &n); !why.empty()) return why;
    Constraint c;
    c.kind = Constraint::Kind::kSubj;
    c.lemmas = std::move(n.lemmas);
    c.form = n.form;
    c.text = "subj=" + n.text;
    m->frame.push_back(std::move(c));
    return "";
  }

  // Maps the part after `*`; "" or a skip reason.
  std::string MapPost(const PatternLine& p, Mapped* m) {
    std::string post = p.post;
    if (!post.empty() && post[0] == '_') post[0] = ' ';  // `*_OUT`: OUT right after the verb
    std::vector<std::vector<std::string>> top;
    std::vector<Prep> preps;
    if (std::string why = Units(post, &top, &preps); !why.empty()) return why;
    // A bare particle first: "- * DOWN", "- * OUT VIEWS".
    if (!top.empty() && top[0].size() == 1 && IsParticle(Lower(top[0][0]))) {
      m->particle = Lower(top[0][0]);
      top.erase(top.begin());
    }
    std::string target;
    if (top.size() > 1) return "several words after the verb outside ( ) (a TABARI word sequence)";
    if (top.size() == 1) {
      Noun n;
      if (std::string why = NounOf(top[0], &n); !why.empty()) return why;
      Constraint c;
      c.kind = Constraint::Kind::kObj;
      if (n.target) {
        c.actor = true;
        c.classes = {"@actor"};
        c.text = "obj=@actor";
        target = "obj";
      } else {
        c.lemmas = std::move(n.lemmas);
        c.form = n.form;
        c.text = "obj=" + n.text;
      }
      m->frame.push_back(std::move(c));
    }
    std::set<std::string> seen;
    for (const Prep& pp : preps) {
      if (!seen.insert(pp.prep).second) return "the same preposition twice";
      if (pp.nouns.size() > 1) return "several nouns in one prepositional phrase";
      Constraint c;
      c.kind = Constraint::Kind::kPrep;
      c.prep = pp.prep;
      c.text = "prep:" + pp.prep;
      if (pp.nouns.size() == 1) {
        Noun n;
        if (std::string why = NounOf(pp.nouns[0], &n); !why.empty()) return why;
        if (n.target) {
          if (!target.empty()) return "two target markers +";
          c.actor = true;
          c.classes = {"@actor"};
          c.text += "=@actor";
          target = "prep:" + pp.prep;
        } else {
          c.lemmas = std::move(n.lemmas);
          c.form = n.form;
          c.text += "=" + n.text;
        }
      }
      m->frame.push_back(std::move(c));
    }
    if (!target.empty()) {
      m->targets = {target};
    } else {
      m->targets = {"obj", "iobj"};
      for (const Prep& pp : preps) m->targets.push_back("prep:" + pp.prep);
      for (const std::string& g : GenericTargets())
        if (std::find(m->targets.begin(), m->targets.end(), g) == m->targets.end()) m->targets.push_back(g);
    }
    return "";
  }

  // A `~` transformation line of PETRARCH 2 ("~ a (_ b ATTACK) WANT = a b
  // 138": A wants to attack B is 138; "~ a (b . ATTACK) WANT = a b 021": A
  // wants B to attack is A 021 B). PETRARCH matches the inner event by its
  // code, so the inner verb stands for every verb of the dictionary whose
  // own (or block) code is in its code's family (ATTACK, 190: every 19x
  // verb); the outer verb is the one named. Two shapes have a frame: the
  // inner verb as the outer one's open complement (`xcomp=`), with the
  // target its object, or with the outer verb's object as its subject and
  // the target. What is said (SAY, CLAIM: a reported clause) has none.
  void MapTransform(const std::string& line, int number) {
    std::string text = line.substr(1);
    size_t eq = text.find('=');
    if (eq == std::string::npos) return Skip("transformation line (~): no '='", number);
    std::string left = text.substr(0, eq);
    for (char& c : left)
      if (c == '(' || c == ')') c = ' ';
    std::vector<std::string> l, r;
    for (std::string_view w : Split(left, ' '))
      if (!Trim(w).empty()) l.emplace_back(Trim(w));
    for (std::string_view w : Split(text.substr(eq + 1), ' '))
      if (!Trim(w).empty()) r.emplace_back(Trim(w));
    if (l.size() != 5 || r.size() != 3 || l[0] != "a" || r[0] != "a" || r[1] != "b")
      return Skip("transformation line (~): a shape without a frame", number);
    const bool same_subject = l[1] == "_" && l[2] == "b";  // "a wants to attack b"
    const bool object_subject = l[1] == "b" && l[2] == ".";  // "a wants b to attack"
    const bool own_act = l[1] == "a" && l[2] == "b";         // "a says a attacked b"
    if (!same_subject && !object_subject && !own_act)
      return Skip("transformation line (~): a shape without a frame", number);
    const std::string inner = Lower(l[3]), outer = Lower(l[4]);
    auto outer_it = verb_code_.find(outer);
    auto inner_it = verb_code_.find(inner);
    if (verb_lemmas_.count(outer) == 0) return Skip("transformation line (~): the outer verb is not in the dictionary", number);
    if (inner_it == verb_code_.end())
      return Skip("transformation line (~): the inner verb has no event code of its own", number);
    std::string reason;
    std::string code = EventCode(r[2], "", number, &reason);
    if (code.empty() || code == kNullCode) return Skip("transformation line (~): " + reason, number);
    // The inner code's family: its digits without trailing zeros (190: 19x).
    std::string family = inner_it->second.substr(0, inner_it->second.find(':'));
    while (family.size() > 2 && family.back() == '0') family.pop_back();
    // Over what is said ("a says a attacked b", "a says b attacked"): a
    // pattern the coder applies to the reported clause's event.
    const bool says = outer_it != verb_code_.end() && outer_it->second.rfind("01", 0) == 0;
    if (own_act || says) return AddSpeechTransform(outer, inner, family, code, own_act, line, number);
    Constraint xcomp;
    xcomp.kind = Constraint::Kind::kXcomp;
    for (const auto& [lemma, c] : verb_code_)
      if (c.rfind(family, 0) == 0) xcomp.lemmas.insert(lemma);
    xcomp.text = "xcomp=~" + inner;
    Mapped m;
    m.code = code;
    if (object_subject) {
      Constraint obj;
      obj.kind = Constraint::Kind::kObj;
      obj.actor = true;
      obj.classes = {"@actor"};
      obj.text = "obj=@actor";
      m.frame.push_back(std::move(obj));
      m.targets = {"obj"};
    } else {
      m.targets = {"xobj", "xprep:against", "xprep:on", "xprep:at", "xprep:in", "xprep:into", "xprep:to", "xprep:with"};
    }
    m.frame.push_back(std::move(xcomp));
    out_.push_back(Make(outer, "", m, number, "CAMEO transformation: " + line));
    ++report_.patterns;
    Approximate("transformation line (~): the inner verb as the outer one's complement (xcomp)", number);
    // "~ a (b . ATTACK) CLAIM": also over a reported clause ("claimed that B attacked").
    if (object_subject) AddSpeechTransform(outer, inner, family, code, false, line, number);
  }

  // `~ a (a b ATTACK) SAY = a b 015`, `~ a (b . ATTACK) SAY = a b 112`: a
  // said= pattern of the outer verb (patterns.h, Constraint::Kind::kSaid).
  void AddSpeechTransform(const std::string& outer, const std::string& inner, const std::string& family,
                          const std::string& code, bool own_act, const std::string& line, int number) {
    Constraint said;
    said.kind = Constraint::Kind::kSaid;
    said.lemmas = {family};
    said.text = std::string(own_act ? "said:own" : "said:other") + "=~" + inner;
    Mapped m;
    m.code = code;
    m.frame.push_back(std::move(said));
    m.targets = {own_act ? "said:target" : "said:source"};
    out_.push_back(Make(outer, "", m, number, "CAMEO transformation: " + line));
    ++report_.patterns;
    Approximate("transformation line (~): over what is said, applied to the reported clause's event", number);
  }

  Pattern Make(const std::string& predicate, const std::string& particle, const Mapped& m, int line,
               std::string note) const {
    Pattern p;
    p.predicate = predicate;
    p.particle = particle;
    p.frame = m.frame;
    for (Constraint& c : p.frame) c.FinishLemmas();
    p.code = m.code;
    p.targets = m.targets;
    p.file = file_;
    p.line = line;
    p.note = std::move(note);
    return p;
  }

  // A pattern of the current verb block, noted with the block and the line.
  Pattern MakeInBlock(const Verb& v, const std::string& particle, const Mapped& m, int line, const std::string& text) const {
    return Make(v.lemma, particle, m, line, "CAMEO " + block_->name + ": " + text);
  }

  // Emits the finished block's patterns.
  void Flush() {
    if (!block_) return;
    const Block& b = *block_;
    for (const Verb& v : b.verbs) {
      ++report_.verbs;
      const std::string& written = v.code.empty() ? b.code : v.code;
      std::string reason;
      Mapped m;
      m.code = EventCode(written, "verb: ", v.line, &reason);
      if (m.code == kNullCode) m.code.clear();
      if (v.particle.empty()) verb_lemmas_.insert(v.lemma);
      if (!m.code.empty() && v.particle.empty()) verb_code_.emplace(v.lemma, m.code);
      if (m.code.empty()) {
        // A verb without an event of its own (most blocks of CAMEO.2.0 are
        // [---]) only codes through its patterns: no `-` frame.
        if (reason != "verb: null code [---] (no event)") Skip(reason, v.line);
        continue;
      }
      // A statement verb alone ("SAY", block EXPLAIN_VERBAL [010]) is a
      // statement as the bundled patterns write it (`say - 010 none`): the
      // coder codes it only when nothing it reports is coded, aimed at an
      // actor of what was said. PETRARCH 2 likewise codes the reported event
      // in its place.
      m.targets = m.code.rfind("01", 0) == 0 ? std::vector<std::string>{"none"} : GenericTargets();
      out_.push_back(MakeInBlock(v, v.particle, m, v.line, v.text));
      ++report_.default_patterns;
      ++report_.patterns;
    }
    std::vector<std::pair<const PatternLine*, Mapped>> exact;
    for (const PatternLine& pl : b.patterns) {
      std::string reason;
      Mapped m;
      // The words before the verb constrain the subject (first in the
      // frame), those after it the object and the prepositional phrases.
      if (std::string why = MapPre(pl, &m); !why.empty()) {
        Skip(why, pl.line);
        continue;
      }
      m.code = EventCode(pl.code, "", pl.line, &reason);
      if (m.code.empty()) {
        Skip(reason, pl.line);
        continue;
      }
      if (std::string why = MapPost(pl, &m); !why.empty()) {
        Skip(why, pl.line);
        continue;
      }
      if (m.code == kNullCode && m.frame.empty() && m.particle.empty()) {
        // "- * [---]": says no more than that the verb has no event.
        Skip("null code [---] with nothing after the verb", pl.line);
        continue;
      }
      if (m.code == kNullCode) Approximate("null code [---]: a pattern whose events are dropped (no event)", pl.line);
      if (m.code[0] == ':') Approximate("code [:B]: the event B from the target back to the source", pl.line);
      if (m.code.find(':') != std::string::npos && m.code[0] != ':')
        Approximate("code [A:B]: A, and B from the target back to the source", pl.line);
      exact.emplace_back(&pl, std::move(m));
    }
    // The same pattern twice in a block ("- * &INVESTIGATION [091]", later
    // "- * &INVESTIGATION [1014]"): PETRARCH 2 stores a block's patterns in
    // a tree keyed by their words and assigns each line's code to its leaf,
    // so the last line wins; the earlier ones go. "The same" is the same
    // words after the verb, as written.
    {
      std::map<std::string, size_t> last;
      auto key = [](const PatternLine& pl) {
        std::string k;
        for (char c : pl.pre + " * " + pl.post) {
          if (c == ' ' || c == '\t') {
            if (!k.empty() && k.back() != ' ') k.push_back(' ');
          } else {
            k.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
          }
        }
        while (!k.empty() && k.back() == ' ') k.pop_back();
        return k;
      };
      for (size_t i = 0; i < exact.size(); ++i) last[key(*exact[i].first)] = i;
      std::vector<std::pair<const PatternLine*, Mapped>> kept;
      for (size_t i = 0; i < exact.size(); ++i) {
        if (last[key(*exact[i].first)] != i) {
          Skip("the same pattern again later in the block (PETRARCH keeps the last)", exact[i].first->line);
          continue;
        }
        kept.push_back(std::move(exact[i]));
      }
      exact = std::move(kept);
    }
    for (const auto& [pl, m] : exact) {
      size_t made = 0;
      for (const Verb& v : b.verbs) {
        // A particle in the pattern applies to the verbs that have none
        // ("SET" + "- * OUT VIEWS": set out); a verb with another particle
        // does not take the pattern.
        std::string particle = v.particle;
        if (!m.particle.empty()) {
          if (!particle.empty() && particle != m.particle) continue;
          particle = m.particle;
        }
        out_.push_back(MakeInBlock(v, particle, m, pl->line, pl->text));
        ++made;
      }
      if (made == 0) {
        Skip("block without a verb the pattern applies to", pl->line);
        continue;
      }
      ++report_.mapped_lines;
      report_.patterns += made;
    }
    block_.reset();
  }

  const std::string& file_;
  const Ontology& ontology_;
  CameoVerbReport& report_;
  std::optional<Block> block_;
  Synsets synsets_;
  std::string synset_;
  bool in_synset_ = false;
  std::vector<std::pair<int, std::string>> transforms_;  // `~` lines: line number, text
  std::map<std::string, std::string, std::less<>> verb_code_;  // verb lemma (no particle) -> its event code
  std::set<std::string, std::less<>> verb_lemmas_;             // every verb lemma (no particle)
  std::map<std::string, size_t> verb_blocks_;  // "lemma\tparticle" -> the block (count) that has it
  std::vector<Pattern> out_;
};

}  // namespace


void ResolveCompoundCodes(Document* doc, const Ontology& ontology) {
  auto fill = [&](Event& e, const std::string& code) { ontology.SetEventCode(code, &e); };
  auto reverse = [](Event& e) {
    std::swap(e.source_actor, e.target_actor);
    std::swap(e.source, e.target);
  };
  std::vector<Event> out;
  out.reserve(doc->events.size());
  auto add = [&](Event e) {
    if (e.source.empty()) return;  // a reversed event needs a target to be its source
    for (const Event& o : out)
      if (o.sentence == e.sentence && o.source_actor == e.source_actor && o.target_actor == e.target_actor &&
          o.source == e.source && o.target == e.target && o.cameo == e.cameo)
        return;
    out.push_back(std::move(e));
  };
  for (Event& e : doc->events) {
    size_t colon = e.cameo.find(':');
    if (colon == std::string::npos) {
      add(std::move(e));
      continue;
    }
    std::string a = e.cameo.substr(0, colon), b = e.cameo.substr(colon + 1);
    if (!a.empty()) {
      Event fwd = e;
      fill(fwd, a);
      add(std::move(fwd));
    }
    if (!b.empty() && !e.target.empty()) {
      Event back = e;
      reverse(back);
      fill(back, b);
      back.rule += a.empty() ? " [reversed]" : " [and back]";
      add(std::move(back));
    }
  }
  doc->events = std::move(out);
}

std::string CameoVerbReport::Summary(const std::string& file) const {
  std::string s = file + ": " + std::to_string(blocks) + " verb blocks, " + std::to_string(verbs) + " verbs (" +
                  std::to_string(default_patterns) + " code on their own, a `-` frame), " + std::to_string(synsets) +
                  " synsets; " + std::to_string(mapped_lines) + " of " + std::to_string(pattern_lines) +
                  " pattern lines mapped; " + std::to_string(patterns) + " patterns\n";
  auto list = [&](const char* what, const std::map<std::string, size_t>& counts) {
    std::vector<std::pair<std::string, size_t>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [reason, n] : rows) {
      auto it = first_line.find(reason);
      s += std::string("  ") + what + " " + std::to_string(n) + ": " + reason;
      if (it != first_line.end()) s += " (first at line " + std::to_string(it->second) + ")";
      s += "\n";
    }
  };
  list("skipped", skipped);
  list("approximated", approximated);
  return s;
}

Result<std::vector<Pattern>> ParseCameoVerbs(std::string_view text, const std::string& file,
                                             const Ontology& ontology, CameoVerbReport* report) {
  CameoVerbReport local;
  Importer importer(file, ontology, report ? report : &local);
  return importer.Run(text);
}

VerbFileFormat SniffVerbFormat(std::string_view text) {
  for (std::string_view raw : SplitLines(text)) {
    std::string_view t = Trim(raw);
    if (t.empty() || t[0] == '#') continue;
    if (StartsWith(t, "---") || StartsWith(t, "<!--") || t[0] == '&') return VerbFileFormat::kCameo;
    if (t.find('\t') == std::string_view::npos) return VerbFileFormat::kCameo;
  }
  return VerbFileFormat::kDyad;
}

Result<PatternSet> LoadPatternSources(const std::string& dir, bool bundled, const std::vector<std::string>& extra_files,
                                      const Ontology& ontology, std::vector<VerbFileReport>* reports,
                                      size_t* duplicates) {
  NamedText classes;
  std::vector<NamedText> files;
  DYAD_RETURN_IF_ERROR(ReadPatternTexts(dir, bundled, &classes, &files));
  std::vector<Pattern> imported;
  for (const std::string& path : extra_files) {
    std::string text;
    if (!ReadWholeFile(path, &text)) return Status::IOError("cannot read verb file " + path);
    VerbFileReport r;
    r.file = path;
    r.format = SniffVerbFormat(text);
    if (r.format == VerbFileFormat::kDyad) {
      files.push_back(NamedText{path, std::move(text)});
    } else {
      auto patterns = ParseCameoVerbs(text, path, ontology, &r.cameo);
      if (!patterns.ok()) return patterns.status();
      for (Pattern& p : *patterns) imported.push_back(std::move(p));
    }
    if (reports) reports->push_back(std::move(r));
  }
  return PatternSet::Parse(classes, files, ontology, std::move(imported), duplicates);
}

}  // namespace dyad::coding
