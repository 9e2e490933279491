#include "dyad/pipeline.h"

#include "dyad/resources.h"
#include "lexicon/recognizer.h"
#include "text/text_stage.h"

namespace dyad {

struct Pipeline::Stages {
  text::TextResources text;
  lexicon::LexiconResources lexicon;
  std::string version;
};

Pipeline::Pipeline(std::unique_ptr<Stages> stages) : stages_(std::move(stages)) {}
Pipeline::~Pipeline() = default;

namespace {

Status LoadLexicon(const std::string& data_dir, const std::vector<std::string>& extra, const text::TextResources& text,
                   lexicon::LexiconResources* out) {
  auto dict = lexicon::LoadBundledActorDictionary(data_dir);
  if (!dict.ok()) return dict.status();
  if (!extra.empty()) {
    auto more = lexicon::LoadActorDictionaries(extra);
    if (!more.ok()) return more.status();
    DYAD_RETURN_IF_ERROR(dict->Merge(std::move(*more)));
  }
  *out = lexicon::LexiconResources::Build(std::move(*dict), text.abbreviations, text.clean.glue.function_words);
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto stages = std::make_unique<Stages>();
  std::string data_dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  auto text = text::TextResources::Load(data_dir);
  if (!text.ok()) return text.status();
  stages->text = std::move(*text);
  DYAD_RETURN_IF_ERROR(LoadLexicon(data_dir, options.actor_files, stages->text, &stages->lexicon));
  stages->version = std::string("dyad-") + DYAD_VERSION + "/text-1/lexicon-1";
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(stages)));
}

Status Pipeline::Process(Document* doc) const {
  DYAD_RETURN_IF_ERROR(text::ProcessText(doc, stages_->text));
  lexicon::RecognizeActors(doc, stages_->lexicon);
  return Status::Ok();
}

const std::string& Pipeline::version() const { return stages_->version; }

}  // namespace dyad
