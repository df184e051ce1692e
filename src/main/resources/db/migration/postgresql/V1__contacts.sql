-- Users, contacts with their change sequence (the per-user change log), search terms, photos.
-- Text keys use the C collation so ordering and prefix ranges match SQLite's byte order.
CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  last_seq BIGINT NOT NULL DEFAULT 0,
  profile TEXT,
  created_at BIGINT NOT NULL
);

CREATE TABLE contacts (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  body TEXT NOT NULL,
  first_key TEXT COLLATE "C" NOT NULL,
  last_key TEXT COLLATE "C" NOT NULL,
  photo_version BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, id)
);
CREATE UNIQUE INDEX contacts_by_seq ON contacts (user_id, seq);
CREATE INDEX contacts_by_first ON contacts (user_id, first_key, id);
CREATE INDEX contacts_by_last ON contacts (user_id, last_key, id);
CREATE INDEX contacts_tombstones ON contacts (deleted, updated_at);

CREATE TABLE contact_terms (
  user_id BIGINT NOT NULL,
  term TEXT COLLATE "C" NOT NULL,
  contact_id BIGINT NOT NULL,
  PRIMARY KEY (user_id, term, contact_id)
);
CREATE INDEX contact_terms_by_contact ON contact_terms (user_id, contact_id);

CREATE TABLE photos (
  user_id BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  content_type TEXT NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (user_id, contact_id)
);

CREATE TABLE secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
