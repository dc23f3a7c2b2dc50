package org.vaultline.appliance.schedule;

import org.vaultline.library.command.Keyword;

/** PERUNITS of a classic administrative schedule: the unit of the time between startup windows (PERIOD). */
public enum PeriodUnit {
  HOURS("Hours", "H", "Hour(s)"),
  DAYS("Days", "D", "Day(s)"),
  WEEKS("Weeks", "W", "Week(s)"),
  MONTHS("Months", "Mo", "Month(s)"),
  YEARS("Years", "Y", "Year(s)"),
  /** One startup window only; PERIOD is then not used. */
  ONETIME("Onetime", "Onetime", "One Time");

  private final Keyword keyword;
  private final String abbreviation;
  private final String label;

  PeriodUnit(String diagram, String abbreviation, String label) {
    this.keyword = Keyword.of(diagram);
    this.abbreviation = abbreviation;
    this.label = label;
  }

  public Keyword keyword() {
    return keyword;
  }

  String abbreviation() {
    return abbreviation;
  }

  String label() {
    return label;
  }
}
