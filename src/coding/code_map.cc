#include "coding/code_map.h"

#include "base/strings.h"

namespace dyad::coding {

Result<CodeMap> CodeMap::Load(const std::string& path, const Ontology& ontology, const RowCheck& check) {
  std::string text;
  if (!ReadWholeFile(path, &text)) return Status::NotFound(path + ": cannot open");
  return Parse(text, path, ontology, check);
}

Result<CodeMap> CodeMap::Parse(std::string_view text, const std::string& name, const Ontology& ontology,
                               const RowCheck& check) {
  CodeMap map;
  int64_t line_no = 0;
  for (std::string_view raw : SplitLines(text)) {
    ++line_no;
    std::string_view line = Trim(StripHashComment(raw));
    if (line.empty()) continue;
    std::vector<std::string_view> f = TabFields(line);
    Where where{name, line_no, -1, std::string(raw.substr(0, 60))};
    if (f.size() < 2) return Status::DataError(where, "expected an act code, a tab and a code");
    std::string act(f[0]), code(f[1]);
    if (!ontology.Find(act)) return Status::DataError(where, "unknown CAMEO code '" + act + "'");
    if (!ontology.Find(code)) return Status::DataError(where, "unknown CAMEO code '" + code + "'");
    if (check)
      if (std::string why = check(act, code); !why.empty()) return Status::DataError(where, why);
    if (!map.rows_.emplace(act, code).second) return Status::DataError(where, "act '" + act + "' listed twice");
  }
  return map;
}

std::optional<std::string> CodeMap::Lookup(std::string_view act) const {
  for (size_t n = act.size(); n >= 2; --n)
    if (auto it = rows_.find(act.substr(0, n)); it != rows_.end()) return it->second;
  return std::nullopt;
}

}  // namespace dyad::coding
