package org.vaultline.library.store;

/** What a private volume was last used for: QUERY LIBVOLUME's Last Use column ({@code Data}, {@code DbBackup}...). */
public enum LastUse {
  DATA("Data"),
  DBBACKUP("DbBackup"),
  DBSNAPSHOT("DbSnapshot"),
  EXPORT("Export");

  private final String display;

  LastUse(String display) {
    this.display = display;
  }

  /** As TSM prints it. */
  public String display() {
    return display;
  }
}
