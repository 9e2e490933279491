#include "lexicon/actor_dictionary.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_set>
#include <utility>

#include "lexicon/cameo_import.h"

namespace dyad::lexicon {
namespace {

constexpr std::array<std::string_view, 7> kKindNames = {"country", "region", "person", "org",
                                                        "group",   "media",  "agent"};

// The office vocabulary (docs/actor-dictionary.md, "Offices").
constexpr std::array<std::string_view, 30> kOfficeRoles = {
    "head_of_state",   "president",          "vice_president",   "prime_minister",
    "deputy_prime_minister", "foreign_minister", "defense_minister", "interior_minister",
    "finance_minister", "justice_minister",  "minister",         "spokesperson",
    "chief_of_staff",  "security_adviser",   "ambassador",       "envoy",            "diplomat",
    "speaker",         "legislator",         "attorney_general", "chief_justice",
    "military_commander", "intelligence_chief", "central_bank_governor", "secretary_general",
    "party_leader",    "opposition_leader",  "candidate",        "governor",
    "mayor"};

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

std::vector<std::string_view> SplitWhitespace(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// Removes a comment: '#' at the start of the line or after whitespace. Returns
// the comment text (without '#') in *comment.
std::string_view StripComment(std::string_view line, std::string_view* comment) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      *comment = Trim(line.substr(i + 1));
      return line.substr(0, i);
    }
  }
  *comment = {};
  return line;
}

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    if (n == 2 && c < 0xC2) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
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

bool IsRoleCode(std::string_view s) { return IsActorCode(s) && s.size() <= 9; }

// Which fields each kind allows.
bool Allowed(EntryKind kind, std::string_view key) {
  const bool place = kind == EntryKind::kCountry || kind == EntryKind::kRegion;
  const bool actor = kind == EntryKind::kPerson || kind == EntryKind::kOrg ||
                     kind == EntryKind::kGroup || kind == EntryKind::kMedia;
  if (key == "note") return true;
  if (key == "name" || key == "demonym" || key == "metonym") return place;
  if (key == "capital") return kind == EntryKind::kCountry;
  if (key == "title") return kind == EntryKind::kCountry || kind == EntryKind::kAgent;
  if (key == "alias" || key == "alias!") return place || actor;
  if (key == "code") return actor;
  if (key == "office" || key == "gender") return kind == EntryKind::kPerson;
  if (key == "term" || key == "local" || key == "author" || key == "place") return kind == EntryKind::kAgent;
  return false;
}

