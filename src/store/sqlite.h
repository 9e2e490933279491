// Thin RAII wrappers over the SQLite C API, returning dyad::Status.
#ifndef DYAD_STORE_SQLITE_H_
#define DYAD_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "dyad/status.h"

namespace dyad::store {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept;
  ~Statement();

  // Binds are 1-based, as in SQLite; every value is bound, never spliced.
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, std::string_view v);
  Statement& BindBlob(int i, std::string_view v);
  // The same without copying: v must stay alive and unchanged until the
  // statement is reset (Run resets it), hence no temporaries.
  Statement& BindRef(int i, const std::string& v);
  Statement& BindRef(int i, std::string&& v) = delete;
  Statement& BindBlobRef(int i, const std::string& v);
  Statement& BindBlobRef(int i, std::string&& v) = delete;
  Statement& BindDouble(int i, double v);
  Statement& BindNull(int i);

  // Steps once: true while a row is available, false when done.
  Result<bool> Step();
  Status Run();  // steps to completion, then resets
  // Run without clearing the bindings (a loop over every parameter): only for
  // statements that bind every parameter again before each run.
  Status RunRebound();
  // Calls fn(*this) for every row; fn may return void or a Status that stops
  // the loop. A failing step is returned, never taken for the end.
  template <typename F>
  Status ForEachRow(F&& fn) {
    for (;;) {
      auto row = Step();
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      if constexpr (std::is_same_v<decltype(fn(*this)), Status>) {
        if (Status s = fn(*this); !s.ok()) return s;
      } else {
        fn(*this);
      }
    }
  }
  void Reset();
  bool prepared() const { return stmt_ != nullptr; }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string Text(int col) const;
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  static Result<Database> Open(const std::string& path, bool read_only);
  Database() = default;
  Database(Database&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Database& operator=(Database&& o) noexcept;
  ~Database();

  Status Exec(const std::string& sql);
  Result<Statement> Prepare(std::string_view sql);
  sqlite3* handle() const { return db_; }
  Status Error(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace dyad::store

#endif  // DYAD_STORE_SQLITE_H_
