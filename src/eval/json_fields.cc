#include "eval/json_fields.h"

namespace dyad::eval {
std::string Quoted(std::string_view key) {
  std::string s = "\"";
  s.append(key);
  s += '"';
  return s;
}

bool IsHeaderObject(const nlohmann::json& j) {
  if (!j.is_object() || j.empty()) return false;
  for (const auto& item : j.items()) {
    if (item.key().empty() || item.key()[0] != '_') return false;
  }
  return true;
}

const nlohmann::json* JsonFields::Get(std::string_view key) const {
  auto it = j_.find(std::string(key));
  return it == j_.end() ? nullptr : &*it;
}

bool JsonFields::Has(std::string_view key) const { return Get(key) != nullptr; }

Status JsonFields::Error(std::string_view what) const { return Status::DataError(Where{file_, line_}, context_ + std::string(what)); }

Status JsonFields::String(std::string_view key, std::string* out) const {
  const nlohmann::json* v = Get(key);
  if (!v) return Error(std::string("missing ").append(Quoted(key)));
  if (!v->is_string()) return Error(Quoted(key) + " must be a string");
  *out = v->get_ref<const std::string&>();
  return Status::Ok();
}

Status JsonFields::OptString(std::string_view key, std::optional<std::string>* out) const {
  const nlohmann::json* v = Get(key);
  out->reset();
  if (!v || v->is_null()) return Status::Ok();
  if (!v->is_string()) return Error(Quoted(key) + " must be a string or null");
  *out = v->get_ref<const std::string&>();
  return Status::Ok();
}

Status JsonFields::OptString(std::string_view key, std::string* out) const {
  std::optional<std::string> s;
  DYAD_RETURN_IF_ERROR(OptString(key, &s));
  *out = s.value_or("");
  return Status::Ok();
}

Status JsonFields::OptNumber(std::string_view key, std::optional<double>* out) const {
  const nlohmann::json* v = Get(key);
  out->reset();
  if (!v || v->is_null()) return Status::Ok();
  if (!v->is_number()) return Error(Quoted(key) + " must be a number");
  *out = v->get<double>();
  return Status::Ok();
}

Status JsonFields::OptBool(std::string_view key, bool* out) const {
  const nlohmann::json* v = Get(key);
  if (!v || v->is_null()) return Status::Ok();
  if (!v->is_boolean()) return Error(Quoted(key) + " must be true or false");
  *out = v->get<bool>();
  return Status::Ok();
}

Status JsonFields::OptDate(std::string_view key, std::optional<Date>* out) const {
  std::optional<std::string> s;
  DYAD_RETURN_IF_ERROR(OptString(key, &s));
  out->reset();
  if (!s || s->empty()) return Status::Ok();
  *out = Date::Parse(*s);
  if (!*out) return Error(Quoted(key) + " is not a date (YYYY-MM-DD): '" + *s + "'");
  return Status::Ok();
}

Status JsonFields::OptSpan(std::optional<Span>* out) const {
  const nlohmann::json* start = Get("start");
  const nlohmann::json* end = Get("end");
  out->reset();
  bool has_start = start && !start->is_null();
  bool has_end = end && !end->is_null();
  if (!has_start && !has_end) return Status::Ok();
  if (has_start != has_end) return Error("\"start\" and \"end\" go together");
  if (!start->is_number_unsigned() || !end->is_number_unsigned()) {
    return Error("\"start\" and \"end\" must be non-negative integers (byte offsets)");
  }
  uint64_t b = start->get<uint64_t>(), e = end->get<uint64_t>();
  if (b > e) return Error("\"start\" is after \"end\"");
  if (e > UINT32_MAX) return Error("\"end\" is too large");
  *out = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
  return Status::Ok();
}

Status JsonFields::OptStringList(std::string_view key, std::vector<std::string>* out) const {
  const nlohmann::json* v = Get(key);
  out->clear();
  if (!v || v->is_null()) return Status::Ok();
  if (!v->is_array()) return Error(Quoted(key) + " must be a list of strings");
  for (const auto& item : *v) {
    if (!item.is_string()) return Error(Quoted(key) + " must be a list of strings");
    out->push_back(item.get<std::string>());
  }
  return Status::Ok();
}

}  // namespace dyad::eval
