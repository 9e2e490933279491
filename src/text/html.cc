// The HTML reader (see html.h for the contract).
//
// Pipeline: a cheap pre-scan refuses pages gumbo would take minutes on; gumbo
// parses; the tree is flattened into a preorder array of Nodes (no recursion
// anywhere, so deep trees cannot overflow the stack); boilerplate is marked;
// text and link lengths are summed per subtree; containers are scored by the
// non-link text of the paragraphs at or just below them; the winner's blocks
// are written through a BlockWriter, which collapses white space and records
// where every output byte came from.
#include "text/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace dyad::text {
namespace {

// ---------------------------------------------------------------------------
// Small string helpers.

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Byte length of the white-space code point at s[i] (Unicode spaces incl.
// no-break space), or 0 when s[i] starts something else.
size_t SpaceLenAt(std::string_view s, size_t i) {
  if (IsAsciiSpace(s[i])) return 1;
  if (static_cast<unsigned char>(s[i]) < 0x80) return 0;
  size_t len = 0;
  char32_t c = DecodeAt(s, i, &len);
  return IsSpace(c) ? len : 0;
}

// `s` with every run of white space made one ' ', trimmed.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    if (size_t n = SpaceLenAt(s, i)) {
      space = true;
      i += n;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += s[i++];
  }
  return out;
}

// Bytes of `s` that are not white space: the length measure used for scoring.
uint32_t VisibleBytes(std::string_view s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t sp = SpaceLenAt(s, i);
    if (sp) {
      i += sp;
    } else {
      ++n;
      ++i;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------
// Guard: gumbo scans its stack of open elements on every block-level and
// formatting tag, so thousands of nested <div>s (or unclosed <b>s) cost depth
// x tags, minutes for a few MB. Estimate that work with a plain tag scan and
// refuse pages over a budget of about a second. Real pages are far below it
// (depth ~30 x a few thousand tags).
constexpr uint64_t kMaxNestingWork = 200'000'000;

bool IsNestingTagName(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "div",  "section", "article", "main",    "aside",  "nav",    "header", "footer", "ul",     "ol",
      "dl",   "menu",    "dir",     "figure",  "form",   "center", "table",  "details", "dialog", "address",
      "blockquote", "fieldset", "hgroup", "b", "i", "u", "s", "em", "strong", "font",
      "small", "big", "code", "nobr", "tt", "strike"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

uint64_t NestingWork(std::string_view html) {
  uint64_t work = 0;
  int64_t depth = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    bool close = i < html.size() && html[i] == '/';
    if (close) ++i;
    size_t begin = i;
    while (i < html.size() && i - begin <= 10 && IsAsciiAlpha(html[i])) ++i;
    if (i == begin || i - begin > 10) continue;
    if (i < html.size() && !IsAsciiSpace(html[i]) && html[i] != '>' && html[i] != '/') continue;
    if (!IsNestingTagName(AsciiLower(html.substr(begin, i - begin)))) continue;
    depth = close ? std::max<int64_t>(0, depth - 1) : depth + 1;
    work += static_cast<uint64_t>(depth);
  }
  return work;
}

// Owns a gumbo parse tree.
class GumboTree {
 public:
  explicit GumboTree(std::string_view html) {
    options_ = kGumboDefaultOptions;
    // Recorded errors copy the open-element stack each: quadratic memory on
    // malformed pages, and we never read them.
    options_.max_errors = 0;
    output_ = gumbo_parse_with_options(&options_, html.data(), html.size());
  }
  ~GumboTree() {
    if (output_) gumbo_destroy_output(&options_, output_);
  }
  GumboTree(const GumboTree&) = delete;
  GumboTree& operator=(const GumboTree&) = delete;
  const GumboNode* root() const { return output_ ? output_->document : nullptr; }

 private:
  GumboOptions options_;
  GumboOutput* output_ = nullptr;
};

// ---------------------------------------------------------------------------
// Tag classes.

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP: case GUMBO_TAG_OPTION: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

// Dropped with their whole subtree, whatever their class says.
bool IsBoilerplateTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP: case GUMBO_TAG_MENU:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL: case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST:
      return true;
    default:
      return false;
  }
}

// Candidates for the main-text container.
bool IsContainerTag(GumboTag t) {
  return t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION ||
         t == GUMBO_TAG_TD || t == GUMBO_TAG_BODY;
}

// Blocks whose own text counts as article prose when scoring (headings, list
// items and table headers are kept in the output but prove nothing).
bool IsParagraphTag(GumboTag t) {
  return t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_CENTER ||
         IsContainerTag(t);
}

// ---------------------------------------------------------------------------
// Boilerplate by class, id and role.

// Why an element is dropped. kHeader is kept apart because the headline and
// the date usually live in the article's header.
enum class Drop : uint8_t { kNone, kHeader, kSoft, kHard };

// Class and id split into lowercase words: "site-header socialShare" ->
// {site, header, social, share}.
std::vector<std::string> NameTokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!IsAsciiAlnum(c)) {
      flush();
      continue;
    }
    bool camel = c >= 'A' && c <= 'Z' && i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z';
    if (camel) flush();
    cur += AsciiLower(c);
  }
  flush();
  return out;
}

