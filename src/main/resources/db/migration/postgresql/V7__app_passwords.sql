-- CardDAV app passwords: per-user passwords for HTTP Basic in production mode, stored as Argon2id
-- hashes. Keyed by e-mail address so an administrator can create one before the user's first login.
CREATE TABLE app_passwords (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL,
  label TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX app_passwords_by_email ON app_passwords (email);
