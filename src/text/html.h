// The HTML reader: extracts a news page's main text, with byte offsets back to
// the raw HTML.
//
// Contract:
//  - `text` holds the article's main text, one block (paragraph, heading,
//    list item, blockquote, table cell, or a line ended by <br>) per line,
//    joined by '\n', with no leading or trailing blank lines. Inside a block,
//    every run of white space (incl. newlines, tabs, no-break spaces) is one
//    ' ', and blocks are trimmed.
//  - `map` maps every byte of `text` to the raw HTML. Text that stands in the
//    raw bytes verbatim is a copied piece (raw.substr(RawBegin(b), n) equals
//    text.substr(b, n)); a character reference (&amp; &#8217; &nbsp;) is a
//    replaced piece covering exactly the reference's raw bytes; a collapsed
//    space is a replaced piece covering the white space it stands for; the
//    '\n' between blocks is an inserted piece. Anything the HTML parser changed
//    in ways we cannot pin down (invalid UTF-8, NUL bytes, stray tags inside a
//    text run) becomes a replaced piece covering the raw bytes it came from.
//  - Main-text selection: boilerplate (scripts, navigation, headers, footers,
//    asides, forms, figures, share/related/newsletter/cookie/ad widgets...) is
//    dropped; the container whose own paragraphs hold the most non-link text
//    is kept, its blocks in document order, link lists inside it dropped;
//    the page's headline (<h1>) comes first when it precedes the container.
//    When no container stands out, every paragraph of the page is kept.
//  - Metadata: `title` is og:title, else the headline, else <title>; `date` is
//    the first parseable of article:published_time, JSON-LD or microdata
//    datePublished, <time datetime>, other date meta tags; `url` is the
//    canonical link, else og:url. Missing metadata stays empty.
//  - Errors: an empty page, a page too large or too deeply nested to parse in
//    bounded time, or a page with no extractable text is a DataError naming
//    `source_name`. Malformed HTML and binary garbage never crash.
#ifndef DYAD_TEXT_HTML_H_
#define DYAD_TEXT_HTML_H_

#include <optional>
#include <string>
#include <string_view>

#include "dyad/document.h"
#include "dyad/offset_map.h"
#include "dyad/status.h"

namespace dyad::text {

struct HtmlText {
  std::string text;          // main text, one block per line
  OffsetMap map;             // text offsets -> offsets in the raw HTML bytes
  std::string title;         // og:title, else the headline <h1>, else <title>
  std::optional<Date> date;  // publication date, when the page states one
  std::string url;           // canonical link, else og:url
};

// Largest page ExtractHtml accepts: gumbo's tree costs 10x to 100x the page
// in memory (real news pages are well under 5 MiB).
inline constexpr size_t kMaxHtmlBytes = 32u << 20;

Result<HtmlText> ExtractHtml(std::string_view html, const std::string& source_name);

}  // namespace dyad::text

#endif  // DYAD_TEXT_HTML_H_
