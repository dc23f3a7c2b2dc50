package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.3 SCSI Command (opcode 01h). The CDB travels in header bytes 32..47, zero-padded; a CDB
 * longer than 16 bytes continues in an Extended CDB AHS (type 1, 11.2.2.3). {@code data} carries
 * immediate data of a write.
 *
 * @param attributes task attributes, byte 1 bits 2..0 (1 = SIMPLE)
 * @param cdb the CDB, at least 16 bytes when decoded (trailing padding cannot be told from the CDB)
 */
public record ScsiCommand(boolean immediate, boolean finalFlag, boolean read, boolean write, int attributes,
                          long lun, int initiatorTaskTag, int expectedDataTransferLength, int cmdSN,
                          int expStatSN, Bytes cdb, Bytes data) implements Pdu {
  public static final int OPCODE = 0x01;
  public static final int SIMPLE = 1;
  static final int AHS_EXTENDED_CDB = 1;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes ahs() {
    if (cdb.size() <= 16) {
      return Bytes.EMPTY;
    }
    int extra = cdb.size() - 16;
    int length = 1 + extra; // AHSLength counts the reserved byte and the CDB bytes beyond 16
    byte[] a = new byte[(3 + length + 3) / 4 * 4];
    a[0] = (byte) (length >> 8);
    a[1] = (byte) length;
    a[2] = AHS_EXTENDED_CDB;
    cdb.slice(16, cdb.size()).copyTo(a, 4);
    return Bytes.of(a);
  }

  @Override
  public Bytes header() {
    Bhs h = Bhs.of(OPCODE, immediate).u8(1, (finalFlag ? 0x80 : 0) | (read ? 0x40 : 0) | (write ? 0x20 : 0)
        | attributes & 7).i64(8, lun).i32(16, initiatorTaskTag).i32(20, expectedDataTransferLength)
        .i32(24, cmdSN).i32(28, expStatSN).bytes(32, cdb.prefix(16));
    return h.finish(ahs(), data);
  }

  static ScsiCommand decode(Bhs h, Bytes ahs, Bytes data) throws MalformedPduException {
    Bytes cdb = h.bytes(32, 16);
    int off = 0;
    while (off + 4 <= ahs.size()) {
      int length = ahs.get(off) << 8 | ahs.get(off + 1);
      int type = ahs.get(off + 2);
      int padded = (3 + length + 3) / 4 * 4;
      if (length == 0 || off + padded > ahs.size()) {
        throw new MalformedPduException("AHS at byte " + off + " of type " + type + " claims " + length
            + " bytes, " + (ahs.size() - off) + " remain");
      }
      if (type == AHS_EXTENDED_CDB) {
        cdb = cdb.concat(ahs.slice(off + 4, off + 3 + length));
      }
      off += padded;
    }
    int flags = h.u8(1);
    return new ScsiCommand(h.immediate(), (flags & 0x80) != 0, (flags & 0x40) != 0, (flags & 0x20) != 0,
        flags & 7, h.i64(8), h.i32(16), h.i32(20), h.i32(24), h.i32(28), cdb, data);
  }
}
