#include "coding/patterns.h"

#include <algorithm>
#include <filesystem>

#include "base/strings.h"

namespace dyad::coding {
namespace {

std::string Snippet(std::string_view line) { return std::string(line.substr(0, 60)); }

bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\''; }

// A lemma as written: lower-case letters, digits, '-', '\''; `_` joins the
// words of a multiword lemma ("martial_law"), stored with a space.
bool ParseLemma(std::string_view s, std::string* out) {
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  out->clear();
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      if (s[i - 1] == '_') return false;
      out->push_back(' ');
    } else if (IsWordChar(c)) {
      out->push_back(c);
    } else {
      return false;
    }
  }
  return true;
}

// Words separated by single spaces, each a lemma.
bool ParseWords(std::string_view s, std::vector<std::string>* words) {
  words->clear();
  for (std::string_view w : Split(s, ' ')) {
    std::string lemma;
    if (!ParseLemma(w, &lemma) || lemma.find(' ') != std::string::npos) return false;
    words->push_back(std::move(lemma));
  }
  return !words->empty();
}

bool IsClassName(std::string_view s) {
  if (s.size() < 2 || s[0] != '@') return false;
  for (char c : s.substr(1)) {
    if (!IsWordChar(c)) return false;
  }
  return true;
}

bool IsCodeShape(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

constexpr std::string_view kActorClass = "@actor";

// Parses `A|@class|...` into the constraint's value. Returns an error text.
std::string ParseValue(std::string_view value, const WordClasses& classes, Constraint* c) {
  if (value.empty()) return "empty value";
  for (std::string_view alt : Split(value, '|')) {
    if (alt.empty()) return "empty alternative in '" + std::string(value) + "'";
    if (alt[0] == '@') {
      if (alt == kActorClass) {
        c->actor = true;
        c->classes.emplace_back(alt);
        continue;
      }
      auto it = classes.find(alt);
      if (it == classes.end()) return "unknown word class '" + std::string(alt) + "' (not in classes.tsv)";
      c->classes.emplace_back(alt);
      c->lemmas.insert(it->second.begin(), it->second.end());
      continue;
    }
    std::string lemma;
    if (!ParseLemma(alt, &lemma)) return "bad lemma '" + std::string(alt) + "' (lower case, digits, - and ', _ between words)";
    c->lemmas.insert(std::move(lemma));
  }
  return "";
}

// Parses one constraint of a frame. Returns an error text.
std::string ParseConstraint(std::string_view tok, bool noun, const WordClasses& classes, Constraint* c) {
  c->text = std::string(tok);
  if (!tok.empty() && tok[0] == '!') {
    c->negated = true;
    tok.remove_prefix(1);
  }
  std::string_view head = tok, value;
  bool has_value = false;
  size_t eq = tok.find('=');
  if (eq != std::string_view::npos) {
    head = tok.substr(0, eq);
    value = tok.substr(eq + 1);
    has_value = true;
  }
  if (head == "subj") {
    c->kind = Constraint::Kind::kSubj;
  } else if (head == "obj") {
    c->kind = Constraint::Kind::kObj;
  } else if (head == "iobj") {
    c->kind = Constraint::Kind::kIobj;
  } else if (head == "xcomp") {
    c->kind = Constraint::Kind::kXcomp;
  } else if (head == "xobj") {
    c->kind = Constraint::Kind::kXobj;
  } else if (head == "comp") {
    c->kind = Constraint::Kind::kComp;
  } else if (head == "passive") {
    c->kind = Constraint::Kind::kPassive;
    if (has_value) return "'passive' takes no value";
  } else if (head == "not") {
    c->kind = Constraint::Kind::kNot;
    if (has_value || c->negated) return "'not' takes no value and cannot be negated";
  } else if (StartsWith(head, "prep:")) {
    c->kind = Constraint::Kind::kPrep;
    std::string prep;
    if (!ParseLemma(head.substr(5), &prep)) return "bad preposition in '" + std::string(head) + "'";
    c->prep = prep;
  } else if (StartsWith(tok, "noun:")) {
    // noun:V, where V may itself hold no '='.
    c->kind = Constraint::Kind::kNounVerb;
    if (c->negated) return "'noun:' cannot be negated";
    if (!noun) return "'noun:V' (the governing verb) applies only to noun predicates";
    std::string err = ParseValue(tok.substr(5), classes, c);
    if (!err.empty()) return err;
    if (c->actor) return "'noun:' takes verb lemmas, not @actor";
    return "";
  } else {
    return "unknown constraint '" + std::string(tok) + "' (subj, obj, iobj, xcomp, xobj, comp, prep:X, passive, not, noun:V)";
  }
  if (noun && c->kind != Constraint::Kind::kPrep) {
    return "constraint '" + std::string(tok) + "' does not apply to a noun predicate (use prep:X or noun:V)";
  }
  if (c->negated && has_value) return "a negated constraint takes no value: '" + c->text + "'";
  if (has_value) return ParseValue(value, classes, c);
  return "";
}

// Parses the target field. Returns an error text.
std::string ParseTargets(std::string_view field, bool noun, bool has_xcomp, std::vector<std::string>* out) {
  std::vector<std::string_view> alts = Split(field, '|');
  for (size_t i = 0; i < alts.size(); ++i) {
    std::string_view t = alts[i];
    std::string target(t);
    if (t == "none") {
      if (i + 1 != alts.size()) return "target 'none' must be the last alternative";
    } else if (t == "obj" || t == "xobj") {
      if (noun) return "target '" + target + "' does not apply to a noun predicate";
      if (t == "xobj" && !has_xcomp) return "target 'xobj' needs an xcomp constraint in the frame";
    } else if (t == "iobj" || t == "poss") {
    } else if (StartsWith(t, "prep:") || StartsWith(t, "xprep:")) {
      bool x = t[0] == 'x';
      std::string prep;
      if (!ParseLemma(t.substr(x ? 6 : 5), &prep)) return "bad preposition in target '" + target + "'";
      if (x && (noun || !has_xcomp)) return "target '" + target + "' needs an xcomp constraint in the frame";
      target = (x ? "xprep:" : "prep:") + prep;
    } else {
      return "bad target '" + target + "' (obj, iobj, poss, xobj, prep:X, xprep:X, none; alternatives with |)";
    }
    out->push_back(std::move(target));
  }
  return "";
}

Status ParseClasses(const NamedText& in, WordClasses* classes) {
  int number = 0;
  for (std::string_view raw : SplitLines(in.text)) {
    ++number;
    std::string_view line = Trim(StripHashComment(raw));
    if (line.empty()) continue;
    auto error = [&](const std::string& what) { return Status::DataError(Where{in.name, number, -1, Snippet(raw)}, what); };
    std::vector<std::string_view> f = TabFields(line);
    if (f.size() != 2) return error("expected 2 tab-separated fields (@class, lemma|lemma|...), found " + std::to_string(f.size()));
    if (!IsClassName(f[0])) return error("class name must be @ and lower-case letters, digits or -: '" + std::string(f[0]) + "'");
    if (f[0] == kActorClass) return error("@actor is built in (an actor mention) and cannot be defined");
    if (classes->count(f[0])) return error("class " + std::string(f[0]) + " defined twice");
    std::set<std::string, std::less<>> members;
    for (std::string_view alt : Split(f[1], '|')) {
      if (alt.empty()) return error("empty member in '" + std::string(f[1]) + "'");
      if (alt[0] == '@') {
        auto it = classes->find(alt);
        if (it == classes->end()) return error("unknown word class '" + std::string(alt) + "' (a class can only use classes defined above it)");
        members.insert(it->second.begin(), it->second.end());
        continue;
      }
      std::string lemma;
      if (!ParseLemma(alt, &lemma)) return error("bad lemma '" + std::string(alt) + "' (lower case, digits, - and ', _ between words)");
      if (!members.insert(lemma).second) return error("'" + lemma + "' listed twice in " + std::string(f[0]));
    }
    classes->emplace(std::string(f[0]), std::move(members));
  }
  return Status::Ok();
}

Status ParsePatternFile(const NamedText& in, const WordClasses& classes, const Ontology& ontology,
                        std::vector<Pattern>* out) {
  int number = 0;
  for (std::string_view raw : SplitLines(in.text)) {
    ++number;
    std::string_view line = Trim(StripHashComment(raw));
    if (line.empty()) continue;
    auto error = [&](const std::string& what) { return Status::DataError(Where{in.name, number, -1, Snippet(raw)}, what); };
    std::vector<std::string_view> f = TabFields(line);
    if (f.size() < 4) return error("expected tab-separated fields predicate, frame, code, target [, note], found " + std::to_string(f.size()));
    Pattern p;
    p.file = in.name;
    p.line = number;
    // Predicate.
    std::string_view pred = f[0];
    if (StartsWith(pred, "noun:")) {
      p.noun = true;
      pred.remove_prefix(5);
    }
    std::vector<std::string> words;
    if (!ParseWords(pred, &words)) {
      return error("bad predicate '" + std::string(f[0]) + "' (lower-case lemma, 'verb particle' or noun:LEMMA)");
    }
    if (p.noun) {
      for (size_t i = 0; i < words.size(); ++i) p.predicate += (i ? " " : "") + words[i];
    } else {
      p.predicate = words[0];
      for (size_t i = 1; i < words.size(); ++i) p.particle += (i > 1 ? " " : "") + words[i];
    }
    // Frame.
    bool has_xcomp = false;
    if (f[1] != "-") {
      std::set<std::string> seen;
      for (std::string_view tok : Split(f[1], ' ')) {
        if (tok.empty()) return error("frame has an empty constraint (two spaces?)");
        Constraint c;
        std::string err = ParseConstraint(tok, p.noun, classes, &c);
        if (!err.empty()) return error(err);
        std::string slot = std::to_string(static_cast<int>(c.kind)) + c.prep;
        if (!seen.insert(slot).second) return error("two constraints on the same slot in the frame: '" + std::string(tok) + "'");
        if (c.kind == Constraint::Kind::kXcomp && !c.negated) has_xcomp = true;
        p.frame.push_back(std::move(c));
      }
      for (const Constraint& c : p.frame) {
        if (c.kind == Constraint::Kind::kXobj && !has_xcomp) return error("'xobj' needs an xcomp constraint in the same frame");
      }
    }
    // Code.
    // `---`: a reading that is no event ("a travel alert" is no alert of
    // forces), winning where its frame holds as any pattern does.
    p.code = std::string(f[2]);
    if (p.code != kNullCode) {
      if (!IsCodeShape(p.code)) return error("code must be 2 to 4 digits or ---: '" + p.code + "'");
      if (!ontology.Find(p.code)) return error("unknown CAMEO code " + p.code + " (not in data/ontology/cameo.tsv)");
    }
    // Target.
    std::string err = ParseTargets(f[3], p.noun, has_xcomp, &p.targets);
    if (!err.empty()) return error(err);
    // Note: the rest, TABs read as spaces.
    for (size_t i = 4; i < f.size(); ++i) p.note += (i > 4 ? " " : "") + std::string(f[i]);
    out->push_back(std::move(p));
  }
  return Status::Ok();
}

}  // namespace

