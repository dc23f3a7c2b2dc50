package org.vaultline.library.drm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The only way into VAULTRETRIEVE: the server derives it (REFERENCE §3). A volume at the vault becomes VAULTRETRIEVE
 * when it no longer holds valid data:
 * <ul>
 *   <li>a copy or active-data pool volume that offsite reclamation has emptied (status EMPTY; PENDING volumes are
 *       still inside the pool's reuse delay and stay);</li>
 *   <li>a database backup volume whose series has expired: the series is not the latest one, its newest volume was
 *       written more than SET DRMDBBACKUPEXPIREDAYS days ago (strictly more: at exactly N days it has not yet
 *       expired), and none of its volumes is still on site or on its way to the vault (MOUNTABLE, NOTMOUNTABLE,
 *       COURIER), as TSM requires every volume of the series to have reached the vault. Full-plus-incremental
 *       series and snapshot series are counted separately, and the latest of each never expires.</li>
 * </ul>
 * The location stays the vault's.
 */
public final class VaultRetrieve {
  private VaultRetrieve() {}

  /** A derived state change: {@code before} at VAULT, {@code after} at VAULTRETRIEVE. */
  public record Derivation(DrmVolume before, DrmVolume after, DrmMessage message) {
    public Derivation {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(message, "message");
    }
  }

  private static final Set<DrmState> NOT_YET_AT_VAULT =
      EnumSet.of(DrmState.MOUNTABLE, DrmState.NOTMOUNTABLE, DrmState.COURIER);

  /** A pool volume emptied at the vault becomes VAULTRETRIEVE; empty for any other volume. */
  public static Optional<Derivation> emptied(DrmVolume v, Instant now) {
    if (v.state() != DrmState.VAULT) {
      return Optional.empty();
    }
    String pool;
    if (v.kind() instanceof DrmVolumeKind.CopyPoolVolume c && c.status() == PoolVolumeStatus.EMPTY) {
      pool = c.pool();
    } else if (v.kind() instanceof DrmVolumeKind.ActiveDataPoolVolume a && a.status() == PoolVolumeStatus.EMPTY) {
      pool = a.pool();
    } else {
      return Optional.empty();
    }
    DrmVolume after = v.withState(DrmState.VAULTRETRIEVE, v.location(), now);
    return Optional.of(new Derivation(v, after, DrmMessages.poolVolumeEmptied(v, pool)));
  }

  /** The VAULT volumes of expired database backup and snapshot series, by volume name. */
  public static List<Derivation> expiredSeries(Collection<DrmVolume> volumes, DrmSettings settings,
      ZonedDateTime now) {
    Map<SeriesKey, List<DrmVolume>> series = new HashMap<>();
    long latestBackup = -1;
    long latestSnapshot = -1;
    for (DrmVolume v : volumes) {
      if (v.kind() instanceof DrmVolumeKind.DatabaseBackup b) {
        series.computeIfAbsent(new SeriesKey(false, b.series()), k -> new ArrayList<>()).add(v);
        latestBackup = Math.max(latestBackup, b.series());
      } else if (v.kind() instanceof DrmVolumeKind.DatabaseSnapshot s) {
        series.computeIfAbsent(new SeriesKey(true, s.series()), k -> new ArrayList<>()).add(v);
        latestSnapshot = Math.max(latestSnapshot, s.series());
      }
    }
    Duration keep = Duration.ofDays(settings.dbBackupExpireDays());
    Instant instant = now.toInstant();
    List<Derivation> out = new ArrayList<>();
    for (Map.Entry<SeriesKey, List<DrmVolume>> e : series.entrySet()) {
      SeriesKey key = e.getKey();
      if (key.series() == (key.snapshot() ? latestSnapshot : latestBackup)) {
        continue;
      }
      Instant newest = Instant.MIN;
      boolean allAway = true;
      for (DrmVolume v : e.getValue()) {
        Instant written = backupDate(v.kind());
        if (written.isAfter(newest)) {
          newest = written;
        }
        allAway &= !NOT_YET_AT_VAULT.contains(v.state());
      }
      if (!allAway || !newest.plus(keep).isBefore(instant)) {
        continue;
      }
      for (DrmVolume v : e.getValue()) {
        if (v.state() == DrmState.VAULT) {
          DrmVolume after = v.withState(DrmState.VAULTRETRIEVE, v.location(), instant);
          out.add(new Derivation(v, after, DrmMessages.seriesExpired(v, key.snapshot() ? "snapshot" : "backup",
              key.series(), settings.dbBackupExpireDays(), newest, now.getZone())));
        }
      }
    }
    out.sort(Comparator.comparing(d -> d.before().name()));
    return out;
  }

  /** Every derivation due among {@code volumes}: emptied pool volumes and expired series, by volume name. */
  public static List<Derivation> derive(Collection<DrmVolume> volumes, DrmSettings settings, ZonedDateTime now) {
    List<Derivation> out = new ArrayList<>(expiredSeries(volumes, settings, now));
    for (DrmVolume v : volumes) {
      emptied(v, now.toInstant()).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(d -> d.before().name()));
    return out;
  }

  private static Instant backupDate(DrmVolumeKind k) {
    if (k instanceof DrmVolumeKind.DatabaseBackup b) {
      return b.backupDate();
    }
    return ((DrmVolumeKind.DatabaseSnapshot) k).backupDate();
  }

  private record SeriesKey(boolean snapshot, long series) {}
}
