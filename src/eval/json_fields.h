// Typed access to the fields of a parsed JSON object without exceptions:
// nlohmann's get<> throws on a type mismatch, so every field is checked first
// and a mismatch becomes a Status::DataError at the record's file and line.
#ifndef DYAD_EVAL_JSON_FIELDS_H_
#define DYAD_EVAL_JSON_FIELDS_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::eval {

class JsonFields {
 public:
  // `context` prefixes error messages ("event 3: ") for nested objects.
  JsonFields(const nlohmann::json& object, std::string file, int line, std::string context = "")
      : j_(object), file_(std::move(file)), line_(line), context_(std::move(context)) {}

  // A required string.
  Status String(std::string_view key, std::string* out) const;
  // An optional string: absent or null leaves *out unset (or "" for the plain overload).
  Status OptString(std::string_view key, std::optional<std::string>* out) const;
  Status OptString(std::string_view key, std::string* out) const;
  Status OptNumber(std::string_view key, std::optional<double>* out) const;
  Status OptBool(std::string_view key, bool* out) const;
  // An optional date "YYYY-MM-DD" (a time after it is ignored).
  Status OptDate(std::string_view key, std::optional<Date>* out) const;
  // Optional "start" and "end" byte offsets: both or neither, start <= end.
  Status OptSpan(std::optional<Span>* out) const;
  Status OptStringList(std::string_view key, std::vector<std::string>* out) const;

  bool Has(std::string_view key) const;
  const nlohmann::json* Get(std::string_view key) const;  // nullptr when absent
  Status Error(std::string_view what) const;

 private:
  const nlohmann::json& j_;
  std::string file_;
  int line_;
  std::string context_;
};

// "\"key\"" for messages, built by appending: GCC 12 warns (-Wrestrict, a
// false positive) on "literal" + std::string.
std::string Quoted(std::string_view key);

// True for a header line: an object whose keys all start with "_".
bool IsHeaderObject(const nlohmann::json& j);

}  // namespace dyad::eval

#endif  // DYAD_EVAL_JSON_FIELDS_H_
