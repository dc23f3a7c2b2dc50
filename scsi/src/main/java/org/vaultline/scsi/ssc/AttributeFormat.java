package org.vaultline.scsi.ssc;

/** The FORMAT field of an SPC-4 MAM attribute (byte 2 bits 1..0 of its header). All four codes are kept. */
public enum AttributeFormat {
  /** 00b: binary, big-endian. */
  BINARY,
  /** 01b: ASCII, left-aligned, padded with spaces. */
  ASCII,
  /** 10b: text in the character set of the TEXT LOCALIZATION IDENTIFIER attribute. */
  TEXT,
  /** 11b: reserved. */
  RESERVED;

  public int code() {
    return ordinal();
  }

  static AttributeFormat of(int code) {
    return values()[code & 0b11];
  }
}