bool KnownKey(std::string_view key) {
  for (std::string_view k : {"name", "alias", "alias!", "demonym", "capital", "metonym", "title",
                             "code", "office", "gender", "term", "local", "author", "place", "note"})
    if (k == key) return true;
  return false;
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Result<ActorDictionary> Run() {
    size_t pos = 0;
    int line_no = 0;
    while (pos <= text_.size()) {
      size_t nl = text_.find('\n', pos);
      if (nl == std::string_view::npos) nl = text_.size();
      std::string_view raw = text_.substr(pos, nl - pos);
      ++line_no;
      line_ = line_no;
      raw_ = raw;
      Status s = Line(raw);
      if (!s.ok()) return s;
      if (nl == text_.size()) break;
      pos = nl + 1;
    }
    Status s = Close();
    if (!s.ok()) return s;
    return std::move(dict_);
  }

 private:
  Status Error(std::string_view msg) const {
    return Status::DataError(Where{file_, line_, -1, Snippet(raw_)}, msg);
  }

  Status Line(std::string_view raw) {
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (!ValidUtf8(raw)) return Error("not valid UTF-8");
    std::string_view comment;
    std::string_view body = StripComment(raw, &comment);
    std::string_view trimmed = Trim(body);
    if (trimmed.empty()) {
      if (Trim(raw).empty()) {  // a blank line ends the entry
        return Close();
      }
      // A comment-only line: keep doubts that belong to the open entry.
      if (open_ && comment.rfind("doubt:", 0) == 0) cur_.doubts.emplace_back(Trim(comment.substr(6)));
      return Status::Ok();
    }
    if (body[0] == ' ' || body[0] == '\t')
      return Error("indented line: continuation lines are not allowed; repeat the field instead");
    Status s = body[0] == '@' ? Header(trimmed) : Field(trimmed);
    if (!s.ok()) return s;
    if (open_ && comment.rfind("doubt:", 0) == 0) cur_.doubts.emplace_back(Trim(comment.substr(6)));
    return Status::Ok();
  }

  Status Header(std::string_view t) {
    DYAD_RETURN_IF_ERROR(Close());
    size_t sp = t.find_first_of(" \t");
    std::string_view kind = t.substr(1, sp == std::string_view::npos ? t.size() - 1 : sp - 1);
    std::string_view arg = sp == std::string_view::npos ? std::string_view() : Trim(t.substr(sp));
    bool found = false;
    for (size_t i = 0; i < kKindNames.size(); ++i) {
      if (kKindNames[i] == kind) {
        cur_ = ActorEntry();
        cur_.kind = static_cast<EntryKind>(i);
        found = true;
      }
    }
    if (!found)
      return Error("unknown entry kind '@" + std::string(kind) +
                   "' (expected @country, @region, @person, @org, @group, @media or @agent)");
    if (arg.empty()) return Error("'@" + std::string(kind) + "' needs a name or code after it");
    cur_.file = file_;
    cur_.line = line_;
    switch (cur_.kind) {
      case EntryKind::kCountry:
      case EntryKind::kRegion:
        if (arg.size() != 3 || !IsActorCode(arg))
          return Error("a country or region code is three upper-case letters, got '" + std::string(arg) + "'");
        cur_.code = std::string(arg);
        break;
      case EntryKind::kAgent:
        if (!IsRoleCode(arg))
          return Error("an agent role is one to three groups of three upper-case letters, got '" +
                       std::string(arg) + "'");
        cur_.code = std::string(arg);
        cur_.name = std::string(arg);
        break;
      default:
        cur_.name = std::string(arg);
        break;
    }
    open_ = true;
    return Status::Ok();
  }

  Status Field(std::string_view t) {
    if (!open_) return Error("field outside an entry (an entry starts with '@kind' at column 0; a blank line ends it)");
    size_t colon = t.find(':');
    if (colon == std::string_view::npos) return Error("expected 'key: value'");
    std::string key(Trim(t.substr(0, colon)));
    std::string_view value = Trim(t.substr(colon + 1));
    if (!KnownKey(key)) return Error("unknown key '" + key + "'");
    if (!Allowed(cur_.kind, key))
      return Error("'" + key + "' is not allowed in @" + std::string(KindName(cur_.kind)));
    if (value.empty()) return Error("'" + key + "' has no value");

    if (key == "name") {
      if (!cur_.name.empty()) return Error("a second 'name'");
      cur_.name = std::string(value);
    } else if (key == "alias" || key == "alias!") {
      std::vector<std::string> items;
      DYAD_RETURN_IF_ERROR(List(value, &items));
      for (auto& i : items) cur_.aliases.push_back(Name{std::move(i), key == "alias!"});
    } else if (key == "demonym") {
      DYAD_RETURN_IF_ERROR(List(value, &cur_.demonyms));
    } else if (key == "capital" || key == "metonym" || key == "title") {
      std::string role = key == "title" ? "" : "GOV";
      size_t eq = value.rfind('=');
      if (eq != std::string_view::npos) {
        role = std::string(Trim(value.substr(eq + 1)));
        value = Trim(value.substr(0, eq));
        if (key == "capital") return Error("a capital always stands for GOV; use 'metonym:' for another role");
        if (key == "metonym" && !IsRoleCode(role))
          return Error("'" + role + "' is not a role code (e.g. GOV, MIL, GOVMED)");
        if (key == "title" && !IsOfficeRole(role)) return Error("'" + role + "' is not an office role");
      } else if (key == "title") {
        return Error("a title needs '= office_role' (e.g. 'title: chancellor = foreign_minister')");
      }
      std::vector<std::string> items;
      DYAD_RETURN_IF_ERROR(List(value, &items));
      for (auto& i : items) {
        if (key == "title") {
          if (cur_.kind == EntryKind::kAgent) cur_.terms.push_back(i);  // a title is also a role word
          cur_.titles.push_back(Title{std::move(i), role});
        } else
          cur_.metonyms.push_back(Metonym{std::move(i), role});
      }
    } else if (key == "code") {
      auto parts = SplitWhitespace(value);
      if (parts.size() > 2) return Error("'code' takes a code and an optional date range");
      if (!IsActorCode(parts[0]))
        return Error("'" + std::string(parts[0]) + "' is not a CAMEO actor code (1-5 groups of three upper-case letters)");
      DatedCode c;
      c.code = std::string(parts[0]);
      c.line = line_;
      if (parts.size() == 2) DYAD_RETURN_IF_ERROR(Range(parts[1], &c.range));
      cur_.codes.push_back(std::move(c));
    } else if (key == "office") {
      auto parts = SplitWhitespace(value);
      if (parts.size() < 2 || parts.size() > 3)
        return Error("'office' takes a country code, an office role and an optional date range");
      if (!IsActorCode(parts[0])) return Error("'" + std::string(parts[0]) + "' is not a country or IGO code");
      if (!IsOfficeRole(parts[1])) return Error("unknown office role '" + std::string(parts[1]) + "'");
      Office o;
      o.country = std::string(parts[0]);
      o.role = std::string(parts[1]);
      if (parts.size() == 3) DYAD_RETURN_IF_ERROR(Range(parts[2], &o.range));
      cur_.offices.push_back(std::move(o));
    } else if (key == "gender") {
      if (cur_.gender) return Error("a second 'gender'");
      if (value != "m" && value != "f") return Error("gender is 'm' or 'f'");
      cur_.gender = value[0];
    } else if (key == "term") {
      DYAD_RETURN_IF_ERROR(List(value, &cur_.terms));
    } else if (key == "local") {
      std::vector<std::string> local;
      DYAD_RETURN_IF_ERROR(List(value, &local));
      cur_.local_terms.insert(cur_.local_terms.end(), local.begin(), local.end());
      cur_.terms.insert(cur_.terms.end(), local.begin(), local.end());
    } else if (key == "author") {
      DYAD_RETURN_IF_ERROR(List(value, &cur_.authored));
    } else if (key == "place") {
      DYAD_RETURN_IF_ERROR(List(value, &cur_.place_nouns));
    } else if (key == "note") {
      cur_.notes.emplace_back(value);
    }
    return Status::Ok();
  }

  Status List(std::string_view value, std::vector<std::string>* out) {
    size_t b = 0;
    while (true) {
      size_t semi = value.find(';', b);
      std::string_view item = Trim(value.substr(b, semi == std::string_view::npos ? std::string_view::npos : semi - b));
      if (item.empty()) return Error("empty item in a ';' list");
      out->emplace_back(item);
      if (semi == std::string_view::npos) break;
      b = semi + 1;
    }
    return Status::Ok();
  }

  Status Range(std::string_view s, DateRange* r) {
    size_t dots = s.find("..");
    if (dots == std::string_view::npos)
      return Error("malformed date range '" + std::string(s) + "' (expected YYYY-MM-DD..YYYY-MM-DD, open ends allowed)");
    std::string_view a = s.substr(0, dots), b = s.substr(dots + 2);
    if (a.empty() && b.empty()) return Error("date range '..' has no dates; leave the range out for 'always'");
    if (!a.empty()) {
      r->begin = ParseDictionaryDate(a);
      if (!r->begin) return Error("malformed date '" + std::string(a) + "' (expected a real YYYY-MM-DD)");
    }
    if (!b.empty()) {
      r->end = ParseDictionaryDate(b);
      if (!r->end) return Error("malformed date '" + std::string(b) + "' (expected a real YYYY-MM-DD)");
    }
    if (r->begin && r->end && !(*r->begin < *r->end))
      return Error("range ends before it begins ('" + std::string(s) + "'; the end day is excluded, so it must be later)");
    return Status::Ok();
  }

  // Ends the open entry, checking what it must have.
  Status Close() {
    if (!open_) return Status::Ok();
    open_ = false;
    auto missing = [&](std::string_view what) {
      return Status::DataError(Where{file_, cur_.line, -1, ""},
                               "@" + std::string(KindName(cur_.kind)) + " entry '" +
                                   (cur_.name.empty() ? cur_.code : cur_.name) + "' has no " + std::string(what));
    };
    switch (cur_.kind) {
      case EntryKind::kCountry:
      case EntryKind::kRegion:
        if (cur_.name.empty()) return missing("'name:'");
        break;
      case EntryKind::kAgent:
        if (cur_.terms.empty()) return missing("'term:'");
        break;
      default:
        if (cur_.codes.empty()) return missing("'code:'");
        break;
    }
    dict_.entries.push_back(std::move(cur_));
    cur_ = ActorEntry();
    return Status::Ok();
  }

  std::string_view text_;
  std::string file_;
  ActorDictionary dict_;
  ActorEntry cur_;
  bool open_ = false;
  int line_ = 0;
  std::string_view raw_;
};

