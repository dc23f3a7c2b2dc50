package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.9 Asynchronous Message (opcode 32h). The data segment is SenseLength, sense data and iSCSI
 * event data, as in a SCSI Response.
 *
 * @param asyncEvent byte 36: 0 SCSI async event (sense), 1 logout requested, 2 connection will be dropped,
 *     3 all connections will be dropped, 4 renegotiation requested, 5 task termination, 255 vendor
 */
public record AsyncMessage(long lun, int statSN, int expCmdSN, int maxCmdSN, int asyncEvent, int asyncVCode,
                           int parameter1, int parameter2, int parameter3, Bytes sense, Bytes eventData)
    implements Pdu {
  public static final int OPCODE = 0x32;
  public static final int SCSI_EVENT = 0;
  public static final int LOGOUT_REQUESTED = 1;
  public static final int CONNECTION_DROP = 2;
  public static final int SESSION_DROP = 3;
  public static final int RENEGOTIATE = 4;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public int initiatorTaskTag() {
    return NO_TAG;
  }

  @Override
  public Bytes data() {
    if (sense.isEmpty() && eventData.isEmpty()) {
      return Bytes.EMPTY;
    }
    return Bytes.of(sense.size() >> 8, sense.size()).concat(sense).concat(eventData);
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, false).u8(1, 0x80).i64(8, lun).i32(16, NO_TAG).i32(24, statSN).i32(28, expCmdSN)
        .i32(32, maxCmdSN).u8(36, asyncEvent).u8(37, asyncVCode).u16(38, parameter1).u16(40, parameter2)
        .u16(42, parameter3).finish(ahs(), data());
  }

  static AsyncMessage decode(Bhs h, Bytes data) throws MalformedPduException {
    Bytes sense = Bytes.EMPTY;
    Bytes rest = Bytes.EMPTY;
    if (!data.isEmpty()) {
      if (data.size() < 2) {
        throw new MalformedPduException("Async Message data segment of 1 byte has no room for SenseLength");
      }
      int senseLength = data.get(0) << 8 | data.get(1);
      if (2 + senseLength > data.size()) {
        throw new MalformedPduException("SenseLength " + senseLength + " exceeds the " + (data.size() - 2)
            + " bytes of the data segment");
      }
      sense = data.slice(2, 2 + senseLength);
      rest = data.slice(2 + senseLength, data.size());
    }
    return new AsyncMessage(h.i64(8), h.i32(24), h.i32(28), h.i32(32), h.u8(36), h.u8(37), h.u16(38), h.u16(40),
        h.u16(42), sense, rest);
  }
}
