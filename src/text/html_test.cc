// Tests for the HTML reader: main-text selection on hand-written news pages
// (testdata/*.html), metadata, exact offsets for every output byte, and
// robustness on truncated pages and random bytes.
#include "text/html.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace dyad::text {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/src/text/testdata/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ---------------------------------------------------------------------------
// Checks shared by every test.

// The map is well formed: pieces in bounds, clean offsets contiguous and
// covering the text, copied pieces byte-identical to the raw HTML.
void ExpectConsistentMap(const std::string& raw, const HtmlText& h) {
  uint32_t clean = 0;
  for (const OffsetMap::Piece& p : h.map.pieces()) {
    ASSERT_EQ(p.clean_begin, clean) << "pieces not contiguous";
    ASSERT_GT(p.clean_len, 0u);
    ASSERT_LE(uint64_t{p.raw_begin} + p.raw_len, raw.size()) << "piece out of raw bounds";
    if (p.copied) {
      // Through the public API too: a copied range maps byte for byte.
      ASSERT_EQ(p.clean_len, p.raw_len);
      uint32_t rb = h.map.RawBegin(p.clean_begin);
      ASSERT_EQ(h.map.RawEnd(p.clean_begin + p.clean_len), rb + p.clean_len);
      ASSERT_EQ(raw.substr(rb, p.clean_len), h.text.substr(p.clean_begin, p.clean_len));
    }
    clean += p.clean_len;
  }
  ASSERT_EQ(clean, h.text.size());
  ASSERT_EQ(h.map.clean_size(), h.text.size());
}

// Lines are trimmed, never empty, and have no doubled spaces.
void ExpectTidyLines(const std::string& text) {
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) {
    ASSERT_FALSE(line.empty()) << "empty line in:\n" << text;
    EXPECT_NE(line.front(), ' ') << line;
    EXPECT_NE(line.back(), ' ') << line;
    EXPECT_EQ(line.find("  "), std::string::npos) << line;
    EXPECT_EQ(line.find('\t'), std::string::npos) << line;
  }
  EXPECT_TRUE(text.empty() || text.back() != '\n');
}

void AppendUtf8(uint32_t c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// An independent, deliberately small decoder for the raw spans: drops tags,
// decodes the references the fixtures use (legacy names may lack ';').
std::string DecodeRawSpan(std::string_view s) {
  static const std::pair<const char*, uint32_t> kNamed[] = {
      {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
      {"nbsp", 0xA0},     {"copy", 0xA9},     {"deg", 0xB0},      {"not", 0xAC},      {"middot", 0xB7},
      {"raquo", 0xBB},    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
      {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"hellip", 0x2026}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      size_t close = s.find('>', i);
      if (close == std::string_view::npos) break;
      i = close + 1;
      continue;
    }
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '#') {
      size_t k = i + 2;
      bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
      if (hex) ++k;
      size_t start = k;
      while (k < s.size() && std::isxdigit(static_cast<unsigned char>(s[k]))) ++k;
      uint32_t c = static_cast<uint32_t>(std::stoul(std::string(s.substr(start, k - start)), nullptr, hex ? 16 : 10));
      AppendUtf8(c, &out);
      i = (k < s.size() && s[k] == ';') ? k + 1 : k;
      continue;
    }
    bool found = false;
    for (const auto& [name, c] : kNamed) {
      std::string_view n(name);
      if (s.substr(i + 1, n.size()) != n) continue;
      AppendUtf8(c, &out);
      i += 1 + n.size();
      if (i < s.size() && s[i] == ';') ++i;
      found = true;
      break;
    }
    if (!found) out += s[i++];
  }
  return out;
}

