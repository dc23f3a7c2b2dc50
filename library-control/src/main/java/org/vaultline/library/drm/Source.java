package org.vaultline.library.drm;

import java.util.Optional;
import org.vaultline.library.command.Keyword;

/**
 * MOVE DRMEDIA / QUERY DRMEDIA SOURCE=: which database backup volumes are processed besides the storage pool
 * volumes. Default DBBACKUP (full and incremental backups); DBSNAPSHOT takes the snapshots instead; DBNONE neither.
 */
public enum Source {
  DBBACKUP("DBBackup"),
  DBSNAPSHOT("DBSnapshot"),
  DBNONE("DBNOne");

  private final Keyword keyword;

  Source(String keyword) {
    this.keyword = Keyword.of(keyword);
  }

  public Keyword keyword() {
    return keyword;
  }

  public static Optional<Source> byKeyword(String text) {
    for (Source s : values()) {
      if (s.keyword.matches(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
