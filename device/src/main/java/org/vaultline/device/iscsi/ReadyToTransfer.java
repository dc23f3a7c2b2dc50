package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.8 Ready To Transfer, R2T (opcode 31h): the target asks for {@code desiredDataTransferLength}
 * bytes of write data from {@code bufferOffset}, to be sent in Data-Out PDUs carrying its TTT.
 */
public record ReadyToTransfer(long lun, int initiatorTaskTag, int targetTransferTag, int statSN, int expCmdSN,
                              int maxCmdSN, int r2tSN, int bufferOffset, int desiredDataTransferLength)
    implements Pdu {
  public static final int OPCODE = 0x31;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes data() {
    return Bytes.EMPTY;
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, false).u8(1, 0x80).i64(8, lun).i32(16, initiatorTaskTag).i32(20, targetTransferTag)
        .i32(24, statSN).i32(28, expCmdSN).i32(32, maxCmdSN).i32(36, r2tSN).i32(40, bufferOffset)
        .i32(44, desiredDataTransferLength).finish(ahs(), data());
  }

  static ReadyToTransfer decode(Bhs h) {
    return new ReadyToTransfer(h.i64(8), h.i32(16), h.i32(20), h.i32(24), h.i32(28), h.i32(32), h.i32(36),
        h.i32(40), h.i32(44));
  }
}
