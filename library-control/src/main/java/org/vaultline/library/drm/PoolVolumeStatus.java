package org.vaultline.library.drm;

import org.vaultline.library.command.Keyword;

/**
 * The fill state of a storage pool volume as the backup application reports it (QUERY VOLUME's Volume Status).
 * Offsite reclamation empties copy-pool volumes at the vault; an EMPTY one there becomes VAULTRETRIEVE.
 * PENDING is empty but still inside the pool's reuse delay, so it stays at the vault.
 */
public enum PoolVolumeStatus {
  FILLING("FILling", "Filling"),
  FULL("FULl", "Full"),
  PENDING("PENding", "Pending"),
  EMPTY("EMPty", "Empty");

  private final Keyword keyword;
  private final String displayName;

  PoolVolumeStatus(String keyword, String displayName) {
    this.keyword = Keyword.of(keyword);
    this.displayName = displayName;
  }

  public Keyword keyword() {
    return keyword;
  }

  public String displayName() {
    return displayName;
  }
}
