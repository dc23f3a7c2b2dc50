package org.vaultline.library.drm;

import java.util.Objects;
import java.util.Optional;

/** The result of applying a {@link DrmRegistration}. */
public sealed interface RegistrationOutcome {
  DrmMessage message();

  /**
   * A new volume; {@code derived} is present when it was defined as an empty pool volume at the vault, in which
   * case {@code volume} is already VAULTRETRIEVE.
   */
  record Defined(DrmVolume volume, Optional<VaultRetrieve.Derivation> derived, DrmMessage message)
      implements RegistrationOutcome {
    public Defined {
      Objects.requireNonNull(volume, "volume");
      Objects.requireNonNull(derived, "derived");
      Objects.requireNonNull(message, "message");
    }
  }

  /** A changed volume; {@code derived} is present when the change emptied it at the vault (then VAULTRETRIEVE). */
  record Updated(DrmVolume before, DrmVolume after, Optional<VaultRetrieve.Derivation> derived, DrmMessage message)
      implements RegistrationOutcome {
    public Updated {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(derived, "derived");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The volume is gone from DRM. */
  record Deleted(DrmVolume before, DrmMessage message) implements RegistrationOutcome {
    public Deleted {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The registration says what DRM already knows (a re-run import); nothing to record. */
  record Unchanged(DrmMessage message) implements RegistrationOutcome {
    public Unchanged {
      Objects.requireNonNull(message, "message");
    }
  }

  /** Not applied, for the reason given. */
  record Rejected(DrmMessage message) implements RegistrationOutcome {
    public Rejected {
      Objects.requireNonNull(message, "message");
    }
  }
}
