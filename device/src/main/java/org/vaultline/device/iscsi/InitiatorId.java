package org.vaultline.device.iscsi;

/**
 * The initiator end of an iSCSI session as a target knows it: the InitiatorName and the 6-byte ISID of
 * the login. Together they name the SCSI initiator port ({@code <InitiatorName>,i,0x<ISID>}, RFC 7143),
 * the I_T nexus that SAM-5 keeps unit attentions and PREVENT MEDIUM REMOVAL for. A new login with the same
 * pair reinstates the session (RFC 7143 6.3.5) and so is the same initiator.
 *
 * @param name the InitiatorName login key, e.g. {@code iqn.2024-01.org.vaultline:initiator}
 * @param isid the ISID, in the low 48 bits
 */
public record InitiatorId(String name, long isid) {
  private static final long ISID_MASK = 0xffff_ffff_ffffL;

  public InitiatorId {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an iSCSI initiator needs a name");
    }
    if ((isid & ~ISID_MASK) != 0) {
      throw new IllegalArgumentException("an ISID has 48 bits: 0x" + Long.toHexString(isid));
    }
  }

  /** The SCSI initiator port name: {@code iqn.2024-01.org.vaultline:initiator,i,0x800000123456}. */
  public String portName() {
    return String.format("%s,i,0x%012x", name, isid);
  }

  @Override
  public String toString() {
    return portName();
  }
}