// Every word of the output lies in its mapped raw span, verbatim or encoded.
void ExpectWordsMapBack(const std::string& raw, const HtmlText& h) {
  const std::string& t = h.text;
  size_t i = 0;
  while (i < t.size()) {
    if (t[i] == ' ' || t[i] == '\n') {
      ++i;
      continue;
    }
    size_t e = t.find_first_of(" \n", i);
    if (e == std::string::npos) e = t.size();
    std::string word = t.substr(i, e - i);
    uint32_t rb = h.map.RawBegin(static_cast<uint32_t>(i));
    uint32_t re = h.map.RawEnd(static_cast<uint32_t>(e));
    ASSERT_LE(rb, re) << word;
    std::string span = raw.substr(rb, re - rb);
    bool ok = span.find(word) != std::string::npos || DecodeRawSpan(span).find(word) != std::string::npos;
    EXPECT_TRUE(ok) << "word '" << word << "' maps to raw '" << span << "'";
    i = e;
  }
}

void ExpectSound(const std::string& raw, const HtmlText& h) {
  ExpectConsistentMap(raw, h);
  ExpectTidyLines(h.text);
  ExpectWordsMapBack(raw, h);
}

// ---------------------------------------------------------------------------
// Fixture pages.

struct PageCase {
  const char* file;
  std::vector<std::string> in_order;  // each must appear, in this order, each at a line start if prefixed '^'
  std::vector<std::string> absent;
  std::string title;
  std::string date;  // "" for none
  std::string url;
};

const PageCase kPages[] = {
    {"news_article.html",
     {"^Norland and Estavia resume border talks after two-year pause\n",
      "^Negotiators from Norland and Estavia met in the lakeside city of Valmora on Tuesday, resuming talks",
      "six hours & ended with a joint statement promising \u201Ca road map within ninety days.\u201D",
      "as cautious but constructive.",
      "^\u201CWe didn\u2019t solve everything today,\u201D said Estavia\u2019s deputy foreign minister, Ilse Varga.",
      "^Norland\u2019s delegation was led by Interior Minister Tomas Brandt",
      "committees on water rights\n", "^and grazing land before the next round in May.",
      "^Peace on the border is not a favour",
      "^Analysts said the resumption", "^Tensions rose in 2022 after a shooting near the Kessel pass"},
     {"cookies", "Accept all", "Politics", "Advertisement", "Share on", "READ MORE", "morning briefing",
      "Estavia elects", "daily newsletter", "first good news", "Most read", "All rights reserved", "not text",
      "window.dataLayer", "Mara Quill", "Harbor Ledger", "March 12, 2024", "Norland Estavia"},
     "Norland and Estavia resume border talks after two-year pause",
     "2024-03-12",
     "https://ledger.example/world/border-talks-resume"},
    {"legacy_table.html",
     {"^Council votes to expand harbour patrols\n", "^November 2, 2023\n",
      "^The Port Celin town council voted 7-2 on Wednesday night to double the number of harbour patrol boats,",
      "^Mayor Odile Ferrant said the vote sent \"a clear message\" to the national government",
      "costs, estimated at 240,000 crowns a year \u2013 nearly a tenth of the harbour budget.\n",
      "^Fishermen's union leader Piet Arnaud", "\"We need the ministry at the table,\" he said.\n",
      "^The council will review the program after six months."},
     {"Home", "Sport", "Archive", "Sunny", "Coastal Gazette", "Contact"},
     "Council votes to expand harbour patrols - Coastal Gazette",
     "2023-11-02",
     "https://gazette.example/stories/44812"},
    {"blog_divs.html",
     {"^Opposition walks out over emergency powers bill\n", "^Members of the opposition bloc walked out",
      "^The bill would allow the cabinet", "^\u2018A dangerous precedent\u2019\n",
      "^Opposition leader Renata Sol called the measure \u201Ca dangerous precedent\u201D",
      "^Second reading passed 112 to 61\n", "^Third reading scheduled for July 6\n",
      "^The interior ministry said in a statement"},
     {"Notes from the Assembly", "About", "June 2021", "Share this", "Twitter", "thoughts on this post",
      "watched the session live", "Ninety days is far too long", "Powered by", "Posted"},
     "Opposition walks out over emergency powers bill",
     "2021-06-29",
     ""},
    {"broken_markup.html",
     {"^Dockworkers\u2019 strike enters third week\n",
      "^The strike by dockworkers at the port of Arlen entered its third week on Monday, with more than 40 ships "
      "waiting at anchor outside the harbour.\n",
      "talks with the port authority had stalled again over pension terms &amp; overtime pay,",
      "^\u201COur members are ready to stay out as long as it takes,\u201D",
      "AT&T-style contracts \u00ACit; apply here, she added \u2014 a reference to the company's rules.",
      "said <the offer on the table> was final. He declined to comment further.\n",
      "^Ships waiting\n", "^43\n", "^Exporters warned the stoppage"},
     {"Home", "News", "Copyright", "document.write", "</p>"},
     "Dockworkers\u2019 strike enters third week",
     "2022-02-14",
     ""},
    {"modern_wrappers.html",
     {"^Ceasefire holds in Dorran valley as monitors arrive\n", "^A fragile ceasefire between government forces",
      "^The twelve-member team", "^\u201CBoth sides have told us they will respect the line,\u201D the team\u2019s leader",
      "^Years of fighting\n", "^Fighting in the valley has displaced", "^The front\u2019s spokesman said"},
     {"Skip to content", "World Wire", "Video", "Lena Marsh", "Advertisement", "Conflict", "More stories",
      "Drought threatens", "Farmers say rainfall", "opposition says the new boundaries", "__NEXT_DATA__", "props"},
     "Ceasefire holds in Dorran valley as monitors arrive",
     "2025-01-20",
     "https://wire.example/news/dorran-ceasefire-monitors"},
    {"scattered_paragraphs.html",
     {"^The mayors of four river towns signed a pact", "^Under the agreement, each town",
      "^Environmental groups welcomed the pact", "^The first cleanup works are due to begin in the autumn"},
     {},
     "Mayors sign pact on river cleanup",
     "",
     ""},
};

