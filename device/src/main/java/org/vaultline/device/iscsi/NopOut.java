package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.18 NOP-Out (opcode 00h): an initiator's ping (ITT set, TTT 0xffffffff) or its answer to a
 * target's NOP-In ping (ITT 0xffffffff, TTT copied from the NOP-In).
 */
public record NopOut(boolean immediate, long lun, int initiatorTaskTag, int targetTransferTag, int cmdSN,
                     int expStatSN, Bytes data) implements Pdu {
  public static final int OPCODE = 0x00;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, immediate).u8(1, 0x80).i64(8, lun).i32(16, initiatorTaskTag)
        .i32(20, targetTransferTag).i32(24, cmdSN).i32(28, expStatSN).finish(ahs(), data);
  }

  static NopOut decode(Bhs h, Bytes data) {
    return new NopOut(h.immediate(), h.i64(8), h.i32(16), h.i32(20), h.i32(24), h.i32(28), data);
  }
}