bool Constraint::Accepts(std::string_view lemma, bool is_actor) const {
  if (lemmas.empty() && !actor) return true;
  if (actor && is_actor) return true;
  return lemmas.count(lemma) > 0;
}

int Constraint::Weight() const {
  if (kind == Kind::kPassive || kind == Kind::kNot || negated) return 1;
  if (lemmas.empty() && !actor) return 1;
  const bool all_phrases = !actor && std::all_of(lemmas.begin(), lemmas.end(), [](const std::string& l) {
    return l.find(' ') != std::string::npos;
  });
  return all_phrases ? 3 : 2;
}

void Constraint::FinishLemmas() {
  has_phrases = std::any_of(lemmas.begin(), lemmas.end(), [](const std::string& l) { return l.find(' ') != std::string::npos; });
}

int Pattern::Specificity() const {
  int s = 0;
  for (const Constraint& c : frame) s += c.Weight();
  return s;
}

std::string Pattern::FrameText() const {
  if (frame.empty()) return "-";
  std::string s;
  for (const Constraint& c : frame) s += (s.empty() ? "" : " ") + c.text;
  return s;
}

Result<PatternSet> PatternSet::Parse(const NamedText& classes, const std::vector<NamedText>& files,
                                     const Ontology& ontology) {
  return Parse(classes, files, ontology, {}, nullptr);
}

