package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.14 Logout Request (opcode 06h).
 *
 * @param reasonCode byte 1 bits 6..0: 0 close the session, 1 close the connection, 2 remove the
 *     connection for recovery
 */
public record LogoutRequest(boolean immediate, int reasonCode, int initiatorTaskTag, int cid, int cmdSN,
                            int expStatSN) implements Pdu {
  public static final int OPCODE = 0x06;
  public static final int CLOSE_SESSION = 0;
  public static final int CLOSE_CONNECTION = 1;

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
    return Bhs.of(OPCODE, immediate).u8(1, 0x80 | reasonCode & 0x7f).i32(16, initiatorTaskTag).u16(20, cid)
        .i32(24, cmdSN).i32(28, expStatSN).finish(ahs(), data());
  }

  static LogoutRequest decode(Bhs h) {
    return new LogoutRequest(h.immediate(), h.u8(1) & 0x7f, h.i32(16), h.u16(20), h.i32(24), h.i32(28));
  }
}
