package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.17 Reject (opcode 3Fh): the target refused a PDU; the data segment is the refused PDU's
 * 48-byte header.
 *
 * @param reason byte 2 (11.17.1), e.g. {@link #DATA_DIGEST_ERROR}, {@link #PROTOCOL_ERROR}
 */
public record Reject(int reason, int statSN, int expCmdSN, int maxCmdSN, int dataSN, Bytes data) implements Pdu {
  public static final int OPCODE = 0x3f;
  public static final int DATA_DIGEST_ERROR = 0x02;
  public static final int SNACK_REJECT = 0x03;
  public static final int PROTOCOL_ERROR = 0x04;
  public static final int COMMAND_NOT_SUPPORTED = 0x05;
  public static final int IMMEDIATE_COMMAND_REJECT = 0x06;
  public static final int TASK_IN_PROGRESS = 0x07;
  public static final int INVALID_DATA_ACK = 0x08;
  public static final int INVALID_PDU_FIELD = 0x09;
  public static final int OUT_OF_RESOURCES = 0x0a;
  public static final int WAITING_FOR_LOGOUT = 0x0c;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public int initiatorTaskTag() {
    return NO_TAG;
  }

  /** The ITT of the rejected PDU (bytes 16..19 of its header), or 0xffffffff if the header is cut short. */
  public int rejectedTaskTag() {
    return data.size() >= 20 ? data.get(16) << 24 | data.get(17) << 16 | data.get(18) << 8 | data.get(19) : NO_TAG;
  }

  /** The opcode of the rejected PDU, or -1 if no header came back. */
  public int rejectedOpcode() {
    return data.isEmpty() ? -1 : data.get(0) & 0x3f;
  }

  /** The reason's meaning as RFC 7143 11.17.1 words it. */
  public static String reasonName(int reason) {
    return switch (reason) {
      case DATA_DIGEST_ERROR -> "data digest error";
      case SNACK_REJECT -> "SNACK reject";
      case PROTOCOL_ERROR -> "protocol error";
      case COMMAND_NOT_SUPPORTED -> "command not supported";
      case IMMEDIATE_COMMAND_REJECT -> "immediate command reject";
      case TASK_IN_PROGRESS -> "task in progress";
      case INVALID_DATA_ACK -> "invalid data ack";
      case INVALID_PDU_FIELD -> "invalid PDU field";
      case OUT_OF_RESOURCES -> "long operation reject";
      case WAITING_FOR_LOGOUT -> "waiting for logout";
      default -> String.format("reason %02Xh", reason);
    };
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, false).u8(1, 0x80).u8(2, reason).i32(16, NO_TAG).i32(24, statSN).i32(28, expCmdSN)
        .i32(32, maxCmdSN).i32(36, dataSN).finish(ahs(), data);
  }

  static Reject decode(Bhs h, Bytes data) {
    return new Reject(h.u8(2), h.i32(24), h.i32(28), h.i32(32), h.i32(36), data);
  }
}
