#include "dyad/offset_map.h"

#include <algorithm>

namespace dyad {

const OffsetMap::Piece* OffsetMap::Find(uint32_t clean) const {
  // The last piece that begins at or before `clean`.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), clean,
                             [](uint32_t c, const Piece& p) { return c < p.clean_begin; });
  if (it == pieces_.begin()) return nullptr;
  return &*(it - 1);
}

uint32_t OffsetMap::clean_size() const {
  return pieces_.empty() ? 0 : pieces_.back().clean_begin + pieces_.back().clean_len;
}

uint32_t OffsetMap::RawBegin(uint32_t clean) const {
  if (pieces_.empty()) return clean;
  if (clean >= clean_size()) return pieces_.back().raw_begin + pieces_.back().raw_len;
  const Piece* p = Find(clean);
  if (!p) return pieces_.front().raw_begin;
  return p->copied ? p->raw_begin + (clean - p->clean_begin) : p->raw_begin;
}

uint32_t OffsetMap::RawEnd(uint32_t clean) const {
  if (pieces_.empty()) return clean;
  if (clean == 0) return pieces_.front().raw_begin;
  const Piece* p = Find(std::min(clean, clean_size()) - 1);
  if (!p) return pieces_.front().raw_begin;
  return p->copied ? p->raw_begin + (std::min(clean, p->clean_begin + p->clean_len) - p->clean_begin)
                   : p->raw_begin + p->raw_len;
}

OffsetMap OffsetMap::Identity(uint32_t size) {
  OffsetMap m;
  if (size > 0) m.pieces_.push_back({0, size, 0, size, true});
  return m;
}

OffsetMap OffsetMap::Compose(const OffsetMap& outer, const OffsetMap& inner) {
  OffsetMap out;
  for (const Piece& p : outer.pieces_) {
    if (!p.copied) {
      uint32_t begin = inner.RawBegin(p.raw_begin);
      uint32_t end = p.raw_len ? inner.RawEnd(p.raw_begin + p.raw_len) : begin;
      out.pieces_.push_back({p.clean_begin, p.clean_len, begin, std::max(begin, end) - begin, false});
      continue;
    }
    // A copied run of M: split it where the inner map's pieces split.
    uint32_t m = p.raw_begin, m_end = p.raw_begin + p.clean_len;
    while (m < m_end) {
      const Piece* q = inner.Find(m);
      uint32_t q_end = q ? q->clean_begin + q->clean_len : m_end;
      uint32_t stop = std::min(m_end, std::max(q_end, m + 1));
      uint32_t clean_begin = p.clean_begin + (m - p.raw_begin);
      if (q && q->copied) {
        out.pieces_.push_back({clean_begin, stop - m, q->raw_begin + (m - q->clean_begin), stop - m, true});
      } else {
        uint32_t begin = inner.RawBegin(m), end = inner.RawEnd(stop);
        out.pieces_.push_back({clean_begin, stop - m, begin, std::max(begin, end) - begin, false});
      }
      m = stop;
    }
  }
  return out;
}

void CleanTextBuilder::Append(const OffsetMap::Piece& piece) {
  auto& pieces = map_.pieces_;
  if (piece.clean_len == 0) return;  // a deletion maps nothing
  if (piece.copied && !pieces.empty()) {
    OffsetMap::Piece& last = pieces.back();
    if (last.copied && last.raw_begin + last.raw_len == piece.raw_begin) {
      last.clean_len += piece.clean_len;
      last.raw_len += piece.raw_len;
      return;
    }
  }
  pieces.push_back(piece);
}

void CleanTextBuilder::Copy(std::string_view raw, uint32_t raw_begin, uint32_t len) {
  Append({static_cast<uint32_t>(text_.size()), len, raw_begin, len, true});
  text_.append(raw.substr(raw_begin, len));
}

void CleanTextBuilder::Replace(std::string_view text, uint32_t raw_begin, uint32_t raw_len) {
  Append({static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(text.size()), raw_begin, raw_len, false});
  text_.append(text);
}

void CleanTextBuilder::Finish(std::string* text, OffsetMap* map) {
  *text = std::move(text_);
  *map = std::move(map_);
  text_.clear();
  map_ = OffsetMap();
}

}  // namespace dyad
