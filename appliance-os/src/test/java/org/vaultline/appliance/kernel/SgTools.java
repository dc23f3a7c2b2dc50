package org.vaultline.appliance.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what sg3_utils (sg_inq, sg_vpd, sg_logs) print, as far as the guest's tests compare it. */
final class SgTools {
  private static final Pattern FLAG = Pattern.compile("\\s+(\\S.*?):\\s*([01])\\s*");

  private SgTools() {
  }

  /** The value after {@code "NAME:"} on the first line that has it, trimmed. */
  static String field(String text, String name) {
    for (String line : text.lines().toList()) {
      int at = line.indexOf(name + ":");
      if (at >= 0) {
        return line.substring(at + name.length() + 1).strip();
      }
    }
    throw new AssertionError("no \"" + name + ":\" in\n" + text);
  }

  /** The TapeAlert flags of {@code sg_logs -p 0x2e}, in parameter order: one {@code "  Name: 0|1"} line each. */
  static List<Boolean> tapeAlertFlags(String text) {
    List<Boolean> flags = new ArrayList<>();
    boolean inPage = false;
    for (String line : text.lines().toList()) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("tape alert page")) {
        inPage = true;
        continue;
      }
      Matcher m = FLAG.matcher(line);
      if (inPage && m.matches()) {
        flags.add(m.group(2).equals("1"));
      }
    }
    return flags;
  }
}
