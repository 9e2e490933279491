#include "coding/ontology.h"

#include <cstdlib>

#include "base/strings.h"

namespace dyad::coding {
namespace {

bool IsCameoCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  int root = (s[0] - '0') * 10 + (s[1] - '0');
  return root >= 1 && root <= 20;
}

// A decimal number, whole field (strtod would accept trailing junk).
bool ParseScore(std::string_view s, double* out) {
  if (s.empty() || s.size() > 16) return false;
  std::string copy(s);
  char* end = nullptr;
  *out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size();
}

std::string Snippet(std::string_view line) { return std::string(line.substr(0, 60)); }

}  // namespace

Result<Ontology> Ontology::Load(const std::string& data_dir) {
  const std::string cameo_path = data_dir + "/ontology/cameo.tsv";
  const std::string plover_path = data_dir + "/ontology/cameo_plover.tsv";
  std::string cameo, plover;
  if (!ReadWholeFile(cameo_path, &cameo)) return Status::IOError("cannot read " + cameo_path);
  if (!ReadWholeFile(plover_path, &plover)) return Status::IOError("cannot read " + plover_path);
  return Parse(cameo, cameo_path, plover, plover_path);
}

Result<Ontology> Ontology::Parse(std::string_view cameo_tsv, const std::string& cameo_name,
                                 std::string_view plover_tsv, const std::string& plover_name) {
  Ontology o;
  for (const DataLine& line : DataLines(cameo_tsv)) {
    auto error = [&](std::string_view what) {
      return Status::DataError(Where{cameo_name, line.number, -1, Snippet(line.text)}, what);
    };
    std::vector<std::string_view> f = Split(line.text, '\t');
    if (f.size() != 5) return error("expected 5 tab-separated fields (code, goldstein, goldstein_from, quad, name), found " + std::to_string(f.size()));
    CameoCode c;
    c.code = std::string(f[0]);
    if (!IsCameoCode(c.code)) return error("not a CAMEO code: '" + c.code + "'");
    if (!ParseScore(f[1], &c.goldstein) || c.goldstein < -10 || c.goldstein > 10) {
      return error("Goldstein score must be a number in -10..10: '" + std::string(f[1]) + "'");
    }
    c.goldstein_from = std::string(f[2]);
    if (!StartsWith(c.code, c.goldstein_from) || !IsCameoCode(c.goldstein_from)) {
      return error("goldstein_from must be the code or one of its ancestors: '" + c.goldstein_from + "'");
    }
    if (!ParseInt(f[3], &c.quad) || c.quad < 1 || c.quad > 4) return error("quad class must be 1..4: '" + std::string(f[3]) + "'");
    c.name = std::string(Trim(f[4]));
    if (c.name.empty()) return error("empty name");
    if (o.index_.count(c.code)) return error("duplicate code " + c.code);
    o.index_.emplace(c.code, o.codes_.size());
    o.codes_.push_back(std::move(c));
  }
  for (int root = 1; root <= 20; ++root) {
    std::string r = std::to_string(root);
    if (r.size() < 2) r.insert(r.begin(), '0');
    if (!o.index_.count(r)) return Status::DataError(Where{cameo_name}, "root " + r + " is missing");
  }
  for (const DataLine& line : DataLines(plover_tsv)) {
    auto error = [&](std::string_view what) {
      return Status::DataError(Where{plover_name, line.number, -1, Snippet(line.text)}, what);
    };
    std::vector<std::string_view> f = Split(line.text, '\t');
    if (f.size() != 4) return error("expected 4 tab-separated fields (cameo, plover_type, mode, context), found " + std::to_string(f.size()));
    PloverMapping m;
    m.cameo = std::string(f[0]);
    if (!o.Find(m.cameo)) return error("not a CAMEO 1.1b3 code: '" + m.cameo + "'");
    m.type = std::string(f[1]);
    if (m.type.empty()) return error("empty PLOVER type");
    for (char ch : m.type) {
      if (ch < 'A' || ch > 'Z') return error("PLOVER type must be upper-case letters: '" + m.type + "'");
    }
    if (f[2] != "-") m.mode = std::string(f[2]);
    if (f[3] != "-") {
      for (std::string_view ctx : Split(f[3], ',')) {
        if (Trim(ctx).empty()) return error("empty context in '" + std::string(f[3]) + "'");
        m.contexts.emplace_back(Trim(ctx));
      }
    }
    if (o.plover_.count(m.cameo)) return error("duplicate row for " + m.cameo);
    std::string key = m.cameo;
    o.plover_.emplace(std::move(key), std::move(m));
  }
  return o;
}

const CameoCode* Ontology::Find(std::string_view code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &codes_[it->second];
}

const PloverMapping* Ontology::FindPlover(std::string_view cameo) const {
  // The 01x and 02x families are dropped by PLOVER: no fallback can apply.
  if (cameo.size() < 2 || !Find(cameo)) return nullptr;
  for (size_t len : {cameo.size(), size_t{3}, size_t{2}}) {
    if (len > cameo.size()) continue;
    auto it = plover_.find(cameo.substr(0, len));
    if (it != plover_.end()) return &it->second;
  }
  return nullptr;
}

void Ontology::SetEventCode(const std::string& code, Event* event) const {
  event->cameo = code;
  event->root.clear();
  event->quad_class = 0;
  event->goldstein = 0;
  if (const CameoCode* cc = Find(code)) {
    event->root = cc->root();
    event->quad_class = cc->quad;
    event->goldstein = cc->goldstein;
  }
  event->plover = PloverType(code).value_or("");
}

std::optional<std::string> Ontology::PloverType(std::string_view cameo) const {
  const PloverMapping* m = FindPlover(cameo);
  if (!m) return std::nullopt;
  return m->type;
}

}  // namespace dyad::coding
