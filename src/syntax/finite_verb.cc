#include "syntax/finite_verb.h"

#include <cctype>
#include <string_view>
#include <utility>

#include "syntax/word_features.h"
#include "text/utf8.h"

namespace dyad::syntax {

using namespace std::string_view_literals;

namespace {

// The tagger's classes' UPOS and XPOS, index = class.
std::pair<std::vector<std::string>, std::vector<std::string>> ClassTags(const Tagger& tagger) {
  std::pair<std::vector<std::string>, std::vector<std::string>> tags;
  for (int c = 0; c < tagger.num_classes(); ++c) {
    tags.first.push_back(tagger.upos(c));
    tags.second.push_back(tagger.xpos(c));
  }
  return tags;
}

}  // namespace

FiniteVerbRule FiniteVerbRule::For(const Tagger& tagger) {
  const auto [upos, xpos] = ClassTags(tagger);
  return FiniteVerbRule(upos, xpos);
}

FiniteVerbRule::FiniteVerbRule(const std::vector<std::string>& upos, const std::vector<std::string>& xpos) {
  for (size_t c = 0; c < xpos.size(); ++c) {
    const std::string& x = xpos[c];
    const bool verb = upos[c] == "VERB"sv;
    Role r = kOther;
    if (x == "VBD"sv || x == "VBZ"sv || x == "VBP"sv || x == "MD"sv) r = kFinite;
    else if (x == "NN"sv || x == "NNS"sv || x == "NNP"sv || x == "NNPS"sv || x == "PRP"sv) r = kNounOrPronoun;
    else if (x == "JJ"sv) r = kAdjective;
    role_.push_back(r);
    if (verb && x == "VBD"sv) vbd_ = static_cast<int>(c);
    if (verb && x == "VBN"sv) vbn_ = static_cast<int>(c);
  }
}

// A participle, or an adjective with a past ending ("wounded"): the tagger
// reads both where the sentence's past tense stands.
bool FiniteVerbRule::PastForm(const Token& t, int c) const {
  if (c == vbn_) return true;
  const std::string& f = t.form;
  return role_[c] == kAdjective && f.size() > 4 && f.compare(f.size() - 2, 2, "ed") == 0;
}

bool FiniteVerbRule::Apply(const Sentence& s, std::vector<int>* classes) const {
  const size_t n = s.tokens.size();
  if (vbd_ < 0 || vbn_ < 0 || s.heading || n < 3) return false;
  const std::string& last = s.tokens[n - 1].form;
  if (last != "."sv && last != "!"sv) return false;
  for (int c : *classes)
    if (role_[c] == kFinite) return false;
  for (size_t i = 1; i < n; ++i) {
    if (!PastForm(s.tokens[i], (*classes)[i]) || role_[(*classes)[i - 1]] != kNounOrPronoun) continue;
    if (i + 1 < n && s.tokens[i + 1].form == "by"sv) continue;  // "a town controlled by rebels": an agent
    (*classes)[i] = vbd_;
    return true;
  }
  return false;
}

SubjunctiveRule SubjunctiveRule::For(const Tagger& tagger) {
  const auto [upos, xpos] = ClassTags(tagger);
  return SubjunctiveRule(upos, xpos, tagger.lemmatizer());
}

SubjunctiveRule::SubjunctiveRule(const std::vector<std::string>& upos, const std::vector<std::string>& xpos,
                                 const Lemmatizer& lemmatizer)
    : lemmatizer_(&lemmatizer) {
  for (size_t c = 0; c < xpos.size(); ++c) {
    const std::string& x = xpos[c];
    Role r = kOther;
    if (x.starts_with("VB") || x == "MD"sv) r = kVerb;
    else if (x == "DT"sv || x == "PRP$"sv) r = kDeterminer;
    else if (x == "JJ"sv || x == "JJR"sv || x == "JJS"sv || x == "CD"sv || x == "POS"sv) r = kModifier;
    else if (x.starts_with("NN") || x == "PRP"sv) r = kNoun;
    else if (x.starts_with("RB")) r = kAdverb;
    role_.push_back(r);
    if (upos[c] == "VERB"sv && x == "VB"sv) vb_ = static_cast<int>(c);
  }
}

bool SubjunctiveRule::AfterDemand(const Sentence& s, size_t that) const {
  static constexpr std::string_view kStems[] = {"demand", "insist", "urg", "ask", "request", "recommend",
                                                "propos", "requir", "suggest", "order"};
  static constexpr std::string_view kEndings[] = {"", "e", "s", "es", "ed", "d", "ing"};
  for (size_t j = that >= 3 ? that - 3 : 0; j < that; ++j) {
    const std::string w = AsciiLower(s.tokens[j].form);
    for (std::string_view stem : kStems)
      if (w.starts_with(stem))
        for (std::string_view end : kEndings)
          if (w.size() == stem.size() + end.size() && w.ends_with(end)) return true;
  }
  return false;
}

// A verb the treebank had as such, or a word that is some treebank word's
// lemma and no noun of its own ("abandon" of "abandoned"); never a word of
// the closed classes the tagger may have put there.
bool SubjunctiveRule::Retag(const Sentence& s, size_t i, std::vector<int>* classes) const {
  static constexpr std::string_view kFunctionWords[] = {
      "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "as", "into", "over", "after", "before",
      "under", "between", "against", "during", "without", "within", "through", "across", "since", "until", "than",
      "and", "or", "but", "not", "also", "be", "who", "which", "that", "this", "there", "then", "only", "even"};
  const std::string& f = s.tokens[i].form;
  if (f.empty() || !std::islower(static_cast<unsigned char>(f[0]))) return false;
  for (std::string_view w : kFunctionWords)
    if (f == w) return false;
  const bool verb = lemmatizer_->Seen(f, "VB") || (lemmatizer_->KnownLemma(f) && !lemmatizer_->Seen(f, "NN") &&
                                                   !lemmatizer_->Seen(f, "IN") && !lemmatizer_->Seen(f, "JJ"));
  if (!verb) return false;
  (*classes)[i] = vb_;
  return true;
}

bool SubjunctiveRule::Apply(const Sentence& s, std::vector<int>* classes) const {
  const size_t n = s.tokens.size();
  if (vb_ < 0) return false;
  bool changed = false;
  for (size_t that = 1; that + 2 < n; ++that) {
    if (!text::LowerEquals(s.tokens[that].form, "that") || !AfterDemand(s, that)) continue;
    size_t k = that + 1;
    while (k < n && role_[(*classes)[k]] == kDeterminer) ++k;
    size_t nouns = 0, last = k;
    for (; k < n && (role_[(*classes)[k]] == kModifier || role_[(*classes)[k]] == kNoun); ++k)
      if (role_[(*classes)[k]] == kNoun) ++nouns, last = k;
    size_t after = k;  // "that he barely knows": adverbs before the verb
    while (after < n && role_[(*classes)[after]] == kAdverb) ++after;
    if (nouns == 0 || (after < n && role_[(*classes)[after]] == kVerb)) continue;
    // "that the president abandon his policy": the word after the phrase.
    if (k < n && role_[(*classes)[k]] == kOther && Retag(s, k, classes)) {
      changed = true;
      continue;
    }
    // "that Hamas renounce violence": the phrase took the verb in, and its
    // object follows.
    const bool object_follows = k < n && role_[(*classes)[k]] != kOther;
    if (nouns >= 2 && last + 1 == k && object_follows && Retag(s, last, classes)) changed = true;
  }
  return changed;
}

}  // namespace dyad::syntax
