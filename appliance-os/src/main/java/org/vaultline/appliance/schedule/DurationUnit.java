package org.vaultline.appliance.schedule;

import org.vaultline.library.command.Keyword;

/** DURUNITS of an administrative schedule: the unit of the startup window's length (DURATION). */
public enum DurationUnit {
  MINUTES("Minutes", "M"),
  HOURS("Hours", "H"),
  DAYS("Days", "D"),
  /** The window of a one-time schedule never closes (classic style with PERUNITS=ONETIME only). */
  INDEFINITE("INDefinite", "Indef");

  private final Keyword keyword;
  private final String abbreviation;

  DurationUnit(String diagram, String abbreviation) {
    this.keyword = Keyword.of(diagram);
    this.abbreviation = abbreviation;
  }

  public Keyword keyword() {
    return keyword;
  }

  /** As QUERY SCHEDULE's standard format prints it after the number ({@code 1 H}). */
  String abbreviation() {
    return abbreviation;
  }

  /** The label of FORMAT=DETAILED ({@code Hour(s)}). */
  String label() {
    switch (this) {
      case MINUTES:
        return "Minute(s)";
      case HOURS:
        return "Hour(s)";
      case DAYS:
        return "Day(s)";
      default:
        return "Indefinite";
    }
  }
}
