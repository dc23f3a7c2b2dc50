package org.vaultline.scsi.spc;

/** SPC-4 designation descriptor ASSOCIATION (byte 1 bits 5..4): what a designator names. */
public enum Association {
  /** 00b: the addressed logical unit. */
  LOGICAL_UNIT,
  /** 01b: the target port that received the command. */
  TARGET_PORT,
  /** 10b: the SCSI target device that contains the logical unit. */
  TARGET_DEVICE,
  /** 11b: reserved. */
  RESERVED;

  public int code() {
    return ordinal();
  }

  public static Association of(int code) {
    return values()[code & 3];
  }
}
