-- administrators of the appliance and administrative schedules
--
-- Same conventions as 0001: times INTEGER milliseconds UTC, names upper case, enums by name, STRICT tables.

-- REGISTER ADMIN: one row per administrator ID. password is the encoded hash (pbkdf2-sha256$iterations$salt$hash),
-- never the password. failed_attempts and locked_until are the lockout after repeated failed logins; locked is
-- LOCK ADMIN (until UNLOCK ADMIN). last_access is the last command the administrator ran (QUERY ADMIN's Days Since
-- Last Access); NULL before the first.
CREATE TABLE administrator (
  id              TEXT    PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  password        TEXT    NOT NULL,
  authority       TEXT    NOT NULL CHECK (authority IN ('SYSTEM', 'OPERATOR', 'READ')),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until    INTEGER,
  locked          INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  registered      INTEGER NOT NULL,
  registered_by   TEXT,
  last_access     INTEGER
) STRICT;

-- DEFINE SCHEDULE: definition is the schedule as a canonical DEFINE SCHEDULE command, which the schedule package
-- parses back; owner is the administrator who defined or last updated it. last_run/last_result: the latest run.
CREATE TABLE admin_schedule (
  name        TEXT    PRIMARY KEY CHECK (length(name) >= 1),
  definition  TEXT    NOT NULL,
  owner       TEXT    NOT NULL,
  last_run    INTEGER,
  last_result TEXT
) STRICT;
