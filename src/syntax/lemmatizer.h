// A lemmatizer learned from a treebank: exact (form, XPOS) lookup, then
// lowercased lookup, then suffix rewrite rules keyed by XPOS and the longest
// known suffix ("offered"/VBD -> strip "ed" -> "offer"; "said"/VBD is in the
// dictionary -> "say"). Good enough for verb and noun lookup; not a
// morphological analyser.
#ifndef DYAD_SYNTAX_LEMMATIZER_H_
#define DYAD_SYNTAX_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/conllu.h"

namespace dyad::syntax {

class Lemmatizer {
 public:
  // Learns from the gold FORM/XPOS/LEMMA columns.
  static Lemmatizer Train(const std::vector<ConlluSentence>& sentences);

  // Never empty for a nonempty form.
  std::string Lemmatize(std::string_view form, std::string_view xpos) const;
  // The same, given HashString of the form, of its AsciiLower and of the
  // XPOS (the annotator has them already): no allocation for known words.
  std::string Lemmatize(std::string_view form, uint64_t form_hash, uint64_t lower_hash, std::string_view xpos,
                        uint64_t xpos_hash) const;

  // Starts loading the dictionary slot Lemmatize(form, form_hash, ...,
  // xpos_hash) reads first, without waiting: the dictionary is larger than
  // the cache, and a caller that knows the next words can overlap their misses.
  void Prefetch(uint64_t form_hash, uint64_t xpos_hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[DictKey(form_hash, xpos_hash) & (slots_.size() - 1)]);
  }

  // Whether the treebank had the word (lowercased) with this XPOS: "lift"/VB.
  bool Seen(std::string_view form, std::string_view xpos) const;
  // Whether the word (lowercased) is the lemma of some treebank word:
  // "abandon" of "abandoned".
  bool KnownLemma(std::string_view form) const;
  void Write(BinaryWriter* w) const;  // deterministic: entries sorted
  bool Read(BinaryReader* r);
  size_t dictionary_size() const { return dict_.size(); }
  size_t rule_count() const { return rules_.size(); }

 private:
  static constexpr int kMaxSuffix = 6;
  // DictKey(form, xpos) -> lemma, and DictKey(lowercased form, xpos) -> lemma.
  static uint64_t DictKey(uint64_t form_hash, uint64_t xpos_hash);
  std::unordered_map<uint64_t, std::string> dict_;
  // dict_ again, as Lemmatize reads it: an open-addressing table of
  // (key, index into lemma_pool_), derived on load. A lookup is one probe of
  // a flat array instead of a bucket, a node and its string (the node
  // lookups were half of Lemmatize's time); the pool holds each lemma once.
  struct Slot {
    uint64_t key = 0;
    uint32_t lemma = kNoLemma;
  };
  static constexpr uint32_t kNoLemma = 0xffffffffu;
  std::vector<Slot> slots_;
  std::vector<std::string> lemma_pool_;
  const std::string* Find(uint64_t key) const;
  // "xpos\tsuffix" -> rule "strip\tappend" (strip = bytes removed from the end).
  std::unordered_map<std::string, std::string> rules_;
  // Every lemma of the dictionary (lowercased), derived on load: among the
  // suffix rules that apply to an unknown word, one that yields a known lemma
  // wins ("blamed" -> "blame", not "blam" by the rule of "claimed").
  std::unordered_set<std::string> lemmas_;
  void IndexLemmas();  // lemmas_, slots_ and lemma_pool_ from dict_
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_LEMMATIZER_H_
