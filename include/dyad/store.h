// dyad::Store: the SQLite database (one file, WAL) that holds documents,
// their cleaning log, sentences and tokens, and later mentions, events and
// quotes.
//
// Contract: Put stores one document in one transaction, so a killed run leaves
// the file consistent and a rerun resumes. Documents are keyed by id and
// fingerprinted by a content hash (raw bytes, metadata and pipeline version):
// putting the same document again changes nothing. The schema is versioned
// (PRAGMA user_version) and migrated forward on Open.
#ifndef DYAD_STORE_H_
#define DYAD_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

struct DocumentSummary {
  std::string id, title, source, url;
  std::optional<Date> date;
  int sentences = 0;
  int tokens = 0;
  int drops = 0;
};

struct ActorSummary {
  std::string name, kind, code;
  int mentions = 0;
  int documents = 0;
};

namespace store {
class Database;
}

class Store {
 public:
  enum class Mode { kReadWrite, kReadOnly };
  enum class PutOutcome { kAdded, kReplaced, kUnchanged };

  static Result<std::unique_ptr<Store>> Open(const std::string& path, Mode mode = Mode::kReadWrite);
  ~Store();

  // The fingerprint Put stores for `doc` processed by pipeline `version`.
  static std::string ContentHash(const Document& doc, const std::string& version);
  // True when a document with this id and hash is already stored.
  Result<bool> IsCurrent(const std::string& id, const std::string& hash);

  Result<PutOutcome> Put(const Document& doc, const std::string& hash);

  // The stored document with its sentences, tokens, drops, repairs,
  // quotations, actors, mentions, events and quotes (clean text and raw bytes
  // included); nullopt if absent.
  Result<std::optional<Document>> Get(const std::string& id);
  Result<std::vector<DocumentSummary>> List();
  // Actors over all documents: canonical name, kind and code, with counts.
  Result<std::vector<ActorSummary>> ListActors();

  int schema_version() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  static Status LoadActors(store::Database& db, int64_t key, Document* doc);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad

#endif  // DYAD_STORE_H_