Result<PatternSet> PatternSet::Parse(const NamedText& classes, const std::vector<NamedText>& files,
                                     const Ontology& ontology, std::vector<Pattern> extra, size_t* dropped) {
  PatternSet set;
  DYAD_RETURN_IF_ERROR(ParseClasses(classes, &set.classes_));
  for (const NamedText& file : files) {
    DYAD_RETURN_IF_ERROR(ParsePatternFile(file, set.classes_, ontology, &set.patterns_));
  }
  // Same predicate, same frame: the later line could never apply.
  std::map<std::string, const Pattern*> frames;
  auto key_of = [](const Pattern& p) { return (p.noun ? "noun:" : "") + p.Key() + "\t" + p.FrameText(); };
  for (const Pattern& p : set.patterns_) {
    auto [it, inserted] = frames.emplace(key_of(p), &p);
    if (!inserted) {
      return Status::DataError(Where{p.file, p.line, -1, p.Key() + " " + p.FrameText()},
                               "same predicate and frame as " + it->second->file + ":" +
                                   std::to_string(it->second->line));
    }
  }
  if (dropped) *dropped = 0;
  // The keys point into patterns_, which must not reallocate while they are
  // in use: keep the extra patterns' keys as strings.
  std::set<std::string> keys;
  for (const auto& [k, p] : frames) keys.insert(k);
  frames.clear();
  set.patterns_.reserve(set.patterns_.size() + extra.size());
  for (Pattern& p : extra) {
    if (!keys.insert(key_of(p)).second) {
      if (dropped) ++*dropped;
      continue;
    }
    set.patterns_.push_back(std::move(p));
  }
  for (Pattern& p : set.patterns_)
    for (Constraint& c : p.frame) c.FinishLemmas();
  auto said = [](const Pattern& p) {
    return std::any_of(p.frame.begin(), p.frame.end(), [](const Constraint& c) { return c.kind == Constraint::Kind::kSaid; });
  };
  for (const Pattern& p : set.patterns_) (p.noun ? set.nouns_ : said(p) ? set.said_ : set.verbs_)[p.Key()].push_back(&p);
  for (auto* index : {&set.verbs_, &set.nouns_}) {
    for (auto& [key, list] : *index) {
      std::stable_sort(list.begin(), list.end(),
                       [](const Pattern* a, const Pattern* b) { return a->Specificity() > b->Specificity(); });
    }
  }
  return set;
}

