// syntax_train_parser: a parser-only training driver for experiments (beam
// width, epochs, pruning) that `dyad train` does not expose. The jackknifed
// training tags are the slow, unchanging part of a parser run, so they are
// computed once and cached in a CoNLL-U file: by two-pass taggers, or with
// --tagger-passes 1 by one-pass taggers, as the committed parser's were
// (docs/syntax.md).
//
//   syntax_train_parser --train TRAIN --dev DEV --tags-cache FILE --out FILE.parser
//                       [--tagger MODELS/en_ewt.tagger] [--beam K] [--epochs N] [--prune Q]
//                       [--seed N] [--jackknife K] [--tagger-epochs N] [--tagger-prune Q] [--tagger-passes 1|2]
//                       [--drop GROUP,GROUP...] [--clusters K [--cluster-min N] [--cluster-iters N]]
//
// --drop trains a leaner parser without the named template groups
// (ParseTemplateGroups in parser.h; stored in the model, format version 4).
//
// --clusters K (experiment) learns K word clusters from the training text
// (clusters.h) and adds cluster features; such a parser is scored on DEV
// during training but not written (the model file cannot hold the clusters).
//
// The dev file is tagged with --tagger and scored during training (stderr).
//
//   syntax_train_parser --model FILE.parser --dev DEV [--tagger ...] [--widths 1,2,4,8]
//
// scores an existing parser on DEV (predicted tags) at each beam width, with
// the parse-only speed of one pass, and prints the greedy parser's feature
// lookups per scored state and per labelled arc (ParseCounts).
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "syntax/binary_io.h"
#include "syntax/clusters.h"
#include "syntax/word_features.h"
#include "syntax/conllu.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "syntax/train.h"

using namespace dyad::syntax;

