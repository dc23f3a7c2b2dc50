package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.12 Login Request (opcode 03h, always immediate). Stages (CSG/NSG, 11.12.3): 0 security
 * negotiation, 1 login operational negotiation, 3 full feature phase.
 *
 * @param transit byte 1 bit 7 (T): the initiator is ready to move to stage {@code nextStage}
 * @param continues byte 1 bit 6 (C): the text continues in the next PDU
 * @param isid the 6-byte initiator session ID (bytes 8..13) in the low 48 bits
 * @param tsih bytes 14..15: 0 to create a session
 * @param data key=value text (see {@link TextParameters})
 */
public record LoginRequest(boolean transit, boolean continues, int currentStage, int nextStage, int versionMax,
                           int versionMin, long isid, int tsih, int initiatorTaskTag, int cid, int cmdSN,
                           int expStatSN, Bytes data) implements Pdu {
  public static final int OPCODE = 0x03;
  public static final int SECURITY = 0;
  public static final int OPERATIONAL = 1;
  public static final int FULL_FEATURE = 3;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, true).u8(1, (transit ? 0x80 : 0) | (continues ? 0x40 : 0) | (currentStage & 3) << 2
        | nextStage & 3).u8(2, versionMax).u8(3, versionMin).u16(8, (int) (isid >> 32)).i32(10, (int) isid)
        .u16(14, tsih).i32(16, initiatorTaskTag).u16(20, cid).i32(24, cmdSN).i32(28, expStatSN)
        .finish(ahs(), data);
  }

  static LoginRequest decode(Bhs h, Bytes data) {
    int flags = h.u8(1);
    long isid = (long) h.u16(8) << 32 | h.i32(10) & 0xffffffffL;
    return new LoginRequest((flags & 0x80) != 0, (flags & 0x40) != 0, flags >> 2 & 3, flags & 3, h.u8(2),
        h.u8(3), isid, h.u16(14), h.i32(16), h.u16(20), h.i32(24), h.i32(28), data);
  }
}
