// dyad actors --db FILE: the actors of a store with their codes and mention
// counts.
#include <cstdio>
#include <iostream>

#include "cli.h"
#include "dyad/store.h"

namespace {

int RunActors(const std::vector<std::string>& args) {
  dyad::cli::Options opts("actors", "--db FILE [--min N]",
                          "Lists the actors mentioned in the stored documents: canonical name, kind, CAMEO code\n"
                          "(at each document's date), number of mentions and of documents, most mentioned first.");
  opts.Value("db", "FILE", "the SQLite database").Value("min", "N", "only actors with at least N mentions", "1");
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  if (opts.Get("db").empty() || !opts.positional().empty()) {
    std::cerr << "dyad actors: needs --db FILE and no other arguments\n" << opts.Help();
    return 2;
  }
  auto store = dyad::Store::Open(opts.Get("db"), dyad::Store::Mode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "dyad actors: " << store.status().ToString() << "\n";
    return 1;
  }
  auto actors = (*store)->ListActors();
  if (!actors.ok()) {
    std::cerr << "dyad actors: " << actors.status().ToString() << "\n";
    return 1;
  }
  int min = std::stoi(opts.Get("min"));
  std::printf("%-9s %-6s %-12s %-8s %s\n", "mentions", "docs", "code", "kind", "actor");
  for (const auto& a : *actors) {
    if (a.mentions < min) continue;
    std::printf("%-9d %-6d %-12s %-8s %s\n", a.mentions, a.documents, a.code.empty() ? "-" : a.code.c_str(),
                a.kind.c_str(), a.name.c_str());
  }
  return 0;
}

}  // namespace

DYAD_COMMAND("actors", "list the actors of a store with codes and mention counts", RunActors);
