package org.vaultline.appliance.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.appliance.schedule.Recurrence.Classic;
import org.vaultline.appliance.schedule.Recurrence.Enhanced;

/**
 * The startup windows of an administrative schedule in a time zone.
 *
 * <p>Windows are laid out on the zone's wall clock, as an administrator reads a schedule: a daily 02:30 schedule
 * starts at 02:30 every day whatever the UTC offset; every 6 hours from 00:00 is 00:00, 06:00, 12:00, 18:00 local.
 * When a start falls into a spring-forward gap it moves later by the gap (02:30 becomes 03:30 in Europe/Berlin on
 * the last Sunday of March), and when it falls into a fall-back overlap it is the first of the two (the one still
 * on summer time); two starts that land on the same instant are one window. A window's length in minutes or hours
 * is elapsed time; in days, calendar days (a day at DST is 23 or 25 hours).
 *
 * <p>Classic style: window {@code k} starts at STARTDATE/STARTTIME plus {@code k} times PERIOD PERUNITS (added to
 * the wall clock, so a monthly schedule from January 31 runs on February 28 and March 31). DAYOFWEEK other than
 * ANY: with PERUNITS=HOURS or DAYS a window that would start on another day is skipped (PERIOD=1 PERUNITS=DAYS
 * DAYOFWEEK=WEEKDAY runs Monday to Friday); with WEEKS, MONTHS, YEARS or ONETIME it moves forward to the next day
 * that matches, at the same time. Enhanced style: a window at STARTTIME on every date from STARTDATE that matches
 * MONTH, DAYOFMONTH, WEEKOFMONTH and DAYOFWEEK ({@link Enhanced#matches}). No window starts after EXPIRATION.
 */
public final class ScheduleCalendar {
  /** A classic schedule whose windows all fall on excluded days (PERIOD=7 PERUNITS=DAYS on the wrong day) ends. */
  private static final int MAX_SKIPPED = 400;
  /** An enhanced schedule with no matching day in ten years (FEBRUARY 30) has no further window. */
  private static final int MAX_DAYS_WITHOUT_MATCH = 3660;

  /**
   * One startup window.
   *
   * @param end empty when it never closes (DURUNITS=INDEFINITE)
   */
  public record Window(ZonedDateTime start, Optional<ZonedDateTime> end) {
    public Window {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }

    /** Whether the window is open at {@code t}: started, and not yet ended. */
    public boolean isOpenAt(Instant t) {
      return !start.toInstant().isAfter(t) && endsAfter(t);
    }

    /** Whether the window is still open after {@code t}. */
    public boolean endsAfter(Instant t) {
      return end.isEmpty() || end.get().toInstant().isAfter(t);
    }

    public Instant startInstant() {
      return start.toInstant();
    }
  }

  private final ScheduleDefinition definition;
  private final ZoneId zone;

  public ScheduleCalendar(ScheduleDefinition definition, ZoneId zone) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public ScheduleDefinition definition() {
    return definition;
  }

