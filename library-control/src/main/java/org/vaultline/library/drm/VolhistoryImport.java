package org.vaultline.library.drm;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads TSM's QUERY VOLHISTORY output in the forms a script gets it:
 * <ul>
 *   <li>the standard (detailed) form, blocks of {@code Label: value} lines ({@code Date/Time:},
 *       {@code Volume Type: BACKUPFULL}, {@code Backup Series:}, {@code Backup Operation:}, {@code Volume Seq:},
 *       {@code Device Class:}, {@code Volume Name:}, {@code Volume Location:}, ...), blocks separated by blank
 *       lines; the server's volume history file ({@code Operation Date/Time:}, {@code Device Class Name:},
 *       {@code Backup Op:}, quoted names, {@code ****} separators) is read the same way;</li>
 *   <li>{@code dsmadmc -commadelimited} or {@code -tabdelimited} output: one volume per line, the fields in the order
 *       of the detailed form (Date/Time, Volume Type, Backup Series, Backup Operation, Volume Seq, Device Class,
 *       Volume Name, Volume Location, Command), or in any order under a header line naming them
 *       ({@code DATE_TIME,TYPE,BACKUP_SERIES,...} from a SELECT on VOLHISTORY).</li>
 * </ul>
 * Numbers may carry thousands separators ({@code 100,001}). Lines starting with {@code #} are comments.
 * Entries are returned as read; {@link TsmImport} turns them into registrations.
 */
public final class VolhistoryImport {
  private VolhistoryImport() {}

  /** One volume history entry. Numbers are 0 where the entry has none (storage pool volume events). */
  public record Entry(int line, Instant dateTime, String type, long series, int operation, int sequence,
      String deviceClass, String volumeName, Optional<String> location) {
    public Entry {
      Objects.requireNonNull(dateTime, "dateTime");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(deviceClass, "deviceClass");
      Objects.requireNonNull(volumeName, "volumeName");
      Objects.requireNonNull(location, "location");
    }
  }

  /** The entries read and the lines that could not be. */
  public record Result(List<Entry> entries, List<DrmMessage> problems) {
    public Result {
      entries = List.copyOf(entries);
      problems = List.copyOf(problems);
    }
  }

  private enum Field {
    DATETIME, TYPE, SERIES, OPERATION, SEQUENCE, DEVCLASS, NAME, LOCATION
  }

  private static final Map<String, Field> LABELS = new HashMap<>();

  static {
    LABELS.put("datetime", Field.DATETIME);
    LABELS.put("operationdatetime", Field.DATETIME);
    LABELS.put("volumetype", Field.TYPE);
    LABELS.put("type", Field.TYPE);
    LABELS.put("backupseries", Field.SERIES);
    LABELS.put("backupoperation", Field.OPERATION);
    LABELS.put("backupop", Field.OPERATION);
    LABELS.put("volumeseq", Field.SEQUENCE);
    LABELS.put("volumesequence", Field.SEQUENCE);
    LABELS.put("volumeseqence", Field.SEQUENCE);
    LABELS.put("deviceclass", Field.DEVCLASS);
    LABELS.put("deviceclassname", Field.DEVCLASS);
    LABELS.put("devclass", Field.DEVCLASS);
    LABELS.put("volumename", Field.NAME);
    LABELS.put("volumelocation", Field.LOCATION);
    LABELS.put("location", Field.LOCATION);
  }

  private static final List<Field> POSITIONAL = List.of(Field.DATETIME, Field.TYPE, Field.SERIES, Field.OPERATION,
      Field.SEQUENCE, Field.DEVCLASS, Field.NAME, Field.LOCATION);

  /** Reads either form; timestamps are in {@code zone}. */
  public static Result read(String text, ZoneId zone) {
    String[] lines = text.split("\\R", -1);
    for (String l : lines) {
      int colon = l.indexOf(':');
      if (!TsmText.comment(l) && colon > 0 && LABELS.get(TsmText.label(l.substring(0, colon))) == Field.DATETIME) {
        return detailed(lines, zone);
      }
    }
    return delimited(lines, zone);
  }

  /**
   * Each entry starts at its Date/Time line and runs to the next one: blank lines, {@code ****} separators and
   * comments may appear inside an entry (the volume history file has a blank line after the date), and lines with
   * labels we do not use are ignored.
   */
  private static Result detailed(String[] lines, ZoneId zone) {
    List<Entry> entries = new ArrayList<>();
    List<DrmMessage> problems = new ArrayList<>();
    Map<Field, String> block = new HashMap<>();
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      String s = l.strip();
      if (s.isEmpty() || s.startsWith("*") || TsmText.comment(l)) {
        continue;
      }
      int colon = l.indexOf(':');
      Field f = colon > 0 ? LABELS.get(TsmText.label(l.substring(0, colon))) : null;
      if (f == null) {
        continue;
      }
      if (f == Field.DATETIME) {
        if (!block.isEmpty()) {
          entry(block, start, zone, entries, problems);
          block.clear();
        }
        start = i + 1;
      }
      if (block.isEmpty() && f != Field.DATETIME) {
        start = i + 1;
      }
      block.putIfAbsent(f, unquote(l.substring(colon + 1).strip()));
    }
    if (!block.isEmpty()) {
      entry(block, start, zone, entries, problems);
    }
    return new Result(entries, problems);
  }

  private static Result delimited(String[] lines, ZoneId zone) {
    List<Entry> entries = new ArrayList<>();
    List<DrmMessage> problems = new ArrayList<>();
    List<Field> columns = POSITIONAL;
    boolean first = true;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isBlank() || TsmText.comment(l)) {
        continue;
      }
      List<String> fields = TsmText.split(l, TsmText.separator(l));
      if (first) {
        first = false;
        List<Field> header = header(fields);
        if (header != null) {
          columns = header;
          continue;
        }
      }
      Map<Field, String> row = new HashMap<>();
      for (int c = 0; c < fields.size() && c < columns.size(); c++) {
        if (columns.get(c) != null) {
          row.put(columns.get(c), fields.get(c));
        }
      }
      entry(row, i + 1, zone, entries, problems);
    }
    return new Result(entries, problems);
  }

  /** The column fields when {@code fields} is a header line (names a volume name column); else null. */
  private static List<Field> header(List<String> fields) {
    List<Field> out = new ArrayList<>();
    boolean named = false;
    for (String f : fields) {
      Field field = LABELS.get(TsmText.label(f));
      named |= field == Field.NAME;
      out.add(field);
    }
    return named ? out : null;
  }

  private static void entry(Map<Field, String> f, int line, ZoneId zone, List<Entry> entries,
      List<DrmMessage> problems) {
    String name = f.getOrDefault(Field.NAME, "");
    String type = f.getOrDefault(Field.TYPE, "");
    String when = f.getOrDefault(Field.DATETIME, "");
    if (name.isEmpty() || type.isEmpty() || when.isEmpty()) {
      problems.add(DrmMessages.importUnreadable(line, "an entry needs Date/Time, Volume Type and Volume Name."));
      return;
    }
    Optional<Instant> t = TsmText.timestamp(when, zone);
    if (t.isEmpty()) {
      problems.add(DrmMessages.importBadValue(line, "Date/Time", when));
      return;
    }
    long[] n = new long[3];
    Field[] numeric = {Field.SERIES, Field.OPERATION, Field.SEQUENCE};
    for (int k = 0; k < 3; k++) {
      String v = f.getOrDefault(numeric[k], "");
      Optional<Long> parsed = TsmText.number(v);
      if (parsed.isEmpty() || k > 0 && parsed.get() > Integer.MAX_VALUE) {
        problems.add(DrmMessages.importBadValue(line, numeric[k] == Field.SERIES ? "Backup Series"
            : numeric[k] == Field.OPERATION ? "Backup Operation" : "Volume Seq", v));
        return;
      }
      n[k] = parsed.get();
    }
    String location = f.getOrDefault(Field.LOCATION, "");
    entries.add(new Entry(line, t.get(), TsmText.upper(type), n[0], (int) n[1], (int) n[2],
        TsmText.upper(f.getOrDefault(Field.DEVCLASS, "")), TsmText.upper(name),
        location.isEmpty() ? Optional.empty() : Optional.of(location)));
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
