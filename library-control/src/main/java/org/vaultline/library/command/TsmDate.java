package org.vaultline.library.command;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as TSM commands take it: {@code MM/DD/YYYY}, {@code TODAY}, {@code TODAY-n}, {@code TODAY+n}, or the short
 * forms {@code -n} and {@code +n}. Relative dates are resolved when the command runs, not when it is parsed, so a
 * scheduled {@code BEGINDATE=TODAY-7} means seven days before each run.
 */
public sealed interface TsmDate {
  /** The calendar date this stands for, given today's date. */
  LocalDate resolve(LocalDate today);

  /** A fixed calendar date. */
  record Absolute(LocalDate date) implements TsmDate {
    public Absolute {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public LocalDate resolve(LocalDate today) {
      return date;
    }

    @Override
    public String toString() {
      return String.format("%02d/%02d/%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear());
    }
  }

  /** TODAY plus {@code days} (negative for the past). */
  record Today(int days) implements TsmDate {
    @Override
    public LocalDate resolve(LocalDate today) {
      return today.plusDays(days);
    }

    @Override
    public String toString() {
      return days == 0 ? "TODAY" : days < 0 ? "TODAY" + days : "TODAY+" + days;
    }
  }

  Pattern ABSOLUTE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  Pattern RELATIVE = Pattern.compile("(TODAY)?(?:([+-])(\\d{1,4}))?");

  /** Parses one of the forms above; empty when the text is none of them or names no real date. */
  static Optional<TsmDate> parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    Matcher m = ABSOLUTE.matcher(t);
    if (m.matches()) {
      try {
        return Optional.of(new Absolute(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)))));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    m = RELATIVE.matcher(t);
    if (m.matches() && !t.isEmpty() && (m.group(1) != null || m.group(2) != null)) {
      int days = m.group(2) == null ? 0 : Integer.parseInt(m.group(3));
      return Optional.of(new Today("-".equals(m.group(2)) ? -days : days));
    }
    return Optional.empty();
  }

  /**
   * The date of an optional parameter ({@code BEGINDATE=...}) as every command parser takes it: empty when
   * the parameter is absent; {@code invalid} makes the parser's own error (its message ID) for a value that is no
   * date.
   */
  static <E extends Exception> Optional<TsmDate> parameter(Optional<String> value, Function<String, E> invalid)
      throws E {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<TsmDate> parsed = parse(value.get());
    if (parsed.isEmpty()) {
      throw invalid.apply(value.get());
    }
    return parsed;
  }
}
