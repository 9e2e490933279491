// dyad::Store: the SQLite database (one file, WAL) that holds documents,
// their cleaning log, sentences and tokens, and later mentions, events and
// quotes.
//
// Contract: documents are committed in batches. A batch is one transaction:
// Put adds a document to the open batch (all of the document or, when Put
// fails, none of it), and the batch commits when it holds
// Batching::documents documents, when it has been open for
// Batching::seconds, on Flush and on destruction. A killed run therefore
// leaves the file consistent: every committed document is complete, and the
// documents of the uncommitted batch are simply absent, so a rerun redoes
// them and skips the rest. Documents are keyed by id and fingerprinted by a
// content hash (raw bytes, metadata and pipeline version): putting the same
// document again changes nothing. The schema is versioned
// (PRAGMA user_version) and migrated forward on Open. Its foreign keys are
// kept by construction, not enforced: Put writes a document's rows under the
// key it has just inserted and deletes a replaced document's rows itself.
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
  // When Put commits the open batch. The default, one document a batch,
  // commits in every Put (a caller that reports each Put's outcome at once,
  // like the server, needs nothing else). Bulk writers (ingest, bench) take
  // larger batches: committing costs a WAL write of every page the batch
  // touched, and consecutive documents touch many of the same pages.
  struct Batching {
    int documents = 1;     // commit after this many documents (<= 1: every Put)
    double seconds = 0;    // also once the batch is this old at a Put (<= 0: no time bound)
  };
  // The batching of ingest and bench.
  static constexpr Batching kBulk{64, 1.0};

  static Result<std::unique_ptr<Store>> Open(const std::string& path, Mode mode = Mode::kReadWrite);
  static Result<std::unique_ptr<Store>> Open(const std::string& path, Mode mode, Batching batching);
  // Commits the open batch (Flush), ignoring a failure: call Flush first to
  // learn of one.
  ~Store();

  // The fingerprint Put stores for `doc` processed by pipeline `version`.
  static std::string ContentHash(const Document& doc, const std::string& version);
  // True when a document with this id and hash is already stored.
  Result<bool> IsCurrent(const std::string& id, const std::string& hash);

  // Adds the document to the open batch (beginning one if needed) and commits
  // the batch when Batching says so. A failed Put leaves nothing of `doc`
  // and keeps the batch's other documents; a failed commit rolls the whole
  // batch back and returns an error naming how many documents it lost. The
  // outcome is final once the batch commits. Reads through this Store (Get,
  // List, IsCurrent) see the open batch; other connections see only
  // committed batches.
  Result<PutOutcome> Put(const Document& doc, const std::string& hash);
  // Commits the open batch, if any. Ok when there is none.
  Status Flush();
  // Documents put since the last commit.
  int pending() const;

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
