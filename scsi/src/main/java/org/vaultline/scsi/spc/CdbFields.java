package org.vaultline.scsi.spc;

import java.util.OptionalInt;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Field access for the {@code fromCdb} decoders of this package: checks the operation code and the
 * CDB length once, after which reads cannot run past the end. Also the small helpers that build a CDB.
 */
final class CdbFields {
  private final Bytes b;

  private CdbFields(Bytes b) {
    this.b = b;
  }

  /**
   * Opens {@code cdb} as the {@code length}-byte CDB of the command {@code name} with operation code
   * {@code opcode}.
   */
  static CdbFields open(Cdb cdb, int opcode, int length, String name) throws InvalidCdbException {
    if (cdb.opcode() != opcode) {
      throw new InvalidCdbException(0, OptionalInt.empty(), 0x20, 0x00,
          String.format("operation code %02Xh is not %s (%02Xh)", cdb.opcode(), name, opcode));
    }
    if (cdb.length() < length) {
      throw new InvalidCdbException(0, OptionalInt.empty(),
          String.format("%s needs a %d-byte CDB, got %d byte(s)", name, length, cdb.length()));
    }
    return new CdbFields(cdb.bytes());
  }

  int u8(int offset) {
    return b.get(offset);
  }

  int u16(int offset) {
    return b.get(offset) << 8 | b.get(offset + 1);
  }

  long u32(int offset) {
    return (long) b.get(offset) << 24 | b.get(offset + 1) << 16 | b.get(offset + 2) << 8 | b.get(offset + 3);
  }

  boolean bit(int offset, int bit) {
    return (b.get(offset) >> bit & 1) != 0;
  }

  /** Bits {@code high} down to {@code low} of byte {@code offset}, shifted down. */
  int bits(int offset, int high, int low) {
    return b.get(offset) >> low & ((1 << (high - low + 1)) - 1);
  }

  /** A field error at {@code offset}, bit {@code bit} (the most significant bit of the field). */
  static InvalidCdbException invalid(int offset, int bit, String reason) {
    return new InvalidCdbException(offset, OptionalInt.of(bit), reason);
  }

  /** A field error at whole byte {@code offset}. */
  static InvalidCdbException invalid(int offset, String reason) {
    return new InvalidCdbException(offset, OptionalInt.empty(), reason);
  }

  static Cdb cdb(BigEndianWriter w) {
    return new Cdb(w.toBytes());
  }

  static int flag(boolean on, int bit) {
    return on ? 1 << bit : 0;
  }

  static void checkRange(String field, long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " " + value + " is outside 0.." + max);
    }
  }
}
