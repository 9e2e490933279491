// dyad export --db FILE --format csv|gdelt|plover|graphml: stored events as a file.
#include <fstream>
#include <iostream>

#include "cli.h"
#include "dyad/resources.h"
#include "serve/export.h"

namespace {

int RunExport(const std::vector<std::string>& args) {
  dyad::cli::Options opts("export", "--db FILE --format csv|gdelt|plover|graphml [filters] [-o FILE]",
                          "Writes the stored events that match the filters: csv (with a header), gdelt (the GDELT 1.0\n"
                          "event table's 58 columns in order, tab-separated, no header; tone and geography empty),\n"
                          "plover (PLOVER JSON records, one a line; CAMEO 01x/02x events have no PLOVER type and are\n"
                          "left out) or graphml (the actor network: 6-character codes, edges with count and\n"
                          "mean_goldstein). The filters are those of GET /api/events (docs/api.md).");
  opts.Value("db", "FILE", "the SQLite database")
      .Value("format", "FORMAT", "csv, gdelt, plover or graphml", "csv")
      .Value("o", "FILE", "output file (default: standard output)")
      .Value("actor", "NAME|CODE", "a name or code prefix, either side")
      .Value("source", "CODE", "source code prefix")
      .Value("target", "CODE", "target code prefix")
      .Value("root", "NN", "CAMEO root")
      .Value("plover", "TYPE", "PLOVER type")
      .Value("from", "YYYY-MM-DD", "first event date")
      .Value("to", "YYYY-MM-DD", "last event date")
      .Value("doc", "ID", "one document")
      .Value("min-count", "N", "graphml: leave out edges with fewer events")
      .Value("limit", "N", "at most N events (default and cap: 100000)")
      .Value("data", "DIR", "resource directory (default: built-in data/)");
  int code = 0;
  if (!opts.Parse(args, &code)) return code;
  if (opts.Get("db").empty() || !opts.positional().empty()) {
    std::cerr << "dyad export: needs --db FILE\n" << opts.Help();
    return 2;
  }
  if (opts.Has("data")) dyad::SetDataDir(opts.Get("data"));
  dyad::serve::Params p;
  for (const char* key : {"actor", "source", "target", "root", "plover", "from", "to", "doc", "limit"})
    if (opts.Has(key)) p[key] = opts.Get(key);
  if (opts.Has("min-count")) p["min_count"] = opts.Get("min-count");
  auto db = dyad::store::Database::Open(opts.Get("db"), /*read_only=*/true);
  if (!db.ok()) {
    std::cerr << "dyad export: " << db.status().ToString() << "\n";
    return 1;
  }
  auto file = dyad::serve::Export(*db, opts.Get("db"), opts.Get("format"), p);
  if (!file.ok()) {
    std::cerr << "dyad export: " << file.status().ToString() << "\n";
    return file.status().code() == dyad::Status::Code::kInvalidArgument ? 2 : 1;
  }
  if (opts.Has("o")) {
    std::ofstream out(opts.Get("o"), std::ios::binary);
    out << file->body;
    if (!out) {
      std::cerr << "dyad export: cannot write " << opts.Get("o") << "\n";
      return 1;
    }
  } else {
    std::cout << file->body;
  }
  return 0;
}

}  // namespace

DYAD_COMMAND("export", "export stored events as csv, gdelt, plover or graphml", RunExport);
