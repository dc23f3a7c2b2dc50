package org.vaultline.library.drm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;

/**
 * BEGINDATE, ENDDATE, BEGINTIME and ENDTIME of MOVE DRMEDIA and QUERY DRMEDIA: the window a volume's last update
 * (the time of its last DRM state change) must fall in, both ends included, to the second, in the server's time
 * zone.
 *
 * <p>How the four combine (our reading of TSM, written down because IBM's text was not available): a begin date
 * without a time starts at 00:00:00, an end date without a time ends at 23:59:59; a time without a date is on
 * today's date; {@code NOW±HH:MM} without a date is that moment (which may be yesterday), with a date it gives the
 * time of day only. No begin means from the beginning, no end means up to now and beyond.
 */
public record DateTimeWindow(Optional<TsmDate> beginDate, Optional<TsmDate> endDate, Optional<TsmTime> beginTime,
    Optional<TsmTime> endTime) {
  public static final DateTimeWindow ALWAYS =
      new DateTimeWindow(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public DateTimeWindow {
    Objects.requireNonNull(beginDate, "beginDate");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(beginTime, "beginTime");
    Objects.requireNonNull(endTime, "endTime");
  }

  /** True when no bound is given. */
  public boolean unbounded() {
    return beginDate.isEmpty() && endDate.isEmpty() && beginTime.isEmpty() && endTime.isEmpty();
  }

  /** The first second of the window at {@code now}; empty when unbounded below. */
  public Optional<LocalDateTime> begin(ZonedDateTime now) {
    return bound(beginDate, beginTime, LocalTime.MIDNIGHT, now);
  }

  /** The last second of the window at {@code now}; empty when unbounded above. */
  public Optional<LocalDateTime> end(ZonedDateTime now) {
    return bound(endDate, endTime, LocalTime.of(23, 59, 59), now);
  }

  private static Optional<LocalDateTime> bound(Optional<TsmDate> date, Optional<TsmTime> time, LocalTime defaultTime,
      ZonedDateTime now) {
    if (date.isEmpty() && time.isEmpty()) {
      return Optional.empty();
    }
    LocalDateTime local = now.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
    LocalDate today = local.toLocalDate();
    if (time.isPresent() && time.get() instanceof TsmTime.Now n) {
      LocalDateTime moment = n.resolve(local);
      return Optional.of(date.isEmpty() ? moment : LocalDateTime.of(date.get().resolve(today), moment.toLocalTime()));
    }
    LocalDate d = date.map(x -> x.resolve(today)).orElse(today);
    LocalTime t = time.map(x -> ((TsmTime.Absolute) x).time()).orElse(defaultTime);
    return Optional.of(LocalDateTime.of(d, t));
  }

  /** True when {@code lastUpdate} falls in the window as it stands at {@code now}. */
  public boolean contains(Instant lastUpdate, ZonedDateTime now) {
    if (unbounded()) {
      return true;
    }
    LocalDateTime t = LocalDateTime.ofInstant(lastUpdate, now.getZone()).truncatedTo(ChronoUnit.SECONDS);
    Optional<LocalDateTime> b = begin(now);
    Optional<LocalDateTime> e = end(now);
    return (b.isEmpty() || !t.isBefore(b.get())) && (e.isEmpty() || !t.isAfter(e.get()));
  }

  /**
   * True when the window is empty whenever it is evaluated: begin and end dates both fixed, the times fixed or
   * absent, and begin after end. Relative windows are only checked when they run.
   */
  public boolean emptyAlways() {
    if (beginDate.isEmpty() || endDate.isEmpty() || !(beginDate.get() instanceof TsmDate.Absolute)
        || !(endDate.get() instanceof TsmDate.Absolute)) {
      return false;
    }
    if (beginTime.isPresent() && beginTime.get() instanceof TsmTime.Now
        || endTime.isPresent() && endTime.get() instanceof TsmTime.Now) {
      return false;
    }
    return begin(FIXED_NOW).get().isAfter(end(FIXED_NOW).get());
  }

  /** The window as it stands on 01/01/2000 00:00:00 UTC: for describing a window whose bounds are all fixed. */
  static final ZonedDateTime FIXED_NOW = ZonedDateTime.of(LocalDateTime.of(2000, 1, 1, 0, 0), java.time.ZoneOffset.UTC);

  /** {@code 03/01/2024 00:00:00 .. 03/31/2024 23:59:59} as the window stands at {@code now}. */
  public String describe(ZonedDateTime now) {
    return begin(now).map(DrmText::dateTime).orElse("the beginning") + " .. "
        + end(now).map(DrmText::dateTime).orElse("now");
  }
}
