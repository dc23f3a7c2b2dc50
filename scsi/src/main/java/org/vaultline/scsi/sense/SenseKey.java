package org.vaultline.scsi.sense;

/** SPC-4 sense keys (table 27). */
public enum SenseKey {
  NO_SENSE(0x0, "NO SENSE"),
  RECOVERED_ERROR(0x1, "RECOVERED ERROR"),
  NOT_READY(0x2, "NOT READY"),
  MEDIUM_ERROR(0x3, "MEDIUM ERROR"),
  HARDWARE_ERROR(0x4, "HARDWARE ERROR"),
  ILLEGAL_REQUEST(0x5, "ILLEGAL REQUEST"),
  UNIT_ATTENTION(0x6, "UNIT ATTENTION"),
  DATA_PROTECT(0x7, "DATA PROTECT"),
  BLANK_CHECK(0x8, "BLANK CHECK"),
  VENDOR_SPECIFIC(0x9, "VENDOR SPECIFIC"),
  COPY_ABORTED(0xA, "COPY ABORTED"),
  ABORTED_COMMAND(0xB, "ABORTED COMMAND"),
  /** Obsolete (was EQUAL). */
  RESERVED_C(0xC, "RESERVED (0Ch)"),
  VOLUME_OVERFLOW(0xD, "VOLUME OVERFLOW"),
  MISCOMPARE(0xE, "MISCOMPARE"),
  COMPLETED(0xF, "COMPLETED");

  private static final SenseKey[] BY_CODE = values();

  private final int code;
  private final String text;

  SenseKey(int code, String text) {
    this.code = code;
    this.text = text;
  }

  public int code() {
    return code;
  }

  /** The name as the standard and sg3_utils print it: {@code ILLEGAL REQUEST}. */
  public String text() {
    return text;
  }

  /** The key for the low four bits of {@code code}; all sixteen values are defined. */
  public static SenseKey of(int code) {
    return BY_CODE[code & 0xf];
  }

  @Override
  public String toString() {
    return text;
  }
}
