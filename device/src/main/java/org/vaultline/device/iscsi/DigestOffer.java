package org.vaultline.device.iscsi;

/** What an initiator offers for HeaderDigest or DataDigest (RFC 7143 13.1). */
public enum DigestOffer {
  /** {@code None}. */
  NONE("None"),
  /** {@code CRC32C,None}: CRC32C if the target agrees. */
  PREFERRED("CRC32C,None"),
  /** {@code CRC32C}: login fails if the target refuses. */
  REQUIRED("CRC32C");

  private final String value;

  DigestOffer(String value) {
    this.value = value;
  }

  /** The offer as it goes in the login text. */
  public String value() {
    return value;
  }
}