const std::vector<const Pattern*>& PatternSet::For(std::string_view key) const {
  static const std::vector<const Pattern*> kNone;
  auto it = verbs_.find(key);
  return it == verbs_.end() ? kNone : it->second;
}

const std::vector<const Pattern*>& PatternSet::SaidFor(std::string_view key) const {
  static const std::vector<const Pattern*> kNone;
  auto it = said_.find(key);
  return it == said_.end() ? kNone : it->second;
}

const std::vector<const Pattern*>& PatternSet::ForNoun(std::string_view key) const {
  static const std::vector<const Pattern*> kNone;
  auto it = nouns_.find(key);
  return it == nouns_.end() ? kNone : it->second;
}

std::vector<std::string> PatternSet::VerbKeys() const {
  std::vector<std::string> keys;
  for (const auto& [k, v] : verbs_) keys.push_back(k);
  return keys;
}

std::vector<std::string> PatternSet::NounKeys() const {
  std::vector<std::string> keys;
  for (const auto& [k, v] : nouns_) keys.push_back(k);
  return keys;
}

Result<PatternSet> LoadPatterns(const std::string& dir, const Ontology& ontology) {
  NamedText classes;
  std::vector<NamedText> files;
  DYAD_RETURN_IF_ERROR(ReadPatternTexts(dir, true, &classes, &files));
  return PatternSet::Parse(classes, files, ontology);
}

Status ReadPatternTexts(const std::string& dir, bool patterns, NamedText* classes, std::vector<NamedText>* files) {
  *classes = NamedText{dir + "/classes.tsv", ""};
  if (!ReadWholeFile(classes->name, &classes->text)) return Status::IOError("cannot read " + classes->name);
  if (!patterns) return Status::Ok();
  std::vector<std::string> paths;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".patterns") paths.push_back(it->path().string());
  }
  if (ec) return Status::IOError("cannot list " + dir + ": " + ec.message());
  if (paths.empty()) return Status::NotFound("no .patterns files in " + dir);
  std::sort(paths.begin(), paths.end());
  for (const std::string& path : paths) {
    NamedText f{path, ""};
    if (!ReadWholeFile(path, &f.text)) return Status::IOError("cannot read " + path);
    files->push_back(std::move(f));
  }
  return Status::Ok();
}

// intent.tsv's rows: an act (not itself an intent or a threat) and its
// intent, which is in 03 (intent to cooperate) or 13 (threaten).
static std::string IntentRowCheck(std::string_view act, std::string_view intent) {
  if (!IsCodeShape(act) || !IsCodeShape(intent)) return "codes are 2 to 4 digits";
  std::string_view act_root = act.substr(0, 2), intent_root = intent.substr(0, 2);
  if (act_root == "03" || act_root == "13") return "act " + std::string(act) + " is already an intent or a threat";
  if (intent_root != "03" && intent_root != "13")
    return "intent code must be in 03 (intent to cooperate) or 13 (threaten): '" + std::string(intent) + "'";
  return "";
}

Result<CodeMap> ParseIntentMap(std::string_view text, const std::string& name, const Ontology& ontology) {
  return CodeMap::Parse(text, name, ontology, IntentRowCheck);
}

Result<CodeMap> LoadIntentMap(const std::string& dir, const Ontology& ontology) {
  return CodeMap::Load(dir + "/intent.tsv", ontology, IntentRowCheck);
}

}  // namespace dyad::coding
