package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.13 Login Response (opcode 23h).
 *
 * @param statusClass byte 36: 0 success, 1 redirection, 2 initiator error, 3 target error
 * @param statusDetail byte 37 (11.13.5)
 */
public record LoginResponse(boolean transit, boolean continues, int currentStage, int nextStage, int versionMax,
                            int versionActive, long isid, int tsih, int initiatorTaskTag, int statSN,
                            int expCmdSN, int maxCmdSN, int statusClass, int statusDetail, Bytes data)
    implements Pdu {
  public static final int OPCODE = 0x23;

  @Override
  public int opcode() {
    return OPCODE;
  }

  /** Class and detail as one 16-bit code, e.g. 0201h for an authentication failure. */
  public int status() {
    return statusClass << 8 | statusDetail;
  }

  /** The meaning of a login status as RFC 7143 11.13.5 words it. */
  public static String statusName(int status) {
    return switch (status) {
      case 0x0000 -> "success";
      case 0x0101 -> "target moved temporarily";
      case 0x0102 -> "target moved permanently";
      case 0x0200 -> "initiator error";
      case 0x0201 -> "authentication failure";
      case 0x0202 -> "authorization failure";
      case 0x0203 -> "target not found";
      case 0x0204 -> "target removed";
      case 0x0205 -> "unsupported version";
      case 0x0206 -> "too many connections";
      case 0x0207 -> "missing parameter";
      case 0x0208 -> "can't include in session";
      case 0x0209 -> "session type not supported";
      case 0x020a -> "session does not exist";
      case 0x020b -> "invalid request during login";
      case 0x0300 -> "target error";
      case 0x0301 -> "service unavailable";
      case 0x0302 -> "out of resources";
      default -> String.format("status %04Xh", status);
    };
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, false).u8(1, (transit ? 0x80 : 0) | (continues ? 0x40 : 0) | (currentStage & 3) << 2
        | nextStage & 3).u8(2, versionMax).u8(3, versionActive).u16(8, (int) (isid >> 32)).i32(10, (int) isid)
        .u16(14, tsih).i32(16, initiatorTaskTag).i32(24, statSN).i32(28, expCmdSN).i32(32, maxCmdSN)
        .u8(36, statusClass).u8(37, statusDetail).finish(ahs(), data);
  }

  static LoginResponse decode(Bhs h, Bytes data) {
    int flags = h.u8(1);
    long isid = (long) h.u16(8) << 32 | h.i32(10) & 0xffffffffL;
    return new LoginResponse((flags & 0x80) != 0, (flags & 0x40) != 0, flags >> 2 & 3, flags & 3, h.u8(2),
        h.u8(3), isid, h.u16(14), h.i32(16), h.i32(24), h.i32(28), h.i32(32), h.u8(36), h.u8(37), data);
  }
}
