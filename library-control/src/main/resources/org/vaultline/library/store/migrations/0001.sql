-- library control: libraries, drives, paths, volumes, elements, moves, requests, processes, activity log, outbox
--
-- Conventions: times are INTEGER milliseconds since 1970-01-01 UTC; element addresses are INTEGER
-- 0..65535; names are stored as the command layer gives them (upper case, as TSM does); enums by name.
-- Tables are STRICT so a wrong type is an error, not a silent conversion.

-- Numbered background processes (QUERY PROCESS, CANCEL PROCESS).
CREATE TABLE process (
  number           INTEGER PRIMARY KEY AUTOINCREMENT,
  description      TEXT    NOT NULL,
  state            TEXT    NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'INTERRUPTED')),
  status           TEXT    NOT NULL DEFAULT '',
  admin            TEXT,
  cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
  started          INTEGER NOT NULL,
  ended            INTEGER,
  CHECK ((state = 'RUNNING') = (ended IS NULL))
) STRICT;
CREATE INDEX process_running ON process (number) WHERE state = 'RUNNING';

-- DEFINE LIBRARY. Identity (INQUIRY, unit serial number) is filled in when the library is first reached.
CREATE TABLE library (
  name     TEXT    PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 30),
  serial   TEXT,
  vendor   TEXT,
  product  TEXT,
  revision TEXT,
  online   INTEGER NOT NULL DEFAULT 1 CHECK (online IN (0, 1)),
  defined  INTEGER NOT NULL,
  updated  INTEGER NOT NULL
) STRICT;

-- DEFINE DRIVE. element/serial NULL: ELEMENT=AUTODETECT / SERIAL=AUTODETECT, not known yet.
CREATE TABLE drive (
  library  TEXT    NOT NULL REFERENCES library (name),
  name     TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
  element  INTEGER CHECK (element BETWEEN 0 AND 65535),
  serial   TEXT,
  vendor   TEXT,
  product  TEXT,
  revision TEXT,
  online   INTEGER NOT NULL DEFAULT 1 CHECK (online IN (0, 1)),
  defined  INTEGER NOT NULL,
  updated  INTEGER NOT NULL,
  PRIMARY KEY (library, name)
) STRICT;
CREATE UNIQUE INDEX drive_element ON drive (library, element) WHERE element IS NOT NULL;
CREATE UNIQUE INDEX drive_serial ON drive (serial) WHERE serial IS NOT NULL;

