// dyad eval-ud: scores the syntax models (or a prediction file) against a gold
// CoNLL-U treebank with gold tokenization: UPOS, XPOS, lemma, UAS, LAS.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "dyad/resources.h"
#include "syntax/annotator.h"
#include "syntax/conllu.h"
#include "syntax/evaluate.h"

namespace {

using namespace dyad::syntax;

int RunEvalUd(const std::vector<std::string>& args) {
  dyad::cli::Options o("eval-ud", "--gold FILE [--pred FILE] [--models DIR]",
                       "Tags and parses the words of the gold CoNLL-U file with the models (or reads\n"
                       "--pred, a prediction over the same words) and reports, over all words\n"
                       "(punctuation included): UPOS, XPOS and lemma accuracy, UAS, LAS (full relation,\n"
                       "with subtypes) and LAS-universal (relation before ':', as CoNLL 2018).\n"
                       "Without --pred it also reports tag+parse speed on one thread.");
  o.Value("gold", "FILE", "gold treebank (CoNLL-U)")
      .Value("pred", "FILE", "predicted CoNLL-U over the same words (optional)")
      .Value("models", "DIR", "models directory", dyad::ModelsDir());
  int code = 0;
  if (!o.Parse(args, &code)) return code;
  if (o.Get("gold").empty()) {
    std::cerr << "dyad eval-ud: --gold FILE is required\n" << o.Help();
    return 2;
  }
  auto gold = ReadConlluFile(o.Get("gold"));
  if (!gold.ok()) {
    std::cerr << "dyad eval-ud: " << gold.status().ToString() << "\n";
    return 1;
  }
  std::vector<ConlluSentence> pred;
  double seconds = -1;
  if (!o.Get("pred").empty()) {
    auto p = ReadConlluFile(o.Get("pred"));
    if (!p.ok()) {
      std::cerr << "dyad eval-ud: " << p.status().ToString() << "\n";
      return 1;
    }
    pred = std::move(p).value();
  } else {
    auto annotator = Annotator::Load(o.Get("models"));
    if (!annotator.ok()) {
      std::cerr << "dyad eval-ud: " << annotator.status().ToString() << "\n";
      return 1;
    }
    pred = *gold;
    for (auto& cs : pred) {  // the models see forms only
      for (auto& t : cs.sentence.tokens) {
        t.lemma = t.upos = t.xpos = t.deprel = "";
        t.head = -1;
      }
    }
    auto start = std::chrono::steady_clock::now();
    for (auto& cs : pred) annotator->Annotate(cs.sentence);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  auto scores = ScoreCorpus(*gold, pred);
  if (!scores.ok()) {
    std::cerr << "dyad eval-ud: " << scores.status().ToString() << "\n";
    return 1;
  }
  const UdScores& s = *scores;
  std::printf("file           %s\n", o.Get("gold").c_str());
  std::printf("sentences      %zu\nwords          %zu\n", s.sentences, s.words);
  std::printf("UPOS           %.2f\n", s.UposPct());
  std::printf("XPOS           %.2f\n", s.XposPct());
  std::printf("Lemma          %.2f\n", s.LemmaPct());
  std::printf("UAS            %.2f\n", s.UasPct());
  std::printf("LAS            %.2f\n", s.LasPct());
  std::printf("LAS-universal  %.2f\n", s.LasUniversalPct());
  if (seconds > 0) {
    std::printf("speed          %.0f sentences/s, %.0f words/s (tag+lemma+parse, one thread)\n", s.sentences / seconds,
                s.words / seconds);
  }
  return 0;
}

}  // namespace

DYAD_COMMAND("eval-ud", "score the tagger and parser on a gold CoNLL-U treebank", RunEvalUd);
