package org.vaultline.library.drm;

import java.util.Optional;
import org.vaultline.library.command.Keyword;

/**
 * MOVE DRMEDIA REMOVE=: how volumes leaving MOUNTABLE leave the library (REFERENCE §3; IBM's prose was not
 * available, so Vaultline defines it). YES (default): eject each to the I/O station; when it is full, raise an
 * operator request and wait until it is emptied. BULK: fill the station, raise one request, resume on its own once
 * it has been emptied. UNTILEEFULL: eject until the station is full, then end, leaving the rest unchanged and
 * listed. NO: change the state without moving anything.
 */
public enum RemoveMode {
  YES("Yes"),
  NO("No"),
  BULK("Bulk"),
  UNTILEEFULL("UNTILEEFull");

  private final Keyword keyword;

  RemoveMode(String keyword) {
    this.keyword = Keyword.of(keyword);
  }

  public Keyword keyword() {
    return keyword;
  }

  public static Optional<RemoveMode> byKeyword(String text) {
    for (RemoveMode m : values()) {
      if (m.keyword.matches(text)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
