package org.vaultline.appliance.schedule;

import java.time.LocalDate;
import org.vaultline.library.command.Keyword;

/**
 * WEEKOFMONTH of an enhanced administrative schedule. As in TSM, a week of the month is a run of seven days counted
 * from the first of the month, not a calendar week: FIRST is days 1-7, SECOND 8-14, THIRD 15-21, FOURTH 22-28 and
 * LAST the last seven days of the month. {@code WEEKOFMONTH=FIRST DAYOFWEEK=MONDAY} is therefore the first Monday.
 */
public enum WeekOfMonth {
  FIRST("FIrst"),
  SECOND("Second"),
  THIRD("Third"),
  FOURTH("FOurth"),
  LAST("Last");

  private final Keyword keyword;

  WeekOfMonth(String diagram) {
    this.keyword = Keyword.of(diagram);
  }

  public Keyword keyword() {
    return keyword;
  }

  /** Whether {@code date} lies in this week of its month. */
  public boolean contains(LocalDate date) {
    int day = date.getDayOfMonth();
    if (this == LAST) {
      return day > date.lengthOfMonth() - 7;
    }
    int first = ordinal() * 7 + 1;
    return day >= first && day < first + 7;
  }

  String label() {
    String n = name();
    return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
