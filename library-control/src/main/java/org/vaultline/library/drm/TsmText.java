package org.vaultline.library.drm;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the pieces of TSM administrative client output: timestamps, numbers, delimited lines, labels. */
final class TsmText {
  private TsmText() {}

  private static final Pattern US = Pattern.compile(
      "(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ T-]+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2})(?:\\.\\d+)?)?)?");

  /**
   * A timestamp as TSM prints it: {@code MM/DD/YYYY HH:MM:SS} (QUERY output with the default date format; a
   * two-digit year is 20YY), {@code YYYY-MM-DD HH:MM:SS[.ffffff]} (SELECT output), {@code YYYY/MM/DD HH:MM:SS}
   * (the volume history file) or {@code YYYY-MM-DD-HH.MM.SS.ffffff}; a date alone is at midnight.
   */
  static Optional<Instant> timestamp(String text, ZoneId zone) {
    String t = text.strip();
    try {
      Matcher m = ISO.matcher(t);
      if (m.matches()) {
        return Optional.of(at(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m, zone));
      }
      m = US.matcher(t);
      if (m.matches()) {
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
          year += 2000;
        }
        return Optional.of(at(year, m.group(1), m.group(2), m, zone));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Instant at(int year, String month, String day, Matcher m, ZoneId zone) {
    LocalDate d = LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
    LocalTime time = LocalTime.MIDNIGHT;
    if (m.group(4) != null) {
      time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    }
    return LocalDateTime.of(d, time).atZone(zone).toInstant();
  }

  /** A whole number as TSM prints it, possibly with thousands separators ({@code 100,001}); blank is 0. */
  static Optional<Long> number(String text) {
    String t = text.strip().replace(",", "").replace(".", "");
    if (t.isEmpty()) {
      return Optional.of(0L);
    }
    if (t.length() > 18) {
      return Optional.empty();
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    return Optional.of(Long.parseLong(t));
  }

  /** A label reduced to its letters in lower case: {@code Volume Name} and {@code VOLUME_NAME} both give volumename. */
  static String label(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }

  /**
   * One line of {@code dsmadmc -commadelimited} or {@code -tabdelimited} output: fields split at {@code sep}, a
   * field in double quotes may hold the separator and doubled quotes; fields are stripped of blanks.
   */
  static List<String> split(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            inQuotes = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        inQuotes = true;
      } else if (c == sep) {
        out.add(f.toString().strip());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString().strip());
    return out;
  }

  /** Tab when the line has one, else comma. */
  static char separator(String line) {
    return line.indexOf('\t') >= 0 ? '\t' : ',';
  }

  /** A comment line of a sample or script output: starts with {@code #}. */
  static boolean comment(String line) {
    return line.stripLeading().startsWith("#");
  }

  /** Upper case, for volume names (TSM keeps them so). */
  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** A FILE device class volume name is a path. */
  static boolean looksLikePath(String volumeName) {
    return volumeName.startsWith("/") || volumeName.indexOf('\\') >= 0
        || volumeName.length() > 2 && volumeName.charAt(1) == ':';
  }
}
