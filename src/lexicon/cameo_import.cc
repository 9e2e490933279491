#include "lexicon/cameo_import.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <climits>
#include <cstdint>
#include <map>
#include <set>
#include <utility>

namespace dyad::lexicon {
namespace {

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string Snippet(std::string_view line) {
  std::string s(Trim(line));
  if (s.size() > 60) {
    size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "...";
  }
  return s;
}

// ---- lines and comments ------------------------------------------------------

// A line with content once comments are removed.
struct CameoLine {
  int no = 0;
  std::string_view raw;
  std::string body;  // trimmed, comments removed
};

// Walks the text line by line with PETRARCH's comment rules: '#' anywhere
// ends the line; a line starting "<!" is skipped; "<!-- ... -->" is removed
// and may span lines (PETRARCH only half handles that; real files put '#' on
// the inner lines anyway, so honouring it loses nothing).
class CameoLines {
 public:
  explicit CameoLines(std::string_view text) : text_(text) {}

  bool Next(CameoLine* out) {
    while (pos_ <= text_.size() && !done_) {
      size_t nl = text_.find('\n', pos_);
      if (nl == std::string_view::npos) nl = text_.size();
      std::string_view raw = text_.substr(pos_, nl - pos_);
      done_ = nl == text_.size();
      pos_ = nl + 1;
      ++no_;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      std::string body = Strip(raw);
      if (body.empty()) continue;
      *out = CameoLine{no_, raw, std::move(body)};
      return true;
    }
    return false;
  }

 private:
  std::string Strip(std::string_view raw) {
    std::string_view s = raw;
    if (in_comment_) {
      size_t end = s.find("-->");
      if (end == std::string_view::npos) return "";
      in_comment_ = false;
      s = s.substr(end + 3);
    } else if (Trim(s).substr(0, 2) == "<!") {
      in_comment_ = Trim(s).substr(0, 4) == "<!--" && s.find("-->") == std::string_view::npos;
      return "";
    }
    std::string out;
    while (!s.empty()) {
      size_t open = s.find("<!--");
      std::string_view keep = s.substr(0, open);
      size_t hash = keep.find('#');
      if (hash != std::string_view::npos) {
        out.append(keep.substr(0, hash));
        break;
      }
      out.append(keep);
      if (open == std::string_view::npos) break;
      size_t close = s.find("-->", open);
      if (close == std::string_view::npos) {
        in_comment_ = true;
        break;
      }
      s = s.substr(close + 3);
    }
    return std::string(Trim(out));
  }

