-- State of the server itself that every node on one database shares, so an emulator call on one
-- node governs the next request on any node: the emulator clock offset and a version of the armed
-- faults (one row, read once per request), the armed faults, and named counters (per-user quota
-- windows, search warm-up marks).
CREATE TABLE server_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  clock_offset_ms INTEGER NOT NULL DEFAULT 0,
  faults_version INTEGER NOT NULL DEFAULT 0
);
INSERT INTO server_state (id) VALUES (1);

CREATE TABLE emulator_faults (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  method TEXT NOT NULL,
  user_email TEXT,
  kind TEXT NOT NULL,
  remaining INTEGER NOT NULL
);

CREATE TABLE server_counters (
  name TEXT PRIMARY KEY,
  period INTEGER NOT NULL,
  value INTEGER NOT NULL
);