-- DEFINE PATH: how the server (source) reaches a library or a drive (device URL: sg:/dev/sg3, iscsi://...).
CREATE TABLE path (
  id      INTEGER PRIMARY KEY,
  source  TEXT    NOT NULL,
  library TEXT    NOT NULL REFERENCES library (name),
  drive   TEXT,
  device  TEXT    NOT NULL CHECK (length(device) > 0),
  online  INTEGER NOT NULL DEFAULT 1 CHECK (online IN (0, 1)),
  defined INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  FOREIGN KEY (library, drive) REFERENCES drive (library, name)
) STRICT;
CREATE UNIQUE INDEX path_to_library ON path (source, library) WHERE drive IS NULL;
CREATE UNIQUE INDEX path_to_drive ON path (source, library, drive) WHERE drive IS NOT NULL;

-- Library volumes (CHECKIN/CHECKOUT LIBVOLUME, QUERY LIBVOLUME). A volume name is unique in the server:
-- the same cartridge cannot be checked into two libraries. home_element is where the volume lives when
-- not mounted; two volumes never share one.
CREATE TABLE library_volume (
  volume         TEXT    PRIMARY KEY CHECK (length(volume) BETWEEN 1 AND 32),
  library        TEXT    NOT NULL REFERENCES library (name),
  barcode        TEXT,
  status         TEXT    NOT NULL CHECK (status IN ('SCRATCH', 'PRIVATE', 'CLEANER')),
  owner          TEXT,
  last_use       TEXT    CHECK (last_use IN ('DATA', 'DBBACKUP', 'DBSNAPSHOT', 'EXPORT')),
  home_element   INTEGER CHECK (home_element BETWEEN 0 AND 65535),
  device_type    TEXT,
  cleanings_left INTEGER CHECK (cleanings_left >= 0),
  checked_in     INTEGER NOT NULL,
  updated        INTEGER NOT NULL
) STRICT;
CREATE INDEX library_volume_library ON library_volume (library, volume);
CREATE UNIQUE INDEX library_volume_home ON library_volume (library, home_element) WHERE home_element IS NOT NULL;
CREATE UNIQUE INDEX library_volume_barcode ON library_volume (library, barcode) WHERE barcode IS NOT NULL;

-- The last element status read from each library (READ ELEMENT STATUS), one row per element.
CREATE TABLE element (
  library        TEXT    NOT NULL REFERENCES library (name) ON DELETE CASCADE,
  address        INTEGER NOT NULL CHECK (address BETWEEN 0 AND 65535),
  type           TEXT    NOT NULL CHECK (type IN ('MEDIUM_TRANSPORT', 'STORAGE', 'IMPORT_EXPORT', 'DATA_TRANSFER')),
  is_full        INTEGER NOT NULL CHECK (is_full IN (0, 1)),
  barcode        TEXT,
  source_address INTEGER CHECK (source_address BETWEEN 0 AND 65535),
  accessible     INTEGER NOT NULL CHECK (accessible IN (0, 1)),
  except_flag    INTEGER NOT NULL CHECK (except_flag IN (0, 1)),
  sense_asc      INTEGER NOT NULL CHECK (sense_asc BETWEEN 0 AND 255),
  sense_ascq     INTEGER NOT NULL CHECK (sense_ascq BETWEEN 0 AND 255),
  scanned        INTEGER NOT NULL,
  PRIMARY KEY (library, address)
) STRICT, WITHOUT ROWID;
CREATE INDEX element_barcode ON element (library, barcode) WHERE barcode IS NOT NULL;

-- Robot moves, recorded INTENDED (committed) before MOVE MEDIUM is sent and finished afterwards, so that
-- a start after a crash finds the unfinished ones and settles them from element status.
CREATE TABLE move (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  library     TEXT    NOT NULL REFERENCES library (name) ON DELETE CASCADE,
  volume      TEXT,
  source      INTEGER NOT NULL CHECK (source BETWEEN 0 AND 65535),
  destination INTEGER NOT NULL CHECK (destination BETWEEN 0 AND 65535),
  transport   INTEGER CHECK (transport BETWEEN 0 AND 65535),
  purpose     TEXT    NOT NULL CHECK (purpose IN ('MOUNT', 'DISMOUNT', 'CHECKIN', 'CHECKOUT', 'RELOCATE')),
  state       TEXT    NOT NULL CHECK (state IN ('INTENDED', 'DONE', 'FAILED', 'RESOLVED')),
  process     INTEGER REFERENCES process (number) ON DELETE SET NULL,
  intended    INTEGER NOT NULL,
  finished    INTEGER,
  outcome     TEXT,
  found_at    INTEGER CHECK (found_at BETWEEN 0 AND 65535),
  CHECK ((state = 'INTENDED') = (finished IS NULL))
) STRICT;
CREATE INDEX move_unfinished ON move (library, id) WHERE state = 'INTENDED';
CREATE INDEX move_library ON move (library, id);

-- Operator requests (QUERY REQUEST, REPLY n, CANCEL REQUEST n).
CREATE TABLE operator_request (
  number      INTEGER PRIMARY KEY AUTOINCREMENT,
  library     TEXT    REFERENCES library (name) ON DELETE SET NULL,
  kind        TEXT    NOT NULL CHECK (kind IN ('INSERT_CARTRIDGES', 'EMPTY_IO_STATION', 'REMOVE_FROM_SLOT', 'UNKNOWN_CARTRIDGE', 'OTHER')),
  text        TEXT    NOT NULL,
  volume      TEXT,
  state       TEXT    NOT NULL CHECK (state IN ('RAISED', 'ANSWERED', 'CANCELLED', 'SATISFIED')),
  process     INTEGER REFERENCES process (number) ON DELETE SET NULL,
  raised      INTEGER NOT NULL,
  expires     INTEGER,
  resolved    INTEGER,
  resolved_by TEXT,
  reply       TEXT,
  CHECK ((state = 'RAISED') = (resolved IS NULL))
) STRICT;
CREATE INDEX operator_request_raised ON operator_request (number) WHERE state = 'RAISED';

-- The activity log (QUERY ACTLOG). No foreign keys: the log outlives what it talks about.
CREATE TABLE activity_log (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  time       INTEGER NOT NULL,
  msg_number INTEGER NOT NULL CHECK (msg_number BETWEEN 0 AND 9999),
  severity   TEXT    NOT NULL CHECK (severity IN ('I', 'W', 'E', 'S')),
  text       TEXT    NOT NULL,
  admin      TEXT,
  process    INTEGER
) STRICT;
CREATE INDEX activity_log_time ON activity_log (time, id);
CREATE INDEX activity_log_msg ON activity_log (msg_number, time);

-- The transactional outbox drained by the MQTT publisher. AUTOINCREMENT: a seq is never reused, even
-- after the newest rows were removed, and a rolled-back insert gives its number back, so committed
-- rows are numbered without gaps.
CREATE TABLE outbox (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  category  TEXT    NOT NULL CHECK (category IN ('DRM', 'LIBRARY', 'REQUESTS', 'ALERTS')),
  payload   TEXT    NOT NULL CHECK (json_valid(payload)),
  created   INTEGER NOT NULL,
  published INTEGER
) STRICT;
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published IS NULL;

-- Unpublished events removed because the outbox exceeded its limits: never silent.
CREATE TABLE outbox_discard (
  id             INTEGER PRIMARY KEY,
  first_seq      INTEGER NOT NULL,
  last_seq       INTEGER NOT NULL,
  count          INTEGER NOT NULL,
  oldest_created INTEGER NOT NULL,
  newest_created INTEGER NOT NULL,
  discarded      INTEGER NOT NULL,
  reason         TEXT    NOT NULL
) STRICT;
