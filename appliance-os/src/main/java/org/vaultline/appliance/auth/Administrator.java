package org.vaultline.appliance.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered administrator as the repository keeps it.
 *
 * @param failedAttempts consecutive failed logins since the last success or the end of the last lockout
 * @param lockedUntil when a lockout for repeated failures ends; empty when not locked out
 */
public record Administrator(AdminId id, PasswordHash password, Authority authority, int failedAttempts,
    Optional<Instant> lockedUntil) {
  public Administrator {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    if (failedAttempts < 0) {
      throw new IllegalArgumentException("failedAttempts >= 0");
    }
  }

  public static Administrator registered(AdminId id, PasswordHash password, Authority authority) {
    return new Administrator(id, password, authority, 0, Optional.empty());
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
  }

  Administrator withFailures(int failures, Optional<Instant> until) {
    return new Administrator(id, password, authority, failures, until);
  }

  Administrator withPassword(PasswordHash hash) {
    return new Administrator(id, hash, authority, failedAttempts, lockedUntil);
  }
}