class PageTest : public ::testing::TestWithParam<PageCase> {};

TEST_P(PageTest, ExtractsMainTextAndMetadata) {
  const PageCase& c = GetParam();
  std::string raw = ReadFixture(c.file);
  ASSERT_FALSE(raw.empty()) << c.file;
  auto r = ExtractHtml(raw, c.file);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const HtmlText& h = *r;
  size_t at = 0;
  for (std::string want : c.in_order) {
    bool line_start = !want.empty() && want[0] == '^';
    if (line_start) want.erase(0, 1);
    size_t found = h.text.find(want, at);
    ASSERT_NE(found, std::string::npos) << "missing or out of order: '" << want << "' in:\n" << h.text;
    if (line_start) EXPECT_TRUE(found == 0 || h.text[found - 1] == '\n') << "not at a line start: " << want;
    at = found + 1;
  }
  for (const std::string& bad : c.absent)
    EXPECT_EQ(h.text.find(bad), std::string::npos) << "boilerplate '" << bad << "' leaked into:\n" << h.text;
  EXPECT_EQ(h.title, c.title);
  EXPECT_EQ(h.date ? h.date->ToString() : "", c.date);
  EXPECT_EQ(h.url, c.url);
  ExpectSound(raw, h);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, PageTest, ::testing::ValuesIn(kPages),
                         [](const auto& info) {
                           std::string n = info.param.file;
                           return n.substr(0, n.find('.'));
                         });

// ---------------------------------------------------------------------------
// Offsets of small snippets: which raw bytes each output piece stands for.

struct SpanCase {
  const char* name;
  std::string html;
  std::string text;        // whole expected output
  std::string needle;      // a part of the output...
  std::string raw;         // ...and the raw bytes it must map to exactly
  bool copied;             // whether that part is a single copied piece
};

