package org.vaultline.scsi.spc;

/** SPC-4 LOG SENSE PC field (CDB byte 2 bits 7..6): which values of the log parameters to return. */
public enum LogPageControl {
  /** 00b: current threshold values. */
  THRESHOLD,
  /** 01b: current cumulative values, the usual choice. */
  CUMULATIVE,
  /** 10b: default threshold values. */
  DEFAULT_THRESHOLD,
  /** 11b: default cumulative values. */
  DEFAULT_CUMULATIVE;

  public int code() {
    return ordinal();
  }

  public static LogPageControl of(int code) {
    return values()[code & 3];
  }
}
