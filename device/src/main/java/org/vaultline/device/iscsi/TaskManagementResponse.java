package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.6 Task Management Function Response (opcode 22h).
 *
 * @param response byte 2: 0 function complete, 1 task does not exist, 2 LUN does not exist, 3 task still
 *     allegiant, 4 reassignment not supported, 5 function not supported, 6 authorization failed,
 *     255 function rejected
 */
public record TaskManagementResponse(int response, int initiatorTaskTag, int statSN, int expCmdSN, int maxCmdSN)
    implements Pdu {
  public static final int OPCODE = 0x22;
  public static final int FUNCTION_COMPLETE = 0;
  public static final int TASK_DOES_NOT_EXIST = 1;
  public static final int LUN_DOES_NOT_EXIST = 2;
  public static final int FUNCTION_NOT_SUPPORTED = 5;
  public static final int FUNCTION_REJECTED = 255;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes data() {
    return Bytes.EMPTY;
  }

  /** The response's meaning as RFC 7143 11.6.1 words it. */
  public static String responseName(int response) {
    return switch (response) {
      case 0 -> "function complete";
      case 1 -> "task does not exist";
      case 2 -> "LUN does not exist";
      case 3 -> "task still allegiant";
      case 4 -> "task allegiance reassignment not supported";
      case 5 -> "task management function not supported";
      case 6 -> "function authorization failed";
      case 255 -> "function rejected";
      default -> "response " + response;
    };
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, false).u8(1, 0x80).u8(2, response).i32(16, initiatorTaskTag).i32(24, statSN)
        .i32(28, expCmdSN).i32(32, maxCmdSN).finish(ahs(), data());
  }

  static TaskManagementResponse decode(Bhs h) {
    return new TaskManagementResponse(h.u8(2), h.i32(16), h.i32(24), h.i32(28), h.i32(32));
  }
}
