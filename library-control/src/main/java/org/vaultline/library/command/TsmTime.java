package org.vaultline.library.command;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day as TSM commands take it: {@code HH:MM:SS} or {@code HH:MM}, {@code NOW}, {@code NOW+HH:MM},
 * {@code NOW-HH:MM}, or the short forms {@code +HH:MM} and {@code -HH:MM}. Relative times are resolved when the
 * command runs.
 */
public sealed interface TsmTime {
  /** A fixed time of day. */
  record Absolute(LocalTime time) implements TsmTime {
    public Absolute {
      Objects.requireNonNull(time, "time");
    }

    @Override
    public String toString() {
      return String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    }
  }

  /** NOW plus {@code offset} (negative for the past). */
  record Now(Duration offset) implements TsmTime {
    public Now {
      Objects.requireNonNull(offset, "offset");
    }

    /** The moment this stands for. */
    public LocalDateTime resolve(LocalDateTime now) {
      return now.plus(offset);
    }

    @Override
    public String toString() {
      if (offset.isZero()) {
        return "NOW";
      }
      long minutes = Math.abs(offset.toMinutes());
      return String.format("NOW%s%02d:%02d", offset.isNegative() ? "-" : "+", minutes / 60, minutes % 60);
    }
  }

  Pattern ABSOLUTE = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
  Pattern RELATIVE = Pattern.compile("(NOW)?(?:([+-])(\\d{1,2}):(\\d{2}))?");

  /** Parses one of the forms above; empty when the text is none of them. */
  static Optional<TsmTime> parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    Matcher m = ABSOLUTE.matcher(t);
    if (m.matches()) {
      int h = Integer.parseInt(m.group(1));
      int min = Integer.parseInt(m.group(2));
      int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      if (h > 23 || min > 59 || s > 59) {
        return Optional.empty();
      }
      return Optional.of(new Absolute(LocalTime.of(h, min, s)));
    }
    m = RELATIVE.matcher(t);
    if (m.matches() && !t.isEmpty() && (m.group(1) != null || m.group(2) != null)) {
      if (m.group(2) == null) {
        return Optional.of(new Now(Duration.ZERO));
      }
      int min = Integer.parseInt(m.group(4));
      if (min > 59) {
        return Optional.empty();
      }
      Duration d = Duration.ofHours(Integer.parseInt(m.group(3))).plusMinutes(min);
      return Optional.of(new Now("-".equals(m.group(2)) ? d.negated() : d));
    }
    return Optional.empty();
  }

  /**
   * The time of an optional parameter ({@code BEGINTIME=...}) as every command parser takes it: empty when
   * the parameter is absent; {@code invalid} makes the parser's own error (its message ID) for a value that is no
   * time.
   */
  static <E extends Exception> Optional<TsmTime> parameter(Optional<String> value, Function<String, E> invalid)
      throws E {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<TsmTime> parsed = parse(value.get());
    if (parsed.isEmpty()) {
      throw invalid.apply(value.get());
    }
    return parsed;
  }
}
