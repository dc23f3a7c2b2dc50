package org.vaultline.library.drm;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The volume filters MOVE DRMEDIA and QUERY DRMEDIA share: volume name pattern, WHERESTATE, SOURCE, COPYSTGPOOL,
 * ACTIVEDATASTGPOOL, WHERELOCATION and the date/time window.
 *
 * <p>Which volumes are eligible at all (REFERENCE §3): copy storage pool volumes of the named pools (COPYSTGPOOL=,
 * else SET DRMCOPYSTGPOOL, else every copy pool); active-data pool volumes only of pools named by
 * ACTIVEDATASTGPOOL= or SET DRMACTIVEDATASTGPOOL; database backups when SOURCE=DBBACKUP, snapshots when
 * SOURCE=DBSNAPSHOT, neither with DBNONE. Volumes of a FILE device class only with SET DRMFILEPROCESS YES. Scratch
 * and private library volumes never.
 *
 * @param command the command name used in messages ({@code MOVE DRMEDIA})
 * @param whereState the state to select; empty selects every DRM state but ONSITERETRIEVE (QUERY DRMEDIA
 *     WHERESTATE=ALL)
 * @param copyPools COPYSTGPOOL= patterns; empty when not given (the settings apply)
 * @param activeDataPools ACTIVEDATASTGPOOL= patterns; empty when not given (the settings apply)
 * @param whereLocation WHERELOCATION=, compared ignoring case
 */
public record DrmSelection(String command, NamePattern volume, Optional<DrmState> whereState, Source source,
    Optional<List<String>> copyPools, Optional<List<String>> activeDataPools, Optional<String> whereLocation,
    DateTimeWindow window) {
  public DrmSelection {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(whereState, "whereState");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(whereLocation, "whereLocation");
    Objects.requireNonNull(window, "window");
    copyPools = copyPools.map(List::copyOf);
    activeDataPools = activeDataPools.map(List::copyOf);
  }

  /**
   * Why {@code v} is not selected, or empty when it is. Checked in this order, so the reason given is the first
   * that applies: name, DRM volume at all, kind (SOURCE, pools, FILE device class), state, location, window.
   */
  public Optional<DrmMessage> refusal(DrmVolume v, DrmSettings settings, ZonedDateTime now) {
    if (!volume.matches(v.name())) {
      return Optional.of(DrmMessages.nameMismatch(command, v.name(), volume));
    }
    if (!v.kind().drmTracked()) {
      return Optional.of(DrmMessages.notDrmVolume(command, v));
    }
    Optional<DrmMessage> kind = kindRefusal(v, settings);
    if (kind.isPresent()) {
      return kind;
    }
    if (whereState.isPresent() ? v.state() != whereState.get() : v.state() == DrmState.ONSITERETRIEVE) {
      return Optional.of(DrmMessages.notInWhereState(command, v, whereState.map(Enum::name).orElse("in DRM")));
    }
    if (whereLocation.isPresent()
        && (v.location().isEmpty() || !v.location().get().equalsIgnoreCase(whereLocation.get()))) {
      return Optional.of(DrmMessages.locationMismatch(command, v, whereLocation.get()));
    }
    if (!window.contains(v.lastUpdate(), now)) {
      return Optional.of(DrmMessages.outsideWindow(command, v, window, now));
    }
    return Optional.empty();
  }

  /** True when {@code v} is selected. */
  public boolean selects(DrmVolume v, DrmSettings settings, ZonedDateTime now) {
    return refusal(v, settings, now).isEmpty();
  }

  private Optional<DrmMessage> kindRefusal(DrmVolume v, DrmSettings settings) {
    DrmVolumeKind k = v.kind();
    if (k instanceof DrmVolumeKind.DatabaseBackup && source != Source.DBBACKUP
        || k instanceof DrmVolumeKind.DatabaseSnapshot && source != Source.DBSNAPSHOT) {
      return Optional.of(DrmMessages.excludedBySource(command, v, source));
    }
    if (k instanceof DrmVolumeKind.CopyPoolVolume c) {
      List<String> patterns = copyPools.orElse(settings.copyPools());
      if (!patterns.isEmpty() && !anyMatches(patterns, c.pool())) {
        return Optional.of(DrmMessages.copyPoolNotSelected(command, v, c.pool(), patterns));
      }
    }
    if (k instanceof DrmVolumeKind.ActiveDataPoolVolume a) {
      List<String> patterns = activeDataPools.orElse(settings.activeDataPools());
      if (!anyMatches(patterns, a.pool())) {
        return Optional.of(DrmMessages.activeDataPoolNotSelected(command, v, a.pool(), patterns));
      }
    }
    if (v.device().type() == Device.DeviceType.FILE && !settings.fileProcess()) {
      return Optional.of(DrmMessages.fileDeviceExcluded(command, v));
    }
    return Optional.empty();
  }

  private static boolean anyMatches(List<String> patterns, String name) {
    for (String p : patterns) {
      if (new NamePattern(p).matches(name)) {
        return true;
      }
    }
    return false;
  }
}
