package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * A volume checked into a library: a row of QUERY LIBVOLUME (Library Name, Volume Name, Status, Owner,
 * Last Use, Home Element, Device Type).
 *
 * @param volume the volume name, normally the six-character volser ({@code A00017})
 * @param barcode the full volume tag as the library reads it ({@code A00017L6}); empty when the volume
 *     was checked in by its label alone
 * @param owner the server that owns a private volume in a shared library; usually empty
 * @param homeElement the storage element the volume lives in when not mounted; empty while unknown
 * @param deviceType TSM's device type ({@code LTO})
 * @param cleaningsLeft for a cleaner: cleanings left ({@code CHECKIN ... CLEANINGS=})
 */
public record LibraryVolume(String volume, String library, Optional<String> barcode, VolumeStatus status,
    Optional<String> owner, Optional<LastUse> lastUse, Optional<ElementAddress> homeElement,
    Optional<String> deviceType, Optional<Integer> cleaningsLeft, Instant checkedIn, Instant updated) {
  public LibraryVolume {
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(barcode, "barcode");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lastUse, "lastUse");
    Objects.requireNonNull(homeElement, "homeElement");
    Objects.requireNonNull(deviceType, "deviceType");
    Objects.requireNonNull(cleaningsLeft, "cleaningsLeft");
    Objects.requireNonNull(checkedIn, "checkedIn");
    Objects.requireNonNull(updated, "updated");
  }

  /** A volume checked in now with the given status at {@code home}; no owner or last use yet. */
  public static LibraryVolume checkedIn(String library, String volume, Optional<String> barcode, VolumeStatus status,
      Optional<ElementAddress> home, Optional<String> deviceType, Instant now) {
    return new LibraryVolume(volume, library, barcode, status, Optional.empty(), Optional.empty(), home, deviceType,
        Optional.empty(), now, now);
  }

  public LibraryVolume withStatus(VolumeStatus status, Instant now) {
    return new LibraryVolume(volume, library, barcode, status, owner, lastUse, homeElement, deviceType,
        cleaningsLeft, checkedIn, now);
  }

  public LibraryVolume withHomeElement(Optional<ElementAddress> homeElement, Instant now) {
    return new LibraryVolume(volume, library, barcode, status, owner, lastUse, homeElement, deviceType,
        cleaningsLeft, checkedIn, now);
  }

  public LibraryVolume withLastUse(Optional<LastUse> lastUse, Instant now) {
    return new LibraryVolume(volume, library, barcode, status, owner, lastUse, homeElement, deviceType,
        cleaningsLeft, checkedIn, now);
  }

  public LibraryVolume withOwner(Optional<String> owner, Instant now) {
    return new LibraryVolume(volume, library, barcode, status, owner, lastUse, homeElement, deviceType,
        cleaningsLeft, checkedIn, now);
  }

  public LibraryVolume withCleaningsLeft(Optional<Integer> cleaningsLeft, Instant now) {
    return new LibraryVolume(volume, library, barcode, status, owner, lastUse, homeElement, deviceType,
        cleaningsLeft, checkedIn, now);
  }
}