// True when `token` is `term`, its plural, or a known compound of it
// ("sharebar", "navlinks") -- but not an unrelated word ("commentary").
bool TokenIsTerm(std::string_view token, std::string_view term) {
  static constexpr std::string_view kSuffixes[] = {
      "",     "bar",   "box",    "list",    "links",  "wrap",   "wrapper", "container", "area",  "block",
      "section", "module", "widget", "tools", "panel", "nav",   "menu",    "buttons",   "button", "icons",
      "items", "item",  "holder", "region",  "zone",  "slot",   "unit",    "label",     "count",  "form"};
  if (token.substr(0, term.size()) != term) return false;
  auto known = [&](std::string_view rest) {
    return std::find(std::begin(kSuffixes), std::end(kSuffixes), rest) != std::end(kSuffixes);
  };
  std::string_view rest = token.substr(term.size());
  return known(rest) || (!rest.empty() && rest.front() == 's' && known(rest.substr(1)));
}

Drop ClassifyName(std::string_view names) {
  static constexpr std::string_view kTerms[] = {
      "nav",    "navigation", "menu",     "sidebar", "footer", "comment", "share",   "sharing",
      "social", "related",    "recirc",   "trending", "ad",    "promo",   "popup",   "modal",
      "consent", "gdpr",      "toolbar",  "widget",  "tags",   "byline",  "paywall", "signup",
      "caption"};
  // Stems that mark boilerplate in any word they start.
  static constexpr std::string_view kStems[] = {"advert",   "newsletter", "subscri", "breadcrumb", "cookie",
                                                "outbrain", "taboola",    "sponsor"};
  bool header = false;
  for (const std::string& t : NameTokens(names)) {
    if (TokenIsTerm(t, "header") || TokenIsTerm(t, "masthead")) header = true;
    for (std::string_view term : kTerms)
      if (TokenIsTerm(t, term)) return Drop::kSoft;
    for (std::string_view stem : kStems)
      if (t.rfind(stem, 0) == 0) return Drop::kSoft;
  }
  return header ? Drop::kHeader : Drop::kNone;
}

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

std::string_view AttrView(const GumboElement& e, const char* name) {
  const char* v = Attr(e, name);
  return v ? std::string_view(v) : std::string_view();
}

bool IsHiddenStyle(std::string_view style) {
  std::string s;
  for (char c : style)
    if (!IsAsciiSpace(c)) s += AsciiLower(c);
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

Drop ClassifyRole(std::string_view role) {
  std::string r = AsciiLower(TrimAscii(role));
  if (r == "banner") return Drop::kHeader;
  static constexpr std::string_view kRoles[] = {"navigation", "contentinfo", "complementary", "dialog",
                                                "alertdialog", "menu", "menubar", "search", "toolbar"};
  return std::find(std::begin(kRoles), std::end(kRoles), r) != std::end(kRoles) ? Drop::kSoft : Drop::kNone;
}

// The element's own reason to be dropped, before protection.
Drop ClassifyElement(const GumboElement& e) {
  GumboTag t = e.tag;
  if (IsBoilerplateTag(t)) return Drop::kHard;
  if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN)
    return Drop::kNone;
  if (t == GUMBO_TAG_HEADER) return Drop::kHeader;
  if (t == GUMBO_TAG_FORM) return Drop::kSoft;
  if (Attr(e, "hidden") || AsciiLower(AttrView(e, "aria-hidden")) == "true" || IsHiddenStyle(AttrView(e, "style")))
    return Drop::kSoft;
  Drop role = ClassifyRole(AttrView(e, "role"));
  if (role != Drop::kNone) return role;
  std::string names = std::string(AttrView(e, "class")) + " " + std::string(AttrView(e, "id"));
  return ClassifyName(names);
}

// An explicit sign of the article body: boilerplate-looking wrappers around it
// ("page has-sidebar", ASP.NET's page-wide <form>) must not be dropped.
bool IsArticleMarker(const GumboElement& e) {
  if (e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_MAIN) return true;
  if (AsciiLower(AttrView(e, "itemprop")) == "articlebody") return true;
  std::string names;
  for (char c : std::string(AttrView(e, "class")) + " " + std::string(AttrView(e, "id")))
    if (IsAsciiAlnum(c)) names += AsciiLower(c);
  static constexpr std::string_view kMarkers[] = {"articlebody", "storybody",   "articlecontent", "entrycontent",
                                                  "postcontent", "storycontent", "articletext",    "storytext",
                                                  "postbody"};
  for (std::string_view m : kMarkers)
    if (names.find(m) != std::string::npos) return true;
  return false;
}

bool IsLogo(const GumboElement& e) {
  for (const std::string& t : NameTokens(std::string(AttrView(e, "class")) + " " + std::string(AttrView(e, "id"))))
    if (t.rfind("logo", 0) == 0 || t == "brand" || t == "site") return true;
  return false;
}

// ---------------------------------------------------------------------------
// The flattened tree.

