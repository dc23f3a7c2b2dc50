package org.vaultline.library.drm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.vaultline.library.command.CommandTokens;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;

/** Writes the DRM-specific parts of a command line back ({@link CommandTokens} does the quoting). */
final class DrmCommandText {
  private DrmCommandText() {}

  static void window(DateTimeWindow w, List<String> out) {
    w.beginDate().ifPresent(d -> out.add("BEGINDATE=" + d));
    w.endDate().ifPresent(d -> out.add("ENDDATE=" + d));
    w.beginTime().ifPresent(t -> out.add("BEGINTIME=" + t));
    w.endTime().ifPresent(t -> out.add("ENDTIME=" + t));
  }

  static void cmd(CmdOutput c, List<String> out) {
    out.add("CMD=" + CommandTokens.quote(c.cmd().template()));
    c.fileName().ifPresent(f -> out.add("CMDFILENAME=" + CommandTokens.quote(f)));
    if (c.append()) {
      out.add("APPEND=YES");
    }
  }

  static void dateTime(String dateKey, String timeKey, Instant t, ZoneId zone, List<String> out) {
    LocalDateTime l = LocalDateTime.ofInstant(t, zone);
    out.add(dateKey + "=" + new TsmDate.Absolute(l.toLocalDate()));
    out.add(timeKey + "=" + new TsmTime.Absolute(l.toLocalTime().withNano(0)));
  }
}
