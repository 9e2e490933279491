// Small string helpers shared by the stages (no allocation where a view does).
#ifndef DYAD_BASE_STRINGS_H_
#define DYAD_BASE_STRINGS_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dyad {

// Lines of `s` without their "\n" or "\r\n" ends.
std::vector<std::string_view> SplitLines(std::string_view s);
// A data line of a line-oriented resource file, with its 1-based number.
struct DataLine {
  int number;
  std::string_view text;
};
// The data lines of `content`: blank lines and lines starting with '#' are
// skipped, the rest keep their numbers for error messages.
std::vector<DataLine> DataLines(std::string_view content);
std::vector<std::string_view> Split(std::string_view s, char sep);
std::vector<std::string_view> SplitOn(std::string_view s, std::string_view sep);
std::string_view Trim(std::string_view s);  // ASCII white space
// The line without its comment: '#' at the start or after white space.
std::string_view StripHashComment(std::string_view line);
// Fields separated by one or more TABs (runs of TABs align columns), trimmed.
std::vector<std::string_view> TabFields(std::string_view line);
bool ParseInt(std::string_view s, int* out);
// Inline: most callers pass a literal, whose length is then a constant.
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
// Hashes std::string and std::string_view alike, so that sets and maps of
// strings are searched with a view: no string is built for a lookup.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using ViewSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;
template <typename T>
using ViewMap = std::unordered_map<std::string, T, ViewHash, std::equal_to<>>;

// Reads a whole file; false when it cannot be opened.
bool ReadWholeFile(const std::string& path, std::string* out);

}  // namespace dyad

#endif  // DYAD_BASE_STRINGS_H_
