#include "eval/gold.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

#include "base/strings.h"
#include "eval/json_fields.h"

namespace dyad::eval {
namespace {

using nlohmann::json;

// Each element of the list `key` as a JsonFields, for reading its fields.
template <typename Fn>
Status ForEachObject(const JsonFields& f, std::string_view key, const std::string& name, int line, Fn fn) {
  const json* list = f.Get(key);
  if (!list || list->is_null()) return Status::Ok();
  if (!list->is_array()) return f.Error(Quoted(key) + " must be a list");
  for (size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    if (!item.is_object()) return f.Error(Quoted(key) + " must hold objects");
    std::string context = std::string(key) + "[" + std::to_string(i) + "]: ";
    Status s = fn(JsonFields(item, name, line, context), i);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status ReadEvent(const JsonFields& f, GoldEvent* e) {
  DYAD_RETURN_IF_ERROR(f.String("sentence", &e->sentence));
  if (e->sentence.empty()) return f.Error("empty event \"sentence\"");
  DYAD_RETURN_IF_ERROR(f.String("source", &e->source));
  DYAD_RETURN_IF_ERROR(f.OptString("target", &e->target));
  DYAD_RETURN_IF_ERROR(f.String("cameo", &e->cameo));
  DYAD_RETURN_IF_ERROR(f.OptStringList("alt", &e->alt));
  DYAD_RETURN_IF_ERROR(f.OptString("plover", &e->plover));
  DYAD_RETURN_IF_ERROR(f.OptDate("event_date", &e->event_date));
  DYAD_RETURN_IF_ERROR(f.OptBool("symmetric", &e->symmetric));
  return f.OptString("note", &e->note);
}

Status ReadDocument(const json& j, const std::string& name, int line, GoldDocument* d) {
  JsonFields f(j, name, line);
  d->line = line;
  DYAD_RETURN_IF_ERROR(f.String("doc", &d->doc));
  DYAD_RETURN_IF_ERROR(f.String("file", &d->file));
  DYAD_RETURN_IF_ERROR(f.OptDate("date", &d->date));
  DYAD_RETURN_IF_ERROR(ForEachObject(f, "events", name, line, [&](const JsonFields& e, size_t i) {
    return ReadEvent(e, &d->events.emplace_back());
  }));
  DYAD_RETURN_IF_ERROR(ForEachObject(f, "quotes", name, line, [&](const JsonFields& q, size_t) {
    GoldQuote& g = d->quotes.emplace_back();
    DYAD_RETURN_IF_ERROR(q.String("speaker", &g.speaker));
    DYAD_RETURN_IF_ERROR(q.OptString("speaker_name", &g.speaker_name));
    return q.String("quote", &g.quote);
  }));
  return ForEachObject(f, "actors", name, line, [&](const JsonFields& a, size_t) {
    GoldActor& g = d->actors.emplace_back();
    DYAD_RETURN_IF_ERROR(a.String("text", &g.text));
    DYAD_RETURN_IF_ERROR(a.OptString("name", &g.name));
    return a.String("code", &g.code);
  });
}

}  // namespace

Result<GoldSet> ParseGold(std::string_view jsonl, const std::string& name) {
  GoldSet set;
  set.name = name;
  std::set<std::string> seen;
  int number = 0;
  for (std::string_view line : SplitLines(jsonl)) {
    ++number;
    if (Trim(line).empty()) continue;
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Status::DataError(Where{name, number, -1, std::string(line.substr(0, 60))}, "invalid JSON");
    if (!j.is_object()) return Status::DataError(Where{name, number}, "a line must be a JSON object");
    if (IsHeaderObject(j)) continue;
    GoldDocument d;
    DYAD_RETURN_IF_ERROR(ReadDocument(j, name, number, &d));
    if (!seen.insert(d.doc).second) return Status::DataError(Where{name, number}, "document '" + d.doc + "' appears twice");
    set.documents.push_back(std::move(d));
  }
  return set;
}

std::string GoldBaseDir(const std::string& gold_path) {
  std::filesystem::path p = std::filesystem::absolute(gold_path).lexically_normal();
  return p.parent_path().parent_path().string();
}

Result<GoldSet> ReadGoldFile(const std::string& path) {
  std::string content;
  if (!ReadWholeFile(path, &content)) return Status::IOError("cannot read " + path);
  Result<GoldSet> set = ParseGold(content, path);
  if (!set.ok()) return set;
  const std::string base = GoldBaseDir(path);
  for (GoldDocument& d : set->documents) {
    std::string text_path = base + "/" + d.file;
    if (!ReadWholeFile(text_path, &d.text)) {
      return Status::DataError(Where{path, d.line}, "cannot read the text of '" + d.doc + "' at " + text_path);
    }
  }
  return set;
}

}  // namespace dyad::eval