const SpanCase kSpans[] = {
    {"amp", "<p>Tom &amp; Jerry</p>", "Tom & Jerry", "&", "&amp;", false},
    {"numeric", "<p>don&#8217;t</p>", "don\u2019t", "\u2019", "&#8217;", false},
    {"hex", "<p>&#x201C;hi&#x201D;</p>", "\u201Chi\u201D", "\u201C", "&#x201C;", false},
    {"nbsp_is_space", "<p>Ilse&nbsp;Varga</p>", "Ilse Varga", " ", "&nbsp;", false},
    {"plain_space_copied", "<p>two words</p>", "two words", "two words", "two words", true},
    {"collapsed_space", "<p>two \n\t  words</p>", "two words", " ", " \n\t  ", false},
    {"space_across_tags", "<p>two <b> words</b></p>", "two words", " ", " <b> ", false},
    {"literal_ampersand", "<p>AT&T and R&D</p>", "AT&T and R&D", "AT&T and R&D", "AT&T and R&D", true},
    {"double_encoded", "<p>&amp;amp;</p>", "&amp;", "&", "&amp;", false},
    {"legacy_no_semicolon", "<p>&copy 2024</p>", "\u00A9 2024", "\u00A9", "&copy", false},
    {"br_breaks_line", "<p>one<br>two</p>", "one\ntwo", "two", "two", true},
    {"inline_no_break", "<p>a <em>b <strong>c</strong></em> d</p>", "a b c d", "c", "c", true},
    {"blocks", "<div><p>first</p>\n<p>second</p></div>", "first\nsecond", "second", "second", true},
    {"stray_end_tag", "<p>left</x>right</p>", "leftright", "right", "right", true},
    {"crlf", "<p>one\r\ntwo</p>", "one two", " ", "\r\n", false},
    {"invalid_utf8", "<p>a\xFF b</p>", "a\xEF\xBF\xBD b", "\xEF\xBF\xBD", "\xFF", false},
    {"nul_byte", std::string("<p>a\0b c</p>", 12), "ab c", "b c", "b c", true},
    {"cdata_like_comment", "<p>x<!-- hidden -->y</p>", "xy", "y", "y", true},
    {"utf8_copied", "<p>Bogot\xC3\xA1 \xE2\x80\x94 Caf\xC3\xA9</p>", "Bogot\xC3\xA1 \xE2\x80\x94 Caf\xC3\xA9",
     "Bogot\xC3\xA1", "Bogot\xC3\xA1", true},
};

class SpanTest : public ::testing::TestWithParam<SpanCase> {};

TEST_P(SpanTest, MapsToRawBytes) {
  const SpanCase& c = GetParam();
  auto r = ExtractHtml(c.html, c.name);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const HtmlText& h = *r;
  EXPECT_EQ(h.text, c.text);
  size_t at = h.text.find(c.needle);
  ASSERT_NE(at, std::string::npos);
  uint32_t b = h.map.RawBegin(static_cast<uint32_t>(at));
  uint32_t e = h.map.RawEnd(static_cast<uint32_t>(at + c.needle.size()));
  EXPECT_EQ(c.html.substr(b, e - b), c.raw);
  bool copied = false;
  for (const OffsetMap::Piece& p : h.map.pieces())
    if (p.clean_begin <= at && at + c.needle.size() <= p.clean_begin + p.clean_len) copied = p.copied;
  EXPECT_EQ(copied, c.copied);
  ExpectConsistentMap(c.html, h);
  ExpectTidyLines(h.text);
}

INSTANTIATE_TEST_SUITE_P(Snippets, SpanTest, ::testing::ValuesIn(kSpans),
                         [](const auto& info) { return std::string(info.param.name); });

// ---------------------------------------------------------------------------
// Selection details.

TEST(Html, HeadlineBeforeContainerComesFirst) {
  std::string html =
      "<body><h1>Leaders meet in Arlen</h1><div class='x'><a href=/>Home</a></div>"
      "<div><p>The leaders of three neighbouring states met in Arlen on Monday to discuss trade.</p>"
      "<p>They agreed to meet again before the end of the year in the capital of the third state.</p></div>"
      "</body>";
  auto r = ExtractHtml(html, "t");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text.substr(0, r->text.find('\n')), "Leaders meet in Arlen");
  EXPECT_EQ(r->text.find("Home"), std::string::npos);
  EXPECT_EQ(r->title, "Leaders meet in Arlen");
}

