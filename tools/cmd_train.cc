// dyad train: trains the tagger (+ lemmatizer) and the parser from CoNLL-U and
// writes OUT/en_ewt.tagger and OUT/en_ewt.parser.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "dyad/resources.h"
#include "syntax/annotator.h"
#include "syntax/binary_io.h"
#include "syntax/conllu.h"
#include "syntax/evaluate.h"
#include "syntax/train.h"

namespace {

using namespace dyad::syntax;

// The widest beam a parser model file may record (Parser::FromBytes).
constexpr long kMaxBeamWidth = 256;

bool ParseIntOption(const dyad::cli::Options& o, const std::string& name, long* out) {
  try {
    size_t used = 0;
    *out = std::stol(o.Get(name), &used);
    if (used == o.Get(name).size()) return true;
  } catch (const std::exception&) {
  }
  std::cerr << "dyad train: --" << name << " needs an integer, got '" << o.Get(name) << "'\n";
  return false;
}

int RunTrain(const std::vector<std::string>& args) {
  dyad::cli::Options o("train", "--train FILE [--dev FILE] [--out DIR] [options]",
                       "Trains the UD tagger/lemmatizer and the labeled dependency parser from CoNLL-U\n"
                       "(gold tokens, UPOS, XPOS, LEMMA, HEAD, DEPREL) and writes DIR/en_ewt.tagger and\n"
                       "DIR/en_ewt.parser. The parser is trained on jackknifed tags. Deterministic for a seed;\n"
                       "single-threaded. Progress goes to stderr.");
  o.Value("train", "FILE", "training treebank (CoNLL-U)")
      .Value("dev", "FILE", "development treebank, scored after epochs (optional)")
      .Value("out", "DIR", "where to write the models", dyad::ModelsDir())
      .Value("what", "WHICH", "tagger, parser (reuses DIR/en_ewt.tagger for dev tags) or all", "all")
      .Value("seed", "N", "random seed (shuffling, exploration)", "1")
      .Value("tagger-epochs", "N", "tagger training epochs", "10")
      .Value("tagger-passes", "N", "2: a second tagging pass sees the first pass's tags on the right; 1: one pass", "2")
      .Value("parser-epochs", "N", "parser training epochs", "15")
      .Value("jackknife", "K", "folds for the parser's predicted training tags (0 = gold tags)", "5")
      .Value("explore", "P", "probability of following a wrong parser prediction while training", "0.9")
      .Value("beam", "K", "parser beam width: 1 = greedy (dynamic oracle), K > 1 = beam search trained globally", "1")
      .Value("tagger-prune", "Q", "drop tagger weights below Q quanta (1/2048 of the largest weight)", "1")
      .Value("parser-prune", "Q", "drop parser weights below Q quanta (1/2048 of the largest weight)", "1");
  int code = 0;
  if (!o.Parse(args, &code)) return code;
  if (o.Get("train").empty()) {
    std::cerr << "dyad train: --train FILE is required\n" << o.Help();
    return 2;
  }
  const std::string what = o.Get("what");
  if (what != "all" && what != "tagger" && what != "parser") {
    std::cerr << "dyad train: --what must be tagger, parser or all\n";
    return 2;
  }
  long seed, tagger_epochs, parser_epochs, folds, tagger_prune, parser_prune, beam, tagger_passes;
  if (!ParseIntOption(o, "seed", &seed) || !ParseIntOption(o, "tagger-epochs", &tagger_epochs) ||
      !ParseIntOption(o, "parser-epochs", &parser_epochs) || !ParseIntOption(o, "jackknife", &folds) ||
      !ParseIntOption(o, "tagger-prune", &tagger_prune) || !ParseIntOption(o, "parser-prune", &parser_prune) ||
      !ParseIntOption(o, "beam", &beam) || !ParseIntOption(o, "tagger-passes", &tagger_passes))
    return 2;
  double explore = -1;
  try {
    explore = std::stod(o.Get("explore"));
  } catch (const std::exception&) {
  }
  if (!(explore >= 0 && explore <= 1)) {
    std::cerr << "dyad train: --explore needs a probability in [0, 1], got '" << o.Get("explore") << "'\n";
    return 2;
  }
  if (tagger_epochs < 1 || parser_epochs < 1 || folds < 0 || tagger_prune < 1 || parser_prune < 1) {
    std::cerr << "dyad train: epochs and prune levels must be >= 1, --jackknife >= 0\n";
    return 2;
  }
  if (tagger_passes != 1 && tagger_passes != 2) {
    std::cerr << "dyad train: --tagger-passes must be 1 or 2, got " << tagger_passes << "\n";
    return 2;
  }
  if (beam < 1 || beam > kMaxBeamWidth) {
    std::cerr << "dyad train: --beam must be between 1 and " << kMaxBeamWidth << ", got " << beam << "\n";
    return 2;
  }

  auto train = ReadConlluFile(o.Get("train"));
  if (!train.ok()) {
    std::cerr << "dyad train: " << train.status().ToString() << "\n";
    return 1;
  }
  std::vector<ConlluSentence> dev;
  if (!o.Get("dev").empty()) {
    auto d = ReadConlluFile(o.Get("dev"));
    if (!d.ok()) {
      std::cerr << "dyad train: " << d.status().ToString() << "\n";
      return 1;
    }
    dev = std::move(d).value();
  }
  const std::vector<ConlluSentence>* dev_ptr = dev.empty() ? nullptr : &dev;
  const std::string out = o.Get("out");

  TaggerOptions topt;
  topt.epochs = static_cast<int>(tagger_epochs);
  topt.seed = static_cast<uint64_t>(seed);
  topt.min_quanta = static_cast<int>(tagger_prune);
  topt.passes = static_cast<int>(tagger_passes);
  ParserOptions popt;
  popt.epochs = static_cast<int>(parser_epochs);
  popt.seed = static_cast<uint64_t>(seed);
  popt.explore_prob = explore;
  popt.min_quanta = static_cast<int>(parser_prune);
  popt.beam = static_cast<int>(beam);

  // The tagger: trained now, or the one already in DIR.
  std::string tagger_path = out + "/" + kTaggerModelFile;
  Tagger tagger;
  if (what == "parser") {
    auto t = Tagger::Load(tagger_path);
    if (!t.ok()) {
      std::cerr << "dyad train: " << t.status().ToString() << "\n";
      return 1;
    }
    tagger = std::move(t).value();
  } else {
    std::cerr << "training tagger on " << train->size() << " sentences" << std::endl;
    Tagger trained = Tagger::Train(*train, dev_ptr, topt, &std::cerr);
    std::string bytes = trained.ToBytes();
    if (auto s = WriteFileBytes(tagger_path, bytes); !s.ok()) {
      std::cerr << "dyad train: " << s.ToString() << "\n";
      return 1;
    }
    std::cerr << "wrote " << tagger_path << " (" << bytes.size() << " bytes)" << std::endl;
    tagger = std::move(Tagger::FromBytes(bytes, tagger_path)).value();  // evaluate what was written
  }
  if (what == "tagger") return 0;

  std::vector<ConlluSentence> parser_train = JackknifeTags(*train, static_cast<int>(folds), topt, &std::cerr);
  std::vector<ConlluSentence> dev_tagged = dev;
  RetagAll(tagger, &dev_tagged);
  for (size_t i = 0; i < dev_tagged.size(); ++i) {  // gold trees, predicted tags
    for (size_t k = 0; k < dev_tagged[i].sentence.tokens.size(); ++k) {
      dev_tagged[i].sentence.tokens[k].head = dev[i].sentence.tokens[k].head;
      dev_tagged[i].sentence.tokens[k].deprel = dev[i].sentence.tokens[k].deprel;
    }
  }
  Parser parser = Parser::Train(parser_train, dev_ptr ? &dev_tagged : nullptr, popt, &std::cerr);
  std::string bytes = parser.ToBytes();
  std::string parser_path = out + "/" + kParserModelFile;
  if (auto s = WriteFileBytes(parser_path, bytes); !s.ok()) {
    std::cerr << "dyad train: " << s.ToString() << "\n";
    return 1;
  }
  std::cerr << "wrote " << parser_path << " (" << bytes.size() << " bytes)" << std::endl;
  return 0;
}

}  // namespace

DYAD_COMMAND("train", "train the UD tagger and dependency parser from CoNLL-U", RunTrain);
