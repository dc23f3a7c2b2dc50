package org.vaultline.scsi;

import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.Bytes;

/** A command descriptor block: 6, 10, 12 or 16 bytes (or a variable-length CDB), opcode first. */
public record Cdb(Bytes bytes) {
  public Cdb {
    if (bytes.isEmpty()) {
      throw new IllegalArgumentException("a CDB has at least an operation code");
    }
  }

  public static Cdb of(int... values) {
    return new Cdb(Bytes.of(values));
  }

  public int opcode() {
    return bytes.get(0);
  }

  public int length() {
    return bytes.size();
  }

  /** A reader for decoding the CDB's fields (target side, the offline decoder). */
  public BigEndianReader reader() {
    return new BigEndianReader(bytes);
  }

  /**
   * The CDB length that the opcode's group code (bits 7..5) implies, SPC-4 4.2.5.1: group 0 six bytes,
   * 1 and 2 ten, 4 sixteen, 5 twelve; 3 (variable or reserved) and 6, 7 (vendor) give -1.
   */
  public static int lengthForOpcode(int opcode) {
    return switch (opcode >> 5 & 7) {
      case 0 -> 6;
      case 1, 2 -> 10;
      case 4 -> 16;
      case 5 -> 12;
      default -> -1;
    };
  }

  @Override
  public String toString() {
    return bytes.hex();
  }
}
