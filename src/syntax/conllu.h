// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
//
// A ConlluSentence is a dyad::Sentence (the syntactic words, in order, with
// their annotation) plus what the Sentence struct has no place for but a
// faithful rewrite needs: comment lines, multiword-token lines and each word's
// FEATS, DEPS and MISC columns. Empty nodes (IDs like "8.1", used only by the
// enhanced graph) are skipped on reading and never written.
//
// Token::head is 0-based within the sentence (-1 = root); CoNLL-U's HEAD is
// 1-based (0 = root). Token::space_after mirrors MISC's SpaceAfter=No.
#ifndef DYAD_SYNTAX_CONLLU_H_
#define DYAD_SYNTAX_CONLLU_H_

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::syntax {

struct MultiwordToken {
  int first = 0;  // 0-based index of the first word it covers
  int last = 0;   // 0-based index of the last word (inclusive)
  std::string form;
  std::string misc;
};

struct ConlluSentence {
  Sentence sentence;
  std::vector<std::string> comments;  // comment lines, verbatim (with the leading "#")
  std::vector<MultiwordToken> multiword;
  std::vector<std::string> feats, deps, misc;  // per word; "_" when empty
  int line = 0;                                // 1-based line of the first word, for messages
};

// Parses CoNLL-U text; `name` is used in error messages (file:line).
// Checks the column count, word IDs in sequence and HEAD in range.
Result<std::vector<ConlluSentence>> ParseConllu(std::string_view text, const std::string& name);
Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path);

// Writes one sentence (comments, multiword lines, words, blank line).
// `keep_columns` false writes "_" for FEATS and DEPS (they would no longer
// agree with re-predicted tags and trees); MISC is always kept.
std::string FormatConllu(const ConlluSentence& s, bool keep_columns = true);

// A ConlluSentence for a tokenized Sentence (no comments but "# text = ").
ConlluSentence FromSentence(const Sentence& s);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_CONLLU_H_
