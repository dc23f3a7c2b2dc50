package org.vaultline.appliance.schedule;

import java.time.DayOfWeek;
import java.util.Locale;
import org.vaultline.library.command.Keyword;

/** A DAYOFWEEK value of an administrative schedule: ANY, WEEKDAY (Monday to Friday), WEEKEND or one day. */
public enum DaySelector {
  ANY("ANY"),
  WEEKDAY("WEEKDay"),
  WEEKEND("WEEKEnd"),
  SUNDAY("SUnday"),
  MONDAY("Monday"),
  TUESDAY("TUesday"),
  WEDNESDAY("Wednesday"),
  THURSDAY("THursday"),
  FRIDAY("Friday"),
  SATURDAY("SAturday");

  private final Keyword keyword;

  DaySelector(String diagram) {
    this.keyword = Keyword.of(diagram);
  }

  public Keyword keyword() {
    return keyword;
  }

  /** Whether a window may start on {@code day}. */
  public boolean matches(DayOfWeek day) {
    switch (this) {
      case ANY:
        return true;
      case WEEKDAY:
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
      case WEEKEND:
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
      default:
        return DayOfWeek.valueOf(name()) == day;
    }
  }

  /** True for WEEKDAY and WEEKEND, which stand for several days. */
  public boolean isGroup() {
    return this == WEEKDAY || this == WEEKEND;
  }

  String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }
}
