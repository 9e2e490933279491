#include "dyad/pipeline.h"

#include "dyad/resources.h"
#include "text/text_stage.h"

namespace dyad {

struct Pipeline::Stages {
  text::TextResources text;
  std::string version;
};

Pipeline::Pipeline(std::unique_ptr<Stages> stages) : stages_(std::move(stages)) {}
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto stages = std::make_unique<Stages>();
  std::string data_dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  auto text = text::TextResources::Load(data_dir);
  if (!text.ok()) return text.status();
  stages->text = std::move(*text);
  stages->version = std::string("dyad-") + DYAD_VERSION + "/text-1";
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(stages)));
}

Status Pipeline::Process(Document* doc) const {
  DYAD_RETURN_IF_ERROR(text::ProcessText(doc, stages_->text));
  return Status::Ok();
}

const std::string& Pipeline::version() const { return stages_->version; }

}  // namespace dyad
