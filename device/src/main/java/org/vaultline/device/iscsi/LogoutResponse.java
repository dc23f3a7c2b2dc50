package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.15 Logout Response (opcode 26h).
 *
 * @param response byte 2: 0 closed successfully, 1 CID not found, 2 recovery not supported, 3 cleanup
 *     failed
 */
public record LogoutResponse(int response, int initiatorTaskTag, int statSN, int expCmdSN, int maxCmdSN,
                             int time2Wait, int time2Retain) implements Pdu {
  public static final int OPCODE = 0x26;

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
    return Bhs.of(OPCODE, false).u8(1, 0x80).u8(2, response).i32(16, initiatorTaskTag).i32(24, statSN)
        .i32(28, expCmdSN).i32(32, maxCmdSN).u16(40, time2Wait).u16(42, time2Retain).finish(ahs(), data());
  }

  static LogoutResponse decode(Bhs h) {
    return new LogoutResponse(h.u8(2), h.i32(16), h.i32(24), h.i32(28), h.i32(32), h.u16(40), h.u16(42));
  }
}
