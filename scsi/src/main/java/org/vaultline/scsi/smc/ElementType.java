package org.vaultline.scsi.smc;

import java.util.Optional;

/**
 * SMC-3 element type codes (READ ELEMENT STATUS CDB byte 1 bits 3..0, element status page byte 0):
 * what kind of element an address names. Codes 5h..Fh are reserved.
 */
public enum ElementType {
  /** 0h: all element types; only meaningful in a request. */
  ALL(0, "all element types"),
  /** 1h: the robot's hand (picker). */
  MEDIUM_TRANSPORT(1, "medium transport"),
  /** 2h: a slot. */
  STORAGE(2, "storage"),
  /** 3h: a mail slot of the I/O station (cartridge access port). */
  IMPORT_EXPORT(3, "import/export"),
  /** 4h: a tape drive (or an empty drive bay). */
  DATA_TRANSFER(4, "data transfer");

  private final int code;
  private final String text;

  ElementType(int code, String text) {
    this.code = code;
    this.text = text;
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }

  /** The type with this code; empty for the reserved codes 5h..Fh and anything larger. */
  public static Optional<ElementType> fromCode(int code) {
    for (ElementType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
