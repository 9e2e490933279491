#include "text/segment.h"

#include "text/utf8.h"

namespace dyad::text {

bool IsSentenceFinal(std::string_view f) {
  return f == "." || f == "!" || f == "?" || f == "..." || f == "\u2026" || f == "?!" || f == "!?";
}

bool IsClosingPunct(std::string_view f) {
  return f == "\u201D" || f == "\u2019" || f == "\"" || f == "'" || f == ")" || f == "]" || f == "}" ||
         f == "\u00BB";
}

bool IsOpeningQuote(std::string_view f) {
  return f == "\u201C" || f == "\u2018" || f == "\"" || f == "'" || f == "\u00AB";
}

namespace {

bool HasLetter(std::string_view f) {
  for (size_t i = 0; i < f.size();) {
    size_t len;
    if (IsLetter(DecodeAt(f, i, &len))) return true;
    i += len;
  }
  return false;
}

bool CanOpenSentence(std::string_view f) {
  if (f.empty()) return false;
  size_t len;
  char32_t c = DecodeAt(f, 0, &len);
  return IsUpper(c) || IsDigit(c) || IsOpeningQuote(f) || f == "(" || f == "[" || f == "-" || f == "\u2014" ||
         f == "\u2013";
}

// Whether the sentence may end after token i (before closing punctuation).
bool EndsAt(const std::vector<std::string_view>& forms, const std::vector<bool>& attached, size_t i, size_t next,
            const Abbreviations& abbrevs, const ViewSet& openers) {
  if (next >= forms.size()) return true;
  size_t len;
  if (attached[next] && !IsUpper(DecodeAt(forms[next], 0, &len))) return false;
  std::string_view f = forms[i];
  if (IsSentenceFinal(f)) return CanOpenSentence(forms[next]);
  auto cls = abbrevs.Classify(f);
  if (!cls || *cls == AbbrevClass::kTitle) return false;
  std::string_view n = forms[next];
  if (IsOpeningQuote(n)) return true;
  return IsUpper(DecodeAt(n, 0, &len)) && openers.count(Lower(n)) > 0;
}

}  // namespace

std::vector<SentenceRange> SegmentSentences(const std::vector<std::string_view>& forms,
                                            const std::vector<bool>& attached, const Abbreviations& abbrevs,
                                            const ViewSet& openers) {
  std::vector<SentenceRange> out;
  size_t first = 0;
  bool straight_quote_open = false;  // '"' closes a quote only when one is open
  bool has_letter = false;           // a sentence needs a word: "2." or "“…" opening a list item or quote does not
  for (size_t i = 0; i < forms.size(); ++i) {
    if (forms[i] == "\"") straight_quote_open = !straight_quote_open;
    has_letter = has_letter || HasLetter(forms[i]);
    bool candidate = IsSentenceFinal(forms[i]) || (forms[i].size() > 1 && forms[i].back() == '.');
    size_t end = i + 1;
    bool quote_open_after = straight_quote_open;
    if (candidate) {
      // Closing quotes and brackets after the period stay in this sentence.
      while (end < forms.size() && IsClosingPunct(forms[end])) {
        if (forms[end] == "\"") {
          if (!quote_open_after) break;  // an opening quote: the next sentence's
          quote_open_after = false;
        }
        if (forms[end] == "'" && end + 1 < forms.size()) break;
        ++end;
      }
    }
    bool split = (candidate && has_letter && EndsAt(forms, attached, i, end, abbrevs, openers)) ||
                 end - first >= kMaxSentenceTokens;
    if (split && end < forms.size()) {
      straight_quote_open = quote_open_after;
      out.push_back({first, end});
      has_letter = false;
      first = end;
      i = end - 1;
    }
  }
  if (first < forms.size()) out.push_back({first, forms.size()});
  return out;
}

}  // namespace dyad::text
