-- Users, contacts with their change sequence (the per-user change log), search terms, photos.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  last_seq INTEGER NOT NULL DEFAULT 0,
  profile TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE contacts (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  body TEXT NOT NULL,
  first_key TEXT NOT NULL,
  last_key TEXT NOT NULL,
  photo_version INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, id)
);
CREATE UNIQUE INDEX contacts_by_seq ON contacts (user_id, seq);
CREATE INDEX contacts_by_first ON contacts (user_id, first_key, id);
CREATE INDEX contacts_by_last ON contacts (user_id, last_key, id);
CREATE INDEX contacts_tombstones ON contacts (deleted, updated_at);

CREATE TABLE contact_terms (
  user_id INTEGER NOT NULL,
  term TEXT NOT NULL,
  contact_id INTEGER NOT NULL,
  PRIMARY KEY (user_id, term, contact_id)
) WITHOUT ROWID;
CREATE INDEX contact_terms_by_contact ON contact_terms (user_id, contact_id);

CREATE TABLE photos (
  user_id INTEGER NOT NULL,
  contact_id INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (user_id, contact_id)
);

CREATE TABLE secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
