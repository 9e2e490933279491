#include "text/reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "text/html.h"
#include "base/strings.h"
#include "text/utf8.h"

namespace dyad::text {
namespace fs = std::filesystem;
namespace {

using json = nlohmann::json;

enum class Kind { kText, kJsonLines, kHtml, kSidecar, kOther };

Kind KindOf(const fs::path& p) {
  std::string ext = Lower(p.extension().string());
  if (ext == ".txt" || ext == ".text") return Kind::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return Kind::kJsonLines;
  if (ext == ".html" || ext == ".htm") return Kind::kHtml;
  if (ext == ".json") return Kind::kSidecar;
  return Kind::kOther;
}

std::string Snippet(std::string_view s, size_t at) {
  size_t begin = at > 20 ? at - 20 : 0;
  std::string out;
  for (char c : s.substr(begin, 40)) {
    unsigned char u = c;
    if (u < 0x20 || u >= 0x7f) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

int64_t LineOf(std::string_view s, size_t offset) {
  return 1 + std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(std::min(offset, s.size())), '\n');
}

Result<std::string> ReadFile(const fs::path& path, size_t max_bytes) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return Status::IOError(path.string() + ": " + ec.message());
  if (size > max_bytes) {
    return Status::DataError(Where{path.string()}, "file is " + std::to_string(size) +
                                                       " bytes, over the limit of " + std::to_string(max_bytes) +
                                                       " bytes for one document (see --max-bytes)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path.string() + ": cannot open");
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (static_cast<size_t>(in.gcount()) != size) return Status::IOError(path.string() + ": short read");
  return data;
}

std::string StemOf(const fs::path& p) { return p.stem().string(); }

std::string StringField(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return "";
}

constexpr const char* kDateKeys[] = {"date", "publishing_date", "published", "pub_date"};

// Publication date from a metadata object: "date", then "publishing_date".
std::optional<Date> DateField(const json& j) {
  for (const char* key : kDateKeys) {
    if (auto d = Date::Parse(StringField(j, key))) return d;
  }
  return std::nullopt;
}

// A month or year where the metadata has no day: one of the date keys
// ("2019-11"), then "date_approx".
std::optional<Date> ApproximateDateField(const json& j) {
  for (const char* key : kDateKeys) {
    if (auto d = Date::ParseMonthOrYear(StringField(j, key))) return d;
  }
  return Date::ParseMonthOrYear(StringField(j, "date_approx"));
}

void ApplyMetadata(const json& meta, Document* doc) {
  if (std::string t = StringField(meta, "title"); !t.empty()) doc->title = t;
  if (std::string u = StringField(meta, "url"); !u.empty()) doc->url = u;
  if (auto d = DateField(meta)) doc->date = d;
  else if (auto a = ApproximateDateField(meta)) doc->approximate_date = a;
}

// A .txt file's sidecar: the .json with the same stem, if it holds an object.
void ReadSidecar(const fs::path& txt, Document* doc, const ErrorSink& on_error) {
  fs::path sidecar = txt;
  sidecar.replace_extension(".json");
  std::error_code ec;
  if (!fs::is_regular_file(sidecar, ec)) return;
  auto bytes = ReadFile(sidecar, 1u << 20);
  if (!bytes.ok()) {
    on_error(bytes.status());
    return;
  }
  json meta = json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (!meta.is_object()) {
    on_error(Status::DataError(Where{sidecar.string()}, "metadata is not a JSON object; ignored"));
    return;
  }
  ApplyMetadata(meta, doc);
}

bool IsManifest(const fs::path& p) {
  std::string name = p.filename().string();
  return name == "manifest.jsonl" || name == "index.json";
}

// Metadata records of a directory's manifest, by document id and file stem:
// manifest.jsonl (one object a line with "id" or "file") or index.json
// ({"documents": [...]}, as in a corpus index).
using Manifest = std::map<std::string, json>;

Manifest LoadManifest(const fs::path& dir, const ErrorSink& on_error) {
  Manifest m;
  auto add = [&](const json& rec) {
    if (!rec.is_object()) return;
    if (std::string id = StringField(rec, "id"); !id.empty()) m[id] = rec;
    if (std::string file = StringField(rec, "file"); !file.empty()) m[fs::path(file).stem().string()] = rec;
  };
  std::string content;
  if (fs::path jl = dir / "manifest.jsonl"; fs::exists(jl)) {
    std::ifstream in(jl, std::ios::binary);
    std::string line;
    int64_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (Trim(line).empty()) continue;
      json rec = json::parse(line, nullptr, false);
      if (rec.is_discarded()) on_error(Status::DataError(Where{jl.string(), n}, "invalid JSON in manifest; line ignored"));
      else add(rec);
    }
  }
  if (fs::path ix = dir / "index.json"; fs::exists(ix) && ReadWholeFile(ix.string(), &content)) {
    json index = json::parse(content, nullptr, false);
    if (index.is_object() && index.contains("documents") && index["documents"].is_array()) {
      for (const json& rec : index["documents"]) add(rec);
    } else {
      on_error(Status::DataError(Where{ix.string()}, "index.json without a \"documents\" list; ignored"));
    }
  }
  return m;
}

void ApplyManifest(const fs::path& path, Document* doc, const ErrorSink& on_error) {
  static thread_local std::map<std::string, Manifest> cache;  // per directory, for one process
  std::string dir = path.parent_path().string();
  auto it = cache.find(dir);
  if (it == cache.end()) it = cache.emplace(dir, LoadManifest(path.parent_path(), on_error)).first;
  if (auto rec = it->second.find(doc->id); rec != it->second.end()) ApplyMetadata(rec->second, doc);
}

void ReadTextFile(const fs::path& path, const ReadOptions& options, const DocumentSink& on_document,
                  const ErrorSink& on_error) {
  auto bytes = ReadFile(path, options.max_document_bytes);
  if (!bytes.ok()) return on_error(bytes.status());
  if (Status s = CheckText(*bytes, path.string()); !s.ok()) return on_error(s);
  Document doc;
  doc.id = StemOf(path);
  doc.source = path.string();
  doc.raw = std::move(*bytes);
  ApplyManifest(path, &doc, on_error);
  ReadSidecar(path, &doc, on_error);
  if (!doc.date) doc.date = options.default_date;
  on_document(std::move(doc));
}

void ReadHtmlFile(const fs::path& path, const ReadOptions& options, const DocumentSink& on_document,
                  const ErrorSink& on_error) {
  auto bytes = ReadFile(path, options.max_document_bytes);
  if (!bytes.ok()) return on_error(bytes.status());
  if (Status s = CheckText(*bytes, path.string()); !s.ok()) return on_error(s);
  auto extracted = ExtractHtml(*bytes, path.string());
  if (!extracted.ok()) return on_error(extracted.status());
  Document doc;
  doc.id = StemOf(path);
  doc.source = path.string();
  doc.raw = std::move(*bytes);
  doc.title = extracted->title;
  doc.url = extracted->url;
  doc.date = extracted->date;
  ApplyManifest(path, &doc, on_error);
  if (!doc.date) doc.date = options.default_date;
  doc.clean = std::move(extracted->text);
  doc.map = std::move(extracted->map);
  on_document(std::move(doc));
}

void ReadJsonLinesFile(const fs::path& path, const ReadOptions& options, const DocumentSink& on_document,
                       const ErrorSink& on_error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return on_error(Status::IOError(path.string() + ": cannot open"));
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (line.size() > options.max_document_bytes) {
      on_error(Status::DataError(Where{path.string(), line_no}, "line is " + std::to_string(line.size()) +
                                                                   " bytes, over the document limit (see --max-bytes)"));
      continue;
    }
    auto doc = ParseJsonLine(line, path.string(), line_no, options);
    if (doc.ok()) on_document(std::move(*doc));
    else on_error(doc.status());
  }
}

void CollectFiles(const fs::path& p, std::vector<std::string>* out, const ErrorSink& on_error) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> entries;
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file(ec)) {
        Kind k = KindOf(it->path());
        bool document = k == Kind::kText || k == Kind::kJsonLines || k == Kind::kHtml;
        if (document && !IsManifest(it->path())) entries.push_back(it->path());
      }
    }
    if (ec) on_error(Status::IOError(p.string() + ": " + ec.message()));
    std::sort(entries.begin(), entries.end());
    for (auto& e : entries) out->push_back(e.string());
  } else if (fs::exists(p, ec)) {
    out->push_back(p.string());
  } else {
    on_error(Status::NotFound(p.string() + ": no such file or directory"));
  }
}

}  // namespace

