package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.4 SCSI Response (opcode 21h). The data segment is a 2-byte SenseLength, the sense data and
 * then any response data (11.4.7).
 *
 * @param response 00h command completed at target, 01h target failure (11.4.3)
 * @param status the SCSI status byte, valid when response is 00h
 * @param overflow byte 1 bit 2 (O): residualCount is an overflow
 * @param underflow byte 1 bit 1 (U): residualCount is an underflow
 */
public record ScsiResponse(boolean overflow, boolean underflow, int response, int status, int initiatorTaskTag,
                           int statSN, int expCmdSN, int maxCmdSN, int expDataSN, int residualCount, Bytes sense,
                           Bytes responseData) implements Pdu {
  public static final int OPCODE = 0x21;
  public static final int COMMAND_COMPLETED = 0x00;
  public static final int TARGET_FAILURE = 0x01;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes data() {
    if (sense.isEmpty() && responseData.isEmpty()) {
      return Bytes.EMPTY;
    }
    return Bytes.of(sense.size() >> 8, sense.size()).concat(sense).concat(responseData);
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, false).u8(1, 0x80 | (overflow ? 4 : 0) | (underflow ? 2 : 0)).u8(2, response)
        .u8(3, status).i32(16, initiatorTaskTag).i32(24, statSN).i32(28, expCmdSN).i32(32, maxCmdSN)
        .i32(36, expDataSN).i32(44, residualCount).finish(ahs(), data());
  }

  static ScsiResponse decode(Bhs h, Bytes data) throws MalformedPduException {
    Bytes sense = Bytes.EMPTY;
    Bytes rest = Bytes.EMPTY;
    if (!data.isEmpty()) {
      if (data.size() < 2) {
        throw new MalformedPduException("SCSI Response data segment of 1 byte has no room for SenseLength");
      }
      int senseLength = data.get(0) << 8 | data.get(1);
      if (2 + senseLength > data.size()) {
        throw new MalformedPduException("SenseLength " + senseLength + " exceeds the " + (data.size() - 2)
            + " bytes of the data segment");
      }
      sense = data.slice(2, 2 + senseLength);
      rest = data.slice(2 + senseLength, data.size());
    }
    return new ScsiResponse(h.bit(1, 2), h.bit(1, 1), h.u8(2), h.u8(3), h.i32(16), h.i32(24), h.i32(28),
        h.i32(32), h.i32(36), h.i32(44), sense, rest);
  }
}
