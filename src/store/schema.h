// The store's schema as numbered migrations. Migration N brings a database at
// user_version N-1 to N; Open applies the missing ones in one transaction.
// Append new migrations; never edit a released one.
#ifndef DYAD_STORE_SCHEMA_H_
#define DYAD_STORE_SCHEMA_H_

namespace dyad::store {

inline constexpr const char* kMigrations[] = {
    // 1: documents and the text layer.
    R"sql(
CREATE TABLE documents (
  doc          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  source       TEXT NOT NULL DEFAULT '',
  url          TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL DEFAULT '',
  date         TEXT,                      -- YYYY-MM-DD, NULL when unknown
  content_hash TEXT NOT NULL,
  raw          BLOB NOT NULL,             -- the input exactly as read
  clean        TEXT NOT NULL,
  n_sentences  INTEGER NOT NULL,
  n_tokens     INTEGER NOT NULL,
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE drops (
  doc       INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  raw_begin INTEGER NOT NULL,
  raw_end   INTEGER NOT NULL,
  reason    TEXT NOT NULL
);
CREATE INDEX drops_doc ON drops(doc);
CREATE TABLE repairs (
  doc       INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  raw_begin INTEGER NOT NULL,
  raw_end   INTEGER NOT NULL,
  repaired  TEXT NOT NULL
);
CREATE INDEX repairs_doc ON repairs(doc);
CREATE TABLE quotations (
  doc       INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  idx       INTEGER NOT NULL,
  raw_begin INTEGER NOT NULL,
  raw_end   INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE TABLE sentences (
  doc       INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  idx       INTEGER NOT NULL,
  raw_begin INTEGER NOT NULL,
  raw_end   INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  quotation INTEGER,                      -- NULL when not inside a quotation
  heading   INTEGER NOT NULL,
  text      TEXT NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE TABLE tokens (
  doc         INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  sent        INTEGER NOT NULL,
  idx         INTEGER NOT NULL,
  form        TEXT NOT NULL,
  lemma       TEXT NOT NULL DEFAULT '',
  upos        TEXT NOT NULL DEFAULT '',
  xpos        TEXT NOT NULL DEFAULT '',
  head        INTEGER NOT NULL DEFAULT -1,  -- token index in the sentence; -1: root
  deprel      TEXT NOT NULL DEFAULT '',
  raw_begin   INTEGER NOT NULL,
  raw_end     INTEGER NOT NULL,
  space_after INTEGER NOT NULL,
  PRIMARY KEY (doc, sent, idx)
) WITHOUT ROWID;
)sql",
    // 2: actors and their mentions (the lexicon stage).
    R"sql(
CREATE TABLE actors (
  doc         INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  code        TEXT NOT NULL,
  country     TEXT NOT NULL,
  gender      TEXT NOT NULL,
  in_dictionary INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX actors_name ON actors(name);
CREATE TABLE mentions (
  doc         INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  sent        INTEGER NOT NULL,
  first_token INTEGER NOT NULL,
  last_token  INTEGER NOT NULL,
  raw_begin   INTEGER NOT NULL,
  raw_end     INTEGER NOT NULL,
  text        TEXT NOT NULL,
  actor       INTEGER NOT NULL,
  code        TEXT NOT NULL,
  how         TEXT NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_code ON mentions(code);
)sql",
    // 3: events and quotes (the coding stage). Actor and mention indices are
    // NULL when there is none; codes are '' when there is none (target,
    // plover); event_date is NULL when unknown. Spans are raw byte offsets.
    R"sql(
CREATE TABLE events (
  doc            INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  sentence       INTEGER NOT NULL,
  predicate      INTEGER NOT NULL,          -- token index in the sentence; -1: none
  source_actor   INTEGER,                   -- actors.idx of the same doc; NULL: none
  target_actor   INTEGER,
  source         TEXT NOT NULL,             -- CAMEO actor codes at the event date
  target         TEXT NOT NULL,             -- '' when the event has no recipient
  cameo          TEXT NOT NULL,
  root           TEXT NOT NULL,
  quad_class     INTEGER NOT NULL,
  goldstein      REAL NOT NULL,
  plover         TEXT NOT NULL,             -- '' for CAMEO 01x/02x
  event_date     TEXT,                      -- YYYY-MM-DD, NULL when unknown
  date_resolved  INTEGER NOT NULL,          -- 0: the publication date stands in
  intent         INTEGER NOT NULL,
  evidence_begin INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  trigger_begin  INTEGER NOT NULL,
  trigger_end    INTEGER NOT NULL,
  rule           TEXT NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX events_dyad ON events(source, target);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_date ON events(event_date);
CREATE TABLE quotes (
  doc             INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  raw_begin       INTEGER NOT NULL,          -- the quoted words, without the marks
  raw_end         INTEGER NOT NULL,
  speaker_actor   INTEGER,                   -- actors.idx; NULL: no speaker found
  speaker_mention INTEGER,                   -- mentions.idx; NULL: none
  speaker         TEXT NOT NULL,             -- CAMEO code at the date; '' when none
  first_sentence  INTEGER NOT NULL,
  last_sentence   INTEGER NOT NULL,
  rule            TEXT NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker);
)sql",
    // 4: the token layer as one JSON row per document. A row per token cost
    // about 7 % of the pipeline's time in B-tree inserts (the file's size is
    // about the same either way); the view `tokens` keeps the rows of
    // schema 1 queryable, decoded
    // by SQLite's JSON functions. `tokens` holds one array per sentence
    // (sentences.idx order), of one array per token:
    // [form, lemma, upos, xpos, head, deprel, raw_begin, raw_end, space_after].
    // The copy reads each sentence's tokens in index order; a sentence
    // without tokens gets [].
    R"sql(
CREATE TABLE token_layers (
  doc    INTEGER PRIMARY KEY REFERENCES documents(doc) ON DELETE CASCADE,
  tokens TEXT NOT NULL
);
INSERT INTO token_layers (doc, tokens)
  SELECT doc, json_group_array(json(words)) FROM (
    SELECT s.doc AS doc, s.idx AS sent,
           (SELECT json_group_array(json_array(form, lemma, upos, xpos, head, deprel, raw_begin, raw_end, space_after))
              FROM (SELECT * FROM tokens t WHERE t.doc = s.doc AND t.sent = s.idx ORDER BY t.idx)) AS words
      FROM sentences s ORDER BY s.doc, s.idx)
  GROUP BY doc;
DROP TABLE tokens;
CREATE VIEW tokens (doc, sent, idx, form, lemma, upos, xpos, head, deprel, raw_begin, raw_end, space_after) AS
  SELECT l.doc, s.key, w.key,
         json_extract(w.value, '$[0]'), json_extract(w.value, '$[1]'), json_extract(w.value, '$[2]'),
         json_extract(w.value, '$[3]'), json_extract(w.value, '$[4]'), json_extract(w.value, '$[5]'),
         json_extract(w.value, '$[6]'), json_extract(w.value, '$[7]'), json_extract(w.value, '$[8]')
    FROM token_layers l, json_each(l.tokens) s, json_each(s.value) w;
)sql",
    // 5: a document whose metadata gives a month or a year but no day keeps
    // the middle of that period (YYYY-MM-DD; NULL otherwise): its actor codes
    // were resolved at it (Document::approximate_date).
    R"sql(
ALTER TABLE documents ADD COLUMN date_approx TEXT;
)sql",
};

inline constexpr int kSchemaVersion = sizeof(kMigrations) / sizeof(kMigrations[0]);

}  // namespace dyad::store

#endif  // DYAD_STORE_SCHEMA_H_