struct Node {
  const GumboNode* g = nullptr;
  int32_t parent = -1;
  uint32_t end = 0;  // one past the last node of this subtree (preorder)
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool element = false;
  bool text = false;       // a text, white-space or CDATA node
  Drop drop = Drop::kNone; // own reason, after protection
  bool dropped = false;    // own or an ancestor's reason
  bool blocked = false;    // own or an ancestor's reason other than kHeader
  bool in_link = false;
  int32_t block = -1;      // nearest block-level ancestor (or self)
  uint32_t chars = 0;      // visible bytes in the kept subtree
  uint32_t link_chars = 0; // ...of which inside <a>
  uint32_t own_chars = 0;  // visible bytes whose nearest block is this one
  uint32_t own_link = 0;
  uint32_t prose = 0;      // paragraph text (non-link) in the kept subtree
  double score = 0;

  const GumboElement& el() const { return g->v.element; }
  const GumboText& tx() const { return g->v.text; }
};

std::vector<Node> Flatten(const GumboNode* root) {
  std::vector<Node> nodes;
  std::vector<std::pair<const GumboNode*, int32_t>> stack = {{root, -1}};
  while (!stack.empty()) {
    auto [g, parent] = stack.back();
    stack.pop_back();
    Node n;
    n.g = g;
    n.parent = parent;
    const GumboVector* children = nullptr;
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      n.element = true;
      n.tag = g->type == GUMBO_NODE_TEMPLATE ? GUMBO_TAG_TEMPLATE : g->v.element.tag;
      children = &g->v.element.children;
    } else if (g->type == GUMBO_NODE_DOCUMENT) {
      children = &g->v.document.children;
    } else if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA) {
      n.text = true;
    } else {
      continue;  // comments
    }
    int32_t self = static_cast<int32_t>(nodes.size());
    nodes.push_back(n);
    if (children)
      for (unsigned i = children->length; i-- > 0;)
        stack.emplace_back(static_cast<const GumboNode*>(children->data[i]), self);
  }
  // Children follow their parent in preorder, so one backward pass settles ends.
  for (size_t i = nodes.size(); i-- > 0;) {
    nodes[i].end = std::max<uint32_t>(nodes[i].end, static_cast<uint32_t>(i + 1));
    if (nodes[i].parent >= 0) nodes[nodes[i].parent].end = std::max(nodes[nodes[i].parent].end, nodes[i].end);
  }
  return nodes;
}

// Marks boilerplate: own reasons, cancelled for wrappers of an article
// marker (or, for forms, of several long paragraphs), then inherited.
void MarkBoilerplate(std::vector<Node>& nodes) {
  size_t n = nodes.size();
  std::vector<uint8_t> marker(n, 0);
  std::vector<uint32_t> raw_chars(n, 0), long_paras(n, 0);
  for (size_t i = 0; i < n; ++i) {
    Node& nd = nodes[i];
    if (nd.element) nd.drop = ClassifyElement(nd.el());
    else if (nd.text) raw_chars[i] = VisibleBytes(nd.tx().text);
  }
  // Backwards, a node's subtree sums are final when it is reached. An article
  // marker counts only when it holds prose: teaser cards in a "related" list
  // are <article>s too.
  for (size_t i = n; i-- > 0;) {
    if (nodes[i].tag == GUMBO_TAG_P && raw_chars[i] >= 80) ++long_paras[i];
    if (nodes[i].element && long_paras[i] >= 2 && IsArticleMarker(nodes[i].el())) marker[i] = 1;
    int32_t p = nodes[i].parent;
    if (p < 0) continue;
    marker[p] |= marker[i];
    raw_chars[p] += raw_chars[i];
    long_paras[p] += long_paras[i];
  }
  for (size_t i = 0; i < n; ++i) {
    Node& nd = nodes[i];
    bool soft = nd.drop == Drop::kSoft || nd.drop == Drop::kHeader;
    if (soft && (marker[i] || (nd.tag == GUMBO_TAG_FORM && long_paras[i] >= 3))) nd.drop = Drop::kNone;
    const Node* parent = nd.parent >= 0 ? &nodes[nd.parent] : nullptr;
    nd.dropped = nd.drop != Drop::kNone || (parent && parent->dropped);
    nd.blocked = nd.drop == Drop::kSoft || nd.drop == Drop::kHard || (parent && parent->blocked);
    nd.in_link = nd.tag == GUMBO_TAG_A || (parent && parent->in_link);
    nd.block = (nd.element && IsBlockTag(nd.tag)) ? static_cast<int32_t>(i) : (parent ? parent->block : -1);
  }
}

// Sums visible text per subtree and per nearest block, over kept nodes.
void MeasureText(std::vector<Node>& nodes) {
  for (Node& nd : nodes) {
    if (!nd.text || nd.dropped) continue;
    nd.chars = VisibleBytes(nd.tx().text);
    nd.link_chars = nd.in_link ? nd.chars : 0;
    if (nd.block >= 0) {
      nodes[nd.block].own_chars += nd.chars;
      nodes[nd.block].own_link += nd.link_chars;
    }
  }
  for (size_t i = nodes.size(); i-- > 0;) {
    int32_t p = nodes[i].parent;
    if (p < 0 || nodes[i].dropped) continue;
    nodes[p].chars += nodes[i].chars;
    nodes[p].link_chars += nodes[i].link_chars;
  }
}

