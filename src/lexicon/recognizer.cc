#include "lexicon/recognizer.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "base/strings.h"
#include "text/utf8.h"

namespace dyad::lexicon {

using namespace std::string_view_literals;  // "x"sv: comparing a std::string with it checks the size first
namespace {

// Grammar, not lexicon: the closed classes that resolution needs.
struct Pronoun {
  std::string_view form;
  char gender;  // 'm', 'f', 'n' (it), 'p' (they)
};
constexpr Pronoun kPronouns[] = {{"he", 'm'},  {"him", 'm'},  {"his", 'm'},   {"himself", 'm'}, {"she", 'f'},
                                 {"her", 'f'}, {"hers", 'f'}, {"herself", 'f'}, {"its", 'n'},   {"they", 'p'},
                                 {"them", 'p'}, {"their", 'p'}, {"theirs", 'p'}, {"themselves", 'p'}};
constexpr std::string_view kLocatives[] = {"in", "at", "near", "inside", "within", "throughout", "across", "around"};
constexpr std::string_view kNameParticles[] = {"de", "da", "del", "della", "di", "do", "dos", "la", "le", "van", "von",
                                          "bin", "al", "el", "y", "ibn"};
// Courtesy titles before a surname ("Mr Biden"), not given names.
constexpr std::string_view kHonorifics[] = {"mr", "mrs", "ms", "miss", "mister", "dr", "sir", "dame", "lord", "lady",
                                       "madam", "sr", "sra", "señor", "señora", "don", "doña"};

template <size_t N>
bool InList(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

bool Capitalized(std::string_view form) {
  size_t len;
  return !form.empty() && text::IsUpper(text::DecodeAt(form, 0, &len));
}

// "iSrael", "eBay": a capital after a lower-case start is a slip of the
// keyboard or a brand's spelling, never a common word's.
bool MixedCase(std::string_view form) {
  for (size_t i = 1; i < form.size(); ++i)
    if (form[i] >= 'A' && form[i] <= 'Z') return true;
  return false;
}

// "that country", "that government": a distal demonstrative before a role
// word points back at a country named before ("this country" in a
// quotation is the speaker's own, so "this" is not one).
bool IsDemonstrative(std::string_view f) { return text::LowerEquals(f, "that"); }

bool IsPossessivePronoun(std::string_view f) {
  std::string w = text::Lower(f);
  return w == "his"sv || w == "her"sv || w == "its"sv || w == "their"sv;
}

bool IsPossessive(std::string_view f) { return f == "'s"sv || f == "\u2019s"sv || f == "'"sv || f == "\u2019"sv; }

bool IsPersonish(EntryKind k) { return k == EntryKind::kPerson; }

// The reading of a match the composer uses first.
int Priority(const MatchPayload& p, const ActorDictionary& dict) {
  EntryKind k = dict.entries[p.entry].kind;
  switch (p.kind) {
    case MatchKind::kName:
      return k == EntryKind::kCountry || k == EntryKind::kRegion ? 4 : 6;
    case MatchKind::kDemonym: return 3;
    case MatchKind::kMetonym: return 2;
    case MatchKind::kTitle: return 1;
    case MatchKind::kTerm: return 0;
  }
  return 0;
}

const MatchPayload* BestReading(const NameMatch& m, const ActorDictionary& dict) {
  const MatchPayload* best = nullptr;
  for (const MatchPayload* p : m.payloads)
    if (!best || Priority(*p, dict) > Priority(*best, dict)) best = p;
  return best;
}

bool IsCountryish(const MatchPayload& p, const ActorDictionary& dict) {
  EntryKind k = dict.entries[p.entry].kind;
  return (k == EntryKind::kCountry || k == EntryKind::kRegion) &&
         (p.kind == MatchKind::kName || p.kind == MatchKind::kDemonym);
}

bool IsRoleWord(const MatchPayload& p) { return p.kind == MatchKind::kTitle || p.kind == MatchKind::kTerm; }

// One sentence's worth of composed mention, before it is tied to an actor.
struct Phrase {
  int first = 0, last = 0;
  const ActorEntry* country = nullptr;   // from a country name or demonym
  const ActorEntry* named = nullptr;     // a dictionary person, org, group or media
  std::string role, office;              // from titles and terms
  std::vector<int> new_name;             // tokens of a name the dictionary lacks
  std::vector<const MatchPayload*> titles;  // every reading of the phrase's title words
  const MatchPayload* metonym = nullptr;
  const ActorEntry* group = nullptr;     // "a Hamas spokesman": the group the title speaks for
  bool bare_country = false;             // a country name alone
  std::string how = "dictionary";
};

class DocumentRecognizer {
 public:
  DocumentRecognizer(Document* doc, const LexiconResources& res) : doc_(*doc), res_(res), dict_(res.dictionary) {
    // Codes at the publication date; else at the month or year the
    // metadata gives; else the codes current now.
    if (doc->date) date_ = doc->date;
    else if (doc->approximate_date) date_ = doc->approximate_date;
  }

  void Run() {
    doc_.actors.clear();
    doc_.mentions.clear();
    for (size_t s = 0; s < doc_.sentences.size(); ++s) Sentence(static_cast<int>(s));
  }

 private:
  // ---- composition -----------------------------------------------------
  void Sentence(int s) {
    cur_sentence_ = s;
    const auto& toks = doc_.sentences[s].tokens;
    forms_.clear();
    for (const auto& t : toks) forms_.push_back(t.form);
    std::vector<NameMatch> matches = DropNamesakes(DropLowercaseNames(res_.matcher.Match(forms_)));
    for (NameMatch& m : matches) PreferSittingHolders(&m);
    std::vector<bool> covered(toks.size(), false);
    size_t before = doc_.mentions.size();
    for (size_t k = 0; k < matches.size();) {
      Phrase p;
      size_t used = Compose(matches, k, &p);
      for (int i = p.first; i < p.last; ++i) covered[i] = true;
      Emit(s, p);
      k += used;
      // A word the phrase took in as part of a new person's name ("Defence
      // Minister Israel Katz") is not a country or title of its own; the
      // name of a dictionary person, organisation or group still names it.
      while (k < matches.size() && matches[k].first < p.last && !IsEntityName(*BestReading(matches[k], dict_))) ++k;
    }
    ShortNames(s, covered);
    Pronouns(s, covered);
    std::sort(doc_.mentions.begin() + static_cast<std::ptrdiff_t>(before), doc_.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  }

  bool IsEntityName(const MatchPayload& r) const {
    const EntryKind kind = dict_.entries[r.entry].kind;
    return r.kind == MatchKind::kName && kind != EntryKind::kCountry && kind != EntryKind::kRegion;
  }

  // "President Bush" in 2008 is George W. Bush: of several people a name
  // fits, the one whose code at the article's date comes from a dated
  // period (a post held then) goes before those left with their undated
  // default. BestReading keeps the first of equal readings.
  void PreferSittingHolders(NameMatch* m) const {
    if (!date_ || m->payloads.size() < 2) return;
    auto sitting = [&](const MatchPayload* p) {
      const ActorEntry& e = dict_.entries[p->entry];
      if (p->kind != MatchKind::kName || e.kind != EntryKind::kPerson) return false;
      for (const DatedCode& c : e.codes)
        if (c.range.Contains(*date_)) return !c.range.Always();
      return false;
    };
    std::stable_partition(m->payloads.begin(), m->payloads.end(), sitting);
  }

  // "Timothy Morrison" is not Scott Morrison: a person's surname alone,
  // right after a given name (a proper noun matching no entry, no
  // honorific) that starts otherwise than every given name of the entry, is
  // another person, whom the dictionary lacks ("Hunter Biden" beside Joe).
  // Until the entry is named in full in the document, its surname alone
  // names nobody ("Morrison told the committee"). A given name spelled
  // otherwise ("Aleksandr Lukashenko", "Nicolas Maduro") starts alike and
  // is kept.
  std::vector<NameMatch> DropNamesakes(std::vector<NameMatch> matches) {
    const auto& toks = doc_.sentences[cur_sentence_].tokens;
    std::vector<NameMatch> kept;
    for (size_t k = 0; k < matches.size(); ++k) {
      NameMatch& m = matches[k];
      const MatchPayload* r = BestReading(m, dict_);
      const ActorEntry& e = dict_.entries[r->entry];
      const bool person = r->kind == MatchKind::kName && e.kind == EntryKind::kPerson;
      const bool single = person && m.last == m.first + 1;
      const bool surname = single && text::FoldKey(forms_[m.first]) == text::FoldKey(LastWord(e.name));
      if (person && !single) {
        namesakes_.erase(&e);
        named_in_full_.insert(&e);
      }
      if (surname && namesakes_.count(&e)) continue;
      const int before = m.first - 1;
      const bool free_before = before >= 0 && (kept.empty() || kept.back().last <= before);
      // "Joe and Hunter Biden": the entry's given name shares the surname.
      const bool shared = before >= 2 && text::LowerEquals(forms_[before - 1], "and") && Capitalized(forms_[before - 2]) &&
                          GivenNameOf(e, forms_[before - 2]);
      // Untagged text (no parse): any capitalized word but a function word.
      const bool proper = free_before && (toks[before].upos.empty()
                                              ? !res_.function_words.count(text::Lower(forms_[before]))
                                              : toks[before].upos == "PROPN"sv);
      if (surname && !shared && proper && Capitalized(forms_[before]) &&
          !IsHonorific(forms_[before]) && !GivenNameOf(e, forms_[before])) {
        if (!named_in_full_.count(&e)) namesakes_.insert(&e);
        continue;
      }
      kept.push_back(std::move(m));
    }
    return kept;
  }

  static std::string_view LastWord(std::string_view name) {
    size_t space = name.rfind(' ');
    return space == std::string_view::npos ? name : name.substr(space + 1);
  }

  static bool IsHonorific(std::string_view word) {
    if (!word.empty() && word.back() == '.') return true;  // "Mr.", "Gen.", "Sen."
    return InList(text::Lower(word), kHonorifics);
  }

  // Whether `word` may be one of the entry's given names: some word of its
  // name or aliases starts with the same letter.
  static bool GivenNameOf(const ActorEntry& e, std::string_view word) {
    const std::string key = text::FoldKey(word);
    if (key.empty()) return true;
    auto starts_alike = [&](std::string_view name) {
      const std::string folded = text::FoldKey(name);
      for (size_t i = 0; i < folded.size(); i = folded.find(' ', i) + 1) {
        if (folded[i] == key[0]) return true;
        if (folded.find(' ', i) == std::string::npos) break;
      }
      return false;
    };
    if (starts_alike(e.name)) return true;
    for (const Name& a : e.aliases)
      if (starts_alike(a.text)) return true;
    return false;
  }

  // Names are capitalized in running text: "amnesty" is not Amnesty
  // International, "china" not China. Role words may be lower case.
  std::vector<NameMatch> DropLowercaseNames(std::vector<NameMatch> matches) const {
    std::vector<NameMatch> kept;
    for (NameMatch& m : matches) {
      int first = m.first;
      if (text::LowerEquals(forms_[first], "the") && first + 1 < m.last) ++first;
      // A name written with a common word first ("government of Nicolás
      // Maduro") is capitalized further in.
      bool capital = false;
      for (int t = first; t < m.last && !capital; ++t) {
        size_t len;
        char32_t c = text::DecodeAt(forms_[t], 0, &len);
        capital = text::IsUpper(c) || text::IsDigit(c) || MixedCase(forms_[t]);
      }
      if (!capital) {
        std::erase_if(m.payloads, [](const MatchPayload* p) { return !IsRoleWord(*p); });
        if (m.payloads.empty()) continue;
      }
      kept.push_back(std::move(m));
    }
    return kept;
  }

  int Skip(int i, std::initializer_list<std::string_view> words) const {
    while (i < static_cast<int>(forms_.size())) {
      bool skip = false;
      for (auto w : words) skip |= text::Lower(forms_[i]) == w;
      if (!skip) break;
      ++i;
    }
    return i;
  }

  // Composes the mention that starts at matches[k]; returns how many matches it used.
  size_t Compose(const std::vector<NameMatch>& ms, size_t k, Phrase* p) {
    const MatchPayload* r = BestReading(ms[k], dict_);
    p->first = ms[k].first;
    p->last = ms[k].last;
    size_t used = 1;
    // Determiners before the phrase belong to it ("the Kremlin", "The Colombian
    // Foreign Ministry"), and so does a possessive before a role word ("her country").
    if (p->first > 0 && text::LowerEquals(forms_[p->first - 1], "the")) --p->first;
    else if (p->first > 0 && IsRoleWord(*r) &&
             (IsPossessivePronoun(forms_[p->first - 1]) || IsDemonstrative(forms_[p->first - 1])))
      --p->first;
    auto next_at = [&](int tok) -> const NameMatch* {
      return k + used < ms.size() && ms[k + used].first == tok ? &ms[k + used] : nullptr;
    };
    if (!IsCountryish(*r, dict_) && !IsRoleWord(*r)) {
      // A name: a person, organisation, group, medium, or a metonym.
      if (r->kind == MatchKind::kMetonym) p->metonym = r;
      else p->named = &dict_.entries[r->entry];
      const NameMatch* n = next_at(p->last);
      if (!n || r->kind != MatchKind::kName) return used;
      const MatchPayload* nr = BestReading(*n, dict_);
      // "UN troops", "NATO forces": the organization's arm.
      if (p->named->kind == EntryKind::kOrg && nr->kind == MatchKind::kTerm && !nr->role.empty() &&
          EntryCodeAt(*p->named, date_).rfind("IGO", 0) == 0) {
        p->country = p->named;
        p->named = nullptr;
        p->role = nr->role;
        p->last = n->last;
        p->how = "agent";
        return used + 1;
      }
      const ActorEntry* home = dict_.Country(EntryCodeAt(*p->named, date_).substr(0, 3));
      if (!home) return used;
      bool person = p->named->kind == EntryKind::kPerson;
      if (person && nr->kind == MatchKind::kTerm) {
        // "the Trump administration", "the Maduro government": the institution.
        p->named = nullptr;
        p->country = home;
        p->role = nr->role;
        p->last = n->last;
        p->how = "agent";
        return used + 1;
      }
      if (person || nr->kind != MatchKind::kTitle) return used;
      // "Russian Foreign Ministry spokeswoman Maria Zakharova": the body is an
      // affiliation; a group's title ("a Hamas spokesman") speaks for the group.
      if (p->named->kind == EntryKind::kGroup) p->group = p->named;
      p->named = nullptr;
      p->country = home;
    }
    if (p->country) {
      // An affiliation already set: titles follow.
    } else if (IsCountryish(*r, dict_)) {
      p->country = &dict_.entries[r->entry];
      int after = p->last;
      if (after < static_cast<int>(forms_.size()) && IsPossessive(forms_[after])) ++after;  // "Colombia's chancellor"
      const NameMatch* n = next_at(after);
      // "Palestinian chief negotiator", "Russia's top diplomat": modifiers
      // before the role word, after a demonym or a possessive only ("Venezuela
      // keep troops" is a subject and its verb).
      bool modifiable = r->kind == MatchKind::kDemonym || after > p->last;
      for (int skip = after; modifiable && !n && skip < after + 2 && skip < static_cast<int>(forms_.size()); ++skip) {
        if (!IsLowercaseModifier(skip)) break;
        if (const NameMatch* m = next_at(skip + 1); m && IsRoleWord(*BestReading(*m, dict_))) n = m;
      }
      if (!n || !IsRoleWord(*BestReading(*n, dict_))) {
        const NameMatch* person = next_at(p->last);
        if (person && r->kind == MatchKind::kDemonym && BestReading(*person, dict_)->kind == MatchKind::kName &&
            IsPersonish(dict_.entries[BestReading(*person, dict_)->entry].kind)) {
          p->named = &dict_.entries[BestReading(*person, dict_)->entry];  // "Venezuelan leader" elided: "Cuban Díaz-Canel"
          p->last = person->last;
          return used + 1;
        }
        if (const NameMatch* role = SharedRole(ms, k + used, *p, *r)) {
          AddRole(*role, p);
          return used;
        }
        p->bare_country = r->kind == MatchKind::kName;
        return used;
      }
      AddRole(*n, p);
      p->last = n->last;
      ++used;
    } else if (IsRoleWord(*r)) {
      AddRole(ms[k], p);
    }
    // Further titles and terms: "Foreign Ministry spokeswoman".
    for (const NameMatch* n = next_at(p->last); n && IsRoleWord(*BestReading(*n, dict_)); n = next_at(p->last)) {
      AddRole(*n, p);
      p->last = n->last;
      ++used;
    }
    // "... of Nicaragua", "... of the United States"
    int of = p->last;
    if (!p->country && of < static_cast<int>(forms_.size()) && text::LowerEquals(forms_[of], "of")) {
      int c = Skip(of + 1, {"the"});
      // "the mayor of the northern West Bank city", "the president of
      // neighbouring Colombia": adjectives before the country.
      while (c < static_cast<int>(forms_.size()) && !next_at(c) && IsLowercaseAdjective(c)) ++c;
      const bool in_range = c < static_cast<int>(forms_.size());
      const NameMatch* after_that = in_range && IsDemonstrative(forms_[c]) ? next_at(c + 1) : nullptr;
      const ActorEntry* named_last = after_that && IsRoleWord(*BestReading(*after_that, dict_))
                                         ? dict_.Country(LastNamedCountry(cur_sentence_, c))
                                         : nullptr;
      if (const NameMatch* n = next_at(c); n && IsCountryish(*BestReading(*n, dict_), dict_)) {
        p->country = &dict_.entries[BestReading(*n, dict_)->entry];
        p->last = n->last;
        ++used;
      } else if (named_last) {  // "the president of that country"
        p->country = named_last;
        p->last = after_that->last;
        ++used;
      } else if (p->titles.empty()) {
        used += InstitutionOfPerson(ms, k + used, c, p);
      }
    } else if (!p->country && of < static_cast<int>(forms_.size()) && text::LowerEquals(forms_[of], "from")) {
      used += CountryFrom(ms, k + used, p);
    }
    if (p->role.empty()) return used;
    // "... in Moscow" after an ambassador or envoy.
    int at = p->last;
    bool posted = p->office == "ambassador"sv || p->office == "envoy"sv;
    if (posted && at < static_cast<int>(forms_.size()) &&
        (text::LowerEquals(forms_[at], "in") || text::LowerEquals(forms_[at], "to"))) {
      // "ambassador to the European Union": an international body too.
      const int body = Skip(at + 1, {"the"});
      const NameMatch* n = next_at(at + 1);
      if (!n) n = next_at(body);
      if (n) {
        const MatchPayload* nr = BestReading(*n, dict_);
        const bool igo = dict_.entries[nr->entry].kind == EntryKind::kOrg &&
                         EntryCodeAt(dict_.entries[nr->entry], date_).rfind("IGO", 0) == 0;
        if (nr->kind == MatchKind::kMetonym || IsCountryish(*nr, dict_) || igo) {
          at = n->last;
          ++used;
          p->last = at;
        }
      }
    }
    // The name the title introduces, after an optional comma: a person's,
    // or an organisation's ("rights group Amnesty International"), unless
    // a title of the organisation's follows ("official YPG spokesman": the
    // organisation is that title's affiliation).
    int name_at = p->last;
    if (name_at < static_cast<int>(forms_.size()) && forms_[name_at] == ","sv) ++name_at;
    auto introduced = [&](const NameMatch& n) {
      if (!IsEntityName(*BestReading(n, dict_))) return false;
      if (IsPersonish(dict_.entries[BestReading(n, dict_)->entry].kind)) return true;
      const NameMatch* after = k + used + 1 < ms.size() && ms[k + used + 1].first == n.last ? &ms[k + used + 1] : nullptr;
      return !after || !IsRoleWord(*BestReading(*after, dict_));
    };
    if (const NameMatch* n = next_at(name_at); n && introduced(*n)) {
      p->named = &dict_.entries[BestReading(*n, dict_)->entry];
      p->last = n->last;
      return used + 1;
    }
    // A role adjective does not name a person: "Islamic State" and "Muslim
    // Brotherhood" are not people called State and Brotherhood.
    // Nor is a dictionary organisation a new person ("Official Hamas spokesman").
    const bool adjective = Upos(p->last - 1) == "ADJ"sv;
    const NameMatch* known = next_at(name_at);
    const bool organisation = known && IsEntityName(*BestReading(*known, dict_));
    std::vector<int> name = adjective || organisation ? std::vector<int>{} : NameTokens(name_at);
    if (!name.empty() && (name_at == p->last || name.size() >= 2)) {
      p->new_name = name;
      p->last = name.back() + 1;
      p->how = "title";
    }
    return used;
  }

  // "US and British activists", "French, German and Italian troops": a
  // demonym (or a country's acronym) joined by "and", "or" or commas to a
  // demonym with a role word shares that role word. Returns the role
  // word's match, or null; the phrase keeps its own tokens.
  const NameMatch* SharedRole(const std::vector<NameMatch>& ms, size_t next, const Phrase& p,
                              const MatchPayload& reading) const {
    const bool acronym = reading.kind == MatchKind::kName && p.last == p.first + 1 && !HasLower(forms_[p.first]) &&
                         forms_[p.first].size() <= 3;
    if (reading.kind != MatchKind::kDemonym && !acronym) return nullptr;
    int end = p.last;
    for (size_t j = next; j < ms.size(); ++j) {
      bool joined = ms[j].first > end;
      for (int t = end; t < ms[j].first; ++t) {
        std::string w = text::Lower(forms_[t]);
        joined = joined && (w == "," || w == "and" || w == "or");
      }
      const MatchPayload* r = BestReading(ms[j], dict_);
      if (!joined || !IsCountryish(*r, dict_)) return nullptr;
      // PETRARCH's files list "BRITISH" as a name of the country, not as a demonym.
      const int gap = r->kind == MatchKind::kDemonym ? 2 : 0;
      if (j + 1 < ms.size() && IsRoleWord(*BestReading(ms[j + 1], dict_)) && ms[j + 1].first - ms[j].last <= gap &&
          ModifiersOnly(ms[j].last, ms[j + 1].first))
        return &ms[j + 1];
      end = ms[j].last;
    }
    return nullptr;
  }

  // Whether tokens [from, to) are lowercase adjectives or nouns ("Palestinian
  // chief negotiator").
  bool ModifiersOnly(int from, int to) const {
    for (int t = from; t < to; ++t)
      if (!IsLowercaseModifier(t)) return false;
    return true;
  }

  // A lowercase adjective or noun; in untagged text (no parse), any lowercase
  // word that is not a function word.
  bool IsLowercaseModifier(int t) const {
    const std::string_view w = forms_[t];
    if (w.empty() || !std::islower(static_cast<unsigned char>(w[0]))) return false;
    const std::string& upos = Upos(t);
    return upos.empty() ? !res_.function_words.count(text::Lower(w)) : upos == "ADJ"sv || upos == "NOUN"sv;
  }

  // "dissidents from Egypt", "lawmakers from military-ruled Myanmar": the
  // country after "from" is a role word's own when the parse attaches it to
  // the role word; in "withdrew troops from Syria" it is the verb's, a place.
  // Without a parse nothing tells the two apart: no country is taken.
  // Returns the matches it used (the country's, and any it skipped over).
  size_t CountryFrom(const std::vector<NameMatch>& ms, size_t k, Phrase* p) {
    const int from = p->last;
    if (Upos(from).empty()) return 0;
    for (size_t j = k; j < ms.size() && ms[j].first <= from + 5; ++j) {
      const MatchPayload* r = BestReading(ms[j], dict_);
      if (!IsCountryish(*r, dict_)) continue;
      for (int t = from + 1; t < ms[j].first; ++t) {
        bool modifier = forms_[t] == "-" || (!forms_[t].empty() && std::islower(static_cast<unsigned char>(forms_[t][0])));
        if (text::Lower(forms_[t]) != "the" && !modifier) return 0;
      }
      // "ministers from the Georgian government": people from an institution
      // belong to it, wherever the parse hangs it.
      const bool institution = j + 1 < ms.size() && ms[j + 1].first == ms[j].last &&
                               IsRoleWord(*BestReading(ms[j + 1], dict_));
      if (!institution && !AttachedTo(ms[j].first, ms[j].last, p->last - 1)) return 0;
      p->country = &dict_.entries[r->entry];
      p->last = institution ? ms[j + 1].last : ms[j].last;
      return j - k + (institution ? 2 : 1);
    }
    return 0;
  }

  // Whether the phrase [first, last) hangs from token `head` as its nominal
  // modifier, directly or as a modifier of that modifier's noun ("from the
  // Georgian government", "from Egypt asylum").
  bool AttachedTo(int first, int last, int head) const {
    const auto& tokens = doc_.sentences[cur_sentence_].tokens;
    auto nmod_of_head = [&](int t) { return tokens[t].head == head && tokens[t].deprel.rfind("nmod", 0) == 0; };
    for (int t = first; t < last; ++t) {
      if (tokens[t].head >= first && tokens[t].head < last) continue;
      if (nmod_of_head(t)) return true;
      const int noun = tokens[t].head;
      const std::string& rel = tokens[t].deprel;
      return noun > t && (rel == "amod" || rel == "compound") && nmod_of_head(noun);
    }
    return false;
  }

  // "the government of (President) Nicolás Maduro", "the regime of Ortega":
  // an institution named by the person who leads it is that person's
  // country and side (an opposition leader's "government" is the
  // opposition's). Titles between "of" and the name are skipped; the phrase
  // then ends with the name. Returns the matches it used.
  size_t InstitutionOfPerson(const std::vector<NameMatch>& ms, size_t k, int at, Phrase* p) {
    size_t used = 0;
    while (k + used < ms.size() && ms[k + used].first == at && BestReading(ms[k + used], dict_)->kind == MatchKind::kTitle) {
      at = ms[k + used].last;
      ++used;
    }
    if (k + used >= ms.size() || ms[k + used].first != at) return 0;
    const MatchPayload* r = BestReading(ms[k + used], dict_);
    if (r->kind != MatchKind::kName || !IsPersonish(dict_.entries[r->entry].kind)) return 0;
    std::string code = EntryCodeAt(dict_.entries[r->entry], date_);
    const ActorEntry* home = dict_.Country(code.substr(0, 3));
    if (!home) return 0;
    p->country = home;
    if (code.size() >= 6) p->role = code.substr(3, 3);
    p->last = ms[k + used].last;
    return used + 1;
  }

  void AddRole(const NameMatch& m, Phrase* p) {
    const MatchPayload& r = *BestReading(m, dict_);
    if (!r.role.empty()) p->role = r.role;
    if (!r.office.empty()) p->office = r.office;
    if (r.kind == MatchKind::kTitle) {
      p->titles.clear();
      for (const MatchPayload* t : m.payloads)
        if (t->kind == MatchKind::kTitle) p->titles.push_back(t);
    }
  }

  // Capitalized tokens that can be a person's name ("Rosa Villavicencio",
  // "Jesús Rafael Salazar Velázquez"), starting at token i. A word the tagger
  // read as a verb ends the name: in a title-case headline every word is
  // capitalized ("President Offers Hand of Peace").
  std::vector<int> NameTokens(int i) const {
    std::vector<int> out;
    const int n = static_cast<int>(forms_.size());
    for (int j = i; j < n && out.size() < 6; ++j) {
      if (Upos(j) == "VERB"sv || Upos(j) == "AUX"sv) break;
      std::string lower = text::Lower(forms_[j]);
      bool particle = !out.empty() && InList(lower, kNameParticles) && j + 1 < n && Capitalized(forms_[j + 1]);
      size_t len;
      bool word = Capitalized(forms_[j]) && text::IsLetter(text::DecodeAt(forms_[j], 0, &len)) &&
                  !res_.function_words.count(lower) && !res_.weekdays.count(lower);
      if (!word && !particle) break;
      out.push_back(j);
    }
    while (!out.empty() && !Capitalized(forms_[out.back()])) out.pop_back();
    return out;
  }

  // ---- actors and codes ---------------------------------------------------
  Date ReferenceDate() const { return date_.value_or(Date{9999, 12, 31}); }

  int ActorForEntry(const ActorEntry* e) {
    auto it = entry_actor_.find(e);
    if (it != entry_actor_.end()) return it->second;
    Actor a;
    a.name = e->name;
    a.kind = std::string(KindName(e->kind));
    a.code = EntryCodeAt(*e, date_);
    a.gender = e->gender;
    a.in_dictionary = true;
    a.country = a.code.size() >= 3 ? a.code.substr(0, 3) : "";
    int idx = AddActor(std::move(a));
    entry_actor_[e] = idx;
    for (const Office& o : e->offices) {
      if (o.range.Contains(ReferenceDate())) offices_[idx].push_back({o.country, o.role});
      else if (o.range.end && *o.range.end < ReferenceDate()) past_offices_[idx].push_back(o.role);
    }
    RegisterShortNames(e->name, idx);
    return idx;
  }

  int ActorForRole(const std::string& country, const std::string& role, const std::string& country_name) {
    std::string key = country + "|" + role;
    auto it = role_actor_.find(key);
    if (it != role_actor_.end()) return it->second;
    Actor a;
    a.name = role.empty() ? country_name : country_name + " (" + role + ")";
    a.kind = role.empty() ? "country" : "role";
    a.code = country + role;
    a.country = country;
    int idx = AddActor(std::move(a));
    role_actor_[key] = idx;
    return idx;
  }

  std::string NameOf(const std::vector<int>& tokens) const {
    std::string name;
    for (int t : tokens) {
      if (!name.empty()) name += ' ';
      name += forms_[t];
    }
    return name;
  }

  int NewPerson(const std::string& name, const std::string& country, const std::string& role,
                const std::string& office) {
    auto it = new_person_.find(name);
    if (it != new_person_.end()) return it->second;
    Actor a;
    a.name = name;
    a.kind = "person";
    a.country = country;
    a.code = country.empty() ? "" : country + (role.empty() ? "GOV" : role);
    int idx = AddActor(std::move(a));
    new_person_[name] = idx;
    if (!office.empty()) {
      office_holder_[country + "|" + office] = idx;
      offices_[idx].push_back({country, office});
    }
    RegisterShortNames(name, idx);
    return idx;
  }

  int AddActor(Actor a) {
    doc_.actors.push_back(std::move(a));
    return static_cast<int>(doc_.actors.size()) - 1;
  }

  // The person who held `office` of `country` on the date, per the dictionary.
  const ActorEntry* OfficeHolder(const std::string& country, const std::string& office) const {
    auto it = res_.office_holders.find(country + "|" + office);
    if (it == res_.office_holders.end()) return nullptr;
    Date d = ReferenceDate();
    for (const ActorEntry* e : it->second)
      for (const Office& o : e->offices)
        if (o.country == country && o.role == office && o.range.Contains(d)) return e;
    return nullptr;
  }

  void Emit(int s, const Phrase& phrase) {
    // "the former secretary of state", "former minister Ana Ruiz": someone
    // who held the post, an elite (CAMEO manual 3.2.4), never its holder on
    // the date. The agent list names the common forms ("former diplomat");
    // this reads "former" before any other state title the same way (a
    // former editor or executive is no elite).
    if (!phrase.named && IsStateRole(phrase.role) && phrase.first > 0 && text::LowerEquals(forms_[phrase.first - 1], "former")) {
      Phrase former = phrase;
      former.first = phrase.first - 1;
      if (former.first > 0 && text::LowerEquals(forms_[former.first - 1], "the")) --former.first;
      former.role = "ELI";
      former.office.clear();
      former.titles.clear();
      return Emit(s, former);
    }
    const Phrase& p = phrase;
    std::string how = p.how;
    int actor = -1;
    std::string code;
    std::string country = p.country ? EntryCodeAt(*p.country, date_) : "";
    if (p.named) {
      if (p.last <= DatelineEnd()) return;  // the agency of "LIMA, Peru (AP) —"
      if (PlaceNamedLikePerson(p)) return;
      actor = ActorForEntry(p.named);
      code = doc_.actors[actor].code;
      if (code.empty() && !country.empty()) code = country + (p.role.empty() ? "GOV" : p.role);
    } else if (p.group) {
      // "Taliban spokesman Zabihullah Mujahid": a person who speaks for the
      // group, under the group's code (no office of its country's).
      const std::string group_code = EntryCodeAt(*p.group, date_);
      actor = p.new_name.empty() || group_code.size() <= 3
                  ? ActorForEntry(p.group)
                  : NewPerson(NameOf(p.new_name), group_code.substr(0, 3), group_code.substr(3), "");
      code = doc_.actors[actor].code;
      how = "agent";
    } else if (!p.new_name.empty()) {
      actor = NewPerson(NameOf(p.new_name), country.empty() ? FocusCountry() : country, p.role, p.office);
      code = doc_.actors[actor].code;
    } else if (p.metonym) {
      if (Dateline(s, p)) return;
      // "in Caracas": the country as a place (as "in Venezuela"), not its government.
      bool place = Locative(p.first);
      const ActorEntry& c = dict_.entries[p.metonym->entry];
      actor = ActorForRole(c.code, place ? "" : p.metonym->role, c.name);
      code = doc_.actors[actor].code;
      how = place ? "place" : "metonym";
    } else if (p.bare_country) {
      if (Dateline(s, p)) return;
      bool place = Locative(p.first) || p.country->kind == EntryKind::kRegion;
      actor = ActorForRole(country, place ? "" : "GOV", p.country->name);
      code = doc_.actors[actor].code;
      if (place && p.country->kind == EntryKind::kCountry) how = "place";
    } else if (!p.role.empty() && !p.country && IsDemonstrative(forms_[p.first])) {
      // "that country", "that government": the country named last.
      const std::string c = LastNamedCountry(s, p.first);
      if (c.empty()) return;
      const bool place = Locative(p.first);
      const ActorEntry* ce = dict_.Country(c);
      actor = ActorForRole(c, place ? "" : p.role, ce ? ce->name : c);
      code = doc_.actors[actor].code;
      how = place ? "place" : "description";
    } else if (!p.role.empty() && !p.country && IsPossessivePronoun(forms_[p.first])) {
      // "her country", "his government": the institution of the possessor's country.
      int owner = PossessiveOwner(s, p.first);
      if (owner < 0) return;
      const std::string& c = doc_.actors[owner].country;
      const ActorEntry* ce = dict_.Country(c);
      actor = ActorForRole(c, p.role, ce ? ce->name : c);
      code = doc_.actors[actor].code;
      how = "description";
    } else if (!p.role.empty()) {
      actor = Describe(s, p, country, &how);
      if (actor < 0) return;
      code = doc_.actors[actor].code;
    } else if (p.country) {
      // A demonym alone ("Russian weapons") names no actor, but a plural
      // one that is a noun of its own names the people: "Israel and the
      // Palestinians agreed" -> PSE, the country without a role.
      // One before a noun that names what someone authored is its author:
      // "rejected an Australian ultimatum" -> AUSGOV.
      // One before a place noun names the country as the place: "the
      // Syrian city of Aleppo" -> SYR.
      const Token* noun = ModifiedNoun(p);
      const std::string lemma = noun ? text::Lower(noun->lemma.empty() ? noun->form : noun->lemma) : "";
      if (auto it = res_.authored_nouns.find(lemma); it != res_.authored_nouns.end()) {
        actor = ActorForRole(country, it->second, p.country->name);
        code = doc_.actors[actor].code;
        how = "author";
      } else if (res_.place_nouns.count(lemma)) {
        actor = ActorForRole(country, "", p.country->name);
        code = doc_.actors[actor].code;
        how = "place";
      } else {
        if (!PeopleNoun(p)) return;
        actor = ActorForRole(country, "", p.country->name);
        code = doc_.actors[actor].code;
        how = "demonym";
      }
    } else {
      return;
    }
    CountCountry(doc_.actors[actor].country);
    if (p.bare_country || p.metonym) named_countries_.push_back({s, p.first, doc_.actors[actor].country});
    AddMention(s, p.first, p.last, actor, code, how);
    NoteMembership(s, p.first, code);
  }

  // The noun a demonym phrase modifies ("an Australian *ultimatum*", "the
  // Syrian *city*"), or null.
  const Token* ModifiedNoun(const Phrase& p) const {
    const auto& toks = doc_.sentences[cur_sentence_].tokens;
    const int last = p.last - 1;
    // "the Kenyan plan" may be tagged a proper noun compound.
    if (last < p.first || last >= static_cast<int>(toks.size()) ||
        (toks[last].deprel != "amod"sv && toks[last].deprel != "compound"sv))
      return nullptr;
    const int head = toks[last].head;
    return head > last ? &toks[head] : nullptr;
  }

  // Whether a demonym phrase is a plural noun heading its own noun phrase
  // ("the Palestinians", "Russians"), not a modifier ("Russian weapons",
  // "Palestinian leaders"). Needs the tagger's XPOS.
  bool PeopleNoun(const Phrase& p) const {
    const auto& toks = doc_.sentences[cur_sentence_].tokens;
    const int last = p.last - 1;
    if (last < p.first || last >= static_cast<int>(toks.size())) return false;
    const std::string& xpos = toks[last].xpos;
    if (xpos != "NNPS"sv && xpos != "NNS"sv) return false;
    if (p.last < static_cast<int>(toks.size())) {
      const std::string& next = toks[p.last].upos;
      if (next == "NOUN"sv || next == "PROPN"sv) return false;
    }
    return true;
  }

  // "Carlos Berrizbeitia, a member of the National Assembly": a person in
  // apposition to membership of a legislature is a legislator, so that "the
  // member of parliament" later finds him rather than the institution.
  void NoteMembership(int s, int first, const std::string& code) {
    if (code.size() < 6 || code.compare(3, 3, "LEG") != 0 || doc_.mentions.size() < 2) return;
    auto word = [&](int k) { return k >= 0 ? text::Lower(forms_[k]) : std::string(); };
    int t = word(first) == "the"sv ? first : first - (word(first - 1) == "the"sv ? 1 : 0);
    if (word(t - 1) != "of"sv || word(t - 2) != "member"sv) return;
    int k = t - 3;
    if (word(k) == "a"sv || word(k) == "the"sv) --k;
    if (word(k) == ","sv) --k;
    const Mention& person = doc_.mentions[doc_.mentions.size() - 2];
    if (person.sentence != s || person.last_token != k + 1 || doc_.actors[person.actor].kind != "person"sv) return;
    offices_[person.actor].push_back({code.substr(0, 3), "legislator"});
  }

  // Offices that news prose uses for one another: "the envoy" after "the
  // ambassador"; "the diplomat" for any of them or the foreign minister.
  static bool SameOffice(const std::string& a, const std::string& b) {
    auto envoy = [](const std::string& o) { return o == "ambassador"sv || o == "envoy"sv; };
    auto diplomatic = [&](const std::string& o) { return envoy(o) || o == "foreign_minister"sv; };
    if (a == b || (envoy(a) && envoy(b))) return true;
    return (a == "diplomat"sv && diplomatic(b)) || (b == "diplomat"sv && diplomatic(a));
  }

  // The office a title denotes in `country`: its own title if it has one
  // ("chancellor" in Colombia), else the general reading.
  std::string OfficeIn(const Phrase& p, const std::string& country) const {
    for (const MatchPayload* t : p.titles)
      if (dict_.entries[t->entry].kind == EntryKind::kCountry && dict_.entries[t->entry].code == country) return t->office;
    for (const MatchPayload* t : p.titles)
      if (dict_.entries[t->entry].kind != EntryKind::kCountry) return t->office;
    return p.office;
  }

  // "the Venezuelan president", "the chancellor", "the opposition": a role,
  // perhaps with a country, resolved to a person who holds the office or to
  // the country's institution.
  int Describe(int s, const Phrase& p, const std::string& country, std::string* how) {
    // "the former diplomat": a person named before who held such a post.
    if (p.role == "ELI"sv) {
      if (int a = RecentFormerHolder(p); a >= 0) return *how = "description", a;
    }
    if (!p.office.empty()) {
      *how = "description";
      if (int a = Appositive(s, p); a >= 0) return a;
    }
    // PETRARCH reads every role word as an actor, without inference.
    if (country.empty() && res_.unknown_country_roles) return *how = "agent", ActorForRole("---", p.role, "---");
    // "declared himself interim president", "as president": a bare title
    // with neither article nor country is a predicate, not a reference.
    bool local = country.empty() && IsLocalTerm(p);
    if (country.empty() && !Determined(p.first) && !local) return -1;
    if (!p.office.empty()) {
      if (!country.empty()) {
        std::string office = OfficeIn(p, country);
        if (auto it = office_holder_.find(country + "|" + office); it != office_holder_.end()) return it->second;
        if (const ActorEntry* e = OfficeHolder(country, office)) return ActorForEntry(e);
      }
      if (int a = RecentOfficeHolder(p, country); a >= 0) return a;
      std::string focus = FocusCountry();
      if (country.empty() && !focus.empty()) {
        if (const ActorEntry* e = OfficeHolder(focus, OfficeIn(p, focus))) return ActorForEntry(e);
      }
    }
    // "the court" after "the International Court of Justice": a definite
    // role names the organization of that role named shortly before, not
    // an institution of the article's main country.
    if (country.empty() && text::LowerEquals(forms_[p.first], "the")) {
      if (int a = RecentOrganizationWithRole(s, p.role); a >= 0) return *how = "description", a;
    }
    std::string c = country.empty() ? ReporterCountry(s, p) : country;
    if (c.empty()) c = FocusCountry();
    if (c.empty()) return -1;
    // A bare role word is a definite description only with "the": "the
    // opposition" is the article's opposition, "reporters" is nobody's;
    // but "police" and "protesters" are where the story is.
    if (country.empty() && !text::LowerEquals(forms_[p.first], "the") && !local) return -1;
    *how = country.empty() ? "description" : "agent";
    const ActorEntry* ce = p.country && !country.empty() ? p.country : dict_.Country(c);
    return ActorForRole(c, p.role, ce ? ce->name : c);
  }

  // The international organization from the dictionary (its code begins
  // with no country: IGOUNOJUDICJ) that holds `role` as one of its code's
  // parts (JUD), mentioned by name in the last kOrganizationWindow
  // sentences; the latest one, or -1. A country's agency is left to the
  // country reading: "the police stations" after "the FBI" may be another
  // country's police.
  static constexpr int kOrganizationWindow = 3;
  int RecentOrganizationWithRole(int s, const std::string& role) const {
    if (role.size() != 3) return -1;
    for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend() && it->sentence >= s - kOrganizationWindow; ++it) {
      const Actor& a = doc_.actors[it->actor];
      if (it->how != "dictionary"sv || a.kind != "org"sv || a.code.size() < 6 || dict_.Country(a.code.substr(0, 3))) continue;
      if (CodeHasGroup(a.code, role)) return it->actor;
    }
    return -1;
  }

  // Whether a determiner or possessive opens the noun phrase ending at or
  // after `first`, past up to three modifiers ("the legitimate president",
  // "both heads of state"), before any punctuation.
  bool Determined(int first) const {
    for (int t = first, seen = 0; t >= 0 && seen < 4; --t, ++seen) {
      std::string w = text::Lower(forms_[t]);
      if (w == "the"sv || w == "this"sv || w == "that"sv || w == "these"sv || w == "those"sv || w == "both"sv || w == "'s"sv ||
          w == "’s"sv || IsPossessivePronoun(forms_[t]))
        return true;
      if (t < first && (forms_[t].empty() || !std::islower(static_cast<unsigned char>(forms_[t][0])))) return false;
    }
    return false;
  }

  bool IsLocalTerm(const Phrase& p) const {
    std::string text;
    for (int t = p.first; t < p.last; ++t) text += (text.empty() ? "" : " ") + std::string(forms_[t]);
    return res_.local_terms.count(FoldName(text)) > 0;
  }

  // "Jesús Salazar, Venezuelan ambassador in Moscow": a title right after a
  // person's name (with or without a comma) describes that person.
  int Appositive(int s, const Phrase& p) {
    if (doc_.mentions.empty()) return -1;
    const Mention& prev = doc_.mentions.back();
    bool adjacent = prev.last_token == p.first || (prev.last_token + 1 == p.first && forms_[prev.last_token] == ","sv);
    if (prev.sentence != s || !adjacent || doc_.actors[prev.actor].kind != "person"sv) return -1;
    const std::string& home = doc_.actors[prev.actor].country;
    if (p.country && p.country->code != home) return -1;  // "Maduro Colombia's chancellor": two people
    std::string c = p.country ? p.country->code : home;
    offices_[prev.actor].push_back({c, p.office});
    return prev.actor;
  }

  // The most recent person holding one of the offices the title can denote
  // ("chancellor": Colombia's foreign minister, or a head of government).
  int RecentOfficeHolder(const Phrase& p, const std::string& country) const {
    int seen = 0;
    for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend() && seen < 40; ++it, ++seen) {
      auto held = offices_.find(it->actor);
      if (held == offices_.end()) continue;
      for (const auto& [c, office] : held->second) {
        if (!country.empty() && c != country) continue;
        for (const MatchPayload* t : p.titles) {
          const ActorEntry& owner = dict_.entries[t->entry];
          bool country_title = owner.kind == EntryKind::kCountry;
          if (SameOffice(t->office, office) && (!country_title || owner.code == c)) return it->actor;
        }
        if (p.titles.empty() && office == p.office) return it->actor;
      }
    }
    return -1;
  }

  // The person mentioned last (within 40 mentions) who held the post "the
  // former ..." names before the article's date: its last word
  // ("diplomat", "minister", "president") read as an office; "official" and
  // "leader" fit any post. -1 if none.
  int RecentFormerHolder(const Phrase& p) const {
    // Singular and definite only: "former officials like X" is a group.
    if (p.last - p.first < 3 || !text::LowerEquals(forms_[p.first], "the")) return -1;
    std::string first = text::Lower(forms_[p.first + 1]);
    if (first != "former"sv && first.rfind("ex", 0) != 0) return -1;
    std::string word = text::Lower(forms_[p.last - 1]);
    if (word.empty() || word.back() == 's') return -1;
    int seen = 0;
    for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend() && seen < 40; ++it, ++seen) {
      auto held = past_offices_.find(it->actor);
      if (held == past_offices_.end()) continue;
      for (const std::string& office : held->second) {
        bool any = word == "official"sv || word == "leader"sv;
        bool named = office == word || (office.size() > word.size() &&
                                        office.compare(office.size() - word.size() - 1, std::string::npos, "_" + word) == 0);
        if (any || named || SameOffice(word, office)) return it->actor;
      }
    }
    return -1;
  }

