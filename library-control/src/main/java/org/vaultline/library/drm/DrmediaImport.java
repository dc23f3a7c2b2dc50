package org.vaultline.library.drm;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the DRM media of a TSM server as a script gets them from
 * {@code dsmadmc -commadelimited "select volume_name,state,upd_date,location,stgpool_name,lib_name,voltype from
 * drmedia"} (or {@code -tabdelimited}): one volume per line, those seven columns in that order, or in any order
 * under a header line naming them. States may be written as in the SQL view ({@code VAULTRETRIEVE}) or as QUERY
 * DRMEDIA shows them ({@code Vault retrieve}). Lines starting with {@code #} are comments.
 */
public final class DrmediaImport {
  private DrmediaImport() {}

  /** What kind of DRM volume a row is, from its VOLTYPE. */
  public enum VolumeType {
    DBBACKUP, DBSNAPSHOT, COPYSTGPOOL, ACTIVEDATASTGPOOL
  }

  /** One row of the DRMEDIA view. */
  public record Row(int line, String volumeName, DrmState state, Optional<Instant> updated, Optional<String> location,
      Optional<String> pool, Optional<String> library, VolumeType volumeType) {
    public Row {
      Objects.requireNonNull(volumeName, "volumeName");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(updated, "updated");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(pool, "pool");
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(volumeType, "volumeType");
    }
  }

  /** The rows read and the lines that could not be. */
  public record Result(List<Row> rows, List<DrmMessage> problems) {
    public Result {
      rows = List.copyOf(rows);
      problems = List.copyOf(problems);
    }
  }

  private enum Column {
    NAME, STATE, UPDATED, LOCATION, POOL, LIBRARY, TYPE
  }

  private static final List<Column> POSITIONAL = List.of(Column.NAME, Column.STATE, Column.UPDATED, Column.LOCATION,
      Column.POOL, Column.LIBRARY, Column.TYPE);

  private static final Map<String, Column> LABELS = new HashMap<>();

  static {
    LABELS.put("volumename", Column.NAME);
    LABELS.put("state", Column.STATE);
    LABELS.put("upddate", Column.UPDATED);
    LABELS.put("lastupdatedatetime", Column.UPDATED);
    LABELS.put("location", Column.LOCATION);
    LABELS.put("stgpoolname", Column.POOL);
    LABELS.put("storagepoolname", Column.POOL);
    LABELS.put("libname", Column.LIBRARY);
    LABELS.put("automatedlibname", Column.LIBRARY);
    LABELS.put("voltype", Column.TYPE);
    LABELS.put("volumetype", Column.TYPE);
  }

  public static Result read(String text, ZoneId zone) {
    List<Row> rows = new ArrayList<>();
    List<DrmMessage> problems = new ArrayList<>();
    List<Column> columns = POSITIONAL;
    boolean first = true;
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isBlank() || TsmText.comment(l)) {
        continue;
      }
      List<String> fields = TsmText.split(l, TsmText.separator(l));
      if (first) {
        first = false;
        List<Column> header = new ArrayList<>();
        boolean named = false;
        for (String f : fields) {
          Column c = LABELS.get(TsmText.label(f));
          named |= c == Column.NAME;
          header.add(c);
        }
        if (named) {
          columns = header;
          continue;
        }
      }
      Map<Column, String> row = new HashMap<>();
      for (int c = 0; c < fields.size() && c < columns.size(); c++) {
        if (columns.get(c) != null) {
          row.put(columns.get(c), fields.get(c));
        }
      }
      row(row, i + 1, zone, rows, problems);
    }
    return new Result(rows, problems);
  }

  private static void row(Map<Column, String> f, int line, ZoneId zone, List<Row> rows, List<DrmMessage> problems) {
    String name = f.getOrDefault(Column.NAME, "");
    String stateText = f.getOrDefault(Column.STATE, "");
    String typeText = f.getOrDefault(Column.TYPE, "");
    if (name.isEmpty() || stateText.isEmpty() || typeText.isEmpty()) {
      problems.add(DrmMessages.importUnreadable(line, "a row needs VOLUME_NAME, STATE and VOLTYPE."));
      return;
    }
    Optional<DrmState> state = state(stateText);
    if (state.isEmpty()) {
      problems.add(DrmMessages.importBadValue(line, "STATE", stateText));
      return;
    }
    Optional<VolumeType> type = type(typeText);
    if (type.isEmpty()) {
      problems.add(DrmMessages.importBadValue(line, "VOLTYPE", typeText));
      return;
    }
    String upd = f.getOrDefault(Column.UPDATED, "");
    Optional<Instant> updated = Optional.empty();
    if (!upd.isEmpty()) {
      updated = TsmText.timestamp(upd, zone);
      if (updated.isEmpty()) {
        problems.add(DrmMessages.importBadValue(line, "UPD_DATE", upd));
        return;
      }
    }
    boolean poolType = type.get() == VolumeType.COPYSTGPOOL || type.get() == VolumeType.ACTIVEDATASTGPOOL;
    Optional<String> pool = optional(f.get(Column.POOL)).map(TsmText::upper);
    if (poolType && pool.isEmpty()) {
      problems.add(DrmMessages.importUnreadable(line, "a storage pool volume needs STGPOOL_NAME."));
      return;
    }
    rows.add(new Row(line, TsmText.upper(name), state.get(), updated, optional(f.get(Column.LOCATION)),
        poolType ? pool : Optional.empty(), optional(f.get(Column.LIBRARY)).map(TsmText::upper), type.get()));
  }

  private static Optional<String> optional(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  static Optional<DrmState> state(String text) {
    String s = TsmText.label(text).toUpperCase(Locale.ROOT);
    for (DrmState d : DrmState.values()) {
      if (d.name().equals(s)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  static Optional<VolumeType> type(String text) {
    String s = TsmText.label(text);
    switch (s) {
      case "dbbackup":
      case "backupfull":
      case "backupincr":
        return Optional.of(VolumeType.DBBACKUP);
      case "dbsnapshot":
        return Optional.of(VolumeType.DBSNAPSHOT);
      case "copystgpool":
      case "copy":
        return Optional.of(VolumeType.COPYSTGPOOL);
      case "activedatastgpool":
      case "activedata":
        return Optional.of(VolumeType.ACTIVEDATASTGPOOL);
      default:
        return Optional.empty();
    }
  }
}