double LinkDensity(const Node& n) { return n.chars ? static_cast<double>(n.link_chars) / n.chars : 0.0; }

// ---------------------------------------------------------------------------
// Choosing the container.

constexpr uint32_t kMinParagraph = 20;  // visible bytes of non-link text
constexpr double kLevelWeight[] = {1.0, 0.8, 0.5};
constexpr double kMinScore = 50;

uint32_t ParagraphText(const Node& n) {
  if (!n.element || n.dropped || !IsParagraphTag(n.tag)) return 0;
  uint32_t t = n.own_chars - n.own_link;
  return t >= kMinParagraph ? t : 0;
}

struct Choice {
  int32_t container = -1;  // -1: no container stands out
  uint32_t total_prose = 0;
};

Choice ChooseContainer(std::vector<Node>& nodes) {
  Choice c;
  for (size_t i = 0; i < nodes.size(); ++i) {
    uint32_t t = ParagraphText(nodes[i]);
    if (!t) continue;
    nodes[i].prose = t;
    c.total_prose += t;
    // Level 1 is the paragraph itself when it can hold blocks (a <div> of
    // text and <br>s), else its parent.
    int32_t at = IsContainerTag(nodes[i].tag) ? static_cast<int32_t>(i) : nodes[i].parent;
    for (double w : kLevelWeight) {
      if (at < 0) break;
      if (IsContainerTag(nodes[at].tag) && !nodes[at].dropped) nodes[at].score += w * t;
      at = nodes[at].parent;
    }
  }
  for (size_t i = nodes.size(); i-- > 0;)
    if (nodes[i].parent >= 0 && !nodes[i].dropped) nodes[nodes[i].parent].prose += nodes[i].prose;
  double best = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    Node& nd = nodes[i];
    if (nd.score <= 0) continue;
    double s = nd.score * (1.0 - LinkDensity(nd));
    if (nd.tag == GUMBO_TAG_ARTICLE || nd.tag == GUMBO_TAG_MAIN || IsArticleMarker(nd.el())) s *= 1.1;
    if (s > best) {
      best = s;
      c.container = static_cast<int32_t>(i);
    }
  }
  // A winner holding a small share of the page's prose does not stand out.
  if (c.container >= 0 && (best < kMinScore || 3ull * nodes[c.container].prose < c.total_prose)) c.container = -1;
  return c;
}

// True for a kept element that must still be left out of the output: link
// lists ("Related", "Tags") and paragraphs that are all link ("READ MORE").
bool IsLinkBlock(const Node& n) {
  if (!n.element || n.chars == 0) return false;
  switch (n.tag) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
      return LinkDensity(n) > 0.5;
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return LinkDensity(n) >= 0.8;
    default:
      return false;
  }
}

bool SkipInFlow(const Node& n) { return n.drop != Drop::kNone || IsLinkBlock(n); }

// The page's headline: an <h1> outside boilerplate (an article header is
// fine) with text, not a site logo; the first one inside the container, else
// the last one before it.
int32_t FindHeadline(const std::vector<Node>& nodes, int32_t container) {
  int32_t before = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& nd = nodes[i];
    if (nd.tag != GUMBO_TAG_H1 || nd.blocked || IsLogo(nd.el())) continue;
    uint32_t visible = 0;
    for (uint32_t j = static_cast<uint32_t>(i); j < nd.end; ++j)
      if (nodes[j].text) visible += VisibleBytes(nodes[j].tx().text);
    if (visible == 0) continue;
    int32_t at = static_cast<int32_t>(i);
    if (container < 0) return at;
    if (at > container && static_cast<uint32_t>(at) < nodes[container].end) return at;
    if (at < container) before = at;
  }
  return before;
}

