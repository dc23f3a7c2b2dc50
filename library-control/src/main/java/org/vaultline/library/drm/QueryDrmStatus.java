package org.vaultline.library.drm;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.vaultline.library.command.TextTable;

/** TSM's {@code QUERY DRMSTATUS}: the DRM settings ({@link DrmSettings}) as a labelled report. */
public record QueryDrmStatus() implements DrmCommand {
  static final String NAME = "QUERY DRMSTATUS";

  public static final String USAGE = "QUERY DRMSTATUS";

  /** The report, one {@code Label: value} line per setting. */
  public static String render(DrmSettings s) {
    return TextTable.labelled(fields(s));
  }

  /** The report's {label, value} pairs, in TSM's order. */
  public static List<String[]> fields(DrmSettings s) {
    List<String[]> p = new ArrayList<>();
    p.add(new String[] {"Recovery Plan Prefix", s.planPrefix().orElse("")});
    p.add(new String[] {"Plan Instructions Prefix", s.instrPrefix().orElse("")});
    p.add(new String[] {"Primary Storage Pools", String.join(" ", s.primaryPools())});
    p.add(new String[] {"Copy Storage Pools", String.join(" ", s.copyPools())});
    p.add(new String[] {"Active-Data Storage Pools", String.join(" ", s.activeDataPools())});
    p.add(new String[] {"Not Mountable Location Name", s.notMountableName()});
    p.add(new String[] {"Courier Name", s.courierName()});
    p.add(new String[] {"Vault Site Name", s.vaultName()});
    p.add(new String[] {"DB Backup Series Expiration Days", s.dbBackupExpireDays() + " Day(s)"});
    p.add(new String[] {"Recovery Plan File Expiration Days", s.rpfExpireDays() + " Day(s)"});
    p.add(new String[] {"Check Label?", s.checkLabel() ? "Yes" : "No"});
    p.add(new String[] {"Process FILE Device Type?", s.fileProcess() ? "Yes" : "No"});
    p.add(new String[] {"Command File Name", s.cmdFileName().orElse("")});
    p.add(new String[] {"Automatic Check-in?", s.autoCheckin() ? "On" : "Off"});
    return p;
  }

  @Override
  public String commandText(ZoneId zone) {
    return NAME;
  }
}
