package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.5 Task Management Function Request (opcode 02h), usually sent immediate.
 *
 * @param function byte 1 bits 6..0, see {@link #ABORT_TASK} and {@link #LOGICAL_UNIT_RESET}
 * @param referencedTaskTag the ITT of the task to abort (ABORT TASK), else 0xffffffff
 * @param refCmdSN the CmdSN of the task to abort
 */
public record TaskManagementRequest(boolean immediate, int function, long lun, int initiatorTaskTag,
                                    int referencedTaskTag, int cmdSN, int expStatSN, int refCmdSN,
                                    int expDataSN) implements Pdu {
  public static final int OPCODE = 0x02;
  public static final int ABORT_TASK = 1;
  public static final int ABORT_TASK_SET = 2;
  public static final int CLEAR_ACA = 3;
  public static final int CLEAR_TASK_SET = 4;
  public static final int LOGICAL_UNIT_RESET = 5;
  public static final int TARGET_WARM_RESET = 6;
  public static final int TARGET_COLD_RESET = 7;
  public static final int TASK_REASSIGN = 8;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes data() {
    return Bytes.EMPTY;
  }

  /** The function's name as RFC 7143 11.5.1 gives it. */
  public static String functionName(int function) {
    return switch (function) {
      case ABORT_TASK -> "ABORT TASK";
      case ABORT_TASK_SET -> "ABORT TASK SET";
      case CLEAR_ACA -> "CLEAR ACA";
      case CLEAR_TASK_SET -> "CLEAR TASK SET";
      case LOGICAL_UNIT_RESET -> "LOGICAL UNIT RESET";
      case TARGET_WARM_RESET -> "TARGET WARM RESET";
      case TARGET_COLD_RESET -> "TARGET COLD RESET";
      case TASK_REASSIGN -> "TASK REASSIGN";
      default -> String.format("function %02Xh", function);
    };
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, immediate).u8(1, 0x80 | function & 0x7f).i64(8, lun).i32(16, initiatorTaskTag)
        .i32(20, referencedTaskTag).i32(24, cmdSN).i32(28, expStatSN).i32(32, refCmdSN).i32(36, expDataSN)
        .finish(ahs(), data());
  }

  static TaskManagementRequest decode(Bhs h) {
    return new TaskManagementRequest(h.immediate(), h.u8(1) & 0x7f, h.i64(8), h.i32(16), h.i32(20), h.i32(24),
        h.i32(28), h.i32(32), h.i32(36));
  }
}