// True when writing `container` writes node `i` too.
bool InFlow(const std::vector<Node>& nodes, int32_t i, int32_t container) {
  if (container < 0 || i <= container || static_cast<uint32_t>(i) >= nodes[container].end) return false;
  for (int32_t at = i; at != container; at = nodes[at].parent)
    if (SkipInFlow(nodes[at])) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Writing text with its offsets.

// Appends words and white space to the output, one line per block: collapses
// runs of white space into one ' ', trims lines, and records each byte's raw
// origin.
class BlockWriter {
 public:
  explicit BlockWriter(std::string_view raw) : raw_(raw) {}

  // Decoded text equal to raw[begin, begin + len).
  void Copied(uint32_t begin, uint32_t len);
  // Decoded `text` standing for raw[begin, begin + len).
  void Replaced(std::string_view text, uint32_t begin, uint32_t len);
  // Raw white space the decoded text lacks (gumbo folds CR LF into LF).
  void RawSpace(uint32_t begin, uint32_t len) { Space(begin, len, false); }
  // Ends the current line (a block boundary or <br>); empty lines never appear.
  void Break() {
    if (line_open_) break_pending_ = true;
    line_open_ = false;
    space_pending_ = false;
  }
  bool empty() const { return out_.text().empty(); }
  void Finish(std::string* text, OffsetMap* map) { out_.Finish(text, map); }

 private:
  void Word(std::string_view text, uint32_t begin, uint32_t len, bool copied);
  void Space(uint32_t begin, uint32_t len, bool plain);

  std::string_view raw_;
  CleanTextBuilder out_;
  bool line_open_ = false;      // the current line has text
  bool break_pending_ = false;  // a '\n' is due before the next word
  bool space_pending_ = false;  // a ' ' is due before the next word
  bool space_plain_ = false;    // ...and it stands for exactly one raw ' '
  uint32_t space_begin_ = 0, space_end_ = 0;
  uint32_t last_end_ = 0;       // raw end of the last word: where '\n' is anchored
};

void BlockWriter::Word(std::string_view text, uint32_t begin, uint32_t len, bool copied) {
  if (break_pending_) {
    out_.Insert("\n", last_end_);
  } else if (space_pending_) {
    if (space_plain_)
      out_.Copy(raw_, space_begin_, 1);
    else
      out_.Replace(" ", space_begin_, space_end_ - space_begin_);
  }
  break_pending_ = space_pending_ = false;
  if (copied)
    out_.Copy(raw_, begin, len);
  else
    out_.Replace(text, begin, len);
  line_open_ = true;
  last_end_ = begin + len;
}

void BlockWriter::Space(uint32_t begin, uint32_t len, bool plain) {
  if (!line_open_) return;  // leading space of a line
  if (!space_pending_) {
    space_pending_ = true;
    space_plain_ = plain;
    space_begin_ = begin;
    space_end_ = begin + len;
    return;
  }
  // Runs can span nodes, which foster parenting may have put out of order.
  space_plain_ = false;
  space_begin_ = std::min(space_begin_, begin);
  space_end_ = std::max(space_end_, begin + len);
}

void BlockWriter::Copied(uint32_t begin, uint32_t len) {
  std::string_view s = raw_.substr(begin, len);
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    if (SpaceLenAt(s, i)) {
      while (i < s.size())
        if (size_t n = SpaceLenAt(s, i)) i += n; else break;
      Space(begin + start, i - start, i - start == 1 && s[start] == ' ');
    } else {
      while (i < s.size() && !SpaceLenAt(s, i)) ++i;
      Word({}, begin + start, i - start, true);
    }
  }
}

void BlockWriter::Replaced(std::string_view text, uint32_t begin, uint32_t len) {
  if (text.empty()) return;
  std::string words = CollapseSpaces(text);
  if (words.empty()) return Space(begin, len, false);
  if (SpaceLenAt(text, 0)) Space(begin, 0, false);
  Word(words, begin, len, false);
  // A trailing space: the last code point of `text` is white space.
  size_t last = text.size() - PrevLength(text, text.size());
  if (SpaceLenAt(text, last)) Space(begin + len, 0, false);
}

// Aligns one text node's raw bytes with gumbo's decoded text and feeds the
// writer: equal runs are copied, character references replaced by what they
// decode to, and anything else gumbo changed (CR LF, NUL, invalid UTF-8, a
// stray tag inside the run) becomes a replaced piece found by resynchronising.
class Aligner {
 public:
  Aligner(std::string_view raw, uint32_t base, std::string_view decoded, BlockWriter* out)
      : r_(raw), base_(base), d_(decoded), out_(out) {}
  void Run();

 private:
  static constexpr size_t kAgree = 4;        // bytes that must match after a sync point
  static constexpr size_t kMaxRawSkip = 512;
  static constexpr size_t kMaxDecodedSkip = 64;

  bool Agree(size_t ri, size_t dj, bool allow_empty) const;
  size_t ReferenceLength(size_t ri) const;
  bool TakeReference();
  void Resync();
  void FlushCopy();
  bool AtBoundary(size_t dj) const {
    return dj >= d_.size() || (static_cast<unsigned char>(d_[dj]) & 0xC0) != 0x80;
  }

  std::string_view r_;
  uint32_t base_;
  std::string_view d_;
  BlockWriter* out_;
  size_t i_ = 0, j_ = 0;    // positions in raw and decoded
  size_t copy_from_ = 0;    // start (in raw) of the pending copied run
};

// Do raw[ri..] and decoded[dj..] line up? Compares up to kAgree bytes, or to
// the next '&' in raw (which its own reference step checks); a decoded text
// that ends counts as agreement (raw leftovers are dropped tags).
bool Aligner::Agree(size_t ri, size_t dj, bool allow_empty) const {
  size_t rr = r_.size() - ri, rd = d_.size() - dj;
  size_t limit = std::min({kAgree, rr, rd});
  size_t n = 0;
  for (; n < limit && r_[ri + n] != '&'; ++n)
    if (r_[ri + n] != d_[dj + n]) return false;
  if (n == kAgree || n == rd) return true;
  if (n < rr && r_[ri + n] == '&') return n > 0 || allow_empty;
  return false;  // raw ended while decoded text goes on
}

