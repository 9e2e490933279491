// Word clusters for the parser (experiment): classes of lowercased words
// learned from running text by the exchange algorithm (Kneser & Ney 1993,
// Martin et al. 1998), which maximizes the likelihood of a class bigram
// model, as Brown clusters do, but with a flat set of classes.
#ifndef DYAD_SYNTAX_CLUSTERS_H_
#define DYAD_SYNTAX_CLUSTERS_H_

#include <cstdint>
#include <ostream>
#include <unordered_map>
#include <vector>

namespace dyad::syntax {

// Sentences as sequences of word keys (WordInfo::lower). Words seen fewer
// than min_count times get no class. Returns word key -> class (0..k-1).
std::unordered_map<uint64_t, uint32_t> LearnClusters(const std::vector<std::vector<uint64_t>>& sentences, int k,
                                                     int min_count, int iterations, std::ostream* log);

// The process-wide cluster table MakeParserInput reads (empty: no cluster
// features). Experiment only: set before training and parsing.
void SetParserClusters(std::unordered_map<uint64_t, uint32_t> clusters);
const std::unordered_map<uint64_t, uint32_t>& ParserClusters();

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_CLUSTERS_H_