  // "Israel Katz said the country would ...": "the country" as the subject
  // of what someone says is the speaker's, not the article's main country:
  // the country of the actor mentioned as the subject of the verb whose
  // complement clause holds the phrase; "" if none.
  std::string ReporterCountry(int s, const Phrase& p) const {
    const auto& toks = doc_.sentences[s].tokens;
    if (p.last - p.first != 2 || !text::LowerEquals(forms_[p.first], "the") ||
        (!text::LowerEquals(forms_[p.last - 1], "country") && !text::LowerEquals(forms_[p.last - 1], "nation")))
      return "";
    // Only as the subject of what is said: "... to remain in the country"
    // is rather the place under discussion.
    int t = p.last - 1;
    if (toks[t].deprel.rfind("nsubj", 0) != 0) return "";
    for (int steps = 0; t >= 0 && steps < 8 && toks[t].deprel != "ccomp"sv; ++steps) t = toks[t].head;
    if (t < 0 || toks[t].deprel != "ccomp"sv || toks[t].head < 0) return "";
    const Mention* speaker = SubjectMention(s, toks[t].head, /*places=*/false);
    return speaker ? doc_.actors[speaker->actor].country : "";
  }

  // The latest mention of sentence s that covers a subject of `verb` (not a
  // place unless `places`), or null.
  const Mention* SubjectMention(int s, int verb, bool places) const {
    const auto& toks = doc_.sentences[s].tokens;
    for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend() && it->sentence == s; ++it)
      for (int k = it->first_token; k < it->last_token; ++k)
        if (toks[k].head == verb && toks[k].deprel.rfind("nsubj", 0) == 0 && (places || it->how != "place"sv))
          return &*it;
    return nullptr;
  }

