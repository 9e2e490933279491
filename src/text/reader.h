// Reading articles from files: plain text, JSON Lines and HTML, and directories
// of them.
//
// Contract: every input either yields Documents or an error Status that names
// the file, the line (JSON Lines) or the byte offset, and what was wrong; one
// bad input never stops the others. A Document's id is its JSON Lines "id", or
// the file name without extension. Its date comes from the metadata (JSON
// Lines "date"/"publishing_date", a .txt file's sidecar .json with the same
// name, HTML meta tags), else from ReadOptions::default_date, else stays
// unknown. A directory may hold a manifest for its files (manifest.jsonl, one
// object a line, or index.json with a "documents" list; records keyed by "id"
// or "file"); a .txt file's own sidecar .json wins over it. Raw bytes are kept exactly: for .txt and .html the file's bytes, for
// JSON Lines the decoded "text" value. For HTML, the extracted main text and its
// offset map are left in Document::clean and Document::map for the cleaner.
#ifndef DYAD_TEXT_READER_H_
#define DYAD_TEXT_READER_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::text {

struct ReadOptions {
  std::optional<Date> default_date;  // --date: for documents whose metadata has none
  size_t max_document_bytes = 16u << 20;
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(const Status&)>;

// Reads every path (a file or a directory, recursively: .txt, .text, .jsonl,
// .ndjson, .html, .htm; .json files beside a .txt are its metadata).
void ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options, const DocumentSink& on_document,
                const ErrorSink& on_error);

// The files ReadInputs would read for `paths`, in order; missing paths are
// reported through on_error.
std::vector<std::string> ListInputFiles(const std::vector<std::string>& paths, const ErrorSink& on_error);

// Checks that `bytes` can be a document: not empty, not binary, valid UTF-8.
Status CheckText(std::string_view bytes, const std::string& name);

// Reads one JSON Lines record; `line_no` is 1-based, for messages.
Result<Document> ParseJsonLine(std::string_view line, const std::string& file, int64_t line_no,
                               const ReadOptions& options);

}  // namespace dyad::text

#endif  // DYAD_TEXT_READER_H_
