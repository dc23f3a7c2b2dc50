package org.vaultline.appliance.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vaultline.library.command.CommandTokens;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;

/**
 * An administrative command schedule (IBM Spectrum Protect Administrator's Reference, DEFINE SCHEDULE, "Define a
 * schedule for an administrative command"), with every relative value (TODAY, NOW+01:00) already resolved, so that
 * {@link #toCommand()} is a canonical DEFINE SCHEDULE command that {@link ScheduleParser#parseDefinition} reads back
 * into an equal record.
 *
 * @param name upper case, 1..30 characters
 * @param command the administrative command, as typed (1..512 characters)
 * @param description empty when none (up to 255 characters)
 * @param priority 1 (highest) .. 10; among schedules due at once, the higher priority starts first
 * @param startDate the date of the first startup window
 * @param startTime the time every startup window begins, in the server's time zone, whole seconds
 * @param duration the startup window's length in {@code durationUnit}s, 1..999 (kept as typed for INDEFINITE)
 * @param maxRunTime MAXRUNTIME in minutes, 0 for no limit; kept and shown, not enforced by Vaultline
 * @param expiration the last date a window may start on; empty for NEVER
 */
public record ScheduleDefinition(String name, String command, boolean active, Optional<String> description,
    int priority, LocalDate startDate, LocalTime startTime, int duration, DurationUnit durationUnit, int maxRunTime,
    Recurrence recurrence, Optional<LocalDate> expiration) {

  public ScheduleDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(durationUnit, "durationUnit");
    Objects.requireNonNull(recurrence, "recurrence");
    Objects.requireNonNull(expiration, "expiration");
    startTime = startTime.truncatedTo(ChronoUnit.SECONDS);
    description = description.filter(d -> !d.isEmpty());
    if (priority < 1 || priority > 10) {
      throw new IllegalArgumentException("PRIORITY is 1 to 10, not " + priority);
    }
    if (duration < 1 || duration > 999) {
      throw new IllegalArgumentException("DURATION is 1 to 999, not " + duration);
    }
    if (maxRunTime < 0) {
      throw new IllegalArgumentException("MAXRUNTIME is not negative");
    }
  }

  /** The length of a startup window; empty for INDEFINITE. Days are calendar days (23 or 25 hours at DST). */
  public Optional<Duration> nominalWindow() {
    switch (durationUnit) {
      case MINUTES:
        return Optional.of(Duration.ofMinutes(duration));
      case HOURS:
        return Optional.of(Duration.ofHours(duration));
      case DAYS:
        return Optional.of(Duration.ofDays(duration));
      default:
        return Optional.empty();
    }
  }

  /** The canonical DEFINE SCHEDULE command: every parameter, upper case keywords, CMD and DESCRIPTION quoted. */
  public String toCommand() {
    StringBuilder sb = new StringBuilder("DEFINE SCHEDULE ");
    sb.append(CommandTokens.quoteIfNeeded(name));
    sb.append(" TYPE=ADMINISTRATIVE CMD=").append(CommandTokens.quote(command));
    sb.append(" ACTIVE=").append(active ? "YES" : "NO");
    description.ifPresent(d -> sb.append(" DESCRIPTION=").append(CommandTokens.quote(d)));
    sb.append(" PRIORITY=").append(priority);
    sb.append(" STARTDATE=").append(new TsmDate.Absolute(startDate));
    sb.append(" STARTTIME=").append(new TsmTime.Absolute(startTime));
    sb.append(" DURATION=").append(duration);
    sb.append(" DURUNITS=").append(durationUnit.name());
    sb.append(" MAXRUNTIME=").append(maxRunTime);
    if (recurrence instanceof Recurrence.Classic) {
      Recurrence.Classic c = (Recurrence.Classic) recurrence;
      sb.append(" SCHEDSTYLE=CLASSIC PERIOD=").append(c.period());
      sb.append(" PERUNITS=").append(c.unit().name());
      sb.append(" DAYOFWEEK=").append(c.dayOfWeek().name());
    } else {
      Recurrence.Enhanced e = (Recurrence.Enhanced) recurrence;
      sb.append(" SCHEDSTYLE=ENHANCED");
      sb.append(" MONTH=").append(months(e.months(), false));
      sb.append(" DAYOFMONTH=").append(daysOfMonth(e.daysOfMonth()));
      sb.append(" WEEKOFMONTH=").append(weeks(e.weeks(), false));
      sb.append(" DAYOFWEEK=").append(days(e.days(), false));
    }
    sb.append(" EXPIRATION=").append(expiration.map(d -> new TsmDate.Absolute(d).toString()).orElse("NEVER"));
    return sb.toString();
  }

  @Override
  public String toString() {
    return toCommand();
  }

  // ---- value lists, for the canonical text (upper case) and QUERY SCHEDULE (labels) ----

  static String months(Set<Month> months, boolean label) {
    if (months.isEmpty()) {
      return label ? "Any" : "ANY";
    }
    List<String> out = new ArrayList<>();
    for (Month m : months) {
      out.add(label ? m.name().charAt(0) + m.name().substring(1).toLowerCase(Locale.ROOT) : m.name());
    }
    return String.join(",", out);
  }

  static String daysOfMonth(Set<Integer> days) {
    if (days.isEmpty()) {
      return "ANY";
    }
    List<String> out = new ArrayList<>();
    // Positive days first, then the days counted from the end: 1,15,-1.
    for (int d : new TreeSet<>(days)) {
      if (d > 0) {
        out.add(Integer.toString(d));
      }
    }
    for (int d : new TreeSet<>(days).descendingSet()) {
      if (d < 0) {
        out.add(Integer.toString(d));
      }
    }
    return String.join(",", out);
  }

  static String weeks(Set<WeekOfMonth> weeks, boolean label) {
    if (weeks.isEmpty()) {
      return label ? "Any" : "ANY";
    }
    List<String> out = new ArrayList<>();
    weeks.forEach(w -> out.add(label ? w.label() : w.name()));
    return String.join(",", out);
  }

  static String days(Set<DaySelector> days, boolean label) {
    if (days.isEmpty()) {
      return label ? "Any" : "ANY";
    }
    List<String> out = new ArrayList<>();
    days.forEach(d -> out.add(label ? d.label() : d.name()));
    return String.join(",", out);
  }
}
