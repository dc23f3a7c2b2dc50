package org.vaultline.library.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;

/**
 * One element as READ ELEMENT STATUS last showed it (SMC-3 6.11), kept so that QUERY commands, audit and
 * start-up recovery can compare against what the library says now.
 *
 * @param barcode the primary volume tag's identifier, empty without one
 * @param source SVALID and SOURCE STORAGE ELEMENT ADDRESS: where the cartridge came from
 * @param accessible ACCESS for storage, import/export and data transfer elements (true for transports)
 * @param except EXCEPT, with {@code asc}/{@code ascq} saying why
 */
public record ElementSnapshot(String library, ElementAddress address, ElementType type, boolean full,
    Optional<String> barcode, Optional<ElementAddress> source, boolean accessible, boolean except, int asc,
    int ascq, Instant scanned) {
  public ElementSnapshot {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(barcode, "barcode");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(scanned, "scanned");
    if (type == ElementType.ALL) {
      throw new IllegalArgumentException("an element has a concrete type, not ALL");
    }
    if (asc < 0 || asc > 0xFF || ascq < 0 || ascq > 0xFF) {
      throw new IllegalArgumentException("ASC and ASCQ are bytes: " + asc + "/" + ascq);
    }
  }

  /** An empty, accessible element without exception. */
  public static ElementSnapshot empty(String library, ElementAddress address, ElementType type, Instant scanned) {
    return new ElementSnapshot(library, address, type, false, Optional.empty(), Optional.empty(), true, false, 0, 0,
        scanned);
  }

  /** An accessible element holding the cartridge {@code barcode}. */
  public static ElementSnapshot holding(String library, ElementAddress address, ElementType type, String barcode,
      Instant scanned) {
    return new ElementSnapshot(library, address, type, true, Optional.of(barcode), Optional.empty(), true, false, 0,
        0, scanned);
  }
}
