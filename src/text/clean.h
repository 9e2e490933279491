// Cleaning: from the raw input (or the text an HTML reader extracted) to the
// cleaned text that tokenization reads, with an offset map back to raw.
//
// Lines are kept or dropped whole: boilerplate rules (data), lines with no
// letters, dangling fragments ("According to the criteria of"), repeated lines
// and pull-quotes that repeat a passage of the article. Kept lines are trimmed,
// put in Unicode NFC, and glued words are split; each kept line becomes one
// paragraph of the cleaned text, paragraphs separated by "\n".
#ifndef DYAD_TEXT_CLEAN_H_
#define DYAD_TEXT_CLEAN_H_

#include <unordered_set>
#include <vector>

#include "dyad/document.h"
#include "text/boilerplate.h"
#include "text/glue.h"

namespace dyad::text {

struct CleanResources {
  BoilerplateRules boilerplate;
  GlueResources glue;
  ViewSet dangling_words;  // a short line ending in one of these stops mid-phrase
};

// A paragraph of the cleaned text: [begin, end) in Document::clean.
struct Paragraph {
  uint32_t begin;
  uint32_t end;
};

// Fills doc->clean, doc->map, doc->drops and doc->repairs from doc->raw (or,
// when the reader left one, from the extracted text in doc->clean/doc->map).
std::vector<Paragraph> CleanDocument(Document* doc, const CleanResources& res);

}  // namespace dyad::text

#endif  // DYAD_TEXT_CLEAN_H_
