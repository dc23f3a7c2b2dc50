package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * A defined drive of a library (DEFINE DRIVE).
 *
 * @param element its data transfer element address; empty for ELEMENT=AUTODETECT until it is found by
 *     serial number
 * @param identity INQUIRY data and serial; the serial is empty for SERIAL=AUTODETECT until read
 */
public record Drive(String library, String name, Optional<ElementAddress> element, DeviceIdentity identity,
    boolean online, Instant defined, Instant updated) {
  public Drive {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(defined, "defined");
    Objects.requireNonNull(updated, "updated");
  }

  public static Drive defined(String library, String name, Optional<ElementAddress> element,
      DeviceIdentity identity, Instant now) {
    return new Drive(library, name, element, identity, true, now, now);
  }

  public Drive withElement(Optional<ElementAddress> element, Instant now) {
    return new Drive(library, name, element, identity, online, defined, now);
  }

  public Drive withIdentity(DeviceIdentity identity, Instant now) {
    return new Drive(library, name, element, identity, online, defined, now);
  }

  public Drive withOnline(boolean online, Instant now) {
    return new Drive(library, name, element, identity, online, defined, now);
  }
}
