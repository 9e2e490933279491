#include "cli.h"

#include <algorithm>
#include <iostream>
#include <sstream>

namespace dyad::cli {

static std::vector<Command>& Registry() {
  static std::vector<Command> commands;
  return commands;
}

bool Register(Command command) {
  auto& r = Registry();
  r.push_back(std::move(command));
  std::sort(r.begin(), r.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  return true;
}

const std::vector<Command>& Commands() { return Registry(); }

Options::Options(std::string command, std::string usage, std::string description)
    : command_(std::move(command)), usage_(std::move(usage)), description_(std::move(description)) {
  Flag("help", "show this help and exit");
}

Options& Options::Flag(const std::string& name, const std::string& help) {
  specs_.push_back({name, "", help, "", false});
  return *this;
}

Options& Options::Value(const std::string& name, const std::string& metavar, const std::string& help,
                        const std::string& default_value) {
  specs_.push_back({name, metavar, help, default_value, true});
  return *this;
}

const Options::Spec* Options::Find(const std::string& name) const {
  for (const auto& s : specs_)
    if (s.name == name) return &s;
  return nullptr;
}

bool Options::Parse(const std::vector<std::string>& args, int* exit_code) {
  bool options_ended = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_ended || a.size() < 2 || a[0] != '-' || a == "-") {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      options_ended = true;
      continue;
    }
    std::string name = a.substr(a[1] == '-' ? 2 : 1), value;
    bool inline_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
      inline_value = true;
    }
    if (name == "h") name = "help";
    const Spec* spec = Find(name);
    if (!spec) {
      std::cerr << "dyad " << command_ << ": unknown option '" << a << "'\n" << "try 'dyad " << command_ << " --help'\n";
      *exit_code = 2;
      return false;
    }
    if (spec->takes_value && !inline_value) {
      if (i + 1 >= args.size()) {
        std::cerr << "dyad " << command_ << ": option --" << name << " needs a value (" << spec->metavar << ")\n";
        *exit_code = 2;
        return false;
      }
      value = args[++i];
    } else if (!spec->takes_value && inline_value) {
      std::cerr << "dyad " << command_ << ": option --" << name << " takes no value\n";
      *exit_code = 2;
      return false;
    }
    values_[name].push_back(value);
  }
  if (Has("help")) {
    std::cout << Help();
    *exit_code = 0;
    return false;
  }
  return true;
}

bool Options::Has(const std::string& name) const { return values_.count(name) > 0; }

std::string Options::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it != values_.end() && !it->second.empty()) return it->second.back();
  const Spec* s = Find(name);
  return s ? s->default_value : "";
}

std::vector<std::string> Options::GetAll(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::string Options::Help() const {
  std::ostringstream out;
  out << "usage: dyad " << command_ << " " << usage_ << "\n\n" << description_ << "\n\noptions:\n";
  for (const auto& s : specs_) {
    std::string left = "  --" + s.name + (s.takes_value ? " " + s.metavar : "");
    out << left;
    if (left.size() < 26) out << std::string(26 - left.size(), ' ');
    else out << "\n" << std::string(26, ' ');
    out << s.help;
    if (!s.default_value.empty()) out << " (default: " << s.default_value << ")";
    out << "\n";
  }
  return out.str();
}

}  // namespace dyad::cli