// Length of a character-reference-shaped run at raw[ri] ("&amp;", "&#8217;",
// "&#x2019;", "&copy"), 0 when there is none.
size_t Aligner::ReferenceLength(size_t ri) const {
  size_t k = ri + 1;
  if (k < r_.size() && r_[k] == '#') {
    ++k;
    bool hex = k < r_.size() && (r_[k] == 'x' || r_[k] == 'X');
    if (hex) ++k;
    size_t digits = k;
    while (k < r_.size() && (hex ? std::isxdigit(static_cast<unsigned char>(r_[k])) : IsAsciiDigit(r_[k]))) ++k;
    if (k == digits) return 0;
  } else {
    size_t name = k;
    while (k < r_.size() && IsAsciiAlnum(r_[k])) ++k;
    if (k == name) return 0;
  }
  if (k < r_.size() && r_[k] == ';') ++k;
  return k - ri;
}

// At raw '&': copies a literal ampersand run or replaces a reference.
bool Aligner::TakeReference() {
  size_t len = ReferenceLength(i_);
  // A reference decodes to one or two code points; legacy names may match a
  // prefix without ';' ("&copy2024", "&notit;").
  size_t one = 0;
  if (j_ < d_.size()) DecodeAt(d_, j_, &one);
  // Two code points only from multi-character names, which never decode to
  // '&' first: "&T" + "T" would otherwise pass for a reference in "AT&T".
  size_t two = one;
  if (j_ + one < d_.size() && d_[j_] != '&') {
    size_t n = 0;
    DecodeAt(d_, j_ + one, &n);
    two += n;
  }
  for (size_t dec_len : {one, two}) {
    for (size_t raw_len = len; raw_len >= 2 && dec_len > 0; --raw_len) {
      if (!Agree(i_ + raw_len, j_ + dec_len, true)) continue;
      FlushCopy();
      out_->Replaced(d_.substr(j_, dec_len), base_ + static_cast<uint32_t>(i_), static_cast<uint32_t>(raw_len));
      i_ += raw_len;
      j_ += dec_len;
      copy_from_ = i_;
      return true;
    }
  }
  // Not a reference ("AT&T", "&foo;"): stays in the copied run. Tried last, as
  // "&amp;amp;" agrees both ways when the text ends.
  if (r_.compare(i_, len, d_, j_, len) == 0 && Agree(i_ + len, j_ + len, true)) {
    i_ += len;
    j_ += len;
    return true;
  }
  return false;
}

// Finds the nearest point where raw and decoded agree again and replaces what
// lies between; when there is none, the rest of the node is one replaced piece.
void Aligner::Resync() {
  FlushCopy();
  size_t max_di = std::min(kMaxRawSkip, r_.size() - i_), max_dj = std::min(kMaxDecodedSkip, d_.size() - j_);
  for (size_t sum = 1; sum <= max_di + max_dj; ++sum) {
    for (size_t di = sum > max_dj ? sum - max_dj : 0; di <= std::min(sum, max_di); ++di) {
      size_t dj = sum - di;
      if (!AtBoundary(j_ + dj) || !Agree(i_ + di, j_ + dj, false)) continue;
      uint32_t at = base_ + static_cast<uint32_t>(i_);
      if (dj > 0)
        out_->Replaced(d_.substr(j_, dj), at, static_cast<uint32_t>(di));
      else if (std::all_of(r_.begin() + i_, r_.begin() + i_ + di, IsAsciiSpace))
        out_->RawSpace(at, static_cast<uint32_t>(di));  // the CR of a CR LF
      i_ += di;
      j_ += dj;
      copy_from_ = i_;
      return;
    }
  }
  out_->Replaced(d_.substr(j_), base_ + static_cast<uint32_t>(i_), static_cast<uint32_t>(r_.size() - i_));
  i_ = copy_from_ = r_.size();
  j_ = d_.size();
}

void Aligner::FlushCopy() {
  if (i_ > copy_from_)
    out_->Copied(base_ + static_cast<uint32_t>(copy_from_), static_cast<uint32_t>(i_ - copy_from_));
  copy_from_ = i_;
}

void Aligner::Run() {
  while (i_ < r_.size() && j_ < d_.size()) {
    if (r_[i_] == '&' && ReferenceLength(i_) > 0) {
      if (!TakeReference()) Resync();
      continue;
    }
    if (r_[i_] == d_[j_]) {
      ++i_;
      ++j_;
      continue;
    }
    Resync();
  }
  FlushCopy();
  // Raw leftovers are markup gumbo swallowed; decoded leftovers are inserted.
  if (j_ < d_.size()) out_->Replaced(d_.substr(j_), base_ + static_cast<uint32_t>(r_.size()), 0);
}

// Writes the kept text of subtrees through a BlockWriter.
class Emitter {
 public:
  Emitter(std::string_view html, const std::vector<Node>& nodes) : html_(html), nodes_(nodes), out_(html) {}

  // Writes node `root`'s subtree; descendants that SkipInFlow are left out.
  void Subtree(int32_t root);
  bool empty() const { return out_.empty(); }
  void Finish(std::string* text, OffsetMap* map) { out_.Finish(text, map); }

 private:
  void Text(const Node& n);

  std::string_view html_;
  const std::vector<Node>& nodes_;
  BlockWriter out_;
};

