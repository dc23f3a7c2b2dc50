package org.vaultline.appliance.schedule;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.vaultline.library.store.MessageTemplate;

/**
 * The messages of administrative schedules and the scheduler: range VLN0900..VLN0949. A number keeps its meaning
 * once released; {@code ScheduleMessagesTest} checks that numbers are unique and inside the range.
 */
public final class ScheduleMessages {
  private ScheduleMessages() {}

  // ---- 0900..0909: syntax ----

  public static final MessageTemplate CLIENT_SCHEDULE = MessageTemplate.of("VLN0900E",
      "{0}: Vaultline has administrative command schedules only; give TYPE=ADMINISTRATIVE and one schedule name."
          + " Syntax: {1}");
  public static final MessageTemplate MISSING_PARAMETER =
      MessageTemplate.of("VLN0901E", "{0}: {1} is required. Syntax: {2}");
  public static final MessageTemplate UNKNOWN_PARAMETER =
      MessageTemplate.of("VLN0902E", "{0}: unknown parameter {1}; valid are {2}. Syntax: {3}");
  public static final MessageTemplate INVALID_VALUE =
      MessageTemplate.of("VLN0903E", "{0}: {1} is not valid for {2}; expected {3}.");
  public static final MessageTemplate DUPLICATE_PARAMETER =
      MessageTemplate.of("VLN0904E", "{0}: {1} is given more than once.");
  public static final MessageTemplate UNTERMINATED_QUOTE = MessageTemplate.of("VLN0905E",
      "The quote at column {0} is not closed; end a quoted value with the same quote, and double it to include it.");
  public static final MessageTemplate EXTRA_POSITIONAL =
      MessageTemplate.of("VLN0906E", "{0}: unexpected {1} at column {2}. Syntax: {3}");
  public static final MessageTemplate CONFLICTING_PARAMETERS =
      MessageTemplate.of("VLN0907E", "{0}: {1}. Syntax: {2}");
  public static final MessageTemplate INVALID_DATE = MessageTemplate.of("VLN0908E",
      "{0}: {1} is not a date; use MM/DD/YYYY, TODAY, TODAY+n or +n.");
  public static final MessageTemplate INVALID_TIME = MessageTemplate.of("VLN0909E",
      "{0}: {1} is not a time; use HH:MM:SS, HH:MM, NOW, NOW+HH:MM or +HH:MM.");

  // ---- 0910..0919: definitions ----

  public static final MessageTemplate SCHEDULE_EXISTS =
      MessageTemplate.of("VLN0910E", "{0}: schedule {1} is already defined; change it with UPDATE SCHEDULE.");
  public static final MessageTemplate SCHEDULE_NOT_DEFINED =
      MessageTemplate.of("VLN0911E", "{0}: schedule {1} is not defined.");
  public static final MessageTemplate NO_MATCH =
      MessageTemplate.of("VLN0912E", "{0}: no schedule matches {1}.");
  public static final MessageTemplate NOT_SCHEDULABLE = MessageTemplate.of("VLN0913E",
      "{0}: {1} cannot be scheduled.");
  public static final MessageTemplate NEVER_STARTS = MessageTemplate.of("VLN0914E",
      "{0}: schedule {1} would never start a window: {2}");
  public static final MessageTemplate UNKNOWN_COMMAND = MessageTemplate.of("VLN0915E",
      "Unknown schedule command \"{0}\"; the schedule commands are DEFINE, UPDATE, DELETE, QUERY SCHEDULE and QUERY"
          + " EVENT.");

  // ---- 0920..0929: what a command did ----

  public static final MessageTemplate DEFINED = MessageTemplate.of("VLN0920I", "Schedule {0} defined.");
  public static final MessageTemplate UPDATED = MessageTemplate.of("VLN0921I", "Schedule {0} updated.");
  public static final MessageTemplate DELETED = MessageTemplate.of("VLN0922I", "Schedule {0} deleted.");
  public static final MessageTemplate NEXT_START =
      MessageTemplate.of("VLN0923I", "Schedule {0} is {1}; its next window starts {2}.");
  public static final MessageTemplate NO_NEXT_START =
      MessageTemplate.of("VLN0924I", "Schedule {0} is {1}; it has no further startup window.");

  // ---- 0930..0949: the scheduler ----

  public static final MessageTemplate RUN_STARTED = MessageTemplate.of("VLN0930I",
      "Schedule {0} started command \"{1}\" as {2} (window {3} to {4}).");
  public static final MessageTemplate RUN_COMPLETED =
      MessageTemplate.of("VLN0931I", "Schedule {0} completed: {1}");
  public static final MessageTemplate RUN_FAILED = MessageTemplate.of("VLN0932W", "Schedule {0} failed: {1}");
  public static final MessageTemplate RUN_MISSED = MessageTemplate.of("VLN0933W",
      "Schedule {0} missed its startup window {1} to {2}: the server was not running, or the schedule's previous"
          + " run was still going.");
  public static final MessageTemplate MISSED_MORE = MessageTemplate.of("VLN0934W",
      "Schedule {0} missed {1} more startup windows before {2}; only the latest {3} are recorded.");
  public static final MessageTemplate BAD_DEFINITION = MessageTemplate.of("VLN0935E",
      "Schedule {0} is not run: its stored definition cannot be read: {1}");
  public static final MessageTemplate SCHEDULER_ERROR =
      MessageTemplate.of("VLN0936E", "The scheduler could not handle schedule {0}: {1}");
  public static final MessageTemplate SCHEDULER_STARTED =
      MessageTemplate.of("VLN0937I", "The scheduler started with {0} schedules ({1} active) in time zone {2}.");
  public static final MessageTemplate SCHEDULER_STOPPED = MessageTemplate.of("VLN0938I", "The scheduler stopped.");
  public static final MessageTemplate SCHEDULER_STOP_TIMEOUT = MessageTemplate.of("VLN0939W",
      "The scheduler stopped with {0} scheduled commands still running.");

  /** Every template above, for tests and documentation. */
  public static List<MessageTemplate> all() {
    List<MessageTemplate> out = new ArrayList<>();
    for (Field f : ScheduleMessages.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == MessageTemplate.class) {
        try {
          out.add((MessageTemplate) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }
}