// The canonical name without a trailing qualifier: "Luis Arce (Bolivia)" -> "Luis Arce".
std::string_view StripQualifier(std::string_view name) {
  if (!name.empty() && name.back() == ')') {
    size_t open = name.rfind(" (");
    if (open != std::string_view::npos) return name.substr(0, open);
  }
  return name;
}

std::string ExactKey(std::string_view s) {
  std::string key(1, '\x01');
  key.append(s);
  return key;
}

// Every folded name of the dyad-format entries: the names imported entries
// must not take (Merge).
void AddCuratedKeys(const std::vector<ActorEntry>& entries, std::unordered_set<std::string>* keys) {
  for (const ActorEntry& e : entries) {
    if (e.imported) continue;
    if (e.kind != EntryKind::kAgent) keys->insert(FoldName(StripQualifier(e.name)));
    for (const Name& a : e.aliases) keys->insert(FoldName(a.text));  // exact ones too: "US" shadows "us"
    for (const std::string& d : e.demonyms) keys->insert(FoldName(d));
    for (const Metonym& m : e.metonyms) keys->insert(FoldName(m.text));
    for (const Title& t : e.titles) keys->insert(FoldName(t.text));
    for (const std::string& t : e.terms) keys->insert(FoldName(t));
  }
}

// True when the folded name is made of dyad names, role words and a few
// function words only: "the united states", "president of the united states",
// "president vladimir putin". CAMEO bakes determiners and titles into names;
// dyad composes them, and a longer CAMEO match would hide its reading.
bool Composed(const std::string& key, const std::unordered_set<std::string>& keys) {
  std::vector<std::string_view> words = SplitWhitespace(key);
  static constexpr std::string_view kGlue[] = {"the", "of", "mr", "mr.", "mrs", "mrs.", "ms", "ms."};
  auto glue = [](std::string_view w) { return std::find(std::begin(kGlue), std::end(kGlue), w) != std::end(kGlue); };
  // reach[i]: 0 unreachable, 1 by glue words only, 2 with at least one dyad name.
  std::vector<int> reach(words.size() + 1, 0);
  reach[0] = 1;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!reach[i]) continue;
    if (glue(words[i])) reach[i + 1] = std::max(reach[i + 1], reach[i]);
    std::string seg;
    for (size_t j = i; j < words.size(); ++j) {
      if (j > i) seg.push_back(' ');
      seg.append(words[j]);
      if (keys.count(seg)) reach[j + 1] = 2;
    }
  }
  return reach[words.size()] == 2;
}

