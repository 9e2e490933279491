// Repair of glued words: machine translation and lost link text leave words
// run together ("Thursdaywhile", "Donald TrumpThe", "Putinin",
// "Lukashenkomaintained"). The repair splits a run of letters only when both
// parts are known words or names and the whole is not, so real words and
// names stay whole.
//
// Knowledge comes from data: an English word list (the system's
// /usr/share/dict list plus data/text/words.txt), closed-class words
// (data/text/function_words.txt), words with an inner capital that are not
// glued (data/text/camelcase.txt), and the document's own vocabulary: a name
// the article spells on its own elsewhere ("Lukashenko") is a known word.
#ifndef DYAD_TEXT_GLUE_H_
#define DYAD_TEXT_GLUE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/string_table.h"
#include "base/strings.h"  // ViewSet
#include "dyad/status.h"

namespace dyad::text {

class WordList {
 public:
  // Adds the words of a one-word-a-line file (# comments allowed).
  Status AddFile(const std::string& path);
  void Add(std::string_view word);

  bool Known(std::string_view word) const;        // in any case
  bool Common(std::string_view lower) const;      // listed in lower case
  size_t size() const { return any_case_.size(); }

 private:
  StringTable any_case_;  // lowercased entries
  StringTable lower_;     // entries written in lower case
};

struct GlueResources {
  WordList words;
  ViewSet function_words;  // lowercase
  // The longest function word's bytes: a longer part cannot be one.
  // (The default checks every part; LoadTextResources sets it.)
  size_t longest_function_word = std::string::npos;
  ViewSet camel_words;     // exact
  std::vector<std::string> name_prefixes;          // "Mc", "Mac", ...
};

// Letter runs of a document with how often each stands on its own. Keeps
// views of the texts added: they must outlive the vocabulary.
class DocVocabulary {
 public:
  void AddText(std::string_view text);
  int Count(std::string_view run) const;

 private:
  std::unordered_map<std::string_view, int> counts_;
};

// Byte offsets in `line` where a space repairs a glued word, ascending.
std::vector<size_t> FindGlueSplits(std::string_view line, const GlueResources& res, const DocVocabulary& vocab);

// Calls fn(begin, end) for each maximal run of letters in `text`.
template <typename Fn>
void ForEachLetterRun(std::string_view text, Fn fn);

}  // namespace dyad::text

#include "text/glue_inl.h"

#endif  // DYAD_TEXT_GLUE_H_