  // The article's main country: the most mentioned one so far.
  std::string FocusCountry() const {
    std::string best;
    int most = 0;
    for (const auto& [c, n] : country_counts_)
      if (n > most || (n == most && c < best)) best = c, most = n;
    return best;
  }

  void CountCountry(const std::string& code) {
    const ActorEntry* c = code.size() == 3 ? dict_.Country(code) : nullptr;
    if (c && c->kind == EntryKind::kCountry) ++country_counts_[code];
  }

  // The country last named as such (a name or a capital, not a person's
  // country) before token `first` of sentence s, in it or the two before;
  // "" if none.
  std::string LastNamedCountry(int s, int first) const {
    for (auto it = named_countries_.rbegin(); it != named_countries_.rend(); ++it) {
      if (it->sentence < s - 2) break;
      if (it->sentence < s || it->token < first) return it->country;
    }
    return "";
  }

  // "in Caracas", "in the Caribbean": the phrase is a place.
  // "arrested in Bolton", "in Bolton town centre": a person's name where a
  // place stands is the place's (a town, not John Bolton); "in Putin's
  // Russia" is the person's.
  bool PlaceNamedLikePerson(const Phrase& p) const {
    static constexpr std::string_view kIn[] = {"in", "inside", "within", "throughout", "across"};  // not "at": "directed at Ishiba"
    if (p.named->kind != EntryKind::kPerson || p.first == 0 || !InList(text::Lower(forms_[p.first - 1]), kIn))
      return false;
    return p.last >= static_cast<int>(forms_.size()) || !IsPossessive(forms_[p.last]);
  }

