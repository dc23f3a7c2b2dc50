package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.11 Text Response (opcode 24h). With C set (or F clear) the text continues: the initiator
 * sends an empty Text Request carrying this PDU's Target Transfer Tag to get the rest.
 */
public record TextResponse(boolean finalFlag, boolean continues, long lun, int initiatorTaskTag,
                           int targetTransferTag, int statSN, int expCmdSN, int maxCmdSN, Bytes data)
    implements Pdu {
  public static final int OPCODE = 0x24;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, false).u8(1, (finalFlag ? 0x80 : 0) | (continues ? 0x40 : 0)).i64(8, lun)
        .i32(16, initiatorTaskTag).i32(20, targetTransferTag).i32(24, statSN).i32(28, expCmdSN)
        .i32(32, maxCmdSN).finish(ahs(), data);
  }

  static TextResponse decode(Bhs h, Bytes data) {
    return new TextResponse(h.bit(1, 7), h.bit(1, 6), h.i64(8), h.i32(16), h.i32(20), h.i32(24), h.i32(28),
        h.i32(32), data);
  }
}
