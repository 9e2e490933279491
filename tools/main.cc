// dyad: turns news articles into political event data. A thin dispatcher over
// libdyad; each command is in tools/cmd_<name>.cc.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"

namespace {

void PrintUsage(std::ostream& out) {
  out << "usage: dyad COMMAND [options] [args]\n\ncommands:\n";
  for (const auto& c : dyad::cli::Commands()) {
    out << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ') << c.summary << "\n";
  }
  out << "\n'dyad COMMAND --help' describes a command.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintUsage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "dyad " << DYAD_CLI_VERSION << "\n";
    return 0;
  }
  for (const auto& c : dyad::cli::Commands()) {
    if (c.name == args[0]) {
      try {
        return c.run(args);
      } catch (const std::exception& e) {  // the outer edge: nothing escapes main
        std::cerr << "dyad " << c.name << ": internal error: " << e.what() << "\n";
        return 70;
      }
    }
  }
  std::cerr << "dyad: unknown command '" << args[0] << "'\n";
  PrintUsage(std::cerr);
  return 2;
}