  std::string_view text_;
  size_t pos_ = 0;
  int no_ = 0;
  bool in_comment_ = false;
  bool done_ = false;
};

// "PRESIDENT_GEORGE_W._BUSH_" -> "PRESIDENT GEORGE W. BUSH": '_' and blanks are
// both word breaks for PETRARCH; the trailing '_' (TABARI's "no stemming")
// means nothing to a whole-word matcher.
std::string Phrase(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '_' || std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// ---- code brackets -----------------------------------------------------------

// Splits "HEAD [A] [B]" into the head and the bracket contents. A '}' closing
// the last bracket is taken for ']' (a typo PETRARCH reads through); *typo says so.
// Text after the last bracket goes to *trailing.
Status SplitBrackets(std::string_view body, std::string_view* head, std::vector<std::string_view>* brackets,
                     bool* typo, std::string_view* trailing, const std::function<Status(std::string)>& error) {
  size_t open = body.find('[');
  *head = Trim(body.substr(0, open));
  if (head->find(']') != std::string_view::npos) return error("']' without a '['");
  *typo = false;
  *trailing = {};
  while (open != std::string_view::npos) {
    size_t close = body.find_first_of("[]", open + 1);
    if (close == std::string_view::npos || body[close] == '[') {
      size_t brace = body.find('}', open + 1);
      if (close == std::string_view::npos && brace == body.size() - 1) {
        *typo = true;
        close = brace;
      } else {
        return error("code bracket '[' is not closed with ']'");
      }
    }
    brackets->push_back(Trim(body.substr(open + 1, close - open - 1)));
    if (brackets->back().empty()) return error("empty code bracket '[]'");
    std::string_view rest = body.substr(close + 1);
    size_t next = rest.find_first_not_of(" \t");
    if (next == std::string_view::npos) break;
    if (rest[next] != '[') {
      // Trailing text ("[MNCMED]	Newspapers/Magazines	$137,000,000") is a
      // note someone pasted; text between brackets is a mistake.
      if (rest.find('[') != std::string_view::npos)
        return error("unexpected text '" + std::string(Trim(rest.substr(0, rest.find('[')))) + "' between code brackets");
      *trailing = Trim(rest);
      break;
    }
    open = close + 1 + next;
  }
  return Status::Ok();
}

Date NextDay(Date d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int max = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (++d.day > max) {
    d.day = 1;
    if (++d.month > 12) {
      d.month = 1;
      ++d.year;
    }
  }
  return d;
}

enum class CodeUse { kKeep, kNull, kUnstorable };

struct BracketCode {
  CodeUse use = CodeUse::kKeep;
  std::string code;
  DateRange range;
  bool reversed = false;   // the range ends before it begins
  std::string oddity;      // a date read the PETRARCH way, or a one-day range
};

// Classifies the code token of an actor bracket.
Status ActorCodeToken(std::string_view tok, BracketCode* out, const std::function<Status(std::string)>& error) {
  if (tok.find('~') != std::string_view::npos)
    return error("agent code '" + std::string(tok) + "' in an actor dictionary");
  if (tok.find_first_not_of("-+#*") == std::string_view::npos) {
    out->use = CodeUse::kNull;
    out->code = std::string(tok);
    return Status::Ok();
  }
  if (!std::isalpha(static_cast<unsigned char>(tok[0])))
    return error("malformed code '" + std::string(tok) + "' (expected a CAMEO code such as USAGOV before any date)");
  for (char c : tok)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/')
      return error("malformed code '" + std::string(tok) + "' (letters only, e.g. USAGOV)");
  out->code = std::string(tok);
  for (char& c : out->code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out->use = IsActorCode(out->code) ? CodeUse::kKeep : CodeUse::kUnstorable;
  return Status::Ok();
}

Status CameoDateOrError(std::string_view s, Date* d, std::string* oddity,
                        const std::function<Status(std::string)>& error) {
  bool odd = false;
  auto parsed = ParseCameoDate(s, &odd);
  if (!parsed)
    return error("bad date '" + std::string(s) + "' (expected YYMMDD or YYYYMMDD, a real calendar day)");
  if (odd) *oddity = "date '" + std::string(s) + "' read as " + FormatDate(*parsed) + " (as PETRARCH reads it)";
  *d = *parsed;
  return Status::Ok();
}

// "<D" (before D), ">D" or a bare "D" (from D on), "A-B" (from A, before B).
Status DateSpec(std::string_view spec, BracketCode* out, const std::function<Status(std::string)>& error) {
  if (spec.empty()) return Status::Ok();
  Date a, b;
  if (spec[0] == '<' || spec[0] == '>') {
    DYAD_RETURN_IF_ERROR(CameoDateOrError(spec.substr(1), &a, &out->oddity, error));
    (spec[0] == '<' ? out->range.end : out->range.begin) = a;
    return Status::Ok();
  }
  size_t dash = spec.find('-');
  if (dash == std::string_view::npos) {
    DYAD_RETURN_IF_ERROR(CameoDateOrError(spec, &a, &out->oddity, error));
    out->range.begin = a;
    return Status::Ok();
  }
  if (spec.find('-', dash + 1) != std::string_view::npos || dash == 0 || dash + 1 == spec.size())
    return error("malformed date range '" + std::string(spec) + "' (expected <D, >D or D-D)");
  DYAD_RETURN_IF_ERROR(CameoDateOrError(spec.substr(0, dash), &a, &out->oddity, error));
  DYAD_RETURN_IF_ERROR(CameoDateOrError(spec.substr(dash + 1), &b, &out->oddity, error));
  out->range.begin = a;
  if (a == b) {  // "080925-080925": someone in office for that one day
    b = NextDay(a);
    out->oddity = "one-day range " + std::string(spec) + " read as that day";
  }
  out->range.end = b;
  out->reversed = b < a;
  return Status::Ok();
}

Status ParseActorBracket(std::string_view content, BracketCode* out, const std::function<Status(std::string)>& error) {
  size_t sp = content.find_first_of(" \t");
  DYAD_RETURN_IF_ERROR(ActorCodeToken(content.substr(0, sp), out, error));
  std::string spec;  // blanks inside a range are PETRARCH typos: "> 140608", "19950601 - 19990815"
  if (sp != std::string_view::npos)
    for (char c : content.substr(sp))
      if (c != ' ' && c != '\t') spec.push_back(c);
  return DateSpec(spec, out, error);
}

// ---- actors ------------------------------------------------------------------

// CAMEO does not say what kind an entry is; the codes do, roughly.
EntryKind KindOf(const std::vector<DatedCode>& codes) {
  bool person = false, media = false, group = false;
  for (const DatedCode& c : codes) {
    const std::string& k = c.code;
    if (k.size() > 3 && (!c.range.Always() || k.compare(k.size() - 3, 3, "ELI") == 0)) person = true;
    if (k.size() > 3 && k.compare(k.size() - 3, 3, "MED") == 0) media = true;
    for (std::string_view g : {"REB", "INS", "UAF", "SEP", "PTY"})
      if (CodeHasGroup(k, g)) group = true;
  }
  if (person) return EntryKind::kPerson;
  if (media) return EntryKind::kMedia;
  if (group) return EntryKind::kGroup;
  return EntryKind::kOrg;  // also bare country codes: "KABUL [AFG]" is a name standing for the country
}

class ActorReader {
 public:
  ActorReader(std::string_view text, const std::string& file, CameoImportReport* report)
      : lines_(text), file_(file), report_(report) {}

  Result<ActorDictionary> Run() {
    CameoLine l;
    while (lines_.Next(&l)) {
      line_ = &l;
      Status s = l.body[0] == '+' ? Alias(l.body) : l.body[0] == '[' ? CodeLine(l.body) : Header(l.body);
      if (!s.ok()) return s;
    }
    Close();
    return std::move(dict_);
  }

 private:
  Status Error(std::string msg) const {
    return Status::DataError(Where{file_, line_->no, -1, Snippet(line_->raw)}, msg);
  }
  std::function<Status(std::string)> Err() const {
    return [this](std::string m) { return Error(std::move(m)); };
  }
  void Note(const std::string& what, bool on_entry) {
    report_->items.push_back({line_->no, what});
    if (on_entry && open_) cur_.doubts.push_back("line " + std::to_string(line_->no) + ": " + what);
  }

  Status Header(std::string_view body) {
    Close();
    std::string_view head;
    std::vector<std::string_view> brackets;
    bool typo = false;
    std::string_view trailing;
    DYAD_RETURN_IF_ERROR(SplitBrackets(body, &head, &brackets, &typo, &trailing, Err()));
    if (head.find_first_of("{}") != std::string_view::npos)
      return Error("'{...}' plurals belong in agent dictionaries, not actor dictionaries");
    cur_ = ActorEntry();
    cur_.name = Phrase(head);
    if (cur_.name.empty()) return Error("a code bracket without an actor name before it");
    cur_.file = file_;
    cur_.line = line_->no;
    cur_.imported = true;
    open_ = true;
    return Brackets(brackets, typo, trailing);
  }

  Status Alias(std::string_view body) {
    if (!open_) return Error("'+' alias line before any actor entry");
    std::string text(body.substr(1));
    size_t open = text.find('[');
    if (open != std::string::npos)
      return Error("an alias line takes no code bracket (put the code on the entry's own line)");
    if (text.find(']') != std::string::npos) {  // a stray ']' ("+FAEROYENE]_"); PETRARCH keeps it as text
      std::erase(text, ']');
      Note("stray ']' removed from alias", true);
    }
    std::string name = Phrase(text);
    if (name.empty()) return Error("empty alias after '+'");
    cur_.aliases.push_back(Name{std::move(name), false});
    return Status::Ok();
  }

  Status CodeLine(std::string_view body) {
    if (!open_) return Error("code line before any actor entry");
    std::string_view head;
    std::vector<std::string_view> brackets;
    bool typo = false;
    std::string_view trailing;
    DYAD_RETURN_IF_ERROR(SplitBrackets(body, &head, &brackets, &typo, &trailing, Err()));
    if (!head.empty()) return Error("unexpected text before a code bracket");
    return Brackets(brackets, typo, trailing);
  }

  Status Brackets(const std::vector<std::string_view>& brackets, bool typo, std::string_view trailing) {
    if (typo) Note("code bracket closed with '}' read as ']'", true);
    if (!trailing.empty()) Note("text after the code ignored: '" + std::string(trailing) + "'", true);
    for (std::string_view b : brackets) {
      BracketCode bc;
      DYAD_RETURN_IF_ERROR(ParseActorBracket(b, &bc, Err()));
      Use(bc);
    }
    return Status::Ok();
  }

  // Keeps a code or records why not. Dated codes go before undated ones on
  // Close: an undated code is the default when no date restriction applies.
  void Use(const BracketCode& bc) {
    if (!bc.oddity.empty()) Note(bc.oddity, true);
    std::string why;
    if (bc.use == CodeUse::kNull) why = "null code " + bc.code + " (PETRARCH: known but not coded)";
    if (bc.use == CodeUse::kUnstorable) why = "'" + bc.code + "' is not a CAMEO code of three-letter groups";
    if (bc.reversed) why = "range " + bc.range.ToString() + " of " + bc.code + " ends before it begins (PETRARCH never applies it)";
    if (!why.empty()) {
      Note(why + "; code dropped", true);
      ++report_->dropped_codes;
      return;
    }
    (bc.range.Always() ? undated_ : dated_).push_back(DatedCode{bc.code, bc.range, line_->no});
  }

  void Close() {
    if (!open_) return;
    open_ = false;
    cur_.codes = std::move(dated_);
    cur_.codes.insert(cur_.codes.end(), undated_.begin(), undated_.end());
    dated_.clear();
    undated_.clear();
    if (cur_.codes.empty()) {
      report_->items.push_back({cur_.line, "entry '" + cur_.name + "' has no code dyad can use; skipped"});
      ++report_->skipped_entries;
      return;
    }
    cur_.kind = KindOf(cur_.codes);
    ++report_->entries;
    dict_.entries.push_back(std::move(cur_));
  }

  CameoLines lines_;
  std::string file_;
  CameoImportReport* report_;
  const CameoLine* line_ = nullptr;
  ActorDictionary dict_;
  ActorEntry cur_;
  std::vector<DatedCode> dated_, undated_;
  bool open_ = false;
};

// ---- agents ------------------------------------------------------------------

// PETRARCH's regular plural of a phrase: ...Y -> ...IES, ...S -> ...SES, else +S.
std::string Plural(const std::string& phrase) {
  if (phrase.empty()) return phrase;
  char last = phrase.back();
  if (last == 'Y') return phrase.substr(0, phrase.size() - 1) + "IES";
  if (last == 'y') return phrase.substr(0, phrase.size() - 1) + "ies";
  if (last == 'S' || last == 's') return phrase + (last == 'S' ? "ES" : "es");
  return phrase + (std::islower(static_cast<unsigned char>(last)) ? "s" : "S");
}

class AgentReader {
 public:
  AgentReader(std::string_view text, const std::string& file, CameoImportReport* report)
      : lines_(text), file_(file), report_(report) {}

  Result<ActorDictionary> Run() {
    CameoLine l;
    while (lines_.Next(&l)) {
      line_ = &l;
      bool marker = l.body.find('!') != std::string::npos && l.body.find('=') != std::string::npos;
      Status s = marker ? Marker(l.body) : Agent(l.body);
      if (!s.ok()) return s;
    }
    for (ActorEntry& e : entries_) {
      ++report_->entries;
      dict_.entries.push_back(std::move(e));
    }
    return std::move(dict_);
  }

 private:
  Status Error(std::string msg) const {
    return Status::DataError(Where{file_, line_->no, -1, Snippet(line_->raw)}, msg);
  }
  std::function<Status(std::string)> Err() const {
    return [this](std::string m) { return Error(std::move(m)); };
  }
  void Drop(const std::string& why) {
    report_->items.push_back({line_->no, why});
    ++report_->dropped_codes;
  }

  // "!PERSON! = MAN, MEN, WOMAN" defines a substitution set.
  Status Marker(std::string_view body) {
    size_t a = body.find('!'), b = body.find('!', a + 1), eq = body.find('=');
    if (a != 0 || b == std::string_view::npos || b + 1 > eq || Trim(body.substr(b + 1, eq - b - 1)) != "")
      return Error("malformed substitution set (expected '!NAME! = WORD, WORD')");
    std::string name(body.substr(0, b + 1));
    if (name.size() < 3) return Error("empty substitution marker name '!!'");
    std::vector<std::string> words;
    std::string_view list = body.substr(eq + 1);
    for (size_t p = 0; p <= list.size();) {
      size_t comma = list.find(',', p);
      if (comma == std::string_view::npos) comma = list.size();
      std::string w = Phrase(list.substr(p, comma - p));
      if (w.empty()) return Error("empty item in substitution set " + name);
      words.push_back(std::move(w));
      p = comma + 1;
    }
    markers_[name] = std::move(words);
    return Status::Ok();
  }

  Status Agent(std::string_view body) {
    if (body.find('[') == std::string_view::npos) {
      Drop("agent line without a [CODE] (PETRARCH skips it)");
      return Status::Ok();
    }
    std::string_view head;
    std::vector<std::string_view> brackets;
    bool typo = false;
    std::string_view trailing;
    DYAD_RETURN_IF_ERROR(SplitBrackets(body, &head, &brackets, &typo, &trailing, Err()));
    if (brackets.size() != 1) return Error("an agent line takes one code bracket");
    if (!trailing.empty()) return Error("unexpected text '" + std::string(trailing) + "' after the code bracket");
    if (typo) report_->items.push_back({line_->no, "code bracket closed with '}' read as ']'"});
    std::string code, placement;
    DYAD_RETURN_IF_ERROR(AgentCode(brackets[0], &code, &placement));
    std::vector<std::string> phrases;
    if (std::count(head.begin(), head.end(), '!') > 2) {  // "AD!MINIST!RATIVE": a search-and-replace accident
      Drop("more than one substitution marker (PETRARCH substitutes the first only); line dropped");
      return Status::Ok();
    }
    DYAD_RETURN_IF_ERROR(Phrases(head, &phrases));
    if (!IsActorCode(code) || code.size() > 9) {
      Drop("'" + code + "' is not a role code of one to three three-letter groups; line dropped");
      return Status::Ok();
    }
    ActorEntry& e = EntryFor(code, placement);
    for (std::string& p : phrases)
      if (std::find(e.terms.begin(), e.terms.end(), p) == e.terms.end()) e.terms.push_back(std::move(p));
    return Status::Ok();
  }

  // "~GOV": the role follows the actor's code (USAGOV); "NGO~": it goes before.
  Status AgentCode(std::string_view content, std::string* code, std::string* placement) {
    std::string c;
    for (char ch : content)
      if (ch != ' ' && ch != '\t') c.push_back(ch);
    size_t tilde = c.find('~');
    if (tilde == std::string::npos || c.find('~', tilde + 1) != std::string::npos ||
        (tilde != 0 && tilde + 1 != c.size()) || c.size() == 1)
      return Error("malformed agent code '" + c + "' (expected ~CODE or CODE~)");
    *placement = tilde == 0 ? "after" : "before";
    *code = tilde == 0 ? c.substr(1) : c.substr(0, c.size() - 1);
    for (char ch : *code)
      if (!std::isalnum(static_cast<unsigned char>(ch)))
        return Error("malformed agent code '" + c + "' (letters only)");
    return Status::Ok();
  }

  // The phrase, its plural ({} for none, {FORM} for an irregular one) or the
  // expansions of a substitution marker (no plurals, as in PETRARCH).
  Status Phrases(std::string_view head, std::vector<std::string>* out) {
    std::string_view plural_spec;
    bool braces = false;
    size_t open = head.find('{');
    if (open != std::string_view::npos) {
      size_t close = head.find('}', open);
      if (close == std::string_view::npos) return Error("'{' without '}'");
      if (!Trim(head.substr(close + 1)).empty()) return Error("text after the '{...}' plural");
      plural_spec = Trim(head.substr(open + 1, close - open - 1));
      braces = true;
      head = Trim(head.substr(0, open));
    } else if (head.find('}') != std::string_view::npos) {
      return Error("'}' without '{'");
    }
    if (head.find('!') != std::string_view::npos) return Expand(head, out);
    std::string phrase = Phrase(head);
    if (phrase.empty()) return Error("a code bracket without an agent phrase before it");
    out->push_back(phrase);
    std::string plural = braces ? Phrase(plural_spec) : Plural(phrase);
    if (!plural.empty()) out->push_back(std::move(plural));
    return Status::Ok();
  }

  Status Expand(std::string_view head, std::vector<std::string>* out) {
    size_t a = head.find('!'), b = head.find('!', a + 1);
    if (b == std::string_view::npos) return Error("substitution marker without its closing '!'");
    std::string name(head.substr(a, b - a + 1));
    auto it = markers_.find(name);
    if (it == markers_.end()) return Error("undefined substitution marker " + name);
    for (const std::string& w : it->second) {
      out->push_back(Phrase(std::string(head.substr(0, a)) + w + std::string(head.substr(b + 1))));
    }
    return Status::Ok();
  }

  ActorEntry& EntryFor(const std::string& code, const std::string& placement) {
    auto [it, fresh] = by_code_.emplace(placement + ":" + code, entries_.size());
    if (fresh) {
      ActorEntry e;
      e.kind = EntryKind::kAgent;
      e.code = code;
      e.name = code;
      e.file = file_;
      e.line = line_->no;
      e.imported = true;
      if (placement == "before")
        e.notes.push_back("PETRARCH '" + code + "~': the role goes before the actor's code");
      entries_.push_back(std::move(e));
    }
    return entries_[it->second];
  }

  CameoLines lines_;
  std::string file_;
  CameoImportReport* report_;
  const CameoLine* line_ = nullptr;
  std::map<std::string, std::vector<std::string>> markers_;
  std::map<std::string, size_t> by_code_;
  std::vector<ActorEntry> entries_;
  ActorDictionary dict_;
};

// CAMEO agents or actors: by the file name, else by the first code bracket.
DictionaryFormat SniffCameo(std::string_view text, std::string_view path) {
  std::string name(path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.find("agent") != std::string::npos) return DictionaryFormat::kCameoAgents;
  CameoLines lines(text);
  CameoLine l;
  while (lines.Next(&l)) {
    size_t open = l.body.find('[');
    if (open == std::string::npos) continue;
    size_t close = l.body.find(']', open);
    return l.body.substr(open, close - open).find('~') != std::string::npos ? DictionaryFormat::kCameoAgents
                                                                            : DictionaryFormat::kCameoActors;
  }
  return DictionaryFormat::kCameoActors;
}

// Both readers check duplicates the way ParseActorDictionary does: through Merge.
Result<ActorDictionary> Checked(Result<ActorDictionary> r) {
  if (!r.ok()) return r;
  ActorDictionary checked;
  DYAD_RETURN_IF_ERROR(checked.Merge(std::move(r.value())));
  return checked;
}

}  // namespace

std::optional<Date> ParseCameoDate(std::string_view s, bool* odd) {
  if (s.size() < 6) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  auto num = [&](size_t b, size_t n) {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  if (odd) *odd = s.size() != 6 && s.size() != 8;
  Date d;
  if (s.size() <= 7) {
    int yy = num(0, 2);
    d = Date{yy <= 30 ? 2000 + yy : 1900 + yy, num(2, 2), num(4, 2)};
  } else {
    d = Date{num(0, 4), num(4, 2), num(6, 2)};
  }
  // ParseDictionaryDate checks the calendar.
  return ParseDictionaryDate(FormatDate(d));
}

DictionaryFormat SniffDictionaryFormat(std::string_view text, std::string_view path) {
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = std::min(text.find('\n', pos), text.size());
    std::string_view line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '@') return DictionaryFormat::kDyad;
    return SniffCameo(text, path);
  }
  return DictionaryFormat::kDyad;  // nothing but comments: an empty dyad file
}

Result<ActorDictionary> ParseCameoActors(std::string_view text, const std::string& file, CameoImportReport* report) {
  CameoImportReport local;
  return Checked(ActorReader(text, file, report ? report : &local).Run());
}

Result<ActorDictionary> ParseCameoAgents(std::string_view text, const std::string& file, CameoImportReport* report) {
  CameoImportReport local;
  return Checked(AgentReader(text, file, report ? report : &local).Run());
}

namespace {

std::string UpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) words.push_back(std::move(cur)), cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

}  // namespace

DiscardList ParseCameoDiscards(std::string_view text) {
  DiscardList list;
  int no = 0;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++no;
    line = line.substr(0, line.find('#'));
    line = Trim(line);
    if (line.empty()) continue;
    DiscardList::Phrase p;
    p.line = no;
    if (line[0] == '+') {
      p.story = true;
      line = Trim(line.substr(1));
    }
    std::string body(line);
    while (!body.empty() && body.back() == '_') body.pop_back();
    std::replace(body.begin(), body.end(), '_', ' ');
    p.words = Words(UpperAscii(body));
    if (!p.words.empty()) list.phrases.push_back(std::move(p));
    if (nl == text.size()) break;
  }
  return list;
}