  /** The windows still open after {@code t} (the one open at {@code t}, if any, then the later ones), in order. */
  public Iterator<Window> windowsEndingAfter(Instant t) {
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    // Go back by the longest window, and a day for DST and DAYOFWEEK shifts; windows ending by t are dropped.
    long backDays = definition.durationUnit() == DurationUnit.INDEFINITE ? Long.MAX_VALUE
        : definition.nominalWindow().orElseThrow().toDays() + 8;
    LocalDateTime from = backDays == Long.MAX_VALUE || local.toLocalDate().toEpochDay() - backDays
        < definition.startDate().toEpochDay() ? null : local.minusDays(backDays);
    Slots slots = slots(from);
    return new Iterator<>() {
      private Window next = advance();
      private Instant last;

      private Window advance() {
        while (true) {
          Optional<LocalDateTime> s = slots.next();
          if (s.isEmpty()) {
            return null;
          }
          Window w = window(s.get());
          if (last != null && !w.startInstant().isAfter(last)) {
            continue;
          }
          last = w.startInstant();
          if (w.endsAfter(t)) {
            return w;
          }
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Window next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Window w = next;
        next = advance();
        return w;
      }
    };
  }

  /** The window open at {@code t}, else the next one to start. */
  public Optional<Window> currentOrNext(Instant t) {
    Iterator<Window> it = windowsEndingAfter(t);
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  /** The first window that starts at or after {@code t}. */
  public Optional<Window> nextStart(Instant t) {
    Iterator<Window> it = windowsEndingAfter(t);
    while (it.hasNext()) {
      Window w = it.next();
      if (!w.startInstant().isBefore(t)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  /** The windows starting in {@code [from, to)}, at most {@code limit}. */
  public List<Window> startingBetween(Instant from, Instant to, int limit) {
    List<Window> out = new ArrayList<>();
    Iterator<Window> it = windowsEndingAfter(from);
    while (it.hasNext() && out.size() < limit) {
      Window w = it.next();
      if (!w.startInstant().isBefore(to)) {
        break;
      }
      if (!w.startInstant().isBefore(from)) {
        out.add(w);
      }
    }
    return out;
  }

  /** Every window from the first, for tests and reports. */
  public Iterator<Window> all() {
    return windowsEndingAfter(ZonedDateTime.of(definition.startDate(), definition.startTime(), zone).toInstant()
        .minusSeconds(1));
  }

  /** The first start on the wall clock; empty when the schedule never starts a window. */
  static Optional<LocalDateTime> firstLocalStart(ScheduleDefinition d) {
    return new ScheduleCalendar(d, ZoneId.of("UTC")).slots(null).next();
  }

  private Window window(LocalDateTime slot) {
    ZonedDateTime start = ZonedDateTime.of(slot, zone);
    int n = definition.duration();
    switch (definition.durationUnit()) {
      case MINUTES:
        return new Window(start, Optional.of(start.plusMinutes(n)));
      case HOURS:
        return new Window(start, Optional.of(start.plusHours(n)));
      case DAYS:
        return new Window(start, Optional.of(start.plusDays(n)));
      default:
        return new Window(start, Optional.empty());
    }
  }

  // ---- wall-clock starts ----

  /** Starts on the wall clock, in order; {@code from} null for the first. */
  private Slots slots(LocalDateTime from) {
    LocalDateTime base = LocalDateTime.of(definition.startDate(), definition.startTime());
    if (definition.recurrence() instanceof Classic) {
      return new ClassicSlots((Classic) definition.recurrence(), base, from);
    }
    return new EnhancedSlots((Enhanced) definition.recurrence(), from);
  }

  private interface Slots {
    Optional<LocalDateTime> next();
  }

  private boolean expired(LocalDateTime slot) {
    return definition.expiration().isPresent() && slot.toLocalDate().isAfter(definition.expiration().get());
  }

  private final class ClassicSlots implements Slots {
    private final Classic c;
    private final LocalDateTime base;
    private long k;
    private boolean done;

    ClassicSlots(Classic c, LocalDateTime base, LocalDateTime from) {
      this.c = c;
      this.base = base;
      if (from != null && from.isAfter(base) && c.unit() != PeriodUnit.ONETIME) {
        long elapsed = unit().between(base, from);
        k = Math.max(0, elapsed / c.period() - 2);
      }
    }

    private ChronoUnit unit() {
      switch (c.unit()) {
        case HOURS:
          return ChronoUnit.HOURS;
        case DAYS:
          return ChronoUnit.DAYS;
        case WEEKS:
          return ChronoUnit.WEEKS;
        case MONTHS:
          return ChronoUnit.MONTHS;
        default:
          return ChronoUnit.YEARS;
      }
    }

    @Override
    public Optional<LocalDateTime> next() {
      int skipped = 0;
      while (!done) {
        if (c.unit() == PeriodUnit.ONETIME && k > 0) {
          done = true;
          break;
        }
        LocalDateTime raw = base.plus(k * c.period(), c.unit() == PeriodUnit.ONETIME ? ChronoUnit.DAYS : unit());
        k++;
        LocalDateTime slot = raw;
        DaySelector day = c.dayOfWeek();
        if (!day.matches(raw.getDayOfWeek())) {
          if (c.unit() == PeriodUnit.HOURS || c.unit() == PeriodUnit.DAYS) {
            if (expired(raw) || ++skipped > MAX_SKIPPED) {
              done = true;
              break;
            }
            continue;
          }
          slot = nextMatching(raw, day);
        }
        if (expired(slot)) {
          done = true;
          break;
        }
        return Optional.of(slot);
      }
      return Optional.empty();
    }

    private LocalDateTime nextMatching(LocalDateTime raw, DaySelector day) {
      LocalDateTime s = raw;
      for (int i = 0; i < 7 && !day.matches(s.getDayOfWeek()); i++) {
        s = s.plusDays(1);
      }
      return s;
    }
  }

  private final class EnhancedSlots implements Slots {
    private final Enhanced e;
    private LocalDate date;
    private LocalDate lastMatch;

    EnhancedSlots(Enhanced e, LocalDateTime from) {
      this.e = e;
      LocalDate start = definition.startDate();
      this.date = from == null || from.toLocalDate().isBefore(start) ? start : from.toLocalDate();
      this.lastMatch = date;
    }

    @Override
    public Optional<LocalDateTime> next() {
      while (date != null) {
        LocalDate d = date;
        if (definition.expiration().isPresent() && d.isAfter(definition.expiration().get())
            || ChronoUnit.DAYS.between(lastMatch, d) > MAX_DAYS_WITHOUT_MATCH || d.getYear() >= 9999) {
          date = null;
          break;
        }
        date = d.plusDays(1);
        if (e.matches(d)) {
          lastMatch = d;
          return Optional.of(LocalDateTime.of(d, definition.startTime()));
        }
      }
      return Optional.empty();
    }
  }
}
