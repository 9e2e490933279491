// dyad serve --db FILE: the HTTP JSON API and the web page (docs/api.md).
#include <csignal>
#include <iostream>

#include "cli.h"
#include "dyad/resources.h"
#include "serve/server.h"

namespace {

dyad::serve::Server* g_server = nullptr;

void OnSignal(int) {
  if (g_server) g_server->Stop();
}

int RunServe(const std::vector<std::string>& args) {
  dyad::cli::Options opts("serve", "--db FILE [--host 127.0.0.1] [--port 8080] [--web DIR]",
                          "Serves the JSON API of docs/api.md and the web page over HTTP. The store is opened\n"
                          "read-only; only POST /api/code with \"store\": true writes. Binds to 127.0.0.1 unless\n"
                          "--host says otherwise; --port 0 picks a free port. Stops on Ctrl-C.");
  opts.Value("db", "FILE", "the SQLite database")
      .Value("host", "ADDR", "address to bind", "127.0.0.1")
      .Value("port", "N", "port to listen on (0: any free port)", "8080")
      .Value("web", "DIR", "the built web page (default: web/dist beside the data directory, if present)")
      .Value("data", "DIR", "resource directory (default: built-in data/)");
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  if (opts.Get("db").empty() || !opts.positional().empty()) {
    std::cerr << "dyad serve: needs --db FILE\n" << opts.Help();
    return 2;
  }
  if (opts.Has("data")) dyad::SetDataDir(opts.Get("data"));
  dyad::serve::ServerOptions so;
  so.db_path = opts.Get("db");
  so.host = opts.Get("host");
  try {
    so.port = std::stoi(opts.Get("port"));
  } catch (...) {
    so.port = -1;
  }
  if (so.port < 0 || so.port > 65535) {
    std::cerr << "dyad serve: --port must be 0..65535\n";
    return 2;
  }
  so.web_dir = opts.Has("web") ? opts.Get("web") : dyad::DataDir() + "/../web/dist";
  auto server = dyad::serve::Server::Bind(so);
  if (!server.ok()) {
    std::cerr << "dyad serve: " << server.status().ToString() << "\n";
    return 1;
  }
  g_server = server->get();
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::cout << "dyad serve: http://" << so.host << ":" << (*server)->port() << "/" << std::endl;
  dyad::Status s = (*server)->Run();
  g_server = nullptr;
  if (!s.ok()) {
    std::cerr << "dyad serve: " << s.ToString() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

DYAD_COMMAND("serve", "serve the JSON API and the web page over HTTP", RunServe);