  bool Locative(int first) const {
    // "a London-based professor": where someone is based.
    int end = first;
    while (end < static_cast<int>(forms_.size()) && forms_[end] != "-"sv) ++end;
    if (end > first && end <= first + 3 && end + 1 < static_cast<int>(forms_.size()) &&
        text::LowerEquals(forms_[end + 1], "based"))
      return true;
    int before = first - 1;
    if (!text::LowerEquals(forms_[first], "the") && before >= 0 && text::LowerEquals(forms_[before], "the")) --before;
    return before >= 0 && InList(text::Lower(forms_[before]), kLocatives);
  }

  // "MOSCOW.-", "CARACAS, Venezuela -": a dateline at the top of an article;
  // and "HANOI, Vietnam (AP) —" opening any sentence (feeds paste several
  // stories into one text).
  bool Dateline(int s, const Phrase& p) const {
    // An all-caps name opening the article is a dateline only when a dateline
    // mark follows it ("MOSCOW, ...", "CARACAS -"), not "The US said ...".
    if (s == 0 && p.first <= 1 && AllCapsUpTo(p.last) && p.last < static_cast<int>(forms_.size())) {
      std::string_view mark = forms_[p.last];
      if (mark == ","sv || mark == ":"sv || mark == "-"sv || mark == "—"sv || mark == "–"sv || mark == "."sv || mark == "("sv)
        return true;
    }
    return p.last <= DatelineEnd();
  }

