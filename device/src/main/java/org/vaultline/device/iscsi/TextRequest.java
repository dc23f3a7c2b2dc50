package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * RFC 7143 11.10 Text Request (opcode 04h): key=value text outside login, e.g. {@code SendTargets=All}.
 *
 * @param targetTransferTag 0xffffffff for a new request, else the tag of the Text Response being continued
 */
public record TextRequest(boolean immediate, boolean finalFlag, boolean continues, long lun,
                          int initiatorTaskTag, int targetTransferTag, int cmdSN, int expStatSN, Bytes data)
    implements Pdu {
  public static final int OPCODE = 0x04;

  @Override
  public int opcode() {
    return OPCODE;
  }

  @Override
  public Bytes header() {
    return Bhs.of(OPCODE, immediate).u8(1, (finalFlag ? 0x80 : 0) | (continues ? 0x40 : 0)).i64(8, lun)
        .i32(16, initiatorTaskTag).i32(20, targetTransferTag).i32(24, cmdSN).i32(28, expStatSN)
        .finish(ahs(), data);
  }

  static TextRequest decode(Bhs h, Bytes data) {
    return new TextRequest(h.immediate(), h.bit(1, 7), h.bit(1, 6), h.i64(8), h.i32(16), h.i32(20), h.i32(24),
        h.i32(28), data);
  }
}
