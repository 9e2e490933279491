#include "syntax/binary_io.h"

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace dyad::syntax {

Result<std::string> ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open for reading");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  return buf.str();
}

Status WriteFileBytes(const std::string& path, std::string_view bytes) {
  // Write to a temporary name and rename, so a crash never leaves half a model.
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError(tmp + ": cannot open for writing");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status::IOError(tmp + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IOError(path + ": cannot rename from " + tmp);
  return Status::Ok();
}

}  // namespace dyad::syntax
