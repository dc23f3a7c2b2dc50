package org.vaultline.library.drm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a file of registration commands (DEFINE / UPDATE / DELETE DRMVOLUME), one per line: what a TSM server
 * writes with QUERY DRMEDIA FORMAT=CMD and a CMD= template, or what a small script writes from a Bacula/Bareos
 * catalogue. For example, on the TSM server, once per pool and state:
 *
 * <pre>
 * QUERY DRMEDIA * WHERESTATE=VAULT SOURCE=DBNONE COPYSTGPOOL=OFFSITE_COPY FORMAT=CMD
 *   CMD="DEFINE DRMVOLUME &amp;VOL TYPE=COPYSTGPOOL POOL=OFFSITE_COPY STATUS=FULL STATE=VAULT LOCATION='&amp;LOC'"
 *   CMDFILENAME=/tmp/vault-copy.mac
 * </pre>
 *
 * Like a TSM administrative macro: a line ending in {@code +} continues on the next (the {@code +} removed, nothing
 * inserted, as {@link CmdTemplate} splits long lines); blank lines, lines starting with {@code #} and
 * {@code /* ... *}{@code /} comments are skipped. A line that does not parse, or is another DRM command, is
 * reported with its line number and skipped.
 */
public final class CommandFileImport {
  private CommandFileImport() {}

  public static ImportResult read(String text, DrmCommandParser parser) {
    Objects.requireNonNull(parser, "parser");
    List<DrmRegistration> out = new ArrayList<>();
    List<DrmMessage> problems = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    StringBuilder command = new StringBuilder();
    int start = 0;
    boolean inComment = false;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (inComment) {
        inComment = !l.contains("*/");
        continue;
      }
      if (command.length() == 0) {
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.startsWith("/*")) {
          inComment = !l.contains("*/");
          continue;
        }
        start = i + 1;
      }
      // Continuation lines keep their leading blanks: a long line may have been split just before one.
      String part = command.length() == 0 ? l : lines[i].stripTrailing();
      if (part.endsWith("+")) {
        command.append(part, 0, part.length() - 1);
        if (i + 1 < lines.length) {
          continue;
        }
      } else {
        command.append(part);
      }
      String c = command.toString();
      command.setLength(0);
      try {
        DrmCommand parsed = parser.parse(c);
        if (parsed instanceof DrmRegistration r) {
          out.add(r);
        } else {
          problems.add(DrmMessages.importUnreadable(start, "only DEFINE, UPDATE and DELETE DRMVOLUME are imported."));
        }
      } catch (DrmSyntaxException e) {
        problems.add(DrmMessages.importUnreadable(start, e.drmMessage().toString()));
      }
    }
    return new ImportResult(out, problems);
  }
}
