package org.vaultline.library.drm;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.command.CommandTokens;

/**
 * {@code DEFINE DRMVOLUME name TYPE=BACKUPFULL|BACKUPINCR|DBSNAPSHOT|COPYSTGPOOL|ACTIVEDATASTGPOOL|SCRATCH|PRIVATE
 * ...}: the backup application registers a volume (Vaultline's command, in TSM style). Defining a volume exactly
 * as DRM already knows it changes nothing, so an import can be re-run; defining it differently is refused.
 *
 * @param lastUpdate the time of the volume's last DRM state change when it is known (an import from TSM); else
 *     the time of the definition
 */
public record DefineDrmVolume(String name, DrmVolumeKind kind, DrmState state, Optional<String> location,
    Optional<String> library, Optional<Instant> lastUpdate, Device device) implements DrmRegistration {
  static final String NAME = "DEFINE DRMVOLUME";

  public static final String USAGE = "DEFINE DRMVOLUME volname TYPE=BACKUPFULL|BACKUPINCR|DBSNAPSHOT|COPYSTGPOOL"
      + "|ACTIVEDATASTGPOOL|SCRATCH|PRIVATE [POOL=pool] [SERIES=n] [OPERATION=n] [SEQUENCE=n] [DATE=date]"
      + " [TIME=time] [STATUS=FILLING|FULL|PENDING|EMPTY] [DEVCLASS=name] [DEVTYPE=TAPE|FILE] [PREFIX=hlq]"
      + " [STATE=MOUNTABLE|NOTMOUNTABLE|COURIER|VAULT|VAULTRETRIEVE|COURIERRETRIEVE] [LOCATION=location]"
      + " [LIBRARY=library] [UPDDATE=date] [UPDTIME=time]";

  public DefineDrmVolume {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(lastUpdate, "lastUpdate");
    Objects.requireNonNull(device, "device");
  }

  /** A definition of {@code v} as it is, last update included. */
  public static DefineDrmVolume of(DrmVolume v) {
    return new DefineDrmVolume(v.name(), v.kind(), v.state(), v.location(), v.library(),
        Optional.of(v.lastUpdate()), v.device());
  }

  @Override
  public String volumeName() {
    return name;
  }

  /** The volume this defines, last updated {@code now} unless the definition says otherwise. */
  public DrmVolume toVolume(Instant now) {
    return new DrmVolume(name, kind, state, location, library, lastUpdate.orElse(now), device);
  }

  @Override
  public RegistrationOutcome applyTo(Optional<DrmVolume> current, Instant now) {
    if (current.isPresent()) {
      DrmVolume c = current.get();
      if (c.equals(toVolume(c.lastUpdate()))) {
        return new RegistrationOutcome.Unchanged(DrmMessages.unchanged(name));
      }
      return new RegistrationOutcome.Rejected(DrmMessages.alreadyDefined(name));
    }
    DrmVolume v = toVolume(now);
    Optional<VaultRetrieve.Derivation> derived = VaultRetrieve.emptied(v, now);
    if (derived.isPresent()) {
      v = derived.get().after();
    }
    return new RegistrationOutcome.Defined(v, derived, DrmMessages.defined(v));
  }

  @Override
  public String commandText(ZoneId zone) {
    List<String> p = new ArrayList<>();
    p.add(NAME);
    p.add(CommandTokens.quoteIfNeeded(name));
    if (kind instanceof DrmVolumeKind.DatabaseBackup b) {
      p.add("TYPE=" + b.type().volhistoryType());
      p.add("SERIES=" + b.series());
      p.add("OPERATION=" + b.operation());
      p.add("SEQUENCE=" + b.sequence());
      DrmCommandText.dateTime("DATE", "TIME", b.backupDate(), zone, p);
    } else if (kind instanceof DrmVolumeKind.DatabaseSnapshot s) {
      p.add("TYPE=DBSNAPSHOT");
      p.add("SERIES=" + s.series());
      p.add("SEQUENCE=" + s.sequence());
      DrmCommandText.dateTime("DATE", "TIME", s.backupDate(), zone, p);
    } else if (kind instanceof DrmVolumeKind.CopyPoolVolume c) {
      p.add("TYPE=COPYSTGPOOL");
      p.add("POOL=" + CommandTokens.quoteIfNeeded(c.pool()));
      p.add("STATUS=" + c.status());
    } else if (kind instanceof DrmVolumeKind.ActiveDataPoolVolume a) {
      p.add("TYPE=ACTIVEDATASTGPOOL");
      p.add("POOL=" + CommandTokens.quoteIfNeeded(a.pool()));
      p.add("STATUS=" + a.status());
    } else if (kind instanceof DrmVolumeKind.ScratchVolume) {
      p.add("TYPE=SCRATCH");
    } else {
      p.add("TYPE=PRIVATE");
    }
    if (!device.deviceClass().isEmpty()) {
      p.add("DEVCLASS=" + CommandTokens.quoteIfNeeded(device.deviceClass()));
    }
    if (device.type() != Device.DeviceType.TAPE) {
      p.add("DEVTYPE=" + device.type());
    }
    if (!device.prefix().equals(Device.DEFAULT_PREFIX)) {
      p.add("PREFIX=" + CommandTokens.quote(device.prefix()));
    }
    if (state != DrmState.MOUNTABLE) {
      p.add("STATE=" + state);
    }
    location.ifPresent(l -> p.add("LOCATION=" + CommandTokens.quoteIfNeeded(l)));
    library.ifPresent(l -> p.add("LIBRARY=" + CommandTokens.quoteIfNeeded(l)));
    lastUpdate.ifPresent(t -> DrmCommandText.dateTime("UPDDATE", "UPDTIME", t, zone, p));
    return String.join(" ", p);
  }
}
