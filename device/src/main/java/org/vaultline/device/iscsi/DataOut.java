package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.7 SCSI Data-Out (opcode 05h): write data, unsolicited (TTT 0xffffffff) or answering an
 * R2T (TTT copied from it). F marks the last PDU of a sequence.
 */
public record DataOut(boolean finalFlag, long lun, int initiatorTaskTag, int targetTransferTag, int expStatSN,
                      int dataSN, int bufferOffset, Bytes data) implements Pdu {
  public static final int OPCODE = 0x05;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, false).u8(1, finalFlag ? 0x80 : 0).i64(8, lun).i32(16, initiatorTaskTag)
        .i32(20, targetTransferTag).i32(28, expStatSN).i32(36, dataSN).i32(40, bufferOffset).finish(ahs(), data);
  }

  static DataOut decode(Bhs h, Bytes data) {
    return new DataOut(h.finalBit(), h.i64(8), h.i32(16), h.i32(20), h.i32(28), h.i32(36), h.i32(40), data);
  }
}
