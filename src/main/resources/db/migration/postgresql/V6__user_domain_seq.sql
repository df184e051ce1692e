-- Domain profile changes for people.listDirectoryPeople incremental sync: a user's appearance in
-- its domain and each change of its profile take a number from the domain's change sequence
-- (domains.last_seq, shared with the shared contacts), recorded on the user row.
ALTER TABLE users ADD COLUMN domain TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN domain_seq BIGINT NOT NULL DEFAULT 0;
UPDATE users SET domain = substring(email from position('@' in email) + 1);
-- Backfill: existing users take fresh numbers, so older sync tokens report them once (never miss).
INSERT INTO domains (name, last_seq) SELECT DISTINCT domain, 0 FROM users WHERE TRUE
  ON CONFLICT (name) DO NOTHING;
UPDATE users SET domain_seq = numbered.seq
  FROM (SELECT u.id AS id, d.last_seq + ROW_NUMBER() OVER (PARTITION BY u.domain ORDER BY u.id) AS seq
        FROM users u JOIN domains d ON d.name = u.domain) AS numbered
  WHERE users.id = numbered.id;
CREATE UNIQUE INDEX users_by_domain_seq ON users (domain, domain_seq);
UPDATE domains SET last_seq = (SELECT MAX(u.domain_seq) FROM users u WHERE u.domain = domains.name)
  WHERE name IN (SELECT domain FROM users);
