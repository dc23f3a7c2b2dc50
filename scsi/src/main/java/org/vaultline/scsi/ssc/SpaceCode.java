package org.vaultline.scsi.ssc;

/** The CODE field of SSC-3 SPACE(6) (11h), byte 1 bits 3..0: what SPACE counts. */
public enum SpaceCode {
  /** Logical blocks. */
  BLOCKS(0b000),
  /** Filemarks. */
  FILEMARKS(0b001),
  /** The first run of {@code count} consecutive filemarks. */
  SEQUENTIAL_FILEMARKS(0b010),
  /** End of data (the count is ignored). */
  END_OF_DATA(0b011);

  private final int code;

  SpaceCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The code for {@code value}, or {@code null} for the obsolete setmark codes (100b, 101b) and reserved ones. */
  static SpaceCode of(int value) {
    for (SpaceCode c : values()) {
      if (c.code == value) {
        return c;
      }
    }
    return null;
  }
}
