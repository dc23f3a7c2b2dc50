package org.vaultline.library.store;

import java.util.Objects;
import java.util.Optional;

/**
 * What a library or drive says it is: INQUIRY vendor, product and revision (SPC-4 6.6.2) and the unit
 * serial number (VPD page 80h). Empty until the device has been reached; a drive's serial is how its
 * data transfer element is matched to its tape device.
 */
public record DeviceIdentity(Optional<String> vendor, Optional<String> product, Optional<String> revision,
    Optional<String> serial) {
  public static final DeviceIdentity UNKNOWN =
      new DeviceIdentity(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public DeviceIdentity {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(serial, "serial");
  }

  public static DeviceIdentity of(String vendor, String product, String revision, String serial) {
    return new DeviceIdentity(Optional.of(vendor), Optional.of(product), Optional.of(revision), Optional.of(serial));
  }

  /** Only the serial number (DEFINE DRIVE ... SERIAL=). */
  public static DeviceIdentity serial(String serial) {
    return new DeviceIdentity(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(serial));
  }
}