// Drops the names of imported entries that dyad's names make (see Composed);
// an entry that loses its canonical name takes its first remaining alias, one
// with no name left goes.
void ShadowImported(const std::unordered_set<std::string>& keys, std::vector<ActorEntry>* entries,
                    ImportMergeStats* stats) {
  auto shadowed = [&](const std::string& text) {
    bool hit = Composed(FoldName(text), keys);
    stats->shadowed_names += hit;
    return hit;
  };
  auto gone = [&](ActorEntry& e) {
    if (!e.imported) return false;
    if (e.kind == EntryKind::kAgent) {
      std::erase_if(e.terms, shadowed);
      return e.terms.empty();
    }
    std::erase_if(e.aliases, [&](const Name& a) { return shadowed(a.text); });
    if (shadowed(e.name)) {
      if (e.aliases.empty()) return true;
      e.name = std::move(e.aliases.front().text);
      e.aliases.erase(e.aliases.begin());
    }
    return false;
  };
  stats->skipped_entries += std::erase_if(*entries, gone);
}

// Adds what `more` knows about the same imported actor to `first`.
void Fold(ActorEntry&& more, ActorEntry* first) {
  for (Name& a : more.aliases) {
    bool known = a.text == first->name;
    for (const Name& b : first->aliases) known = known || b.text == a.text;
    if (!known) first->aliases.push_back(std::move(a));
  }
  for (DatedCode& c : more.codes) first->codes.push_back(std::move(c));
  for (std::string& d : more.doubts) first->doubts.push_back(std::move(d));
}

