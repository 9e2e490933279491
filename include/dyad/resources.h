// Where dyad finds its data files (dictionaries, rules, ontologies) and models.
//
// Resources are data, loaded at run time. The data directory is, in order: the
// one set by SetDataDir (the CLI's --data), the DYAD_DATA environment variable,
// or the source tree's data/ folder compiled in at build time. Models likewise
// (SetModelsDir, DYAD_MODELS, the source tree's models/).
#ifndef DYAD_RESOURCES_H_
#define DYAD_RESOURCES_H_

#include <string>
#include <string_view>

namespace dyad {

void SetDataDir(std::string dir);
void SetModelsDir(std::string dir);
std::string DataDir();
std::string ModelsDir();
// DataDir() + "/" + relative.
std::string DataPath(std::string_view relative);
std::string ModelPath(std::string_view relative);

}  // namespace dyad

#endif  // DYAD_RESOURCES_H_
