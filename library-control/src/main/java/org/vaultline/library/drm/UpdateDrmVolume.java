package org.vaultline.library.drm;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.command.CommandTokens;

/**
 * {@code UPDATE DRMVOLUME name [STATUS=FILLING|FULL|PENDING|EMPTY] [LOCATION=location]}: a pool volume filled up or
 * was emptied by reclamation, or its location is corrected. An EMPTY volume at the vault becomes VAULTRETRIEVE at
 * once ({@link VaultRetrieve#emptied}). The DRM state itself changes only through MOVE DRMEDIA and derivation.
 */
public record UpdateDrmVolume(String name, Optional<PoolVolumeStatus> status, Optional<String> location)
    implements DrmRegistration {
  static final String NAME = "UPDATE DRMVOLUME";

  public static final String USAGE = "UPDATE DRMVOLUME volname [STATUS=FILLING|FULL|PENDING|EMPTY] [LOCATION=location]";

  public UpdateDrmVolume {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String volumeName() {
    return name;
  }

  @Override
  public RegistrationOutcome applyTo(Optional<DrmVolume> current, Instant now) {
    if (current.isEmpty()) {
      return new RegistrationOutcome.Rejected(DrmMessages.notDefined(NAME, name));
    }
    DrmVolume before = current.get();
    DrmVolume after = before;
    if (status.isPresent()) {
      if (before.kind() instanceof DrmVolumeKind.CopyPoolVolume c) {
        after = after.withKind(new DrmVolumeKind.CopyPoolVolume(c.pool(), status.get()));
      } else if (before.kind() instanceof DrmVolumeKind.ActiveDataPoolVolume a) {
        after = after.withKind(new DrmVolumeKind.ActiveDataPoolVolume(a.pool(), status.get()));
      } else {
        return new RegistrationOutcome.Rejected(DrmMessages.statusNotApplicable(before));
      }
    }
    if (location.isPresent()) {
      after = after.withLocation(location.get().isEmpty() ? Optional.empty() : location);
    }
    if (after.equals(before)) {
      return new RegistrationOutcome.Unchanged(DrmMessages.unchanged(name));
    }
    Optional<VaultRetrieve.Derivation> derived = VaultRetrieve.emptied(after, now);
    if (derived.isPresent()) {
      after = derived.get().after();
    }
    return new RegistrationOutcome.Updated(before, after, derived, DrmMessages.updated(after));
  }

  @Override
  public String commandText(ZoneId zone) {
    List<String> p = new ArrayList<>();
    p.add(NAME);
    p.add(CommandTokens.quoteIfNeeded(name));
    status.ifPresent(s -> p.add("STATUS=" + s));
    location.ifPresent(l -> p.add("LOCATION=" + CommandTokens.quoteIfNeeded(l)));
    return String.join(" ", p);
  }
}
