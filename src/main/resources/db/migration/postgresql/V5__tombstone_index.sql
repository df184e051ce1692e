-- The tombstone purge only reads deleted rows: a partial index serves it, and unlike the old
-- (deleted, updated_at) index the planner can no longer pick it for "deleted = FALSE" lookups of
-- live contacts, which turned id lookups into scans of every live contact (SQLite).
DROP INDEX contacts_tombstones;
CREATE INDEX contacts_tombstones ON contacts (updated_at) WHERE deleted = TRUE;