  // The dash ending "CITY, Country (Agency) —" at the sentence's start; -1 if none.
  int DatelineEnd() const {
    if (forms_.size() < 4 || forms_[1] != ","sv || HasLower(forms_[0]) || forms_[0].size() < 3) return -1;
    for (int k = 2; k < 8 && k < static_cast<int>(forms_.size()); ++k)
      if (forms_[k] == "—"sv || forms_[k] == "–"sv || forms_[k] == "-"sv || forms_[k] == "--"sv) return k;
    return -1;
  }

  // Whether the sentence's first `end` tokens have no lowercase letter: "The
  // US," opens a sentence, "MOSCOW," or "THE HAGUE," a dateline.
  bool AllCapsUpTo(int end) const {
    for (int i = 0; i < end; ++i)
      if (HasLower(forms_[i])) return false;
    return true;
  }

  // A lowercase adjective (by the parse; without one, no word counts).
  bool IsLowercaseAdjective(int t) const {
    const std::string_view w = forms_[t];
    return !w.empty() && std::islower(static_cast<unsigned char>(w[0])) && Upos(t) == "ADJ"sv;
  }

  // The part-of-speech tag of token t of the current sentence; "" without a parse.
  const std::string& Upos(int t) const { return doc_.sentences[cur_sentence_].tokens[t].upos; }

