// The text stage: cleaning, tokenization, sentence segmentation and quotation
// spans. Fills Document::clean, map, drops, repairs, quotations and sentences
// (tokens with their raw spans; syntax fields left empty).
#ifndef DYAD_TEXT_TEXT_STAGE_H_
#define DYAD_TEXT_TEXT_STAGE_H_

#include <string>

#include "base/strings.h"
#include "dyad/document.h"
#include "dyad/status.h"
#include "text/clean.h"
#include "text/tokenize.h"

namespace dyad::text {

struct TextResources {
  CleanResources clean;
  Abbreviations abbreviations;
  ViewSet openers;  // lower-case sentence openers

  // Loads data/text/* from `data_dir` and the system word list (when present).
  static Result<TextResources> Load(const std::string& data_dir);
};

Status ProcessText(Document* doc, const TextResources& res);

}  // namespace dyad::text

#endif  // DYAD_TEXT_TEXT_STAGE_H_
