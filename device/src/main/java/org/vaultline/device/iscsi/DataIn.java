package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.7 SCSI Data-In (opcode 25h): read data at {@code bufferOffset}. With S (byte 1 bit 0) the
 * PDU also carries the command's status (never with sense, which needs a SCSI Response).
 *
 * @param acknowledge byte 1 bit 6 (A), only for ErrorRecoveryLevel &gt; 0
 * @param overflow byte 1 bit 2 (O), valid with S
 * @param underflow byte 1 bit 1 (U), valid with S
 * @param hasStatus byte 1 bit 0 (S)
 */
public record DataIn(boolean finalFlag, boolean acknowledge, boolean overflow, boolean underflow, boolean hasStatus,
                     int status, long lun, int initiatorTaskTag, int targetTransferTag, int statSN, int expCmdSN,
                     int maxCmdSN, int dataSN, int bufferOffset, int residualCount, Bytes data) implements Pdu {
  public static final int OPCODE = 0x25;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, false).u8(1, (finalFlag ? 0x80 : 0) | (acknowledge ? 0x40 : 0) | (overflow ? 4 : 0)
        | (underflow ? 2 : 0) | (hasStatus ? 1 : 0)).u8(3, status).i64(8, lun).i32(16, initiatorTaskTag)
        .i32(20, targetTransferTag).i32(24, statSN).i32(28, expCmdSN).i32(32, maxCmdSN).i32(36, dataSN)
        .i32(40, bufferOffset).i32(44, residualCount).finish(ahs(), data);
  }

  static DataIn decode(Bhs h, Bytes data) {
    return new DataIn(h.bit(1, 7), h.bit(1, 6), h.bit(1, 2), h.bit(1, 1), h.bit(1, 0), h.u8(3), h.i64(8),
        h.i32(16), h.i32(20), h.i32(24), h.i32(28), h.i32(32), h.i32(36), h.i32(40), h.i32(44), data);
  }
}
