package org.vaultline.library.drm;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.command.CommandTokens;
import org.vaultline.library.command.Keyword;
import org.vaultline.library.command.TextTable;

/**
 * TSM's {@code QUERY DRMEDIA [volname] [WHERESTATE=ALL|MOUNTABLE|NOTMOUNTABLE|COURIER|VAULT|VAULTRETRIEVE|
 * COURIERRETRIEVE] [BEGINDATE=] [ENDDATE=] [BEGINTIME=] [ENDTIME=] [COPYSTGPOOL=] [ACTIVEDATASTGPOOL=] [SOURCE=]
 * [WHERELOCATION=] [FORMAT=STANDARD|DETAILED|CMD] [CMD= [CMDFILENAME=] [APPEND=]]}: which volumes DRM holds and
 * where. Defaults: every volume ({@code *}), WHERESTATE=ALL, SOURCE=DBBACKUP, FORMAT=STANDARD. FORMAT=CMD writes
 * the CMD= command for each volume instead of a report.
 *
 * @param whereState the state to list; empty for ALL
 */
public record QueryDrMedia(NamePattern volume, Optional<DrmState> whereState, Source source,
    Optional<List<String>> copyPools, Optional<List<String>> activeDataPools, Optional<String> whereLocation,
    DateTimeWindow window, Format format, Optional<CmdOutput> cmd) implements DrmCommand {
  static final String NAME = "QUERY DRMEDIA";

  public static final String USAGE = "QUERY DRMEDIA [volname] [WHERESTATE=ALL|MOUNTABLE|NOTMOUNTABLE|COURIER|VAULT"
      + "|VAULTRETRIEVE|COURIERRETRIEVE] [BEGINDATE=date] [ENDDATE=date] [BEGINTIME=time] [ENDTIME=time]"
      + " [COPYSTGPOOL=pool,...] [ACTIVEDATASTGPOOL=pool,...] [SOURCE=DBBACKUP|DBSNAPSHOT|DBNONE]"
      + " [WHERELOCATION=location] [FORMAT=STANDARD|DETAILED|CMD] [CMD=\"command\" [CMDFILENAME=file]"
      + " [APPEND=NO|YES]]";

  /** FORMAT=. */
  public enum Format {
    STANDARD("Standard"),
    DETAILED("Detailed"),
    CMD("Cmd");

    private final Keyword keyword;

    Format(String keyword) {
      this.keyword = Keyword.of(keyword);
    }

    public Keyword keyword() {
      return keyword;
    }
  }

  public QueryDrMedia {
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(whereState, "whereState");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(whereLocation, "whereLocation");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(cmd, "cmd");
    copyPools = copyPools.map(List::copyOf);
    activeDataPools = activeDataPools.map(List::copyOf);
    if ((format == Format.CMD) != cmd.isPresent()) {
      throw new IllegalArgumentException("CMD= goes with FORMAT=CMD and only with it");
    }
    if (whereState.isPresent() && whereState.get() == DrmState.ONSITERETRIEVE) {
      throw new IllegalArgumentException("ONSITERETRIEVE volumes have left DRM");
    }
  }

  /** {@code QUERY DRMEDIA *}: everything, standard format. */
  public static QueryDrMedia all() {
    return new QueryDrMedia(NamePattern.ALL, Optional.empty(), Source.DBBACKUP, Optional.empty(), Optional.empty(),
        Optional.empty(), DateTimeWindow.ALWAYS, Format.STANDARD, Optional.empty());
  }

  public QueryDrMedia withWhereState(Optional<DrmState> v) {
    return new QueryDrMedia(volume, v, source, copyPools, activeDataPools, whereLocation, window, format, cmd);
  }

  public QueryDrMedia withFormat(Format f, Optional<CmdOutput> c) {
    return new QueryDrMedia(volume, whereState, source, copyPools, activeDataPools, whereLocation, window, f, c);
  }

  public DrmSelection selection() {
    return new DrmSelection(NAME, volume, whereState, source, copyPools, activeDataPools, whereLocation, window);
  }

  /** The volumes selected, by name. */
  public List<DrmVolume> select(Collection<DrmVolume> volumes, DrmSettings settings, ZonedDateTime now) {
    DrmSelection sel = selection();
    List<DrmVolume> out = new ArrayList<>();
    for (DrmVolume v : volumes) {
      if (sel.selects(v, settings, now)) {
        out.add(v);
      }
    }
    out.sort(Comparator.comparing(DrmVolume::name));
    return out;
  }

  /**
   * The output of the command: the report in the requested format, the command lines for FORMAT=CMD, or
   * VLN0439E when no volume is selected. Each line ends with a newline.
   */
  public String render(Collection<DrmVolume> volumes, DrmSettings settings, ZonedDateTime now) {
    List<DrmVolume> selected = select(volumes, settings, now);
    if (selected.isEmpty()) {
      return DrmMessages.noMatch(NAME) + "\n";
    }
    switch (format) {
      case DETAILED:
        return detailed(selected, now.getZone());
      case CMD:
        return String.join("\n", cmd.orElseThrow().cmd().lines(selected)) + "\n";
      default:
        return standard(selected, now.getZone());
    }
  }

  /** The standard format's column headers ({@code \n} where the client prints a header on two lines). */
  public static final List<String> STANDARD_COLUMNS = List.of("Volume Name", "State", "Last Update\nDate/Time",
      "Automated\nLibName");

  /** The standard format's cells for one volume. */
  public static List<String> standardRow(DrmVolume v, ZoneId zone) {
    return List.of(v.name(), v.state().displayName(), DrmText.dateTime(v.lastUpdate(), zone), v.library().orElse(""));
  }

  /** Columns Volume Name, State, Last Update Date/Time, Automated LibName. */
  static String standard(List<DrmVolume> volumes, ZoneId zone) {
    List<List<String>> rows = new ArrayList<>();
    for (DrmVolume v : volumes) {
      rows.add(standardRow(v, zone));
    }
    return TextTable.table(STANDARD_COLUMNS, rows);
  }

  /** One block per volume, separated by a blank line, with every field. */
  static String detailed(List<DrmVolume> volumes, ZoneId zone) {
    List<String> blocks = new ArrayList<>();
    for (DrmVolume v : volumes) {
      blocks.add(TextTable.labelled(detailedFields(v, zone)));
    }
    return String.join("\n", blocks);
  }

  /** The detailed format's labels, in TSM's order (those of {@link #detailedFields}). */
  public static final List<String> DETAILED_COLUMNS = List.of("Volume Name", "State", "Last Update Date/Time",
      "Location", "Volume Type", "Copy Storage Pool Name", "Active-Data Storage Pool Name", "Database Backup Series",
      "Database Backup Type", "Automated LibName");

  /** The detailed format's {label, value} pairs for one volume, in TSM's order. */
  public static List<String[]> detailedFields(DrmVolume v, ZoneId zone) {
    List<String[]> p = new ArrayList<>();
    p.add(new String[] {"Volume Name", v.name()});
    p.add(new String[] {"State", v.state().displayName()});
    p.add(new String[] {"Last Update Date/Time", DrmText.dateTime(v.lastUpdate(), zone)});
    p.add(new String[] {"Location", v.location().orElse("")});
    p.add(new String[] {"Volume Type", v.kind().volumeType()});
    p.add(new String[] {"Copy Storage Pool Name",
        v.kind() instanceof DrmVolumeKind.CopyPoolVolume c ? c.pool() : ""});
    p.add(new String[] {"Active-Data Storage Pool Name",
        v.kind() instanceof DrmVolumeKind.ActiveDataPoolVolume a ? a.pool() : ""});
    String series = "";
    String type = "";
    if (v.kind() instanceof DrmVolumeKind.DatabaseBackup b) {
      series = Long.toString(b.series());
      type = b.type().displayName();
    } else if (v.kind() instanceof DrmVolumeKind.DatabaseSnapshot s) {
      series = Long.toString(s.series());
      type = "Snapshot";
    }
    p.add(new String[] {"Database Backup Series", series});
    p.add(new String[] {"Database Backup Type", type});
    p.add(new String[] {"Automated LibName", v.library().orElse("")});
    return p;
  }

  @Override
  public String commandText(ZoneId zone) {
    List<String> p = new ArrayList<>();
    p.add(NAME);
    p.add(CommandTokens.quoteIfNeeded(volume.pattern()));
    whereState.ifPresent(s -> p.add("WHERESTATE=" + s));
    DrmCommandText.window(window, p);
    copyPools.ifPresent(l -> p.add("COPYSTGPOOL=" + CommandTokens.list(l)));
    activeDataPools.ifPresent(l -> p.add("ACTIVEDATASTGPOOL=" + CommandTokens.list(l)));
    if (source != Source.DBBACKUP) {
      p.add("SOURCE=" + source);
    }
    whereLocation.ifPresent(l -> p.add("WHERELOCATION=" + CommandTokens.quoteIfNeeded(l)));
    if (format != Format.STANDARD) {
      p.add("FORMAT=" + format);
    }
    cmd.ifPresent(c -> DrmCommandText.cmd(c, p));
    return String.join(" ", p);
  }
}
