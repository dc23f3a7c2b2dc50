package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.19 NOP-In (opcode 20h): the target's answer to a NOP-Out ping (ITT copied, TTT
 * 0xffffffff), or its own ping (ITT 0xffffffff, TTT set) that the initiator must answer at once.
 */
public record NopIn(long lun, int initiatorTaskTag, int targetTransferTag, int statSN, int expCmdSN,
                    int maxCmdSN, Bytes data) implements Pdu {
  public static final int OPCODE = 0x20;

  @Override
  public int opcode() {
    return OPCODE;
  }

  /** A ping from the target, which needs a NOP-Out echoing its TTT. */
  public boolean isPing() {
    return targetTransferTag != NO_TAG;
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, false).u8(1, 0x80).i64(8, lun).i32(16, initiatorTaskTag)
        .i32(20, targetTransferTag).i32(24, statSN).i32(28, expCmdSN).i32(32, maxCmdSN).finish(ahs(), data);
  }

  static NopIn decode(Bhs h, Bytes data) {
    return new NopIn(h.i64(8), h.i32(16), h.i32(20), h.i32(24), h.i32(28), h.i32(32), data);
  }
}