bool AnyImported(const std::vector<ActorEntry>& entries) {
  return std::any_of(entries.begin(), entries.end(), [](const ActorEntry& e) { return e.imported; });
}
bool AnyCurated(const std::vector<ActorEntry>& entries) {
  return std::any_of(entries.begin(), entries.end(), [](const ActorEntry& e) { return !e.imported; });
}

// Fast path of FoldName for ASCII text (CAMEO dictionaries are nearly all
// ASCII, and BuildIndex folds every name): the same result without ICU.
bool FoldAscii(std::string_view s, std::string* out) {
  out->clear();
  bool space = true;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80) return false;
    if (c == '-' || c == ' ' || (c >= '\t' && c <= '\r')) {
      if (!space) out->push_back(' ');
      space = true;
      continue;
    }
    out->push_back(c == '`' ? '\'' : static_cast<char>(std::tolower(c)));
    space = false;
  }
  if (!out->empty() && out->back() == ' ') out->pop_back();
  return true;
}

}  // namespace

std::string_view KindName(EntryKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

bool DateRange::Contains(const Date& d) const {
  if (begin && d < *begin) return false;
  if (end && !(d < *end)) return false;
  return true;
}

std::string DateRange::ToString() const {
  if (Always()) return "";
  return (begin ? FormatDate(*begin) : "") + ".." + (end ? FormatDate(*end) : "");
}

std::string FormatDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<Date> ParseDictionaryDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](size_t b, size_t n) {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int max = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day > max) return std::nullopt;
  return d;
}

