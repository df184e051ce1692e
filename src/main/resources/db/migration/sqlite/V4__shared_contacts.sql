-- Domain shared contacts (GData Atom API and the People directory): one change sequence per
-- domain, tombstones kept 30 days, photos apart from the rows.
CREATE TABLE domains (
  name TEXT PRIMARY KEY,
  last_seq INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE shared_contacts (
  domain TEXT NOT NULL,
  id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  entry TEXT NOT NULL,
  person TEXT NOT NULL,
  search_text TEXT NOT NULL,
  photo_version INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (domain, id)
);
CREATE UNIQUE INDEX shared_contacts_by_seq ON shared_contacts (domain, seq);
CREATE INDEX shared_contacts_by_updated ON shared_contacts (domain, updated_at, seq);
CREATE INDEX shared_contacts_live ON shared_contacts (domain, deleted, id);
CREATE INDEX shared_contacts_tombstones ON shared_contacts (deleted, updated_at);

CREATE TABLE shared_contact_photos (
  domain TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (domain, contact_id)
);
