package org.vaultline.appliance.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vaultline.appliance.schedule.Recurrence.Classic;
import org.vaultline.appliance.schedule.Recurrence.Enhanced;
import org.vaultline.library.control.CommandException;

/**
 * The parameters of one DEFINE or UPDATE SCHEDULE command, parsed and with relative dates resolved, not yet applied:
 * {@link #applyTo} puts them on a schedule (TSM's defaults for DEFINE, the stored schedule for UPDATE) and checks
 * the result as a whole. Each field is empty when the parameter was not given.
 */
public final class ScheduleChanges {
  /** The schedule style a command asks for. */
  public enum Style { CLASSIC, ENHANCED }

  Optional<String> command = Optional.empty();
  Optional<Boolean> active = Optional.empty();
  /** {@code ""} removes the description. */
  Optional<String> description = Optional.empty();
  Optional<Integer> priority = Optional.empty();
  Optional<LocalDate> startDate = Optional.empty();
  Optional<LocalTime> startTime = Optional.empty();
  Optional<Integer> duration = Optional.empty();
  Optional<DurationUnit> durationUnit = Optional.empty();
  Optional<Integer> maxRunTime = Optional.empty();
  Optional<Style> style = Optional.empty();
  Optional<Integer> period = Optional.empty();
  Optional<PeriodUnit> periodUnit = Optional.empty();
  /** As typed, ANY included; classic takes one value. */
  Optional<List<DaySelector>> dayOfWeek = Optional.empty();
  /** Empty inner value: EXPIRATION=NEVER. */
  Optional<Optional<LocalDate>> expiration = Optional.empty();
  /** Empty set: ANY. */
  Optional<Set<Month>> months = Optional.empty();
  Optional<Set<Integer>> daysOfMonth = Optional.empty();
  Optional<Set<WeekOfMonth>> weeks = Optional.empty();

  ScheduleChanges() {}

  /** TSM's defaults for a new schedule: inactive, priority 5, starting now, a one-hour window every day. */
  static ScheduleDefinition defaults(String name, LocalDate today, LocalTime now) {
    return new ScheduleDefinition(name, "-", false, Optional.empty(), 5, today, now.truncatedTo(ChronoUnit.SECONDS),
        1, DurationUnit.HOURS, 0, Classic.daily(), Optional.empty());
  }