  // Whether tokens [first, last) are joined by a hyphen, without spaces, to
  // a token before or after them.
  static bool HyphenGlued(const std::vector<Token>& t, int first, int last) {
    const bool before = first >= 2 && t[first - 1].form == "-"sv && !t[first - 2].space_after && !t[first - 1].space_after;
    const bool after = last + 1 < static_cast<int>(t.size()) && t[last].form == "-"sv && !t[last - 1].space_after &&
                       !t[last].space_after;
    return before || after;
  }

  static bool HasLower(std::string_view w) {
    for (char c : w)
      if (std::islower(static_cast<unsigned char>(c))) return true;
    return false;
  }

  void AddMention(int s, int first, int last, int actor, const std::string& code, const std::string& how) {
    const dyad::Sentence& sent = doc_.sentences[s];
    if (res_.whole_hyphenated_words && HyphenGlued(sent.tokens, first, last)) return;
    Mention m;
    m.sentence = s;
    m.first_token = first;
    m.last_token = last;
    m.raw = {sent.tokens[first].raw.begin, sent.tokens[last - 1].raw.end};
    for (int i = first; i < last; ++i) {
      m.text += sent.tokens[i].form;
      if (i + 1 < last && sent.tokens[i].space_after) m.text += ' ';
    }
    m.actor = actor;
    m.code = code;
    m.how = how;
    doc_.mentions.push_back(std::move(m));
  }

