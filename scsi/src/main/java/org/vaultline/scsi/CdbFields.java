package org.vaultline.scsi;

import java.util.OptionalInt;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;

/**
 * The fields of a CDB, for the {@code fromCdb} decoders of {@code spc}, {@code smc} and {@code ssc}
 * (target side): {@link #expect} checks the operation code and the length once, after which reads cannot
 * run past the end. Every failure is an {@link InvalidCdbException} pointing at the byte and bit a device
 * names in its sense data (5/24/00 with the field pointer; 5/20/00 for a wrong operation code). A CDB
 * longer than the command's own length is accepted, because iSCSI carries every CDB in a 16-byte field.
 * Also the small helpers the CDB encoders and record constructors share.
 */
public final class CdbFields {
  private final Bytes b;

  private CdbFields(Bytes b) {
    this.b = b;
  }

  /**
   * Opens {@code cdb} as the {@code length}-byte CDB of the command {@code name} with operation code
   * {@code opcode}.
   */
  public static CdbFields expect(Cdb cdb, int opcode, int length, String name) throws InvalidCdbException {
    if (cdb.opcode() != opcode) {
      throw new InvalidCdbException(0, OptionalInt.empty(), 0x20, 0x00,
          String.format("operation code %02Xh is not %s (%02Xh)", cdb.opcode(), name, opcode));
    }
    if (cdb.length() < length) {
      throw invalid(0, String.format("%s needs a %d-byte CDB, got %d byte(s)", name, length, cdb.length()));
    }
    return new CdbFields(cdb.bytes());
  }

  public int u8(int offset) {
    return b.get(offset);
  }

  public int u16(int offset) {
    return b.get(offset) << 8 | b.get(offset + 1);
  }

  public int u24(int offset) {
    return b.get(offset) << 16 | u16(offset + 1);
  }

  public long u32(int offset) {
    return (long) b.get(offset) << 24 | u24(offset + 1);
  }

  public long u64(int offset) {
    return u32(offset) << 32 | u32(offset + 4);
  }

  public boolean bit(int offset, int bit) {
    return (b.get(offset) >> bit & 1) != 0;
  }

  /** Bits {@code high} down to {@code low} of byte {@code offset}, shifted down. */
  public int bits(int offset, int high, int low) {
    return b.get(offset) >> low & ((1 << (high - low + 1)) - 1);
  }

  /** Fails when any bit of {@code mask} is set in byte {@code offset}, pointing at the highest such bit. */
  public void reserved(int offset, int mask) throws InvalidCdbException {
    int bad = b.get(offset) & mask;
    if (bad != 0) {
      throw invalid(offset, 31 - Integer.numberOfLeadingZeros(bad), "reserved bit set");
    }
  }

  /** Fails when any of bytes {@code from}..{@code to} (inclusive) is not zero. */
  public void reservedBytes(int from, int to) throws InvalidCdbException {
    for (int i = from; i <= to; i++) {
      reserved(i, 0xff);
    }
  }

  /** A field error at {@code offset}, bit {@code bit} (the most significant bit of the field). */
  public static InvalidCdbException invalid(int offset, int bit, String reason) {
    return new InvalidCdbException(offset, OptionalInt.of(bit), reason);
  }

  /** A field error at whole byte {@code offset}. */
  public static InvalidCdbException invalid(int offset, String reason) {
    return new InvalidCdbException(offset, OptionalInt.empty(), reason);
  }

  public static Cdb cdb(BigEndianWriter w) {
    return new Cdb(w.toBytes());
  }

  /** {@code 1 << bit} when {@code on}, for OR-ing flags into a CDB byte. */
  public static int flag(boolean on, int bit) {
    return on ? 1 << bit : 0;
  }

  /** For record constructors: {@code value} must be 0..{@code max}. */
  public static void checkRange(String field, long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " " + value + " is outside 0.." + max);
    }
  }
}
