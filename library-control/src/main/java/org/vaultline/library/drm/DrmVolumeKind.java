package org.vaultline.library.drm;

import java.time.Instant;
import java.util.Objects;

/**
 * What a volume holds, which decides whether DRM tracks it and what happens when it comes back (REFERENCE §3):
 * database backups (full or incremental, grouped in series) and snapshots, copy storage pool volumes and
 * active-data pool volumes are DRM volumes; scratch and private library volumes are not.
 */
public sealed interface DrmVolumeKind {
  /** True for kinds MOVE DRMEDIA can move. */
  default boolean drmTracked() {
    return true;
  }

  /** The Volume Type column of QUERY DRMEDIA FORMAT=DETAILED ({@code DBBackup}, {@code CopyStgPool}). */
  String volumeType();

  /** The value of VOLTYPE in TSM's DRMEDIA SQL view ({@code DBBACKUP}, {@code COPYSTGPOOL}). */
  String sqlVolumeType();

  /** Full or incremental database backup. */
  enum BackupType {
    FULL("BACKUPFULL", "Full"),
    INCREMENTAL("BACKUPINCR", "Incremental");

    private final String volhistoryType;
    private final String displayName;

    BackupType(String volhistoryType, String displayName) {
      this.volhistoryType = volhistoryType;
      this.displayName = displayName;
    }

    /** The Volume Type of QUERY VOLHISTORY ({@code BACKUPFULL}). */
    public String volhistoryType() {
      return volhistoryType;
    }

    public String displayName() {
      return displayName;
    }
  }

  /**
   * A database backup volume (QUERY VOLHISTORY type BACKUPFULL or BACKUPINCR). A series is a full backup and the
   * incrementals taken after it; they share the series number.
   *
   * @param operation 0 for the full backup, 1.. for the incrementals of the series
   * @param sequence the volume's place within one backup operation (1, 2, ...)
   * @param backupDate when the backup wrote the volume (QUERY VOLHISTORY Date/Time)
   */
  record DatabaseBackup(BackupType type, long series, int operation, int sequence, Instant backupDate)
      implements DrmVolumeKind {
    public DatabaseBackup {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(backupDate, "backupDate");
      if (series < 0 || operation < 0 || sequence < 0) {
        throw new IllegalArgumentException("series, operation and sequence are not negative");
      }
    }

    @Override
    public String volumeType() {
      return "DBBackup";
    }

    @Override
    public String sqlVolumeType() {
      return "DBBACKUP";
    }
  }

  /** A database snapshot volume (QUERY VOLHISTORY type DBSNAPSHOT); snapshots form their own series. */
  record DatabaseSnapshot(long series, int sequence, Instant backupDate) implements DrmVolumeKind {
    public DatabaseSnapshot {
      Objects.requireNonNull(backupDate, "backupDate");
      if (series < 0 || sequence < 0) {
        throw new IllegalArgumentException("series and sequence are not negative");
      }
    }

    @Override
    public String volumeType() {
      return "DBSnapshot";
    }

    @Override
    public String sqlVolumeType() {
      return "DBSNAPSHOT";
    }
  }

  /** A volume of a copy storage pool. */
  record CopyPoolVolume(String pool, PoolVolumeStatus status) implements DrmVolumeKind {
    public CopyPoolVolume {
      Objects.requireNonNull(pool, "pool");
      Objects.requireNonNull(status, "status");
    }

    @Override
    public String volumeType() {
      return "CopyStgPool";
    }

    @Override
    public String sqlVolumeType() {
      return "COPYSTGPOOL";
    }
  }

  /** A volume of an active-data pool; DRM handles it only when its pool is configured (SET DRMACTIVEDATASTGPOOL). */
  record ActiveDataPoolVolume(String pool, PoolVolumeStatus status) implements DrmVolumeKind {
    public ActiveDataPoolVolume {
      Objects.requireNonNull(pool, "pool");
      Objects.requireNonNull(status, "status");
    }

    @Override
    public String volumeType() {
      return "ActiveDataStgPool";
    }

    @Override
    public String sqlVolumeType() {
      return "ACTIVEDATASTGPOOL";
    }
  }

  /** A scratch volume in a library: not a DRM volume. */
  record ScratchVolume() implements DrmVolumeKind {
    @Override
    public boolean drmTracked() {
      return false;
    }

    @Override
    public String volumeType() {
      return "Scratch";
    }

    @Override
    public String sqlVolumeType() {
      return "SCRATCH";
    }
  }

  /** A private library volume that holds no DRM data (a primary pool volume, an export): not a DRM volume. */
  record PrivateVolume() implements DrmVolumeKind {
    @Override
    public boolean drmTracked() {
      return false;
    }

    @Override
    public String volumeType() {
      return "Private";
    }

    @Override
    public String sqlVolumeType() {
      return "PRIVATE";
    }
  }
}
