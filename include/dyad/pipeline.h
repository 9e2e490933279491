// dyad::Pipeline: runs the stages over a Document, top to bottom.
//
//   text    clean, repair, segment, tokenize (raw offsets kept)
//   syntax  UD tags, lemmas, dependency trees      (when models are present)
//   lexicon actor mentions resolved to actors, CAMEO codes at the date
//   coding  CAMEO/PLOVER events with dates and evidence (needs the parse)
//
// Resources (rules, word lists, models) are loaded once by Create; Process is
// const and may be called from several threads.
#ifndef DYAD_PIPELINE_H_
#define DYAD_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

struct PipelineOptions {
  std::string data_dir;    // empty: dyad::DataDir()
  std::string models_dir;  // empty: dyad::ModelsDir()
  bool parse = true;       // run the syntax stage when its models are present
  // Actor dictionaries loaded beside the bundled one: dyad's format (.actors)
  // or CAMEO/PETRARCH actor and agent files (Phoenix.agents.txt gives the
  // role words). With bundled_actors false only these files give actors and
  // agents (data/actors and data/agents are not read), as PETRARCH codes with
  // its Phoenix dictionaries alone.
  std::vector<std::string> actor_files;
  bool bundled_actors = true;
  // Verb pattern files loaded beside the bundled data/verbs/*.patterns:
  // dyad's format or CAMEO/PETRARCH verb dictionaries (CAMEO.2.0.txt),
  // imported by coding/cameo_verbs.h. With bundled_verbs false only these
  // files give patterns (data/verbs/classes.tsv, intents and negations are
  // still the bundled ones).
  std::vector<std::string> verb_files;
  bool bundled_verbs = true;
  // PETRARCH discard lists (Phoenix.discards.txt, lexicon/cameo_import.h):
  // a sentence holding one of their phrases yields no events, and a story
  // phrase ('+') empties the whole document's events.
  std::vector<std::string> discard_files;
  // Coding conventions: CAMEO's manual (the default) or PETRARCH's, which
  // reads verbs without tense ("will meet" is a meeting, 040, where the
  // manual codes the commitment, 036), for side-by-side comparison with it.
  bool petrarch_conventions = false;
};

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  ~Pipeline();

  // Fills every layer the loaded stages produce. A DataError names the
  // document when nothing usable is left (e.g. all lines were boilerplate).
  Status Process(Document* doc) const { return Run(doc, nullptr, nullptr); }
  // The same, and the coder's reasoning for each clause into *trace (for
  // `dyad explain`): the rule that fired, or why none did.
  Status Process(Document* doc, std::vector<std::string>* trace) const;

  // This thread's CPU seconds in each stage, summed over the Process calls
  // given it (for `dyad bench`). Reading the clock costs a few hundred
  // nanoseconds a stage, nothing next to a document.
  struct StageTimes {
    double text = 0, syntax = 0, lexicon = 0, quotes = 0, coding = 0;
  };
  // Process, adding each stage's time to *times.
  Status Process(Document* doc, StageTimes* times) const;

  // A fingerprint of the stages and their resources, stored with each
  // document so that a changed pipeline re-processes unchanged input.
  const std::string& version() const;

  // One line per extra verb file (what was imported and what was skipped,
  // docs/verb-patterns.md), for a command to print; empty without any.
  const std::vector<std::string>& load_notes() const;

 private:
  struct Stages;
  explicit Pipeline(std::unique_ptr<Stages> stages);
  void DropDiscarded(Document* doc, std::vector<std::string>* trace) const;
  Status Run(Document* doc, std::vector<std::string>* trace, StageTimes* times) const;
  std::unique_ptr<Stages> stages_;
};

}  // namespace dyad

#endif  // DYAD_PIPELINE_H_
