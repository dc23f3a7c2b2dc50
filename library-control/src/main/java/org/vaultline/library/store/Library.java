package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A defined SCSI library (DEFINE LIBRARY); the device it is reached through is its {@link DevicePath}.
 *
 * @param name the library name, as TSM: up to 30 characters, upper case
 */
public record Library(String name, DeviceIdentity identity, boolean online, Instant defined, Instant updated) {
  public Library {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(defined, "defined");
    Objects.requireNonNull(updated, "updated");
  }

  /** A library defined now, not reached yet. */
  public static Library defined(String name, Instant now) {
    return new Library(name, DeviceIdentity.UNKNOWN, true, now, now);
  }

  public Library withIdentity(DeviceIdentity identity, Instant now) {
    return new Library(name, identity, online, defined, now);
  }

  public Library withOnline(boolean online, Instant now) {
    return new Library(name, identity, online, defined, now);
  }
}
