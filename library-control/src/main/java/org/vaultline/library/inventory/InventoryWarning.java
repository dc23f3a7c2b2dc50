package org.vaultline.library.inventory;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;

/**
 * Something an inventory found wrong with the library's answers and worked around, kept with the
 * inventory as data (and logged). {@code raw} holds the bytes concerned when there are any, so that a
 * field engineer can decode them offline.
 *
 * @param type the element type being read, when it concerns one
 * @param element the element concerned, when it concerns one
 */
public record InventoryWarning(Kind kind, Optional<ElementType> type, Optional<ElementAddress> element,
    String message, Bytes raw) {

  /** What kind of trouble. */
  public enum Kind {
    /** MODE SENSE page 1Dh could not be read; element types were read from address 0. */
    NO_ADDRESS_ASSIGNMENT,
    /** The number of elements read differs from what page 1Dh says. */
    COUNT_MISMATCH,
    /** The library refused a request for its size (5/24/00); the number of elements per request was halved. */
    CHUNK_HALVED,
    /** The element status data was malformed or cut short (the parser's warnings, with the raw bytes). */
    MALFORMED_DATA,
    /** The library refused DVCID (drive identifiers); drives are not identified by serial number. */
    DVCID_REFUSED,
    /** DVCID was accepted but some drives came without an identifier. */
    NO_DEVICE_IDENTIFIER,
    /** The library exposes no import/export element over SCSI. */
    NO_IMPORT_EXPORT,
    /** A cartridge whose barcode the library could not read (83/00, 83/01, blank tag). */
    UNREADABLE_LABEL,
    /** An element reported twice, or under a type other than the one asked for; the first was kept. */
    UNEXPECTED_ELEMENT,
    /** The reader gave up on part of an element type after repeated unusable answers. */
    INCOMPLETE,
    /**
     * No element has ACCESS set: the library does not report the bit (tgt), so every element is taken as
     * reachable from then on.
     */
    ACCESS_NOT_REPORTED
  }

  public InventoryWarning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(raw, "raw");
  }

  @Override
  public String toString() {
    return kind + type.map(t -> " (" + t.text() + ")").orElse("") + element.map(e -> " " + e).orElse("") + ": "
        + message + (raw.isEmpty() ? "" : " [" + raw.hex() + "]");
  }
}
