package org.vaultline.appliance.schedule;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The schedule commands an administrator types (IBM Spectrum Protect Administrator's Reference: DEFINE, UPDATE,
 * DELETE and QUERY SCHEDULE for administrative command schedules, QUERY EVENT TYPE=ADMINISTRATIVE), as
 * {@link ScheduleParser} reads them. Relative dates and times are resolved by the parser.
 */
public sealed interface ScheduleCommand permits ScheduleCommand.Define, ScheduleCommand.Update,
    ScheduleCommand.Delete, ScheduleCommand.Query, ScheduleCommand.QueryEvent {

  /** The command's name as TSM writes it ({@code DEFINE SCHEDULE}). */
  String name();

  /** Whether it only reads (READ authority) rather than changes schedules (SYSTEM authority). */
  default boolean query() {
    return false;
  }

  /** {@code DEFINE SCHEDULE}: the complete new schedule. */
  record Define(ScheduleDefinition definition) implements ScheduleCommand {
    public static final String USAGE = "DEFINE SCHEDULE schedule_name TYPE=ADMINISTRATIVE CMD=\"command\""
        + " [ACTIVE=NO|YES] [DESCRIPTION=\"text\"] [PRIORITY=1..10] [STARTDATE=MM/DD/YYYY|TODAY|+n]"
        + " [STARTTIME=HH:MM:SS|NOW|+HH:MM] [DURATION=1..999] [DURUNITS=MINUTES|HOURS|DAYS|INDEFINITE]"
        + " [MAXRUNTIME=minutes] [SCHEDSTYLE=CLASSIC] [PERIOD=1..999] [PERUNITS=HOURS|DAYS|WEEKS|MONTHS|YEARS|ONETIME]"
        + " [DAYOFWEEK=ANY|WEEKDAY|WEEKEND|SUNDAY..SATURDAY] [EXPIRATION=NEVER|date]; or SCHEDSTYLE=ENHANCED"
        + " [MONTH=ANY|JANUARY,...] [DAYOFMONTH=ANY|-31..31,...] [WEEKOFMONTH=ANY|FIRST|SECOND|THIRD|FOURTH|LAST,...]"
        + " [DAYOFWEEK=ANY|WEEKDAY|WEEKEND|SUNDAY..SATURDAY,...] [EXPIRATION=NEVER|date]";

    public Define {
      Objects.requireNonNull(definition, "definition");
    }

    @Override
    public String name() {
      return "DEFINE SCHEDULE";
    }
  }

  /** {@code UPDATE SCHEDULE}: the parameters given, applied to the stored schedule when the command runs. */
  record Update(String schedule, ScheduleChanges changes) implements ScheduleCommand {
    public static final String USAGE = "UPDATE SCHEDULE schedule_name TYPE=ADMINISTRATIVE [CMD=\"command\"]"
        + " [ACTIVE=YES|NO] [DESCRIPTION=\"text\"] [PRIORITY=1..10] [STARTDATE=date] [STARTTIME=time]"
        + " [DURATION=1..999] [DURUNITS=MINUTES|HOURS|DAYS|INDEFINITE] [MAXRUNTIME=minutes]"
        + " [SCHEDSTYLE=CLASSIC|ENHANCED] [PERIOD=n] [PERUNITS=...] [MONTH=...] [DAYOFMONTH=...] [WEEKOFMONTH=...]"
        + " [DAYOFWEEK=...] [EXPIRATION=NEVER|date]";

    public Update {
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(changes, "changes");
    }

    @Override
    public String name() {
      return "UPDATE SCHEDULE";
    }
  }

  /** {@code DELETE SCHEDULE pattern TYPE=ADMINISTRATIVE}; the name may hold {@code *} and {@code ?}. */
  record Delete(String pattern) implements ScheduleCommand {
    public static final String USAGE = "DELETE SCHEDULE schedule_name TYPE=ADMINISTRATIVE";

    public Delete {
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String name() {
      return "DELETE SCHEDULE";
    }
  }

  /** {@code QUERY SCHEDULE [pattern] TYPE=ADMINISTRATIVE [FORMAT=STANDARD|DETAILED]}. */
  record Query(String pattern, boolean detailed) implements ScheduleCommand {
    public static final String USAGE = "QUERY SCHEDULE [schedule_name] TYPE=ADMINISTRATIVE"
        + " [FORMAT=STANDARD|DETAILED]";

    public Query {
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String name() {
      return "QUERY SCHEDULE";
    }

    @Override
    public boolean query() {
      return true;
    }
  }

  /**
   * {@code QUERY EVENT pattern TYPE=ADMINISTRATIVE [BEGINDATE=] [BEGINTIME=] [ENDDATE=] [ENDTIME=]
   * [EXCEPTIONSONLY=NO|YES] [FORMAT=STANDARD|DETAILED]}: the startup windows between {@code begin} and {@code end}
   * (server local time), past and future.
   */
  record QueryEvent(String pattern, LocalDateTime begin, LocalDateTime end, boolean exceptionsOnly,
      boolean detailed) implements ScheduleCommand {
    public static final String USAGE = "QUERY EVENT schedule_name TYPE=ADMINISTRATIVE [BEGINDATE=date]"
        + " [BEGINTIME=time] [ENDDATE=date] [ENDTIME=time] [EXCEPTIONSONLY=NO|YES] [FORMAT=STANDARD|DETAILED]";

    public QueryEvent {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(begin, "begin");
      Objects.requireNonNull(end, "end");
    }

    @Override
    public String name() {
      return "QUERY EVENT";
    }

    @Override
    public boolean query() {
      return true;
    }
  }
}
