package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server reaches a library or one of its drives (DEFINE PATH source DESTTYPE=LIBRARY|DRIVE
 * LIBRARY= DEVICE=).
 *
 * @param source the server (appliance) name, TSM's source name
 * @param drive empty for a path to the library's changer, the drive name for a path to a drive
 * @param device the device URL understood by the transports ({@code sg:/dev/sg3}, {@code iscsi://...})
 */
public record DevicePath(String source, String library, Optional<String> drive, String device, boolean online,
    Instant defined, Instant updated) {
  public DevicePath {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(drive, "drive");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(defined, "defined");
    Objects.requireNonNull(updated, "updated");
  }

  public static DevicePath toLibrary(String source, String library, String device, Instant now) {
    return new DevicePath(source, library, Optional.empty(), device, true, now, now);
  }

  public static DevicePath toDrive(String source, String library, String drive, String device, Instant now) {
    return new DevicePath(source, library, Optional.of(drive), device, true, now, now);
  }

  /** {@code LIBRARY} or {@code DRIVE}, QUERY PATH's Destination Type. */
  public String destinationType() {
    return drive.isPresent() ? "DRIVE" : "LIBRARY";
  }

  /** {@code LIB1} or {@code LIB1/DRIVE1}. */
  public String destination() {
    return drive.map(d -> library + "/" + d).orElse(library);
  }

  public DevicePath withDevice(String device, Instant now) {
    return new DevicePath(source, library, drive, device, online, defined, now);
  }

  public DevicePath withOnline(boolean online, Instant now) {
    return new DevicePath(source, library, drive, device, online, defined, now);
  }
}
