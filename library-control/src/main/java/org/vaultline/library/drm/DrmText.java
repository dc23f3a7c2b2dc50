package org.vaultline.library.drm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** How DRM writes dates and lists in messages and reports: TSM's default MM/DD/YYYY HH:MM:SS. */
final class DrmText {
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");

  private DrmText() {}

  static String dateTime(LocalDateTime t) {
    return DATE_TIME.format(t);
  }

  static String dateTime(Instant t, ZoneId zone) {
    return DATE_TIME.format(LocalDateTime.ofInstant(t, zone));
  }

  /** {@code A}, {@code A or B}, {@code A, B or C}. */
  static String orList(Collection<?> items) {
    List<String> s = new ArrayList<>();
    for (Object o : items) {
      s.add(String.valueOf(o));
    }
    if (s.size() <= 1) {
      return String.join("", s);
    }
    return String.join(", ", s.subList(0, s.size() - 1)) + " or " + s.get(s.size() - 1);
  }
}
