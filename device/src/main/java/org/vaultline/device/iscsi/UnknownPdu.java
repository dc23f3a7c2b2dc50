package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * A PDU whose opcode this code does not handle (SNACK 10h, vendor or reserved opcodes), kept raw so that
 * a target can Reject it with its header and a log can show it.
 */
public record UnknownPdu(Bytes header, Bytes ahs, Bytes data) implements Pdu {
  public UnknownPdu {
    if (header.size() != Bhs.LENGTH) {
      throw new IllegalArgumentException("a basic header segment is 48 bytes");
    }
  }

  @Override
  public int opcode() {
    return header.get(0) & 0x3f;
  }

  @Override
  public int initiatorTaskTag() {
    return header.get(16) << 24 | header.get(17) << 16 | header.get(18) << 8 | header.get(19);
  }
}
