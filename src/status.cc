#include "dyad/status.h"

#include <string>

namespace dyad {

std::string Where::ToString() const {
  std::string s = file.empty() ? "<input>" : file;
  if (line > 0) s += ":" + std::to_string(line);
  if (offset >= 0) s += ": byte " + std::to_string(offset);
  return s;
}

Status Status::DataError(const Where& where, std::string_view msg) {
  std::string m = where.ToString() + ": " + std::string(msg);
  if (!where.snippet.empty()) m += " (near \"" + where.snippet + "\")";
  return Status(Code::kDataError, std::move(m));
}

std::string Status::ToString() const {
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kInvalidArgument: return "invalid argument: " + message_;
    case Code::kNotFound: return "not found: " + message_;
    case Code::kIOError: return "I/O error: " + message_;
    case Code::kDataError: return message_;
    case Code::kInternal: return "internal error: " + message_;
  }
  return message_;
}

}  // namespace dyad
