-- disaster recovery manager: DRM volumes, their history, DRM settings
--
-- Same conventions as 0001: times INTEGER milliseconds UTC, names upper case, enums by name, STRICT tables.

-- One row per volume DRM tracks (TSM's DRMEDIA view: VOLUME_NAME, STATE, UPD_DATE, LOCATION, STGPOOL_NAME,
-- LIB_NAME, VOLTYPE). definition is the volume's full description as a canonical DEFINE DRMVOLUME command
-- (kind, series, device class...), which the drm package parses back; the other columns are for queries.
-- A volume that reaches ONSITERETRIEVE leaves this table (its history stays). pending is the MOVE DRMEDIA (for
-- this volume alone, canonical text) whose eject has been started and whose state change is not yet recorded: a
-- restart completes it when the library shows the cartridge checked out, and drops it otherwise.
CREATE TABLE drm_volume (
  name       TEXT    PRIMARY KEY CHECK (length(name) >= 1),
  state      TEXT    NOT NULL CHECK (state IN ('MOUNTABLE', 'NOTMOUNTABLE', 'COURIER', 'VAULT', 'VAULTRETRIEVE',
                                               'COURIERRETRIEVE')),
  location   TEXT,
  library    TEXT,
  voltype    TEXT    NOT NULL,
  stgpool    TEXT,
  updated    INTEGER NOT NULL,
  definition TEXT    NOT NULL,
  pending    TEXT
) STRICT;
CREATE INDEX drm_volume_state ON drm_volume (state, name);
CREATE INDEX drm_volume_pending ON drm_volume (name) WHERE pending IS NOT NULL;

-- Every DRM change of a volume: who (admin or server), when, from, to (NULL from: defined; ONSITERETRIEVE or
-- DELETED to: left DRM), the location after, and the process that did it.
CREATE TABLE drm_history (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  volume    TEXT    NOT NULL,
  time      INTEGER NOT NULL,
  admin     TEXT,
  process   INTEGER,
  from_state TEXT,
  to_state  TEXT    NOT NULL,
  location  TEXT,
  reason    TEXT    NOT NULL
) STRICT;
CREATE INDEX drm_history_volume ON drm_history (volume, id);

-- SET DRM... : one row per setting changed from its default, holding the canonical SET command.
CREATE TABLE drm_setting (
  name    TEXT    PRIMARY KEY,
  command TEXT    NOT NULL,
  updated INTEGER NOT NULL
) STRICT;
