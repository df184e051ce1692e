-- CardDAV: which contact holds each vCard UID of a user's address book, so that a PUT can refuse a
-- second card with a UID already in use (RFC 6352 section 6.3.2.1, CARDDAV:no-uid-conflict) with
-- one key read. A row can be stale (its contact deleted or its UID changed): readers check the
-- contact. Filled from the UIDs already kept with the contacts.
CREATE TABLE card_uids (
  user_id INTEGER NOT NULL,
  uid TEXT NOT NULL,
  contact_id INTEGER NOT NULL,
  PRIMARY KEY (user_id, uid)
) WITHOUT ROWID;

INSERT OR IGNORE INTO card_uids (user_id, uid, contact_id)
  SELECT user_id, json_extract(body, '$.vcard.uid'), id FROM contacts
  WHERE NOT deleted AND json_extract(body, '$.vcard.uid') IS NOT NULL;