bool IsActorCode(std::string_view code) {
  if (code.empty() || code.size() % 3 != 0 || code.size() > 15) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool CodeHasGroup(std::string_view code, std::string_view group) {
  for (size_t i = 3; i + 3 <= code.size(); i += 3)
    if (code.substr(i, 3) == group) return true;
  return false;
}

bool IsStateRole(std::string_view role) {
  for (std::string_view r : {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
    if (role == r) return true;
  return false;
}

bool IsOfficeRole(std::string_view role) {
  return std::find(kOfficeRoles.begin(), kOfficeRoles.end(), role) != kOfficeRoles.end();
}

std::string FoldName(std::string_view s) {
  if (std::string ascii; FoldAscii(s, &ascii)) return ascii;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString d = U_SUCCESS(err) ? nfd->normalize(u, err) : u;
  if (U_FAILURE(err)) d = u;
  icu::UnicodeString out;
  bool space = true;  // drop leading spaces
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == 0x0060) c = '\'';
    if (c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014 || u_isUWhiteSpace(c)) {
      if (!space) out.append(static_cast<UChar32>(' '));
      space = true;
      continue;
    }
    if (c == 0x00DF) {  // sharp s folds to "ss"
      out.append(icu::UnicodeString(u"ss"));
      space = false;
      continue;
    }
    out.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
    space = false;
  }
  if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') out.truncate(out.length() - 1);
  std::string r;
  out.toUTF8String(r);
  return r;
}

std::optional<std::string> CodeAt(const ActorEntry& entry, const Date& date) {
  switch (entry.kind) {
    case EntryKind::kCountry:
    case EntryKind::kRegion:
    case EntryKind::kAgent:
      return entry.code;
    default:
      for (const DatedCode& c : entry.codes)
        if (c.range.Contains(date)) return c.code;
      return std::nullopt;
  }
}

std::vector<NameHit> ActorDictionary::Lookup(std::string_view text) const {
  std::vector<NameHit> hits;
  auto add = [&](const std::string& key, bool exact) {
    auto [b, e] = name_index.equal_range(key);
    std::vector<size_t> idx;
    for (auto it = b; it != e; ++it) idx.push_back(it->second);
    std::sort(idx.begin(), idx.end());
    idx.erase(std::unique(idx.begin(), idx.end()), idx.end());
    const std::string folded = exact ? "" : key;
    for (size_t i : idx) {
      const ActorEntry& en = entries[i];
      auto push = [&](NameKind how, std::string role) {
        for (const NameHit& h : hits)
          if (h.entry == &en && h.how == how && h.role == role) return;
        hits.push_back(NameHit{&en, how, std::move(role)});
      };
      if (exact) {
        push(NameKind::kAlias, "");
        continue;
      }
      if (FoldName(StripQualifier(en.name)) == folded && en.kind != EntryKind::kAgent) push(NameKind::kCanonical, "");
      for (const Name& a : en.aliases)
        if (!a.exact && FoldName(a.text) == folded) push(NameKind::kAlias, "");
      for (const std::string& dm : en.demonyms)
        if (FoldName(dm) == folded) push(NameKind::kDemonym, "");
      for (const Metonym& m : en.metonyms)
        if (FoldName(m.text) == folded) push(NameKind::kMetonym, m.role);
      for (const std::string& t : en.terms)
        if (FoldName(t) == folded) push(NameKind::kTerm, en.code);
    }
  };
  add(ExactKey(text), true);
  add(FoldName(text), false);
  return hits;
}

const ActorEntry* ActorDictionary::FindActor(std::string_view text) const {
  for (const NameHit& h : Lookup(text)) {
    EntryKind k = h.entry->kind;
    if ((k == EntryKind::kPerson || k == EntryKind::kOrg || k == EntryKind::kGroup || k == EntryKind::kMedia) &&
        (h.how == NameKind::kCanonical || h.how == NameKind::kAlias))
      return h.entry;
  }
  return nullptr;
}

const ActorEntry* ActorDictionary::Country(std::string_view code) const {
  auto it = country_index.find(std::string(code));
  return it == country_index.end() ? nullptr : &entries[it->second];
}

size_t ActorDictionary::Count(EntryKind kind) const {
  return static_cast<size_t>(
      std::count_if(entries.begin(), entries.end(), [&](const ActorEntry& e) { return e.kind == kind; }));
}

size_t ActorDictionary::CountAgentTerms() const {
  size_t n = 0;
  for (const ActorEntry& e : entries)
    if (e.kind == EntryKind::kAgent) n += e.terms.size();
  return n;
}

Status ActorDictionary::Merge(ActorDictionary other) {
  // Check first, so that a failed merge leaves this dictionary's dyad entries as they were.
  std::map<std::pair<int, std::string>, const ActorEntry*> seen;
  std::map<std::string, const ActorEntry*> codes;
  for (const ActorEntry& e : entries) {
    if (!e.imported) seen.emplace(std::make_pair(static_cast<int>(e.kind), e.name), &e);
    if (e.kind == EntryKind::kCountry || e.kind == EntryKind::kRegion) codes.emplace(e.code, &e);
  }
  for (const ActorEntry& e : other.entries) {
    auto where = [&](const ActorEntry* first) {
      return first->file + ":" + std::to_string(first->line);
    };
    if (e.kind == EntryKind::kCountry || e.kind == EntryKind::kRegion) {
      auto [it, fresh] = codes.emplace(e.code, &e);
      if (!fresh)
        return Status::DataError(Where{e.file, e.line, -1, "@" + std::string(KindName(e.kind)) + " " + e.code},
                                 "code " + e.code + " already defined at " + where(it->second));
    }
    if (e.kind == EntryKind::kAgent || e.imported) continue;  // several @agent GOV blocks are fine
    auto [it, fresh] = seen.emplace(std::make_pair(static_cast<int>(e.kind), e.name), &e);
    if (!fresh)
      return Status::DataError(Where{e.file, e.line, -1, "@" + std::string(KindName(e.kind)) + " " + e.name},
                               "duplicate entry; first defined at " + where(it->second) +
                                   " (add a qualifier in parentheses to tell homonyms apart)");
  }
  import_stats.shadowed_names += other.import_stats.shadowed_names;
  import_stats.skipped_entries += other.import_stats.skipped_entries;
  import_stats.folded_entries += other.import_stats.folded_entries;
  if (AnyImported(entries) || AnyImported(other.entries)) {
    std::unordered_set<std::string> keys;
    AddCuratedKeys(entries, &keys);
    AddCuratedKeys(other.entries, &keys);
    if (AnyCurated(other.entries)) ShadowImported(keys, &entries, &import_stats);
    ShadowImported(keys, &other.entries, &import_stats);
  }
  // Pointers in `seen` die here; imported duplicates fold into the first of their (kind, name).
  std::map<std::pair<int, std::string>, size_t> imported;
  for (size_t i = 0; i < entries.size(); ++i)
    if (entries[i].imported && entries[i].kind != EntryKind::kAgent)
      imported.emplace(std::make_pair(static_cast<int>(entries[i].kind), entries[i].name), i);
  for (ActorEntry& e : other.entries) {
    if (e.imported && e.kind != EntryKind::kAgent) {
      auto [it, fresh] = imported.emplace(std::make_pair(static_cast<int>(e.kind), e.name), entries.size());
      if (!fresh) {
        Fold(std::move(e), &entries[it->second]);
        ++import_stats.folded_entries;
        continue;
      }
    }
    entries.push_back(std::move(e));
  }
  BuildIndex();
  return Status::Ok();
}

void ActorDictionary::BuildIndex() {
  name_index.clear();
  country_index.clear();
  name_index.reserve(entries.size() * 3);
  for (size_t i = 0; i < entries.size(); ++i) {
    const ActorEntry& e = entries[i];
    if (e.kind == EntryKind::kCountry || e.kind == EntryKind::kRegion) country_index.emplace(e.code, i);
    if (e.kind != EntryKind::kAgent) name_index.emplace(FoldName(StripQualifier(e.name)), i);
    for (const Name& a : e.aliases) name_index.emplace(a.exact ? ExactKey(a.text) : FoldName(a.text), i);
    for (const std::string& d : e.demonyms) name_index.emplace(FoldName(d), i);
    for (const Metonym& m : e.metonyms) name_index.emplace(FoldName(m.text), i);
    for (const std::string& t : e.terms) name_index.emplace(FoldName(t), i);
  }
}

Result<ActorDictionary> ParseActorDictionary(std::string_view text, const std::string& file) {
  Result<ActorDictionary> r = Parser(text, file).Run();
  if (!r.ok()) return r;
  ActorDictionary checked;
  DYAD_RETURN_IF_ERROR(checked.Merge(std::move(r.value())));  // duplicates within the file
  return checked;
}

Result<ActorDictionary> LoadActorDictionary(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".actors") files.push_back(it->path().string());
    }
    if (ec) return Status::IOError("cannot list " + path + ": " + ec.message());
    std::sort(files.begin(), files.end());
    ActorDictionary all;
    for (const std::string& f : files) {
      Result<ActorDictionary> one = LoadActorDictionary(f);
      if (!one.ok()) return one.status();
      DYAD_RETURN_IF_ERROR(all.Merge(std::move(one.value())));
    }
    return all;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open actor dictionary " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError("cannot read actor dictionary " + path);
  const std::string text = ss.str();
  switch (SniffDictionaryFormat(text, path)) {
    case DictionaryFormat::kCameoActors:
      return ParseCameoActors(text, path);
    case DictionaryFormat::kCameoAgents:
      return ParseCameoAgents(text, path);
    case DictionaryFormat::kDyad:
      break;
  }
  return ParseActorDictionary(text, path);
}

Result<ActorDictionary> LoadActorDictionaries(const std::vector<std::string>& paths) {
  ActorDictionary all;
  for (const std::string& p : paths) {
    Result<ActorDictionary> one = LoadActorDictionary(p);
    if (!one.ok()) return one.status();
    DYAD_RETURN_IF_ERROR(all.Merge(std::move(one.value())));
  }
  return all;
}

Result<ActorDictionary> LoadBundledActorDictionary(const std::string& data_dir) {
  return LoadActorDictionaries({data_dir + "/actors", data_dir + "/agents"});
}

}  // namespace dyad::lexicon