namespace {

// DEV with the tagger's tags and the gold trees.
dyad::Result<std::vector<ConlluSentence>> TaggedDev(const std::string& dev_path, const std::string& tagger_path) {
  auto gold = ReadConlluFile(dev_path);
  if (!gold.ok()) return gold.status();
  auto tagger = Tagger::Load(tagger_path);
  if (!tagger.ok()) return tagger.status();
  std::vector<ConlluSentence> dev = *gold;
  RetagAll(*tagger, &dev);
  for (size_t i = 0; i < dev.size(); ++i) {
    for (size_t k = 0; k < dev[i].sentence.tokens.size(); ++k) {
      dev[i].sentence.tokens[k].head = (*gold)[i].sentence.tokens[k].head;
      dev[i].sentence.tokens[k].deprel = (*gold)[i].sentence.tokens[k].deprel;
    }
  }
  return dev;
}

int EvalWidths(std::map<std::string, std::string>& o) {
  auto parser = Parser::Load(o["model"]);
  auto dev = TaggedDev(o["dev"], o["tagger"]);
  if (!parser.ok() || !dev.ok()) {
    std::cerr << (parser.ok() ? dev.status() : parser.status()).ToString() << "\n";
    return 1;
  }
  std::vector<ParserInput> inputs;
  for (const auto& cs : *dev) inputs.push_back(MakeParserInput(cs.sentence));
  std::string widths = o["widths"].empty() ? "1,2,4,8" : o["widths"];
  for (size_t pos = 0; pos < widths.size();) {
    size_t comma = widths.find(',', pos);
    if (comma == std::string::npos) comma = widths.size();
    const int width = std::atoi(widths.substr(pos, comma - pos).c_str());
    pos = comma + 1;
    parser->set_beam_width(width);
    size_t uas = 0, las = 0, words = 0;
    std::vector<int> heads, labels;
    // CPU time of this process: the machine is shared, wall time is not ours.
    const std::clock_t start = std::clock();
    for (size_t i = 0; i < inputs.size(); ++i) {
      parser->Parse(inputs[i], &heads, &labels);
      const auto& tokens = (*dev)[i].sentence.tokens;
      for (size_t k = 0; k < tokens.size(); ++k) {
        uas += heads[k] == tokens[k].head;
        las += heads[k] == tokens[k].head && parser->labels()[labels[k]] == tokens[k].deprel;
        ++words;
      }
    }
    const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    std::cout << "width " << width << ": UAS " << 100.0 * uas / words << " LAS " << 100.0 * las / words << ", parse only "
              << static_cast<long>(inputs.size() / seconds) << " sentences/s\n";
  }
  // Counted apart from the timed passes.
  parser->set_beam_width(1);
  ParseCounts counts;
  std::vector<int> heads, labels;
  for (const ParserInput& in : inputs) parser->Parse(in, &heads, &labels, &counts);
  auto per = [](uint64_t a, uint64_t b) { return static_cast<double>(a) / static_cast<double>(std::max<uint64_t>(1, b)); };
  std::cout << "dropped template groups: " << (parser->drop_groups() ? TemplateGroupNames(parser->drop_groups()) : "none") << "\n"
            << "greedy: " << counts.states << " states, " << counts.scored_states << " scored, transition lookups "
            << counts.transition_lookups << " (" << per(counts.transition_lookups, counts.scored_states) << " per scored state, "
            << per(counts.transition_lookups, counts.states) << " per state); " << counts.arcs << " labelled arcs, label lookups "
            << counts.label_lookups << " (" << per(counts.label_lookups, counts.arcs) << " per arc)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> o = {{"beam", "1"},         {"epochs", "12"},        {"prune", "32"},
                                          {"seed", "1"},         {"jackknife", "5"},      {"tagger-epochs", "10"},
                                          {"tagger-prune", "4"}, {"tagger-passes", "2"}, {"tagger", "models/en_ewt.tagger"},
                                          {"clusters", "0"},     {"cluster-min", "3"},    {"cluster-iters", "10"}};
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k.rfind("--", 0) != 0) {
      std::cerr << "syntax_train_parser: unexpected argument " << k << "\n";
      return 2;
    }
    o[k.substr(2)] = argv[i + 1];
  }
  if (!o["model"].empty()) return EvalWidths(o);
  for (const char* required : {"train", "out", "tags-cache"}) {
    if (o[required].empty()) {
      std::cerr << "syntax_train_parser: --" << required << " is required\n";
      return 2;
    }
  }
  auto num = [&](const char* k) { return std::atol(o[k].c_str()); };
  if (num("tagger-passes") != 1 && num("tagger-passes") != 2) {
    std::cerr << "syntax_train_parser: --tagger-passes must be 1 or 2\n";
    return 2;
  }

  std::vector<ConlluSentence> train;
  if (std::filesystem::exists(o["tags-cache"])) {
    auto cached = ReadConlluFile(o["tags-cache"]);
    if (!cached.ok()) {
      std::cerr << cached.status().ToString() << "\n";
      return 1;
    }
    train = std::move(cached).value();
  } else {
    auto gold = ReadConlluFile(o["train"]);
    if (!gold.ok()) {
      std::cerr << gold.status().ToString() << "\n";
      return 1;
    }
    TaggerOptions topt;
    topt.epochs = static_cast<int>(num("tagger-epochs"));
    topt.seed = static_cast<uint64_t>(num("seed"));
    topt.min_quanta = static_cast<int>(num("tagger-prune"));
    topt.passes = static_cast<int>(num("tagger-passes"));
    train = JackknifeTags(*gold, static_cast<int>(num("jackknife")), topt, &std::cerr);
    std::string text;
    for (const auto& cs : train) text += FormatConllu(cs);
    if (auto s = WriteFileBytes(o["tags-cache"], text); !s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
  }

  std::vector<ConlluSentence> dev;
  if (!o["dev"].empty()) {
    auto tagged = TaggedDev(o["dev"], o["tagger"]);
    if (!tagged.ok()) {
      std::cerr << tagged.status().ToString() << "\n";
      return 1;
    }
    dev = std::move(tagged).value();
  }

  if (num("clusters") > 0) {  // experiment: word clusters from the training text
    std::vector<std::vector<uint64_t>> text;
    for (const auto& cs : train) {
      text.emplace_back();
      for (const auto& t : cs.sentence.tokens) text.back().push_back(ComputeWordInfo(t.form).lower);
    }
    SetParserClusters(LearnClusters(text, static_cast<int>(num("clusters")), static_cast<int>(num("cluster-min")),
                                    static_cast<int>(num("cluster-iters")), &std::cerr));
  }

  ParserOptions popt;
  popt.beam = static_cast<int>(num("beam"));
  popt.epochs = static_cast<int>(num("epochs"));
  popt.seed = static_cast<uint64_t>(num("seed"));
  popt.min_quanta = static_cast<int>(num("prune"));
  auto drop = ParseTemplateGroups(o["drop"]);
  if (!drop.ok()) {
    std::cerr << drop.status().ToString() << "\n";
    return 2;
  }
  popt.drop_groups = *drop;
  Parser parser = Parser::Train(train, dev.empty() ? nullptr : &dev, popt, &std::cerr);
  if (num("clusters") > 0) {
    std::cerr << "not writing " << o["out"] << ": the model file cannot hold word clusters yet (experiment)\n";
    return 0;
  }
  std::string bytes = parser.ToBytes();
  if (auto s = WriteFileBytes(o["out"], bytes); !s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  std::cerr << "wrote " << o["out"] << " (" << bytes.size() << " bytes)\n";
  return 0;
}