Status CheckText(std::string_view bytes, const std::string& name) {
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return Status::DataError(Where{name}, bytes.empty() ? "empty file" : "file holds only white space");
  }
  if (LooksBinary(bytes)) return Status::DataError(Where{name}, "binary data, not text");
  if (auto bad = FindInvalidUtf8(bytes)) {
    return Status::DataError(Where{name, LineOf(bytes, *bad), static_cast<int64_t>(*bad), Snippet(bytes, *bad)},
                             "invalid UTF-8");
  }
  return Status::Ok();
}

Result<Document> ParseJsonLine(std::string_view line, const std::string& file, int64_t line_no,
                               const ReadOptions& options) {
  json j;
  try {  // nlohmann reports the error position only through its exception
    j = json::parse(line);
  } catch (const json::parse_error& e) {
    size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = e.what();
    if (auto colon = what.rfind(": "); colon != std::string::npos) what = what.substr(colon + 2);
    return Status::DataError(Where{file, line_no, static_cast<int64_t>(at), Snippet(line, at)},
                             "invalid JSON: " + what);
  }
  Where where{file, line_no};
  if (!j.is_object()) return Status::DataError(where, "expected a JSON object per line");
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) return Status::DataError(where, "missing string field \"text\"");
  Document doc;
  doc.id = StringField(j, "id");
  if (doc.id.empty()) doc.id = StemOf(file) + ":" + std::to_string(line_no);
  doc.source = file + ":" + std::to_string(line_no);
  doc.raw = text->get<std::string>();
  if (Status s = CheckText(doc.raw, doc.source + " (id " + doc.id + ")"); !s.ok()) return s;
  ApplyMetadata(j, &doc);
  if (!doc.date) {
    if (std::string d = StringField(j, "date"); !d.empty() && !Date::ParseMonthOrYear(d)) {
      return Status::DataError(where, "unreadable date \"" + d + "\" (expected YYYY-MM-DD, YYYY-MM or YYYY)");
    }
    doc.date = options.default_date;
  }
  return doc;
}

std::vector<std::string> ListInputFiles(const std::vector<std::string>& paths, const ErrorSink& on_error) {
  std::vector<std::string> files;
  for (const auto& p : paths) CollectFiles(p, &files, on_error);
  return files;
}

void ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options, const DocumentSink& on_document,
                const ErrorSink& on_error) {
  for (const auto& file : ListInputFiles(paths, on_error)) {
    fs::path p(file);
    switch (KindOf(p)) {
      case Kind::kJsonLines: ReadJsonLinesFile(p, options, on_document, on_error); break;
      case Kind::kHtml: ReadHtmlFile(p, options, on_document, on_error); break;
      default: ReadTextFile(p, options, on_document, on_error); break;
    }
  }
}

}  // namespace dyad::text
