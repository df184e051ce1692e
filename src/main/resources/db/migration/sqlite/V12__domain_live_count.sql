-- How many live (not deleted) shared contacts each domain has, kept by every write of a shared
-- contact: a GData feed page reports it as openSearch:totalResults, which counting the rows made
-- cost the whole domain on every page.
ALTER TABLE domains ADD COLUMN live_count INTEGER NOT NULL DEFAULT 0;
UPDATE domains SET live_count =
  (SELECT COUNT(*) FROM shared_contacts s WHERE s.domain = domains.name AND s.deleted = FALSE);