void Emitter::Subtree(int32_t root) {
  std::vector<uint32_t> open_blocks;  // subtree ends of the blocks we are in
  uint32_t end = nodes_[root].end;
  out_.Break();
  for (uint32_t i = static_cast<uint32_t>(root); i < end;) {
    while (!open_blocks.empty() && open_blocks.back() <= i) {
      open_blocks.pop_back();
      out_.Break();
    }
    const Node& n = nodes_[i];
    if (i != static_cast<uint32_t>(root) && n.element && SkipInFlow(n)) {
      if (IsBlockTag(n.tag)) out_.Break();
      i = n.end;
      continue;
    }
    if (n.text) Text(n);
    if (n.tag == GUMBO_TAG_BR) out_.Break();
    if (n.element && IsBlockTag(n.tag)) {
      out_.Break();
      open_blocks.push_back(n.end);
    }
    ++i;
  }
  out_.Break();
}

void Emitter::Text(const Node& n) {
  const GumboText& t = n.tx();
  std::string_view decoded = t.text ? std::string_view(t.text) : std::string_view();
  const char* begin = t.original_text.data;
  const char* lo = html_.data();
  const char* hi = html_.data() + html_.size();
  if (begin && begin >= lo && begin <= hi && t.original_text.length <= static_cast<size_t>(hi - begin)) {
    std::string_view raw(begin, t.original_text.length);
    Aligner(raw, static_cast<uint32_t>(begin - lo), decoded, &out_).Run();
    return;
  }
  // Text gumbo made up (not from our buffer): anchor it at the node's position.
  uint32_t at = std::min<uint32_t>(t.start_pos.offset, static_cast<uint32_t>(html_.size()));
  out_.Replaced(decoded, at, 0);
}

// ---------------------------------------------------------------------------
// Metadata.

// A subtree's text for titles: decoded, collapsed, no scripts or styles.
std::string PlainText(const std::vector<Node>& nodes, uint32_t root) {
  std::string s;
  for (uint32_t i = root; i < nodes[root].end;) {
    const Node& n = nodes[i];
    if (n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE || n.tag == GUMBO_TAG_TEMPLATE) {
      i = n.end;
      continue;
    }
    if (n.text && n.tx().text) s += n.tx().text;
    if (n.element && IsBlockTag(n.tag) && i != root) s += ' ';
    ++i;
  }
  return CollapseSpaces(s);
}

// True when a JSON text nests deeper than `limit` (parsers and destructors
// recurse; a hostile page must not exhaust the stack).
bool JsonTooDeep(std::string_view s, int limit) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : s) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

// `"datePublished": "..."` found textually, for JSON-LD that does not parse
// (trailing commas, stray HTML comments are common).
std::string ScanDatePublished(std::string_view text) {
  size_t at = text.find("\"datePublished\"");
  if (at == std::string_view::npos) return {};
  std::string_view rest = TrimAscii(text.substr(at + 15));
  if (rest.empty() || rest.front() != ':') return {};
  rest = TrimAscii(rest.substr(1));
  if (rest.empty() || rest.front() != '"') return {};
  size_t close = rest.find('"', 1);
  return close == std::string_view::npos ? std::string() : std::string(rest.substr(1, close - 1));
}

// The first "datePublished" string in a JSON-LD block (any @graph depth).
std::string JsonLdDatePublished(std::string_view text) {
  if (JsonTooDeep(text, 64)) return {};
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return ScanDatePublished(text);
  std::vector<const nlohmann::json*> stack = {&doc};
  for (int visited = 0; !stack.empty() && visited < 100000; ++visited) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_object()) {
      auto it = j->find("datePublished");
      if (it != j->end() && it->is_string()) return it->get<std::string>();
      for (auto c = j->rbegin(); c != j->rend(); ++c) stack.push_back(&*c);
    } else if (j->is_array()) {
      for (auto c = j->rbegin(); c != j->rend(); ++c) stack.push_back(&*c);
    }
  }
  return {};
}

// Metadata candidates gathered in one pass over the page.
struct Meta {
  std::string og_title, title_tag, canonical, og_url;
  // By priority: article:published_time; JSON-LD or microdata datePublished;
  // <time datetime> in the article (from the headline to the container's
  // end); other date meta tags; any other <time> (a site header's "today").
  std::vector<std::string> dates[5];
};

bool IsDateMetaName(std::string_view key) {
  static constexpr std::string_view kNames[] = {
      "date",         "pubdate",          "publishdate",      "publish_date",    "publish-date",
      "publication_date", "dc.date",      "dc.date.issued",   "dcterms.date",    "dcterms.issued",
      "dcterms.created", "sailthru.date", "parsely-pub-date", "og:published_time", "article.published",
      "originalpublicationdate", "datepublished", "date.published"};
  return std::find(std::begin(kNames), std::end(kNames), key) != std::end(kNames);
}

void ReadMetaTag(const GumboElement& e, Meta* m) {
  std::string key = AsciiLower(TrimAscii(Attr(e, "property") ? AttrView(e, "property") : AttrView(e, "name")));
  std::string content(TrimAscii(AttrView(e, "content")));
  if (content.empty()) return;
  if (key == "og:title" && m->og_title.empty()) m->og_title = CollapseSpaces(content);
  else if (key == "og:url" && m->og_url.empty()) m->og_url = content;
  else if (key == "article:published_time") m->dates[0].push_back(content);
  else if (IsDateMetaName(key)) m->dates[3].push_back(content);
}

