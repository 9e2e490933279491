#include "syntax/conllu.h"

#include <charconv>

#include "syntax/binary_io.h"

namespace dyad::syntax {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool HasSpaceAfterNo(std::string_view misc) {
  size_t start = 0;
  while (start <= misc.size()) {
    size_t bar = misc.find('|', start);
    std::string_view item = misc.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    if (item == "SpaceAfter=No") return true;
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return false;
}

// Sets the sentence text from the forms and spacing, and token spans relative
// to it (there is no Document::raw behind a treebank sentence).
void FillText(Sentence* s) {
  s->text.clear();
  for (Token& t : s->tokens) {
    t.raw.begin = static_cast<uint32_t>(s->text.size());
    s->text += t.form;
    t.raw.end = static_cast<uint32_t>(s->text.size());
    if (t.space_after && &t != &s->tokens.back()) s->text += ' ';
  }
  s->raw = {0, static_cast<uint32_t>(s->text.size())};
}

Status Finish(ConlluSentence* cs, const std::string& name) {
  int n = static_cast<int>(cs->sentence.tokens.size());
  for (int i = 0; i < n; ++i) {
    int h = cs->sentence.tokens[i].head;
    if (h < -1 || h >= n) {
      return Status::DataError({name, cs->line + i, -1, cs->sentence.tokens[i].form},
                               "HEAD " + std::to_string(h + 1) + " outside the sentence of " + std::to_string(n) + " words");
    }
  }
  // Multiword tokens: a word inside one follows the token's spacing.
  for (const auto& m : cs->multiword) {
    if (m.first < 0 || m.last >= n || m.first > m.last) {
      return Status::DataError({name, cs->line, -1, m.form}, "multiword token range outside the sentence");
    }
    for (int i = m.first; i < m.last; ++i) cs->sentence.tokens[i].space_after = false;
    cs->sentence.tokens[m.last].space_after = !HasSpaceAfterNo(m.misc);
  }
  FillText(&cs->sentence);
  return Status::Ok();
}

}  // namespace

Result<std::vector<ConlluSentence>> ParseConllu(std::string_view text, const std::string& name) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  bool open = false;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (open) {
        DYAD_RETURN_IF_ERROR(Finish(&cur, name));
        out.push_back(std::move(cur));
        cur = ConlluSentence();
        open = false;
      }
      continue;
    }
    if (line[0] == '#') {
      if (!open) cur.line = line_no;
      cur.comments.emplace_back(line);
      open = true;
      continue;
    }
    auto cols = SplitTabs(line);
    Where where{name, line_no, -1, std::string(line.substr(0, 40))};
    if (cols.size() != 10) return Status::DataError(where, "expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    int n = static_cast<int>(cur.sentence.tokens.size());
    if (!open || cur.line == 0) cur.line = line_no;
    open = true;
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      int a, b;
      if (!ParseInt(id.substr(0, dash), &a) || !ParseInt(id.substr(dash + 1), &b) || a != n + 1 || b < a) {
        return Status::DataError(where, "bad multiword token range '" + std::string(id) + "'");
      }
      cur.multiword.push_back({a - 1, b - 1, std::string(cols[1]), std::string(cols[9])});
      continue;
    }
    int idn, head;
    if (!ParseInt(id, &idn) || idn != n + 1) {
      return Status::DataError(where, "word ID '" + std::string(id) + "' out of sequence (expected " + std::to_string(n + 1) + ")");
    }
    Token t;
    t.form = std::string(cols[1]);
    t.lemma = cols[2] == "_" && cols[1] != "_" ? "" : std::string(cols[2]);
    t.upos = cols[3] == "_" ? "" : std::string(cols[3]);
    t.xpos = cols[4] == "_" ? "" : std::string(cols[4]);
    if (cols[6] == "_") {
      head = 0;  // unannotated input: treated as attached to the root until parsed
    } else if (!ParseInt(cols[6], &head) || head < 0) {
      return Status::DataError(where, "bad HEAD '" + std::string(cols[6]) + "'");
    }
    t.head = head - 1;
    t.deprel = cols[7] == "_" ? "" : std::string(cols[7]);
    t.space_after = !HasSpaceAfterNo(cols[9]);
    cur.sentence.tokens.push_back(std::move(t));
    cur.feats.emplace_back(cols[5]);
    cur.deps.emplace_back(cols[8]);
    cur.misc.emplace_back(cols[9]);
  }
  if (open) {
    DYAD_RETURN_IF_ERROR(Finish(&cur, name));
    out.push_back(std::move(cur));
  }
  // Drop comment-only blocks (e.g. a trailing "# newdoc" with no words).
  std::erase_if(out, [](const ConlluSentence& s) { return s.sentence.tokens.empty(); });
  return out;
}

Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  return ParseConllu(*bytes, path);
}

namespace {
std::string OrUnderscore(const std::string& s) { return s.empty() ? "_" : s; }
}  // namespace

std::string FormatConllu(const ConlluSentence& s, bool keep_columns) {
  std::string out;
  for (const auto& c : s.comments) out += c + "\n";
  size_t next_mwt = 0;
  const auto& toks = s.sentence.tokens;
  for (size_t i = 0; i < toks.size(); ++i) {
    while (next_mwt < s.multiword.size() && s.multiword[next_mwt].first == static_cast<int>(i)) {
      const auto& m = s.multiword[next_mwt++];
      out += std::to_string(m.first + 1) + "-" + std::to_string(m.last + 1) + "\t" + m.form + "\t_\t_\t_\t_\t_\t_\t_\t" +
             OrUnderscore(m.misc) + "\n";
    }
    const Token& t = toks[i];
    std::string feats = keep_columns && i < s.feats.size() ? s.feats[i] : "_";
    std::string deps = keep_columns && i < s.deps.size() ? s.deps[i] : "_";
    std::string misc;
    if (i < s.misc.size()) {
      misc = s.misc[i];
    } else {
      bool in_mwt = false;
      for (const auto& m : s.multiword) in_mwt |= static_cast<int>(i) >= m.first && static_cast<int>(i) <= m.last;
      misc = !t.space_after && !in_mwt && i + 1 < toks.size() ? "SpaceAfter=No" : "_";
    }
    out += std::to_string(i + 1) + "\t" + OrUnderscore(t.form) + "\t" + OrUnderscore(t.lemma) + "\t" + OrUnderscore(t.upos) + "\t" +
           OrUnderscore(t.xpos) + "\t" + OrUnderscore(feats) + "\t" + std::to_string(t.head + 1) + "\t" + OrUnderscore(t.deprel) + "\t" +
           OrUnderscore(deps) + "\t" + OrUnderscore(misc) + "\n";
  }
  out += "\n";
  return out;
}

ConlluSentence FromSentence(const Sentence& s) {
  ConlluSentence cs;
  cs.sentence = s;
  std::string text = s.text;
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  cs.comments.push_back("# text = " + text);
  return cs;
}

}  // namespace dyad::syntax