  // ---- surnames and first names --------------------------------------------
  void RegisterShortNames(const std::string& name, int actor) {
    if (doc_.actors[actor].kind != "person"sv) return;
    std::vector<std::string> parts;
    size_t b = 0;
    for (size_t i = 0; i <= name.size(); ++i) {
      if (i == name.size() || name[i] == ' ') {
        if (i > b && name[b] != '(') parts.push_back(name.substr(b, i - b));
        b = i + 1;
      }
    }
    if (parts.size() < 2) return;
    for (const std::string& part : {parts.front(), parts.back()}) {
      std::string key = NameMatcher::FoldToken(part);
      if (res_.function_words.count(key)) continue;
      auto [it, added] = short_names_.emplace(key, actor);
      if (!added && it->second != actor) it->second = -1;  // two actors share it: ambiguous
    }
  }

  void ShortNames(int s, std::vector<bool>& covered) {
    for (size_t i = 0; i < forms_.size(); ++i) {
      if (covered[i] || !Capitalized(forms_[i])) continue;
      auto it = short_names_.find(NameMatcher::FoldToken(forms_[i]));
      if (it == short_names_.end() || it->second < 0) continue;
      covered[i] = true;
      AddMention(s, static_cast<int>(i), static_cast<int>(i) + 1, it->second, doc_.actors[it->second].code, "surname");
    }
  }

  // The actor a possessive pronoun just before `first` refers to, when that
  // actor belongs to a country; -1 otherwise.
  int PossessiveOwner(int s, int pronoun) const {
    std::string w = text::Lower(forms_[pronoun]);
    char g = 0;
    for (const Pronoun& p : kPronouns)
      if (w == p.form) g = p.gender;
    if (!g) return -1;
    int owner = Antecedent(s, pronoun, g);
    return owner >= 0 && dict_.Country(doc_.actors[owner].country) ? owner : -1;
  }

