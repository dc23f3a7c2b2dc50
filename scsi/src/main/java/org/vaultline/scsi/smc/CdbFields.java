package org.vaultline.scsi.smc;

import java.util.OptionalInt;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Target-side checks shared by the SMC-3 CDB decoders: the opcode, the minimum length and the reserved
 * bits, each failure pointing at the byte and bit a changer names in its sense data (5/24/00 with the
 * field pointer). A CDB longer than the command's own length is accepted, because iSCSI carries every
 * CDB in a 16-byte field. (The same rules as {@code ssc.CdbFields}.)
 */
final class CdbFields {
  private CdbFields() {
  }

  /** The CDB bytes after checking opcode and length. */
  static Bytes expect(Cdb cdb, int opcode, int length, String name) throws InvalidCdbException {
    if (cdb.opcode() != opcode) {
      throw new InvalidCdbException(0, OptionalInt.empty(), 0x20, 0x00,
          String.format("operation code %02Xh is not %s (%02Xh)", cdb.opcode(), name, opcode));
    }
    if (cdb.length() < length) {
      throw new InvalidCdbException(0, OptionalInt.empty(),
          name + " needs a " + length + "-byte CDB, got " + cdb.length() + " bytes");
    }
    return cdb.bytes();
  }

  /** Fails when any bit of {@code mask} is set in byte {@code index}, pointing at the highest such bit. */
  static void reserved(Bytes b, int index, int mask) throws InvalidCdbException {
    int bad = b.get(index) & mask;
    if (bad != 0) {
      throw new InvalidCdbException(index, OptionalInt.of(31 - Integer.numberOfLeadingZeros(bad)),
          "reserved bit set");
    }
  }

  /** Fails when any of bytes {@code from}..{@code to} (inclusive) is not zero. */
  static void reservedBytes(Bytes b, int from, int to) throws InvalidCdbException {
    for (int i = from; i <= to; i++) {
      reserved(b, i, 0xff);
    }
  }

  static boolean bit(Bytes b, int index, int bit) {
    return (b.get(index) >> bit & 1) != 0;
  }

  static int flag(boolean on, int bit) {
    return on ? 1 << bit : 0;
  }

  static int u16(Bytes b, int at) {
    return b.get(at) << 8 | b.get(at + 1);
  }

  static int u24(Bytes b, int at) {
    return b.get(at) << 16 | b.get(at + 1) << 8 | b.get(at + 2);
  }

  static ElementAddress address(Bytes b, int at) {
    return ElementAddress.of(u16(b, at));
  }
}
