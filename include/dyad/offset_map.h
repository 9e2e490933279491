// dyad::OffsetMap: maps byte offsets in a document's cleaned text back to byte
// offsets in its raw input, like a source map.
//
// The cleaned text is built from pieces. A *copied* piece is a run of raw bytes
// kept verbatim, so every byte inside it maps exactly. A *replaced* piece is
// text that differs from the raw bytes it stands for (an NFC composition, an
// HTML entity, a space inserted to repair a glued word); offsets inside it map
// to the start of its raw span (for a begin) or to its end (for an end), so a
// span in the cleaned text always maps to the smallest raw span covering it.
#ifndef DYAD_OFFSET_MAP_H_
#define DYAD_OFFSET_MAP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

class OffsetMap {
 public:
  struct Piece {
    uint32_t clean_begin;
    uint32_t clean_len;
    uint32_t raw_begin;
    uint32_t raw_len;
    bool copied;  // clean bytes equal raw bytes, one to one
  };

  // Raw offset of the byte at clean offset `clean` (a span's begin).
  uint32_t RawBegin(uint32_t clean) const;
  // Raw offset just past the byte before clean offset `clean` (a span's end).
  uint32_t RawEnd(uint32_t clean) const;

  const std::vector<Piece>& pieces() const { return pieces_; }
  uint32_t clean_size() const;

  // The identity map of a text of `size` bytes.
  static OffsetMap Identity(uint32_t size);
  // Chains two maps: `outer` maps a text C to a text M, `inner` maps M to raw;
  // the result maps C to raw.
  static OffsetMap Compose(const OffsetMap& outer, const OffsetMap& inner);

 private:
  friend class CleanTextBuilder;
  const Piece* Find(uint32_t clean) const;
  std::vector<Piece> pieces_;
};

// Appends to a cleaned text and records where each appended byte came from.
class CleanTextBuilder {
 public:
  // Appends raw[raw_begin, raw_begin + len) verbatim.
  void Copy(std::string_view raw, uint32_t raw_begin, uint32_t len);
  // Appends `text`, which stands for raw[raw_begin, raw_begin + raw_len).
  void Replace(std::string_view text, uint32_t raw_begin, uint32_t raw_len);
  // Appends `text` that stands for no raw bytes, located at raw offset `raw_at`.
  void Insert(std::string_view text, uint32_t raw_at) { Replace(text, raw_at, 0); }

  const std::string& text() const { return text_; }
  // Hands over the text and the map; the builder is empty afterwards.
  void Finish(std::string* text, OffsetMap* map);

 private:
  void Append(const OffsetMap::Piece& piece);

  std::string text_;
  OffsetMap map_;
};

}  // namespace dyad

#endif  // DYAD_OFFSET_MAP_H_
