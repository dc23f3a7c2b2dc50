package org.vaultline.appliance.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.appliance.schedule.Recurrence.Classic;
import org.vaultline.appliance.schedule.Recurrence.Enhanced;
import org.vaultline.appliance.schedule.ScheduleCalendar.Window;
import org.vaultline.library.control.CommandException;
import org.vaultline.library.control.CommandResult;
import org.vaultline.library.control.ResultTable;
import org.vaultline.library.drm.NamePattern;
import org.vaultline.library.store.Message;

/**
 * Runs the schedule commands (DEFINE, UPDATE, DELETE, QUERY SCHEDULE for administrative schedules; QUERY EVENT
 * TYPE=ADMINISTRATIVE) on a {@link ScheduleRepository}, and gives back a {@link CommandResult} that the API and the
 * CLI render like any other command's. After a change it calls {@code changed} (the scheduler's
 * {@link Scheduler#wake()}) so the change takes effect at once.
 */
public final class ScheduleCommands {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
  /** QUERY EVENT lists at most this many windows per schedule. */
  static final int MAX_EVENTS = 500;

  private final ScheduleRepository repository;
  private final Clock clock;
  private final ZoneId zone;
  private final Runnable changed;
  private final ScheduleParser parser;

  /**
   * @param zone the server's time zone: schedules' dates and times are in it
   * @param changed called after a schedule was defined, updated or deleted
   */
  public ScheduleCommands(ScheduleRepository repository, Clock clock, ZoneId zone, Runnable changed) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.changed = Objects.requireNonNull(changed, "changed");
    this.parser = new ScheduleParser(clock, zone);
  }

  /**
   * {@code DEFINE SCHEDULE}, {@code UPDATE SCHEDULE}, {@code DELETE SCHEDULE}, {@code QUERY SCHEDULE} or
   * {@code QUERY EVENT} when {@code line} is one of these (by its first two words), else empty.
   */
  public static Optional<String> commandName(String line) {
    return ScheduleParser.commandName(line);
  }

  /** Whether the named command only reads (READ authority); the others need SYSTEM authority. */
  public static boolean isQuery(String commandName) {
    return commandName.startsWith("QUERY");
  }

  /**
   * Parses and runs one schedule command typed by administrator {@code admin} (who becomes the owner of a defined
   * or updated schedule: its command runs with this ID's authority).
   *
   * @return the messages (and a table for a query); a command that cannot be done (the schedule exists, is not
   *     defined, no schedule matches) gives an error message in the result ({@link CommandResult#hasErrors()})
   * @throws CommandException for a syntax error: the message says what is wrong and the correct form
   */
  public CommandResult execute(String line, String admin) throws CommandException {
    ScheduleCommand c = parser.parse(line);
    try {
      return run(c, admin);
    } catch (Refused e) {
      return CommandResult.of(c.name(), e.message);
    }
  }

  /**
   * A command that parsed but cannot be done (the schedule exists, is not defined, nothing matches): the result
   * carries the error message rather than an exception, as for any command that ran and reported an error.
   */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Message message;

    Refused(Message message) {
      super(message.render(), null, false, false);
      this.message = message;
    }
  }

  private CommandResult run(ScheduleCommand c, String admin) throws CommandException, Refused {
    if (c instanceof ScheduleCommand.Define) {
      return define(((ScheduleCommand.Define) c).definition(), admin);
    }
    if (c instanceof ScheduleCommand.Update) {
      return update((ScheduleCommand.Update) c, admin);
    }
    if (c instanceof ScheduleCommand.Delete) {
      return delete(((ScheduleCommand.Delete) c).pattern());
    }
    if (c instanceof ScheduleCommand.Query) {
      return query((ScheduleCommand.Query) c);
    }
    return queryEvent((ScheduleCommand.QueryEvent) c);
  }

  private CommandResult define(ScheduleDefinition d, String admin) throws Refused {
    if (repository.find(d.name()).isPresent()) {
      throw new Refused(ScheduleMessages.SCHEDULE_EXISTS.format("DEFINE SCHEDULE", d.name()));
    }
    repository.save(new StoredSchedule(d.name(), d.toCommand(), admin, Optional.empty(), Optional.empty()));
    changed.run();
    return CommandResult.of("DEFINE SCHEDULE", ScheduleMessages.DEFINED.format(d.name()), nextStart(d));
  }

  private CommandResult update(ScheduleCommand.Update u, String admin) throws CommandException, Refused {
    String command = "UPDATE SCHEDULE";
    StoredSchedule s = repository.find(u.schedule())
        .orElseThrow(() -> new Refused(ScheduleMessages.SCHEDULE_NOT_DEFINED.format(command, u.schedule())));
    ScheduleDefinition base;
    try {
      base = read(s);
    } catch (CommandException e) {
      throw new Refused(e.message());
    }
    ScheduleDefinition d = u.changes().applyTo(base, command, ScheduleCommand.Update.USAGE);
    repository.save(new StoredSchedule(s.name(), d.toCommand(), admin, s.lastRun(), s.lastResult()));
    changed.run();
    return CommandResult.of(command, ScheduleMessages.UPDATED.format(d.name()), nextStart(d));
  }

  private CommandResult delete(String pattern) throws Refused {
    List<StoredSchedule> matched = matching(pattern);
    if (matched.isEmpty()) {
      throw new Refused(ScheduleMessages.NO_MATCH.format("DELETE SCHEDULE", pattern));
    }
    List<Message> messages = new ArrayList<>();
    for (StoredSchedule s : matched) {
      if (repository.delete(s.name())) {
        messages.add(ScheduleMessages.DELETED.format(s.name()));
      }
    }
    changed.run();
    return CommandResult.of("DELETE SCHEDULE", messages);
  }

  private CommandResult query(ScheduleCommand.Query q) throws Refused {
    List<StoredSchedule> matched = matching(q.pattern());
    if (matched.isEmpty()) {
      throw new Refused(ScheduleMessages.NO_MATCH.format("QUERY SCHEDULE", q.pattern()));
    }
    List<Message> messages = new ArrayList<>();
    if (!q.detailed()) {
      ResultTable.Builder t = ResultTable.builder("Schedule Name", "Start Date/Time", "Duration", "Period", "Day");
      for (StoredSchedule s : matched) {
        Optional<ScheduleDefinition> d = readOrReport(s, messages);
        if (d.isEmpty()) {
          continue;
        }
        ScheduleDefinition def = d.get();
        String period = "";
        String day = "(*)";
        if (def.recurrence() instanceof Classic) {
          Classic c = (Classic) def.recurrence();
          period = c.unit() == PeriodUnit.ONETIME ? "Onetime" : c.period() + " " + c.unit().abbreviation();
          day = c.dayOfWeek().label();
        }
        String duration = def.durationUnit() == DurationUnit.INDEFINITE ? "Indef"
            : def.duration() + " " + def.durationUnit().abbreviation();
        t.row(def.name(), DATE_TIME.format(def.startDate().atTime(def.startTime())), duration, period, day);
      }
      return CommandResult.table("QUERY SCHEDULE", t.build(), messages);
    }
    List<String> columns = List.of("Schedule Name", "Description", "Command", "Priority", "Start Date/Time",
        "Duration", "Maximum Run Time (Minutes)", "Schedule Style", "Period", "Day of Week", "Month", "Day of Month",
        "Week of Month", "Expiration", "Active", "Last Update by (administrator)", "Next Start Date/Time",
        "Last Run Date/Time", "Last Run Result");
    List<List<String>> rows = new ArrayList<>();
    Instant now = clock.instant();
    for (StoredSchedule s : matched) {
      Optional<ScheduleDefinition> d = readOrReport(s, messages);
      if (d.isEmpty()) {
        continue;
      }
      ScheduleDefinition def = d.get();
      String period = "";
      String dayOfWeek;
      String month = "";
      String dayOfMonth = "";
      String weekOfMonth = "";
      String style;
      if (def.recurrence() instanceof Classic) {
        Classic c = (Classic) def.recurrence();
        style = "Classic";
        period = c.unit() == PeriodUnit.ONETIME ? "Onetime" : c.period() + " " + c.unit().label();
        dayOfWeek = c.dayOfWeek().label();
      } else {
        Enhanced e = (Enhanced) def.recurrence();
        style = "Enhanced";
        dayOfWeek = ScheduleDefinition.days(e.days(), true);
        month = ScheduleDefinition.months(e.months(), true);
        dayOfMonth = e.daysOfMonth().isEmpty() ? "Any" : ScheduleDefinition.daysOfMonth(e.daysOfMonth());
        weekOfMonth = ScheduleDefinition.weeks(e.weeks(), true);
      }
      String duration = def.durationUnit() == DurationUnit.INDEFINITE ? "Indefinite"
          : def.duration() + " " + def.durationUnit().label();
      String next = def.active() ? new ScheduleCalendar(def, zone).nextStart(now).map(w -> format(w.start()))
          .orElse("(none)") : "(inactive)";
      rows.add(List.of(def.name(), def.description().orElse(""), def.command(), Integer.toString(def.priority()),
          DATE_TIME.format(def.startDate().atTime(def.startTime())), duration, Integer.toString(def.maxRunTime()),
          style, period, dayOfWeek, month, dayOfMonth, weekOfMonth,
          def.expiration().map(x -> DATE_TIME.format(x.atStartOfDay()).substring(0, 10)).orElse(""),
          def.active() ? "Yes" : "No", s.owner(), next,
          s.lastRun().map(r -> format(r.atZone(zone))).orElse(""), s.lastResult().orElse("")));
    }
    return CommandResult.table("QUERY SCHEDULE", new ResultTable(columns, rows, ResultTable.Layout.LABELLED),
        messages);
  }

  private CommandResult queryEvent(ScheduleCommand.QueryEvent q) throws Refused {
    List<StoredSchedule> matched = matching(q.pattern());
    if (matched.isEmpty()) {
      throw new Refused(ScheduleMessages.NO_MATCH.format("QUERY EVENT", q.pattern()));
    }
    Instant now = clock.instant();
    Instant from = q.begin().atZone(zone).toInstant();
    Instant to = q.end().atZone(zone).toInstant().plusSeconds(1);
    List<Message> messages = new ArrayList<>();
    List<String[]> events = new ArrayList<>();
    List<Instant> order = new ArrayList<>();
    for (StoredSchedule s : matched) {
      Optional<ScheduleDefinition> d = readOrReport(s, messages);
      if (d.isEmpty()) {
        continue;
      }
      for (Window w : new ScheduleCalendar(d.get(), zone).startingBetween(from, to, MAX_EVENTS)) {
        String actual = "";
        String status;
        Optional<Instant> last = s.lastRun();
        boolean lastInWindow = last.isPresent() && !last.get().isBefore(w.startInstant()) && w.endsAfter(last.get());
        if (lastInWindow) {
          status = s.lastResult().orElse("Started");
          if (!RunResult.MISSED.word().equals(status)) {
            actual = format(last.get().atZone(zone));
          }
        } else if (w.startInstant().isAfter(now)) {
          if (!d.get().active()) {
            continue;
          }
          status = "Future";
        } else if (w.endsAfter(now)) {
          status = d.get().active() ? "Pending" : "Inactive";
        } else {
          // Only the latest run is kept: an older window's outcome is not known here.
          status = d.get().active() ? "Uncertain" : "Inactive";
        }
        if (q.exceptionsOnly() && !status.equals(RunResult.FAILED.word()) && !status.equals(RunResult.MISSED.word())) {
          continue;
        }
        events.add(new String[] {format(w.start()), actual, s.name(), status});
        order.add(w.startInstant());
      }
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      idx.add(i);
    }
    idx.sort(Comparator.comparing((Integer i) -> order.get(i)).thenComparing(i -> events.get(i)[2]));
    List<List<String>> rows = new ArrayList<>();
    for (int i : idx) {
      rows.add(List.of(events.get(i)));
    }
    List<String> columns = List.of("Scheduled Start", "Actual Start", "Schedule Name", "Status");
    return CommandResult.table("QUERY EVENT", new ResultTable(columns, rows, q.detailed()
        ? ResultTable.Layout.LABELLED : ResultTable.Layout.COLUMNS), messages);
  }

  // ---- helpers ----

  private Message nextStart(ScheduleDefinition d) {
    String state = d.active() ? "active" : "inactive (ACTIVE=NO)";
    Optional<Window> next = new ScheduleCalendar(d, zone).nextStart(clock.instant());
    return next.isPresent() ? ScheduleMessages.NEXT_START.format(d.name(), state, format(next.get().start()))
        : ScheduleMessages.NO_NEXT_START.format(d.name(), state);
  }

  private static ScheduleDefinition read(StoredSchedule s) throws CommandException {
    try {
      return ScheduleParser.parseDefinition(s.definition());
    } catch (CommandException e) {
      throw CommandException.of(ScheduleMessages.BAD_DEFINITION, s.name(), e.message().text());
    }
  }

  private static Optional<ScheduleDefinition> readOrReport(StoredSchedule s, List<Message> messages) {
    try {
      return Optional.of(read(s));
    } catch (CommandException e) {
      messages.add(e.message());
      return Optional.empty();
    }
  }

  private List<StoredSchedule> matching(String pattern) {
    List<StoredSchedule> out = new ArrayList<>();
    if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
      repository.find(pattern).ifPresent(out::add);
      return out;
    }
    for (StoredSchedule s : repository.all()) {
      if (new NamePattern(pattern).matches(s.name())) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparing(StoredSchedule::name));
    return out;
  }

  private static String format(ZonedDateTime t) {
    return DATE_TIME.format(t);
  }
}
