// dyad::serve::Server: the HTTP side of `dyad serve` (docs/api.md) over
// cpp-httplib. Routes call the query functions of serve/api.h on a read-only
// connection opened per request (so requests run concurrently, and alongside
// an ingest writing the WAL store); POST /api/code runs the pipeline and, with
// "store": true, writes the article. Bodies are limited to 2 MB (413).
#ifndef DYAD_SERVE_SERVER_H_
#define DYAD_SERVE_SERVER_H_

#include <memory>
#include <string>

#include "dyad/status.h"

namespace dyad::serve {

struct ServerOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;            // 0: any free port
  std::string web_dir;        // the built web page (web/dist); "" or absent: a placeholder page
  size_t max_body = 2u << 20;
};

class Server {
 public:
  // Checks that the store opens read-only and binds the socket.
  static Result<std::unique_ptr<Server>> Bind(const ServerOptions& options);
  ~Server();

  int port() const;
  // Serves until Stop; returns when stopped.
  Status Run();
  void Stop();
  // Blocks until Run is accepting connections.
  void WaitUntilReady() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::serve

#endif  // DYAD_SERVE_SERVER_H_
