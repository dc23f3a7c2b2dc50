package org.vaultline.library.drm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A volume as DRM sees it: one row of TSM's DRMEDIA view (VOLUME_NAME, STATE, UPD_DATE, LOCATION, STGPOOL_NAME,
 * LIB_NAME, VOLTYPE) plus what the backup application told us about it (kind, series, device class).
 *
 * @param name the volume name: the volser for tape ({@code A00017L6} or {@code A00017}), the full path for a
 *     FILE device class
 * @param location where the volume is (the names of SET DRMCOURIERNAME etc., or MOVE DRMEDIA TOLOCATION);
 *     empty when none was recorded
 * @param library the automated library the volume is checked into; empty when it is not in a library
 * @param lastUpdate when the DRM state last changed (QUERY DRMEDIA Last Update Date/Time)
 */
public record DrmVolume(String name, DrmVolumeKind kind, DrmState state, Optional<String> location,
    Optional<String> library, Instant lastUpdate, Device device) {
  public DrmVolume {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(lastUpdate, "lastUpdate");
    Objects.requireNonNull(device, "device");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a volume has a name");
    }
  }

  /** The storage pool for pool volumes (QUERY DRMEDIA Storage Pool Name); empty for database backups. */
  public Optional<String> pool() {
    if (kind instanceof DrmVolumeKind.CopyPoolVolume c) {
      return Optional.of(c.pool());
    }
    if (kind instanceof DrmVolumeKind.ActiveDataPoolVolume a) {
      return Optional.of(a.pool());
    }
    return Optional.empty();
  }

  /**
   * The value of {@code &VOLDSN}. For a FILE device class TSM's volume name is the file's full path, and that is the
   * data set name. For tape, TSM writes a data set name of the device class prefix and a suffix into the label; we
   * use {@code <prefix>.DBB} for database backups, {@code <prefix>.DBS} for snapshots and {@code <prefix>.BFS} for
   * storage pool volumes ({@code ADSM.BFS}). This is our choice, modelled on TSM's label data set names; a script that
   * needs something else can build it from {@code &VOL}.
   */
  public String voldsn() {
    if (device.type() == Device.DeviceType.FILE) {
      return name;
    }
    String suffix;
    if (kind instanceof DrmVolumeKind.DatabaseBackup) {
      suffix = "DBB";
    } else if (kind instanceof DrmVolumeKind.DatabaseSnapshot) {
      suffix = "DBS";
    } else {
      suffix = "BFS";
    }
    return device.prefix() + "." + suffix;
  }

  public DrmVolume withState(DrmState newState, Optional<String> newLocation, Instant when) {
    return new DrmVolume(name, kind, newState, newLocation, library, when, device);
  }

  public DrmVolume withLibrary(Optional<String> newLibrary) {
    return new DrmVolume(name, kind, state, location, newLibrary, lastUpdate, device);
  }

  public DrmVolume withKind(DrmVolumeKind newKind) {
    return new DrmVolume(name, newKind, state, location, library, lastUpdate, device);
  }

  public DrmVolume withLocation(Optional<String> newLocation) {
    return new DrmVolume(name, kind, state, newLocation, library, lastUpdate, device);
  }

  public DrmVolume withDevice(Device newDevice) {
    return new DrmVolume(name, kind, state, location, library, lastUpdate, newDevice);
  }

  public DrmVolume withLastUpdate(Instant when) {
    return new DrmVolume(name, kind, state, location, library, when, device);
  }
}
