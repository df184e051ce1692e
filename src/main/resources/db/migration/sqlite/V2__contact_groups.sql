-- User contact groups (system groups are not stored) with their change sequence, and the
-- membership index kept in step with every contact write (member counts and lists read it).
CREATE TABLE contact_groups (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  name TEXT NOT NULL,
  client_data TEXT NOT NULL,
  PRIMARY KEY (user_id, id)
);
CREATE UNIQUE INDEX contact_groups_by_seq ON contact_groups (user_id, seq);
CREATE UNIQUE INDEX contact_groups_by_name ON contact_groups (user_id, name) WHERE deleted = FALSE;
CREATE INDEX contact_groups_tombstones ON contact_groups (updated_at) WHERE deleted = TRUE;

CREATE TABLE group_members (
  user_id INTEGER NOT NULL,
  group_id TEXT NOT NULL,
  contact_id INTEGER NOT NULL,
  PRIMARY KEY (user_id, group_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX group_members_by_contact ON group_members (user_id, contact_id);

-- Index the memberships of contacts written before this version.
INSERT OR IGNORE INTO group_members (user_id, group_id, contact_id)
SELECT c.user_id, json_extract(m.value, '$.contactGroupMembership.contactGroupId'), c.id
FROM contacts c, json_each(c.body, '$.memberships') m
WHERE c.deleted = FALSE
  AND json_extract(m.value, '$.contactGroupMembership.contactGroupId') IS NOT NULL;

-- Member counts per group (system or user), kept in step with group_members.
CREATE TABLE group_counts (
  user_id INTEGER NOT NULL,
  group_id TEXT NOT NULL,
  members INTEGER NOT NULL,
  PRIMARY KEY (user_id, group_id)
) WITHOUT ROWID;
INSERT INTO group_counts (user_id, group_id, members)
SELECT user_id, group_id, COUNT(*) FROM group_members GROUP BY user_id, group_id;
