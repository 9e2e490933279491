// dyad::Status and dyad::Result<T>: the one way the library reports errors.
//
// Contract: library functions never throw for bad input; they return a Status
// (or a Result<T> holding either a value or a non-OK Status). Messages point at
// the text: use Where to name the document or file, the line and the byte
// offset, and a short snippet of what was found there.
#ifndef DYAD_STATUS_H_
#define DYAD_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace dyad {

// A location in an input: a file or document id, an optional 1-based line and
// an optional byte offset, and a snippet of the offending text.
struct Where {
  std::string file;
  int64_t line = 0;     // 0: unknown
  int64_t offset = -1;  // byte offset; -1: unknown
  std::string snippet;

  std::string ToString() const;
};

class Status {
 public:
  enum class Code { kOk, kInvalidArgument, kNotFound, kIOError, kDataError, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }
  // Bad input data: the message is prefixed with the location.
  static Status DataError(const Where& where, std::string_view msg);

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a T or a non-OK Status, in the spirit of std::expected (C++23).
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}     // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }

 private:
  std::variant<T, Status> v_;
};

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define DYAD_RETURN_IF_ERROR(expr)        \
  do {                                    \
    ::dyad::Status dyad_status_ = (expr); \
    if (!dyad_status_.ok()) return dyad_status_; \
  } while (0)

}  // namespace dyad

#endif  // DYAD_STATUS_H_