// [article_begin, article_end): node indices of the article region.
Meta ReadMeta(const std::vector<Node>& nodes, uint32_t article_begin, uint32_t article_end) {
  Meta m;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    if (!n.element) continue;
    const GumboElement& e = n.el();
    if (n.tag == GUMBO_TAG_META) ReadMetaTag(e, &m);
    if (n.tag == GUMBO_TAG_TITLE && m.title_tag.empty()) m.title_tag = PlainText(nodes, i);
    if (n.tag == GUMBO_TAG_LINK && m.canonical.empty()) {
      for (const std::string& rel : NameTokens(AttrView(e, "rel")))
        if (rel == "canonical") m.canonical = std::string(TrimAscii(AttrView(e, "href")));
    }
    if (n.tag == GUMBO_TAG_SCRIPT && AsciiLower(AttrView(e, "type")).find("ld+json") != std::string::npos) {
      for (uint32_t j = i + 1; j < n.end; ++j)
        if (nodes[j].text && nodes[j].tx().text) {
          std::string d = JsonLdDatePublished(nodes[j].tx().text);
          if (!d.empty()) m.dates[1].push_back(d);
        }
    }
    if (AsciiLower(AttrView(e, "itemprop")) == "datepublished") {
      std::string_view v = Attr(e, "content") ? AttrView(e, "content") : AttrView(e, "datetime");
      m.dates[1].push_back(v.empty() ? PlainText(nodes, i) : std::string(TrimAscii(v)));
    }
    if (n.tag == GUMBO_TAG_TIME && !n.blocked && Attr(e, "datetime"))
      m.dates[i >= article_begin && i < article_end ? 2 : 4].push_back(std::string(TrimAscii(AttrView(e, "datetime"))));
  }
  return m;
}

std::optional<Date> FirstDate(const Meta& m) {
  for (const auto& list : m.dates)
    for (const std::string& s : list)
      if (auto d = Date::Parse(TrimAscii(s))) return d;
  return std::nullopt;
}

// ---------------------------------------------------------------------------

// Writes the main text: the headline when it precedes the container, then the
// container; without a container, every kept paragraph; as a last resort,
// everything kept in <body>.
void WriteMainText(const std::vector<Node>& nodes, int32_t container, int32_t headline, Emitter* out) {
  if (container >= 0) {
    if (headline >= 0 && !InFlow(nodes, headline, container) &&
        static_cast<uint32_t>(headline) < nodes[container].end)
      out->Subtree(headline);
    out->Subtree(container);
    if (!out->empty()) return;
  }
  bool wrote_headline = false;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    if (n.tag != GUMBO_TAG_P || n.dropped || IsLinkBlock(n) || n.chars == 0) continue;
    if (headline >= 0 && !wrote_headline && static_cast<uint32_t>(headline) < i) out->Subtree(headline);
    wrote_headline = true;
    out->Subtree(static_cast<int32_t>(i));
    i = n.end - 1;
  }
  if (!out->empty()) return;
  for (uint32_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].tag == GUMBO_TAG_BODY && !nodes[i].dropped) out->Subtree(static_cast<int32_t>(i));
}

}  // namespace

Result<HtmlText> ExtractHtml(std::string_view html, const std::string& source_name) {
  Where where{source_name};
  if (TrimAscii(html).empty()) return Status::DataError(where, "empty HTML document");
  if (html.size() > kMaxHtmlBytes)
    return Status::DataError(where, "HTML page is " + std::to_string(html.size()) + " bytes, over the limit of " +
                                        std::to_string(kMaxHtmlBytes));
  if (NestingWork(html) > kMaxNestingWork)
    return Status::DataError(where, "HTML nests too deeply to parse in bounded time");
  GumboTree tree(html);
  if (!tree.root()) return Status::DataError(where, "HTML could not be parsed");

  std::vector<Node> nodes = Flatten(tree.root());
  MarkBoilerplate(nodes);
  MeasureText(nodes);
  Choice choice = ChooseContainer(nodes);
  int32_t headline = FindHeadline(nodes, choice.container);

  Emitter emitter(html, nodes);
  WriteMainText(nodes, choice.container, headline, &emitter);
  if (emitter.empty()) return Status::DataError(where, "no extractable text in HTML page");

  HtmlText out;
  emitter.Finish(&out.text, &out.map);
  uint32_t article_begin = 0, article_end = static_cast<uint32_t>(nodes.size());
  if (choice.container >= 0) {
    article_begin = static_cast<uint32_t>(headline >= 0 ? std::min(headline, choice.container) : choice.container);
    article_end = nodes[choice.container].end;
  }
  Meta meta = ReadMeta(nodes, article_begin, article_end);
  out.title = !meta.og_title.empty() ? meta.og_title
              : headline >= 0        ? PlainText(nodes, static_cast<uint32_t>(headline))
                                     : meta.title_tag;
  out.date = FirstDate(meta);
  out.url = !meta.canonical.empty() ? meta.canonical : meta.og_url;
  return out;
}

}  // namespace dyad::text
