#include "syntax/finite_verb.h"

#include <string_view>

namespace dyad::syntax {

using namespace std::string_view_literals;

FiniteVerbRule FiniteVerbRule::For(const Tagger& tagger) {
  std::vector<std::string> upos, xpos;
  for (int c = 0; c < tagger.num_classes(); ++c) {
    upos.push_back(tagger.upos(c));
    xpos.push_back(tagger.xpos(c));
  }
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

}  // namespace dyad::syntax
