// dyad parse: prints CoNLL-U for text on stdin (sentence splitting and UD
// tokenization by the text stage), or re-tags and re-parses the words of a
// CoNLL-U file (--conllu), keeping its tokens, order, comments and MISC.
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "cli.h"
#include "dyad/pipeline.h"
#include "dyad/resources.h"
#include "syntax/annotator.h"
#include "syntax/conllu.h"

namespace {

using namespace dyad::syntax;

int ParseConlluFile(const Annotator& annotator, const std::string& path) {
  auto sentences = ReadConlluFile(path);
  if (!sentences.ok()) {
    std::cerr << "dyad parse: " << sentences.status().ToString() << "\n";
    return 1;
  }
  std::string out;
  for (auto& cs : *sentences) {
    annotator.Annotate(cs.sentence);
    out += FormatConllu(cs, /*keep_columns=*/false);
    if (out.size() > (1 << 20)) {
      std::cout << out;
      out.clear();
    }
  }
  std::cout << out;
  return std::cout ? 0 : 1;
}

int ParseText(const Annotator& annotator, const std::string& models_dir) {
  dyad::PipelineOptions options;
  options.models_dir = models_dir;
  options.parse = false;  // the syntax stage runs below, with the models given here
  auto pipeline = dyad::Pipeline::Create(options);
  if (!pipeline.ok()) {
    std::cerr << "dyad parse: " << pipeline.status().ToString() << "\n";
    return 1;
  }
  dyad::Document doc;
  doc.id = "stdin";
  doc.source = "<stdin>";
  doc.raw.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  if (auto s = (*pipeline)->Process(&doc); !s.ok()) {
    std::cerr << "dyad parse: " << s.ToString() << "\n";
    return 1;
  }
  int n = 0;
  for (auto& sentence : doc.sentences) {
    annotator.Annotate(sentence);
    ConlluSentence cs = FromSentence(sentence);
    cs.comments.insert(cs.comments.begin(), "# sent_id = " + std::to_string(++n));
    std::cout << FormatConllu(cs, false);
  }
  return std::cout ? 0 : 1;
}

int RunParse(const std::vector<std::string>& args) {
  dyad::cli::Options o("parse", "[--conllu FILE] [--models DIR] < text",
                       "Tags, lemmatizes and parses, printing CoNLL-U. Without --conllu, reads plain\n"
                       "text on stdin and splits and tokenizes it with the text stage. With --conllu,\n"
                       "keeps the file's words (same tokens, same order, comments, multiword tokens and\n"
                       "MISC) and replaces LEMMA, UPOS, XPOS, HEAD and DEPREL; FEATS and DEPS become '_'.");
  o.Value("conllu", "FILE", "CoNLL-U with gold tokens to re-tag and re-parse")
      .Value("models", "DIR", "models directory", dyad::ModelsDir());
  int code = 0;
  if (!o.Parse(args, &code)) return code;
  auto annotator = Annotator::Load(o.Get("models"));
  if (!annotator.ok()) {
    std::cerr << "dyad parse: " << annotator.status().ToString() << "\n";
    return 1;
  }
  if (o.Has("conllu")) return ParseConlluFile(*annotator, o.Get("conllu"));
  return ParseText(*annotator, o.Get("models"));
}

}  // namespace

DYAD_COMMAND("parse", "tag and parse text (stdin) or a CoNLL-U file, printing CoNLL-U", RunParse);
