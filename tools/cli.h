// The dyad command line: a registry of commands and a small option parser.
//
// Each command lives in its own tools/cmd_<name>.cc and registers itself with
// DYAD_COMMAND; main.cc only dispatches. Commands parse their options with
// Options, which also prints --help from the declared options.
#ifndef DYAD_TOOLS_CLI_H_
#define DYAD_TOOLS_CLI_H_

#include <map>
#include <string>
#include <vector>

namespace dyad::cli {

// A command's entry point: args[0] is the command name, the rest its words.
using RunFn = int (*)(const std::vector<std::string>& args);

struct Command {
  std::string name;
  std::string summary;
  RunFn run;
};

bool Register(Command command);
const std::vector<Command>& Commands();  // sorted by name

#define DYAD_COMMAND(name, summary, fn) \
  static const bool dyad_registered_##fn = ::dyad::cli::Register({name, summary, fn})

// Options for one command: declare, then Parse. Accepts "--name value",
// "--name=value", repeated options, and "--" to end options.
class Options {
 public:
  Options(std::string command, std::string usage, std::string description);

  Options& Flag(const std::string& name, const std::string& help);
  Options& Value(const std::string& name, const std::string& metavar, const std::string& help,
                 const std::string& default_value = "");

  // Returns false after printing --help (status 0) or an error (status 2) to the
  // proper stream; *exit_code says which.
  bool Parse(const std::vector<std::string>& args, int* exit_code);

  bool Has(const std::string& name) const;
  std::string Get(const std::string& name) const;  // last value, or the default
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }
  const std::string& command() const { return command_; }
  std::string Help() const;

 private:
  struct Spec {
    std::string name, metavar, help, default_value;
    bool takes_value;
  };
  const Spec* Find(const std::string& name) const;

  std::string command_, usage_, description_;
  std::vector<Spec> specs_;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

}  // namespace dyad::cli

#endif  // DYAD_TOOLS_CLI_H_
