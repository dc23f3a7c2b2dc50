package org.vaultline.scsi.ssc;

/** The DEST_TYPE field of SSC-3 LOCATE(16) (92h), byte 1 bits 4..3: what the logical identifier names. */
public enum LocateDestination {
  /** A logical object (block or filemark) identifier, as READ POSITION reports it. */
  LOGICAL_OBJECT(0b00),
  /** A logical file identifier: the position after the given filemark. */
  LOGICAL_FILE(0b01);

  private final int code;

  LocateDestination(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The destination type for {@code value}, or {@code null} for a reserved one. */
  static LocateDestination of(int value) {
    for (LocateDestination d : values()) {
      if (d.code == value) {
        return d;
      }
    }
    return null;
  }
}
