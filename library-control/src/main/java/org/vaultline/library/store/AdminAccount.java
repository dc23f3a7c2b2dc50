package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered administrator as the store keeps it (REGISTER ADMIN). The store does not interpret the password hash
 * or the authority: the appliance's authentication does.
 *
 * @param id the administrator ID, upper case
 * @param passwordHash the encoded password hash, never the password
 * @param authority SYSTEM, OPERATOR or READ
 * @param failedAttempts consecutive failed logins
 * @param lockedUntil end of a lockout after repeated failed logins
 * @param locked LOCK ADMIN: locked until UNLOCK ADMIN
 * @param registeredBy the administrator who registered it; empty for the first one (register-admin)
 * @param lastAccess when the administrator last ran a command
 */
public record AdminAccount(String id, String passwordHash, String authority, int failedAttempts,
    Optional<Instant> lockedUntil, boolean locked, Instant registered, Optional<String> registeredBy,
    Optional<Instant> lastAccess) {
  public AdminAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    Objects.requireNonNull(registered, "registered");
    Objects.requireNonNull(registeredBy, "registeredBy");
    Objects.requireNonNull(lastAccess, "lastAccess");
  }

  /** Never the hash: records print their fields, and hashes do not belong in logs. */
  @Override
  public String toString() {
    return "AdminAccount[" + id + ", " + authority + ", failedAttempts=" + failedAttempts + ", lockedUntil="
        + lockedUntil.map(Instant::toString).orElse("-") + ", locked=" + locked + "]";
  }
}
