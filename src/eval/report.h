// Printing evaluation reports: a text table for people, JSON for programs.
// Both carry the same numbers; `listing` adds the misses and false alarms
// (for sentence sets, the sentences that disagree).
#ifndef DYAD_EVAL_REPORT_H_
#define DYAD_EVAL_REPORT_H_

#include <nlohmann/json.hpp>

#include <string>

#include "eval/score.h"
#include "eval/sentence_gold.h"

namespace dyad::eval {

std::string FormatText(const EvalReport& report, bool listing);
nlohmann::ordered_json ToJson(const EvalReport& report, bool listing);

std::string FormatText(const SentenceReport& report, bool listing);
nlohmann::ordered_json ToJson(const SentenceReport& report, bool listing);

}  // namespace dyad::eval

#endif  // DYAD_EVAL_REPORT_H_
