package org.vaultline.emulator.physical;

/** SMC-3 4.2 element types, with the ELEMENT TYPE CODE of READ ELEMENT STATUS (table 13). */
public enum ElementKind {
  MEDIUM_TRANSPORT(1, "transport"),
  STORAGE(2, "storage"),
  IMPORT_EXPORT(3, "import/export"),
  DATA_TRANSFER(4, "drive");

  private final int code;
  private final String word;

  ElementKind(int code, String word) {
    this.code = code;
    this.word = word;
  }

  public int code() {
    return code;
  }

  /** A short word for state listings: {@code storage}, {@code drive}. */
  public String word() {
    return word;
  }

  public static ElementKind ofCode(int code) {
    for (ElementKind k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    throw new IllegalArgumentException("element type code " + code + " is not 1..4");
  }
}
