-- User contact groups (system groups are not stored) with their change sequence, and the
-- membership index kept in step with every contact write (member counts and lists read it).
CREATE TABLE contact_groups (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  id TEXT COLLATE "C" NOT NULL,
  seq BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  name TEXT NOT NULL,
  client_data TEXT NOT NULL,
  PRIMARY KEY (user_id, id)
);
CREATE UNIQUE INDEX contact_groups_by_seq ON contact_groups (user_id, seq);
CREATE UNIQUE INDEX contact_groups_by_name ON contact_groups (user_id, name) WHERE deleted = FALSE;
CREATE INDEX contact_groups_tombstones ON contact_groups (updated_at) WHERE deleted = TRUE;

CREATE TABLE group_members (
  user_id BIGINT NOT NULL,
  group_id TEXT COLLATE "C" NOT NULL,
  contact_id BIGINT NOT NULL,
  PRIMARY KEY (user_id, group_id, contact_id)
);
CREATE INDEX group_members_by_contact ON group_members (user_id, contact_id);

-- Index the memberships of contacts written before this version.
INSERT INTO group_members (user_id, group_id, contact_id)
SELECT c.user_id, m -> 'contactGroupMembership' ->> 'contactGroupId', c.id
FROM contacts c, jsonb_array_elements(c.body::jsonb -> 'memberships') m
WHERE c.deleted = FALSE
  AND m -> 'contactGroupMembership' ->> 'contactGroupId' IS NOT NULL
ON CONFLICT DO NOTHING;

-- Member counts per group (system or user), kept in step with group_members.
CREATE TABLE group_counts (
  user_id BIGINT NOT NULL,
  group_id TEXT COLLATE "C" NOT NULL,
  members BIGINT NOT NULL,
  PRIMARY KEY (user_id, group_id)
);
INSERT INTO group_counts (user_id, group_id, members)
SELECT user_id, group_id, COUNT(*) FROM group_members GROUP BY user_id, group_id;
