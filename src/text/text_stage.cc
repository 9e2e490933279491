#include "text/text_stage.h"

#include <algorithm>
#include <filesystem>

#include "base/strings.h"
#include "text/segment.h"
#include "text/truecase.h"
#include "text/utf8.h"

namespace dyad::text {
namespace {

// System word lists, largest first; the first one present is used.
constexpr const char* kSystemWordLists[] = {"/usr/share/dict/american-english-large",
                                            "/usr/share/dict/american-english", "/usr/share/dict/words"};

Status LoadWordSet(const std::string& path, ViewSet* out) {
  std::string content;
  if (!ReadWholeFile(path, &content)) return Status::NotFound(path + ": cannot open");
  for (std::string_view line : SplitLines(content)) {
    line = Trim(line);
    if (!line.empty() && line[0] != '#') out->insert(std::string(line));
  }
  return Status::Ok();
}

Status LoadCamelCase(const std::string& path, GlueResources* glue) {
  ViewSet words;
  DYAD_RETURN_IF_ERROR(LoadWordSet(path, &words));
  for (const auto& w : words) {
    if (w.back() == '*') glue->name_prefixes.push_back(w.substr(0, w.size() - 1));
    else glue->camel_words.insert(w);
  }
  return Status::Ok();
}

}  // namespace

Result<TextResources> TextResources::Load(const std::string& data_dir) {
  TextResources res;
  auto rules = BoilerplateRules::Load(data_dir + "/text/boilerplate.tsv");
  if (!rules.ok()) return rules.status();
  res.clean.boilerplate = std::move(*rules);
  auto abbrevs = Abbreviations::Load(data_dir + "/text/abbreviations.tsv");
  if (!abbrevs.ok()) return abbrevs.status();
  res.abbreviations = std::move(*abbrevs);
  GlueResources& glue = res.clean.glue;
  DYAD_RETURN_IF_ERROR(LoadWordSet(data_dir + "/text/function_words.txt", &glue.function_words));
  glue.longest_function_word = 0;
  for (const std::string& w : glue.function_words) glue.longest_function_word = std::max(glue.longest_function_word, w.size());
  DYAD_RETURN_IF_ERROR(LoadCamelCase(data_dir + "/text/camelcase.txt", &glue));
  DYAD_RETURN_IF_ERROR(LoadWordSet(data_dir + "/text/dangling_words.txt", &res.clean.dangling_words));
  for (const char* list : kSystemWordLists) {
    if (std::filesystem::exists(list)) {
      DYAD_RETURN_IF_ERROR(glue.words.AddFile(list));
      break;
    }
  }
  if (std::string extra = data_dir + "/text/words.txt"; std::filesystem::exists(extra)) {
    DYAD_RETURN_IF_ERROR(glue.words.AddFile(extra));
  }
  res.openers = glue.function_words;
  return res;
}

namespace {

// Quoted passages: a curly or straight quote opens, its partner closes; a
// quote left open at the end of a paragraph goes on when the next paragraph
// opens with a quote (the newspaper convention for long quotations).
void FindQuotations(Document* doc) {
  doc->quotations.clear();
  bool open = false;
  uint32_t open_at = 0;
  int open_paragraph = -1;
  for (size_t s = 0; s < doc->sentences.size(); ++s) {
    Sentence& sent = doc->sentences[s];
    if (open && sent.paragraph != open_paragraph) {
      bool continues = !sent.tokens.empty() && IsOpeningQuote(sent.tokens.front().form) &&
                       (s == 0 || doc->sentences[s - 1].paragraph == sent.paragraph - 1);
      if (!continues) {
        doc->quotations.push_back({open_at, doc->sentences[s - 1].raw.end});
        open = false;
      }
      open_paragraph = sent.paragraph;
      if (continues) continue;  // its opening quote is the continuation mark
    }
    for (const Token& t : sent.tokens) {
      const std::string& f = t.form;
      bool opener = f == "\u201C" || f == "\u00AB" || (f == "\"" && !open);
      bool closer = f == "\u201D" || f == "\u00BB" || (f == "\"" && open);
      if (!open && opener) {
        open = true;
        open_at = t.raw.begin;
        open_paragraph = sent.paragraph;
      } else if (open && closer) {
        doc->quotations.push_back({open_at, t.raw.end});
        open = false;
      }
    }
  }
  if (open && !doc->sentences.empty()) doc->quotations.push_back({open_at, doc->sentences.back().raw.end});
  // Each sentence points at the quotation it overlaps.
  size_t q = 0;
  for (Sentence& sent : doc->sentences) {
    while (q < doc->quotations.size() && doc->quotations[q].end <= sent.raw.begin) ++q;
    sent.quotation = q < doc->quotations.size() && doc->quotations[q].begin < sent.raw.end ? static_cast<int>(q) : -1;
  }
}

bool EndsLikeSentence(const std::vector<Token>& tokens) {
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
    if (IsClosingPunct(it->form)) continue;
    return IsSentenceFinal(it->form) || it->form == ":" || (it->form.size() > 1 && it->form.back() == '.');
  }
  return false;
}

void SegmentParagraph(Document* doc, const Paragraph& para, int index, const TextResources& res) {
  std::string_view text = std::string_view(doc->clean).substr(para.begin, para.end - para.begin);
  std::vector<TokenSpan> spans = Tokenize(text, res.abbreviations);
  std::vector<std::string_view> forms;
  forms.reserve(spans.size());
  std::vector<bool> attached;
  attached.reserve(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    forms.push_back(text.substr(spans[i].begin, spans[i].size()));
    attached.push_back(i > 0 && spans[i].begin == spans[i - 1].end);
  }
  std::vector<SentenceRange> ranges = SegmentSentences(forms, attached, res.abbreviations, res.openers);
  // Sentences and tokens built in place, the token vector reserved: moving
  // tokens (a handful of strings each) cost a memcpy per string.
  for (const SentenceRange& r : ranges) {
    Sentence& sent = doc->sentences.emplace_back();
    sent.paragraph = index;
    sent.tokens.reserve(r.last - r.first);
    for (size_t i = r.first; i < r.last; ++i) {
      Token& t = sent.tokens.emplace_back();
      t.form.assign(forms[i]);
      uint32_t b = para.begin + spans[i].begin, e = para.begin + spans[i].end;
      t.raw = {doc->map.RawBegin(b), doc->map.RawEnd(e)};
      if (t.raw.end < t.raw.begin) t.raw.end = t.raw.begin;
      t.space_after = i + 1 < spans.size() ? spans[i + 1].begin > spans[i].end : true;
    }
    uint32_t cb = para.begin + spans[r.first].begin, ce = para.begin + spans[r.last - 1].end;
    sent.text = doc->clean.substr(cb, ce - cb);
    sent.raw = {sent.tokens.front().raw.begin, sent.tokens.back().raw.end};
  }
  if (ranges.size() == 1 && !doc->sentences.empty()) {
    doc->sentences.back().heading = !EndsLikeSentence(doc->sentences.back().tokens);
  }
}

}  // namespace

Status ProcessText(Document* doc, const TextResources& res) {
  std::vector<Paragraph> paragraphs = CleanDocument(doc, res.clean);
  doc->sentences.clear();
  for (size_t p = 0; p < paragraphs.size(); ++p) SegmentParagraph(doc, paragraphs[p], static_cast<int>(p), res);
  for (Sentence& s : doc->sentences) NormalizeCase(&s, res.clean.glue.words);
  FindQuotations(doc);
  if (doc->sentences.empty()) {
    return Status::DataError(Where{doc->source.empty() ? doc->id : doc->source},
                             "no text left after cleaning (" + std::to_string(doc->drops.size()) + " lines dropped)");
  }
  return Status::Ok();
}

}  // namespace dyad::text