const DiscardList::Phrase* DiscardList::Find(std::string_view text) const {
  const std::vector<std::string> words = Words(UpperAscii(text));
  // The partial match is words[start, start + len): PETRARCH's place in its
  // phrase trie.
  size_t start = 0, len = 0;
  auto is_prefix = [&](const Phrase& p) {
    return p.words.size() >= len && std::equal(p.words.begin(), p.words.begin() + len, words.begin() + start);
  };
  for (size_t i = 0; i < words.size(); ++i) {
    if (len > 0)
      for (bool story : {true, false})
        for (const Phrase& p : phrases)
          if (p.story == story && p.words.size() == len && is_prefix(p)) return &p;
    bool extends = false;
    for (const Phrase& p : phrases) extends = extends || (p.words.size() > len && is_prefix(p) && p.words[len] == words[i]);
    if (extends) {
      if (len == 0) start = i;
      ++len;
    } else {
      len = 0;
    }
  }
  return nullptr;
}

size_t PromoteCameoCountries(ActorDictionary* dict) {
  std::set<std::string, std::less<>> roles = {"IGO", "NGO", "MNC", "IMG", "UIS"};
  for (const ActorEntry& e : dict->entries)
    if (e.kind == EntryKind::kAgent) roles.insert(e.code);
  // The entry's current code, when it is a bare country code: undated, or
  // open towards the present ("GEORGIA_ [USRGEO <910409] ... [GEO >911221]").
  auto bare = [&](const ActorEntry& e) -> std::string {
    if (!e.imported || e.kind == EntryKind::kAgent || e.kind == EntryKind::kCountry || e.kind == EntryKind::kRegion)
      return "";
    for (const DatedCode& c : e.codes)
      if (!c.range.end) return c.code.size() == 3 && !roles.count(c.code) ? c.code : "";
    return "";
  };
  std::vector<ActorEntry> kept;
  std::map<std::string, size_t> country_at;  // code -> index in kept
  for (size_t i = 0; i < dict->entries.size(); ++i)
    if (dict->entries[i].kind == EntryKind::kCountry || dict->entries[i].kind == EntryKind::kRegion)
      country_at.emplace(dict->entries[i].code, SIZE_MAX);
  size_t folded = 0;
  for (ActorEntry& e : dict->entries) {
    std::string code = bare(e);
    auto it = code.empty() ? country_at.end() : country_at.find(code);
    if (code.empty() || (it != country_at.end() && it->second == SIZE_MAX)) {
      // Not a country name, or the country already has an entry of its own
      // (a dyad-format one): left as it is.
      kept.push_back(std::move(e));
      continue;
    }
    ++folded;
    if (it == country_at.end()) {
      ActorEntry c;
      c.kind = EntryKind::kCountry;
      c.name = e.name;
      c.code = code;
      c.file = e.file;
      c.line = e.line;
      c.imported = true;
      c.notes.push_back("made from the CAMEO entries coded " + code);
      for (const Name& n : e.aliases) c.aliases.push_back(n);
      country_at[code] = kept.size();
      kept.push_back(std::move(c));
      continue;
    }
    ActorEntry& c = kept[it->second];
    c.aliases.push_back(Name{e.name, false});
    for (const Name& n : e.aliases) c.aliases.push_back(n);
  }
  dict->entries = std::move(kept);
  dict->BuildIndex();
  return folded;
}

size_t CodeBareCountriesAsCountries(Document* doc, const ActorDictionary& dict) {
  size_t n = 0;
  for (Mention& m : doc->mentions) {
    if (m.actor < 0 || m.how != "dictionary" || m.code.size() != 6 || m.code.compare(3, 3, "GOV") != 0) continue;
    const std::string country = m.code.substr(0, 3);
    std::string_view text = m.text;
    if (text.size() > 4 && (text.substr(0, 4) == "the " || text.substr(0, 4) == "The ")) text.remove_prefix(4);
    bool named = false;
    for (const NameHit& h : dict.Lookup(text))
      named = named || ((h.entry->kind == EntryKind::kCountry || h.entry->kind == EntryKind::kRegion) &&
                        h.entry->code == country && (h.how == NameKind::kCanonical || h.how == NameKind::kAlias));
    if (!named) continue;
    // The mention's code only: it stays the same actor as the government, so
    // "Ukraine said it ..." is not a dyad of Ukraine with itself.
    m.code = country;
    ++n;
  }
  return n;
}

}  // namespace dyad::lexicon
