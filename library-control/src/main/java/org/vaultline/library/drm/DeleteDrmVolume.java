package org.vaultline.library.drm;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.command.CommandTokens;

/** {@code DELETE DRMVOLUME name}: the backup application deleted the volume; DRM forgets it. */
public record DeleteDrmVolume(String name) implements DrmRegistration {
  static final String NAME = "DELETE DRMVOLUME";

  public static final String USAGE = "DELETE DRMVOLUME volname";

  public DeleteDrmVolume {
    Objects.requireNonNull(name, "name");
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
    return new RegistrationOutcome.Deleted(current.get(), DrmMessages.deleted(current.get()));
  }

  @Override
  public String commandText(ZoneId zone) {
    return NAME + " " + CommandTokens.quoteIfNeeded(name);
  }
}
