package org.vaultline.library.drm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Volumes, settings and clocks for the DRM tests. */
final class DrmFixtures {
  private DrmFixtures() {}

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** 03/14/2024 07:00:00 in Berlin: the 7 a.m. MOVE DRMEDIA. */
  static final ZonedDateTime NOW = ZonedDateTime.of(LocalDateTime.of(2024, 3, 14, 7, 0, 0), ZONE);

  static Instant at(int year, int month, int day, int hour, int minute, int second) {
    return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second), ZONE).toInstant();
  }

  static final Instant WRITTEN = at(2024, 3, 13, 22, 15, 0);

  static DrmVolumeKind fullBackup(long series) {
    return new DrmVolumeKind.DatabaseBackup(DrmVolumeKind.BackupType.FULL, series, 0, 1, WRITTEN);
  }

  static DrmVolumeKind incrementalBackup(long series) {
    return new DrmVolumeKind.DatabaseBackup(DrmVolumeKind.BackupType.INCREMENTAL, series, 1, 1, WRITTEN);
  }

  static DrmVolumeKind snapshot(long series) {
    return new DrmVolumeKind.DatabaseSnapshot(series, 1, WRITTEN);
  }

  static DrmVolumeKind copy(String pool) {
    return new DrmVolumeKind.CopyPoolVolume(pool, PoolVolumeStatus.FULL);
  }

  static DrmVolumeKind activeData(String pool) {
    return new DrmVolumeKind.ActiveDataPoolVolume(pool, PoolVolumeStatus.FULL);
  }

  /** A volume in {@code state}: in library LIB1 when MOUNTABLE, else at the location its state gives by default. */
  static DrmVolume volume(String name, DrmVolumeKind kind, DrmState state) {
    Optional<String> library = state == DrmState.MOUNTABLE ? Optional.of("LIB1") : Optional.empty();
    Optional<String> location = DrmSettings.defaults().locationFor(state);
    return new DrmVolume(name, kind, state, location, library, WRITTEN, Device.tape("LTO6"));
  }
}
