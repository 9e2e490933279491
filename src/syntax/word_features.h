// Per-word hashed attributes shared by the tagger and the parser: computed once
// per token, then combined into feature keys by the feature templates.
#ifndef DYAD_SYNTAX_WORD_FEATURES_H_
#define DYAD_SYNTAX_WORD_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::syntax {

struct WordInfo {
  uint64_t form = 0;    // the form as written
  uint64_t lower = 0;   // ASCII-lowercased form
  uint64_t suffix[5] = {};  // last 1..5 bytes of the lowercased form (whole form when shorter)
  uint64_t prefix[3] = {};  // first 1..3 bytes
  uint64_t shape = 0;   // "Xxx", "dd", "XX-d": character classes, runs capped at 2
  uint64_t flags = 0;   // small bitset: has digit, hyphen, upper, all upper, ...
};

// ASCII lowercase (other bytes unchanged): fast and stable, enough for English.
std::string AsciiLower(std::string_view s);

WordInfo ComputeWordInfo(std::string_view form);
// The pseudo-words outside the sentence and the parser's root.
const WordInfo& BoundaryWord();
const WordInfo& RootWord();

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_WORD_FEATURES_H_