  // ---- pronouns -------------------------------------------------------------
  void Pronouns(int s, std::vector<bool>& covered) {
    const auto& toks = doc_.sentences[s].tokens;
    for (size_t i = 0; i < forms_.size(); ++i) {
      if (covered[i]) continue;
      std::string lower = text::Lower(forms_[i]);
      char g = 0;
      for (const Pronoun& p : kPronouns)
        if (lower == p.form) g = p.gender;
      // "it" is often expletive ("it was time"): only a subject whose
      // antecedent is named earlier in the same sentence ("The ministry said
      // it would ...") is resolved.
      bool it = lower == "it"sv && toks[i].deprel.rfind("nsubj", 0) == 0 && !ExtraposingPredicate(toks, toks[i].head);
      if (it) g = 'n';
      if (!g) continue;
      int actor = it ? SameSentenceInstitution(s, static_cast<int>(i)) : Cataphor(s, static_cast<int>(i), g);
      if (actor < 0 && !it) actor = Antecedent(s, static_cast<int>(i), g, OwnSubjectActor(s, static_cast<int>(i)));
      if (actor < 0) continue;
      AddMention(s, static_cast<int>(i), static_cast<int>(i) + 1, actor, doc_.actors[actor].code, "pronoun");
    }
  }

  // Whether `head` is a copular predicate with a clause of its own opened by
  // "to" or "that": "it was time (for him) to go", "it is likely that ...".
  // Its subject "it" stands for that clause, not for an actor.
  static bool ExtraposingPredicate(const std::vector<Token>& toks, int head) {
    if (head < 0) return false;
    bool copula = false, clause = false;
    for (size_t c = 0; c < toks.size(); ++c) {
      if (toks[c].head != head) continue;
      const std::string& rel = toks[c].deprel;
      if (rel == "cop"sv) copula = true;
      if (rel == "acl"sv || rel == "csubj"sv || rel == "ccomp"sv || rel == "xcomp"sv || rel == "advcl"sv) {
        for (size_t m = 0; m < toks.size(); ++m)
          if (toks[m].head == static_cast<int>(c) && toks[m].deprel == "mark"sv &&
              (text::LowerEquals(toks[m].form, "to") || text::LowerEquals(toks[m].form, "that")))
            clause = true;
      }
    }
    return copula && clause;
  }

  // Institutions and countries are "it" and "they" alike in news prose ("the
  // army said its units", "the opposition said they"), so number is not used.
  // A place ("in the Gaza Strip") is not what the subject "it" acts for.
  int SameSentenceInstitution(int s, int token) const {
    for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend() && it->sentence == s; ++it)
      if (it->first_token < token && doc_.actors[it->actor].kind != "person"sv && it->how != "place"sv) return it->actor;
    return -1;
  }

  bool Agrees(const Actor& a, char g) const {
    if (g == 'm' || g == 'f') return a.kind == "person"sv && (a.gender == 0 || a.gender == g);
    return a.kind != "person"sv;
  }

  // A pronoun in a phrase fronted before the subject refers forward to it:
  // "In *his* speech, Maduro said ...". The subject must come after a comma
  // that follows the pronoun.
  int Cataphor(int s, int token, char g) const {
    if (g != 'm' && g != 'f') return -1;
    // This sentence's mentions are the last ones recorded; the subject is the
    // first of them after the pronoun.
    const Mention* subject = nullptr;
    for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend() && it->sentence == s; ++it)
      if (it->first_token > token && IsSubject(*it) && Agrees(doc_.actors[it->actor], g) &&
          (!subject || it->first_token < subject->first_token))
        subject = &*it;
    if (!subject) return -1;
    for (int k = token + 1; k < subject->first_token; ++k)
      if (forms_[k] == ","sv) return subject->actor;
    return -1;
  }

  // The nearest earlier compatible mention in this or the two previous
  // sentences; a grammatical subject of the previous sentence is preferred
  // over a nearer non-subject. A person pronoun with nobody that close
  // looks further back: reporting goes on about the same person for a
  // while ("..., he said" three sentences after the name).
  // `excluded` (an actor, or -1) is never the antecedent.
  int Antecedent(int s, int token, char g, int excluded = -1) const {
    int found = Antecedent(s, token, g, 2, excluded);
    if (found < 0 && (g == 'm' || g == 'f')) found = Antecedent(s, token, g, 5, excluded);
    return found;
  }

  int Antecedent(int s, int token, char g, int window, int excluded) const {
    int best = -1, best_score = -1000;
    int rank = 0;
    for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend(); ++it) {
      const Mention& m = *it;
      if (m.sentence < s - window) break;
      if (m.sentence == s && m.first_token >= token) continue;
      if (m.actor == excluded || !Agrees(doc_.actors[m.actor], g)) continue;
      int score = -rank++;
      if (IsSubject(m)) score += 2;
      if (m.sentence == s) score += 1;
      if (score > best_score) {
        best_score = score;
        best = m.actor;
      }
    }
    return best;
  }

  // A pronoun object of a verb is not that verb's subject ("Putin praised
  // *him*": not Putin; a reflexive would be): the actor of a mention recorded
  // for the pronoun's verb's subject, else -1.
  int OwnSubjectActor(int s, int token) const {
    const auto& toks = doc_.sentences[s].tokens;
    const Token& t = toks[token];
    const bool object = t.deprel == "obj"sv || t.deprel == "iobj"sv || t.deprel == "obl"sv;
    if (!object || t.head < 0) return -1;
    const std::string lower = text::Lower(t.form);
    if (lower.ends_with("self") || lower.ends_with("selves")) return -1;
    const Mention* subject = SubjectMention(s, t.head, /*places=*/true);
    return subject ? subject->actor : -1;
  }

  bool IsSubject(const Mention& m) const {
    const auto& toks = doc_.sentences[m.sentence].tokens;
    for (int i = m.first_token; i < m.last_token; ++i) {
      const Token& t = toks[i];
      bool head_outside = t.head < m.first_token || t.head >= m.last_token;
      if (head_outside && t.deprel.rfind("nsubj", 0) == 0) return true;
    }
    return false;
  }

  Document& doc_;
  const LexiconResources& res_;
  const ActorDictionary& dict_;
  std::optional<Date> date_;
  std::vector<std::string_view> forms_;
  int cur_sentence_ = 0;  // the sentence being composed (its tokens' tags)
  std::unordered_map<std::string, int> country_counts_;
  // Offices each actor is known to hold: (country, office).
  std::unordered_map<int, std::vector<std::pair<std::string, std::string>>> offices_;
  std::unordered_map<int, std::vector<std::string>> past_offices_;  // posts held before the date
  struct NamedCountry {
    int sentence, token;
    std::string country;
  };
  std::vector<NamedCountry> named_countries_;  // in text order
  std::unordered_set<const ActorEntry*> namesakes_;      // entries another person's name shadows here
  std::unordered_set<const ActorEntry*> named_in_full_;  // entries named beyond their surname here
  std::unordered_map<const ActorEntry*, int> entry_actor_;
  std::unordered_map<std::string, int> role_actor_, new_person_, office_holder_, short_names_;
};

}  // namespace

LexiconResources LexiconResources::Build(ActorDictionary dictionary, const text::Abbreviations& abbrevs,
                                         ViewSet function_words) {
  LexiconResources res;
  res.dictionary = std::move(dictionary);
  res.matcher = NameMatcher::Build(res.dictionary, abbrevs);
  res.function_words = std::move(function_words);
  for (const ActorEntry& e : res.dictionary.entries) {
    for (const std::string& t : e.local_terms) res.local_terms.insert(FoldName(t));
    for (const std::string& n : e.authored) res.authored_nouns.emplace(text::Lower(n), e.code);
    for (const std::string& n : e.place_nouns) res.place_nouns.insert(text::Lower(n));
  }
  for (const ActorEntry& e : res.dictionary.entries)
    for (const Office& o : e.offices) {
      auto& holders = res.office_holders[o.country + "|" + o.role];
      if (holders.empty() || holders.back() != &e) holders.push_back(&e);
    }
  return res;
}

std::string EntryCodeAt(const ActorEntry& entry, const std::optional<Date>& date) {
  return CodeAt(entry, date.value_or(Date{9999, 12, 31})).value_or("");
}

void RecognizeActors(Document* doc, const LexiconResources& res) { DocumentRecognizer(doc, res).Run(); }

std::unordered_set<std::string> WeekdaysOf(std::string_view temporal_tsv) {
  std::unordered_set<std::string> out;
  for (std::string_view line : SplitLines(temporal_tsv)) {
    std::vector<std::string_view> cols = Split(line, '\t');
    if (cols.size() >= 2 && cols[0] == "weekday") out.insert(text::Lower(cols[1]));
  }
  return out;
}

}  // namespace dyad::lexicon
