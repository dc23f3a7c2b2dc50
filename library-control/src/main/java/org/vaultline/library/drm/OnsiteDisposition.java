package org.vaultline.library.drm;

/**
 * What becomes of a volume that reaches ONSITERETRIEVE and leaves DRM (REFERENCE §3).
 */
public enum OnsiteDisposition {
  /** A database backup or snapshot volume: its volume history entry is deleted; the cartridge is scratch. */
  DELETE_VOLUME_HISTORY,
  /** A copy or active-data pool volume: it is empty and returns to scratch. */
  RETURN_TO_SCRATCH;

  /** The disposition for a DRM volume kind. */
  public static OnsiteDisposition of(DrmVolumeKind kind) {
    if (kind instanceof DrmVolumeKind.DatabaseBackup || kind instanceof DrmVolumeKind.DatabaseSnapshot) {
      return DELETE_VOLUME_HISTORY;
    }
    return RETURN_TO_SCRATCH;
  }
}