TEST(Html, TitleFallsBackToTitleTag) {
  auto r = ExtractHtml("<title> The  page </title><p>Some paragraph text that is long enough to count.</p>", "t");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "The page");
  EXPECT_FALSE(r->date.has_value());
  EXPECT_EQ(r->url, "");
}

TEST(Html, DatesInPriorityOrder) {
  struct Case {
    std::string head;
    std::string want;
  } cases[] = {
      {"<meta property='article:published_time' content='2020-01-02T03:04:05Z'>"
       "<script type='application/ld+json'>{\"datePublished\":\"2019-05-05\"}</script>",
       "2020-01-02"},
      {"<script type='application/ld+json'>[{\"@type\":\"NewsArticle\",\"datePublished\":\"2019-05-05\"}]</script>"
       "<meta name='date' content='2018-01-01'>",
       "2019-05-05"},
      {"<script type='application/ld+json'>{\"datePublished\": \"2017-07-07\", }</script>", "2017-07-07"},
      {"<meta name='pubdate' content='not a date'><meta name='date' content='2016-02-29'>", "2016-02-29"},
      {"<meta name='date' content='2015-13-01'>", ""},
  };
  for (const Case& c : cases) {
    auto r = ExtractHtml("<html><head>" + c.head + "</head><body><p>Body text of the article.</p></body></html>", "t");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->date ? r->date->ToString() : "", c.want) << c.head;
  }
}

TEST(Html, TimeInTheArticleBeatsTimeInTheSiteHeader) {
  std::string para = "<p>The committee published its findings on the collapse of the bridge on Thursday.</p>";
  std::string html = "<header class='site-header'><time datetime='2030-01-01'>Today</time></header>"
                     "<article><h1>Bridge report</h1><time datetime='2029-05-06T10:00'>May 6</time>" +
                     para + para + "</article>";
  auto r = ExtractHtml(html, "t");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->date ? r->date->ToString() : "", "2029-05-06");
  // Without one in the article, the page's other <time> is the last resort.
  html = "<header class='site-header'><time datetime='2030-01-01'>Today</time></header><article>" + para + para +
         "</article>";
  r = ExtractHtml(html, "t");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->date ? r->date->ToString() : "", "2030-01-01");
}

TEST(Html, DatesFromMicrodataAndTime) {
  struct Case {
    std::string head;
    std::string want;
  } cases[] = {
      {"<span itemprop='datePublished' content='2014-04-04'>April 4</span>", "2014-04-04"},
      {"<time itemprop='datePublished' datetime='2013-03-03T00:00'>March 3</time>", "2013-03-03"},
      {"<span itemprop='datePublished'>2012-02-02</span>", "2012-02-02"},
  };
  for (const Case& c : cases) {
    auto r = ExtractHtml("<html><head>" + c.head + "</head><body><p>Body text of the article.</p></body></html>", "t");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->date ? r->date->ToString() : "", c.want) << c.head;
  }
}

TEST(Html, ArticleWrapperWithBoilerplateClassIsKept) {
  // A page-wide wrapper whose class looks like boilerplate must not hide the article.
  std::string p = "<p>" + std::string(120, 'x') + " words of the article body that matter.</p>";
  std::string html = "<body><form id='aspnetForm'><div class='page has-sidebar'><article>" + p + p + p +
                     "</article></div></form></body>";
  auto r = ExtractHtml(html, "t");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->text.find("words of the article body"), std::string::npos);
}

TEST(Html, ErrorsNameTheSource) {
  const std::string inputs[] = {"", "   \n\t ", "<html><head><title>x</title></head><body></body></html>",
                                "<nav><a href=/>Home</a></nav><script>var a = 1;</script>", "<!-- only a comment -->"};
  for (const std::string& in : inputs) {
    auto r = ExtractHtml(in, "pages/empty.html");
    ASSERT_FALSE(r.ok()) << in;
    EXPECT_EQ(r.status().code(), Status::Code::kDataError);
    EXPECT_NE(r.status().message().find("pages/empty.html"), std::string::npos) << r.status().message();
  }
}

// ---------------------------------------------------------------------------
// Robustness.

