// Running dyad's own pipeline over a gold set, so that `dyad eval --gold FILE`
// can score the coder without a --system file.
//
// Contract: for a dyad gold file (../shared/gold/FORMAT.md) each gold
// document is processed from its text file's bytes with the gold's date and
// id; for a sentence set (PETR2_GSR_validation, PLOVER_GSR_CAMEO) each
// sentence is one document whose id is the sentence id and whose date is the
// record's, if any. The documents' events, quotes and mentions become system
// records (doc = that id; spans are raw byte offsets in the processed text).
// A document the pipeline rejects (e.g. nothing usable left) produces no
// records and one line in *warnings; reading or parsing the gold file fails
// with its Status. Nothing is written anywhere.
#ifndef DYAD_EVAL_RUN_PIPELINE_H_
#define DYAD_EVAL_RUN_PIPELINE_H_

#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/pipeline.h"
#include "dyad/status.h"
#include "eval/records.h"
#include "eval/sentence_gold.h"

namespace dyad::eval {

// Appends the events, quotes and mentions of a processed document to *out,
// under the document's id.
void AppendDocumentRecords(const Document& doc, SystemRecords* out);

Result<SystemRecords> RunPipelineOnGold(const Pipeline& pipeline, const std::string& gold_path, GoldFormat format,
                                        std::vector<std::string>* warnings);

}  // namespace dyad::eval

#endif  // DYAD_EVAL_RUN_PIPELINE_H_
