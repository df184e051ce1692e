-- The version of the rules that computed the stored sort keys and search terms (name collation
-- keys, folded search text). Empty: rows written before those rules (lower-cased names and terms);
-- the server re-indexes such rows at start and records the version it used.
ALTER TABLE server_state ADD COLUMN index_version TEXT NOT NULL DEFAULT '';
