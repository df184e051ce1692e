-- CardDAV: which contact holds each vCard UID of a user's address book, so that a PUT can refuse a
-- second card with a UID already in use (RFC 6352 section 6.3.2.1, CARDDAV:no-uid-conflict) with
-- one key read. A row can be stale (its contact deleted or its UID changed): readers check the
-- contact. Filled from the UIDs already kept with the contacts.
CREATE TABLE card_uids (
  user_id BIGINT NOT NULL,
  uid TEXT NOT NULL,
  contact_id BIGINT NOT NULL,
  PRIMARY KEY (user_id, uid)
);

INSERT INTO card_uids (user_id, uid, contact_id)
  SELECT user_id, body::jsonb #>> '{vcard,uid}', id FROM contacts
  WHERE NOT deleted AND body::jsonb #>> '{vcard,uid}' IS NOT NULL
  ON CONFLICT DO NOTHING;