  /**
   * The schedule {@code base} with these changes.
   *
   * @param command and {@code usage}: for messages
   * @throws CommandException when the parameters do not fit together (VLN0907E, VLN0914E)
   */
  public ScheduleDefinition applyTo(ScheduleDefinition base, String command, String usage) throws CommandException {
    Style s = style.orElse(base.recurrence() instanceof Enhanced ? Style.ENHANCED : Style.CLASSIC);
    Recurrence recurrence;
    if (s == Style.CLASSIC) {
      if (months.isPresent() || daysOfMonth.isPresent() || weeks.isPresent()) {
        throw conflict(command, usage, "MONTH=, DAYOFMONTH= and WEEKOFMONTH= are for SCHEDSTYLE=ENHANCED");
      }
      Classic b = base.recurrence() instanceof Classic ? (Classic) base.recurrence() : Classic.daily();
      DaySelector day = b.dayOfWeek();
      if (dayOfWeek.isPresent()) {
        if (dayOfWeek.get().size() != 1) {
          throw conflict(command, usage, "a classic schedule takes one DAYOFWEEK= value (ANY, WEEKDAY, WEEKEND or a"
              + " day); lists are for SCHEDSTYLE=ENHANCED");
        }
        day = dayOfWeek.get().get(0);
      }
      recurrence = new Classic(period.orElse(b.period()), periodUnit.orElse(b.unit()), day);
    } else {
      if (period.isPresent() || periodUnit.isPresent()) {
        throw conflict(command, usage, "PERIOD= and PERUNITS= are for SCHEDSTYLE=CLASSIC");
      }
      Enhanced b = base.recurrence() instanceof Enhanced ? (Enhanced) base.recurrence() : Enhanced.everyDay();
      Set<DaySelector> days = b.days();
      if (dayOfWeek.isPresent()) {
        List<DaySelector> given = dayOfWeek.get();
        if (given.contains(DaySelector.ANY)) {
          if (given.size() > 1) {
            throw conflict(command, usage, "DAYOFWEEK=ANY stands alone");
          }
          days = Set.of();
        } else {
          days = Set.copyOf(given);
        }
      }
      Enhanced e = new Enhanced(months.orElse(b.months()), daysOfMonth.orElse(b.daysOfMonth()),
          weeks.orElse(b.weeks()), days);
      if (!e.daysOfMonth().isEmpty() && (!e.weeks().isEmpty() || !e.days().isEmpty())) {
        throw conflict(command, usage, "DAYOFMONTH= excludes WEEKOFMONTH= and DAYOFWEEK=; give one or the others");
      }
      boolean group = e.days().stream().anyMatch(DaySelector::isGroup);
      if (group && !e.weeks().isEmpty()) {
        if (e.days().size() > 1) {
          throw conflict(command, usage, "with WEEKOFMONTH=, DAYOFWEEK=WEEKDAY or WEEKEND stands alone");
        }
        if (e.weeks().contains(WeekOfMonth.SECOND) || e.weeks().contains(WeekOfMonth.THIRD)
            || e.weeks().contains(WeekOfMonth.FOURTH)) {
          throw conflict(command, usage, "DAYOFWEEK=WEEKDAY or WEEKEND goes with WEEKOFMONTH=FIRST or LAST only"
              + " (the first or last such day of the month)");
        }
      }
      recurrence = e;
    }
    DurationUnit unit = durationUnit.orElse(base.durationUnit());
    boolean oneTime = recurrence instanceof Classic && ((Classic) recurrence).unit() == PeriodUnit.ONETIME;
    if (unit == DurationUnit.INDEFINITE && !oneTime) {
      throw conflict(command, usage, "DURUNITS=INDEFINITE is for a one-time classic schedule (PERUNITS=ONETIME)");
    }
    int dur = duration.orElse(base.duration());
    if (recurrence instanceof Classic && !oneTime && unit != DurationUnit.INDEFINITE) {
      Classic c = (Classic) recurrence;
      if (minutes(dur, unit) >= periodMinutes(c)) {
        throw conflict(command, usage, "the startup window (DURATION=" + dur + " DURUNITS=" + unit.name()
            + ") must be shorter than the period (PERIOD=" + c.period() + " PERUNITS=" + c.unit().name() + ")");
      }
    }
    Optional<String> desc = description.isPresent() ? description.filter(d -> !d.isEmpty()) : base.description();
    ScheduleDefinition d = new ScheduleDefinition(base.name(), this.command.orElse(base.command()),
        active.orElse(base.active()), desc, priority.orElse(base.priority()), startDate.orElse(base.startDate()),
        startTime.orElse(base.startTime()), dur, unit, maxRunTime.orElse(base.maxRunTime()), recurrence,
        expiration.orElse(base.expiration()));
    if (d.expiration().isPresent() && d.expiration().get().isBefore(d.startDate())) {
      throw conflict(command, usage, "EXPIRATION=" + d.expiration().get() + " is before STARTDATE=" + d.startDate());
    }
    if (ScheduleCalendar.firstLocalStart(d).isEmpty()) {
      throw CommandException.of(ScheduleMessages.NEVER_STARTS, command, d.name(), d.expiration().isPresent()
          ? "no day from the start date to the expiration date matches it"
          : "no day in the ten years from the start date matches it");
    }
    return d;
  }

  private static CommandException conflict(String command, String usage, String what) {
    return CommandException.of(ScheduleMessages.CONFLICTING_PARAMETERS, command, what, usage);
  }

  private static long minutes(int amount, DurationUnit unit) {
    switch (unit) {
      case MINUTES:
        return amount;
      case HOURS:
        return amount * 60L;
      default:
        return amount * 1440L;
    }
  }

  /** The nominal length of a period (a month counts as its shortest, 28 days; a year as 365 days). */
  private static long periodMinutes(Classic c) {
    switch (c.unit()) {
      case HOURS:
        return c.period() * 60L;
      case DAYS:
        return c.period() * 1440L;
      case WEEKS:
        return c.period() * 7 * 1440L;
      case MONTHS:
        return c.period() * 28 * 1440L;
      default:
        return c.period() * 365 * 1440L;
    }
  }
}
