package org.vaultline.scsi.spc;

/** SPC-4 MODE SENSE PC field (CDB byte 2 bits 7..6): which values of the mode pages to return. */
public enum PageControl {
  /** 00b: current values. */
  CURRENT,
  /** 01b: changeable values (a mask: bits set may be changed by MODE SELECT). */
  CHANGEABLE,
  /** 10b: default values. */
  DEFAULT,
  /** 11b: saved values. */
  SAVED;

  public int code() {
    return ordinal();
  }

  public static PageControl of(int code) {
    return values()[code & 3];
  }
}
