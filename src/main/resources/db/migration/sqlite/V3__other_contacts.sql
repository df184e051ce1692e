-- Other contacts (https://developers.google.com/people/api/rest/v1/otherContacts): contacts Google
-- creates from interactions, a separate aggregate with the same per-user change sequence as
-- contacts. email_key finds the one other contact per address.
CREATE TABLE other_contacts (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  body TEXT NOT NULL,
  first_key TEXT NOT NULL,
  last_key TEXT NOT NULL,
  email_key TEXT NOT NULL,
  PRIMARY KEY (user_id, id)
);
CREATE UNIQUE INDEX other_contacts_by_seq ON other_contacts (user_id, seq);
CREATE INDEX other_contacts_by_email ON other_contacts (user_id, email_key);
-- Partial, so that no query on live rows (deleted = FALSE) can pick it; serves the purge.
CREATE INDEX other_contacts_tombstones ON other_contacts (updated_at) WHERE deleted = TRUE;

CREATE TABLE other_contact_terms (
  user_id INTEGER NOT NULL,
  term TEXT NOT NULL,
  other_contact_id INTEGER NOT NULL,
  PRIMARY KEY (user_id, term, other_contact_id)
) WITHOUT ROWID;
CREATE INDEX other_contact_terms_by_contact ON other_contact_terms (user_id, other_contact_id);