// Either an error, or OK with a sound map.
void ExpectOkOrDataError(const std::string& html, const std::string& what) {
  auto r = ExtractHtml(html, what);
  if (!r.ok()) {
    EXPECT_EQ(r.status().code(), Status::Code::kDataError) << what;
    return;
  }
  ExpectConsistentMap(html, *r);
  ExpectTidyLines(r->text);
  ASSERT_FALSE(testing::Test::HasFatalFailure()) << what;
}

TEST(HtmlFuzz, TruncatedFixtures) {
  for (const char* file : {"news_article.html", "legacy_table.html", "blog_divs.html", "broken_markup.html",
                           "modern_wrappers.html", "scattered_paragraphs.html"}) {
    std::string raw = ReadFixture(file);
    for (size_t n = 0; n <= raw.size(); n += 37) ExpectOkOrDataError(raw.substr(0, n), file);
    for (size_t n = 0; n <= raw.size(); n += 53) ExpectOkOrDataError(raw.substr(n), file);
  }
}

TEST(HtmlFuzz, RandomBytes) {
  std::mt19937 rng(20240312);
  for (int round = 0; round < 300; ++round) {
    std::string s(rng() % 2000, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xFF);
    ExpectOkOrDataError(s, "random bytes");
  }
}

TEST(HtmlFuzz, TagSoup) {
  static const std::string kPieces[] = {
      "<p>", "</p>", "<div class='story-body'>", "<div class=share>", "</div>", "<b>", "</b>", "<i>", "</i>",
      "<a href=x>", "</a>", "<br>", "<table>", "<td>", "<tr>", "</table>", "<h1>", "</h1>", "<ul><li>", "<script>",
      "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<svg>", "<math>", "</x>", "<nav>", "<template>",
      "&amp;", "&amp", "&#8217;", "&#x;", "&#99999999;", "&#0;", "&notit;", "&", "&;", "&nbsp;", "&copy",
      " ", "\n", "\r\n", "\r", "\t", std::string("\0", 1), "\xFF", "\xC3", "\xE2\x80", "\xC2\xA0",
      "words ", "The minister said ", "\xE2\x80\x9Cquoted\xE2\x80\x9D", "<pre>\n", "</pre>", "<textarea>",
      "<noscript>", "<select><option>", "<p class=x", "='", "\"", "<"};
  std::mt19937 rng(77);
  const size_t n = sizeof(kPieces) / sizeof(kPieces[0]);
  for (int round = 0; round < 400; ++round) {
    std::string s;
    int len = static_cast<int>(rng() % 200);
    for (int k = 0; k < len; ++k) {
      s += kPieces[rng() % n];
    }
    ExpectOkOrDataError(s, "tag soup");
  }
}

TEST(HtmlFuzz, DeepNestingIsBounded) {
  auto start = std::chrono::steady_clock::now();
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  deep += "<p>Text at the bottom of a very deep tree.</p>";
  ExpectOkOrDataError(deep, "deep divs");
  std::string formatting;
  for (int i = 0; i < 100000; ++i) formatting += "<b><i>";
  formatting += "bold words";
  ExpectOkOrDataError(formatting, "deep formatting");
  // Moderately deep pages still work.
  std::string moderate;
  for (int i = 0; i < 2000; ++i) moderate += "<div>";
  moderate += "<p>Text at the bottom of a moderately deep tree.</p>";
  auto r = ExtractHtml(moderate, "moderate");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "Text at the bottom of a moderately deep tree.");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 20.0);
}

TEST(HtmlFuzz, LargePage) {
  std::string html = "<html><body><article>";
  for (int i = 0; i < 20000; ++i)
    html += "<p>Paragraph " + std::to_string(i) + " of a long report on the negotiations &amp; their outcome.</p>\n";
  html += "</article></body></html>";
  auto r = ExtractHtml(html, "large");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(std::count(r->text.begin(), r->text.end(), '\n'), 19999);
  ExpectConsistentMap(html, *r);
}

}  // namespace
}  // namespace dyad::text
