package org.vaultline.appliance.schedule;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the startup windows of an administrative schedule begin: the classic style (a start and a period, optionally
 * restricted to some days of the week) or the enhanced style (months, days of the month, weeks of the month, days
 * of the week). IBM Spectrum Protect Administrator's Reference, DEFINE SCHEDULE (administrative command), SCHEDSTYLE.
 */
public sealed interface Recurrence permits Recurrence.Classic, Recurrence.Enhanced {

  /**
   * SCHEDSTYLE=CLASSIC: a window every {@code period} {@code unit}s from the start date and time.
   *
   * @param period 1..999; not used for {@link PeriodUnit#ONETIME} (kept as typed)
   * @param dayOfWeek the days a window may start on; see {@link ScheduleCalendar} for how a window that falls on
   *     another day is treated
   */
  record Classic(int period, PeriodUnit unit, DaySelector dayOfWeek) implements Recurrence {
    public Classic {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(dayOfWeek, "dayOfWeek");
      if (period < 1 || period > 999) {
        throw new IllegalArgumentException("PERIOD is 1 to 999, not " + period);
      }
    }

    /** Daily at the start time: TSM's default. */
    public static Classic daily() {
      return new Classic(1, PeriodUnit.DAYS, DaySelector.ANY);
    }
  }

  /**
   * SCHEDSTYLE=ENHANCED: a window at the start time on every day that matches all the given sets; an empty set is
   * ANY.
   *
   * @param daysOfMonth 1..31 or -31..-1 (counted from the end: -1 is the last day); not with weeks or days
   * @param weeks weeks of the month (see {@link WeekOfMonth})
   * @param days days of the week; {@link DaySelector#WEEKDAY} or {@link DaySelector#WEEKEND} together with
   *     FIRST or LAST stand for the first or last weekday (weekend day) of the month, and are then alone
   */
  record Enhanced(Set<Month> months, Set<Integer> daysOfMonth, Set<WeekOfMonth> weeks, Set<DaySelector> days)
      implements Recurrence {
    public Enhanced {
      months = months.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(months));
      daysOfMonth = Collections.unmodifiableSet(new TreeSet<>(daysOfMonth));
      weeks = weeks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(weeks));
      days = days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
      for (int d : daysOfMonth) {
        if (d == 0 || d < -31 || d > 31) {
          throw new IllegalArgumentException("DAYOFMONTH is -31..-1 or 1..31, not " + d);
        }
      }
      if (days.contains(DaySelector.ANY)) {
        throw new IllegalArgumentException("ANY is the empty set of days");
      }
    }

    /** Every day: all sets ANY. */
    public static Enhanced everyDay() {
      return new Enhanced(Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** Whether a window starts on {@code date}. */
    public boolean matches(LocalDate date) {
      if (!months.isEmpty() && !months.contains(date.getMonth())) {
        return false;
      }
      if (!daysOfMonth.isEmpty()) {
        int d = date.getDayOfMonth();
        return daysOfMonth.contains(d) || daysOfMonth.contains(d - date.lengthOfMonth() - 1);
      }
      if (weeks.isEmpty()) {
        return dayMatches(date);
      }
      for (WeekOfMonth w : weeks) {
        if (groupOnly()) {
          // WEEKOFMONTH=FIRST DAYOFWEEK=WEEKDAY: the first weekday of the month, not five days.
          if (w == WeekOfMonth.FIRST || w == WeekOfMonth.LAST) {
            if (date.equals(firstOrLastMatching(date, w == WeekOfMonth.FIRST))) {
              return true;
            }
          }
        } else if (w.contains(date) && dayMatches(date)) {
          return true;
        }
      }
      return false;
    }

    /** True when the days are WEEKDAY or WEEKEND alone. */
    boolean groupOnly() {
      return days.size() == 1 && days.iterator().next().isGroup();
    }

    private boolean dayMatches(LocalDate date) {
      if (days.isEmpty()) {
        return true;
      }
      for (DaySelector d : days) {
        if (d.matches(date.getDayOfWeek())) {
          return true;
        }
      }
      return false;
    }

    private LocalDate firstOrLastMatching(LocalDate date, boolean first) {
      LocalDate d = first ? date.withDayOfMonth(1) : date.withDayOfMonth(date.lengthOfMonth());
      while (!dayMatches(d)) {
        d = first ? d.plusDays(1) : d.minusDays(1);
      }
      return d;
    }
  }
}
