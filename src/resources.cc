#include "dyad/resources.h"

#include <cstdlib>

namespace dyad {
namespace {

std::string& DataOverride() {
  static std::string dir;
  return dir;
}
std::string& ModelsOverride() {
  static std::string dir;
  return dir;
}

std::string Pick(const std::string& set, const char* env, const char* built_in) {
  if (!set.empty()) return set;
  if (const char* e = std::getenv(env); e && *e) return e;
  return built_in;
}

}  // namespace

void SetDataDir(std::string dir) { DataOverride() = std::move(dir); }
void SetModelsDir(std::string dir) { ModelsOverride() = std::move(dir); }
std::string DataDir() { return Pick(DataOverride(), "DYAD_DATA", DYAD_SOURCE_DATA_DIR); }
std::string ModelsDir() { return Pick(ModelsOverride(), "DYAD_MODELS", DYAD_SOURCE_MODELS_DIR); }
std::string DataPath(std::string_view relative) { return DataDir() + "/" + std::string(relative); }
std::string ModelPath(std::string_view relative) { return ModelsDir() + "/" + std::string(relative); }

}  // namespace dyad
