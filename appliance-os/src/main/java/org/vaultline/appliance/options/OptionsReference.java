package org.vaultline.appliance.options;

import java.util.ArrayList;
import java.util.List;

/**
 * The options file documented from the {@link Option} definitions: the Markdown reference (README) and the
 * commented default {@code vaultlined.opt} shipped in the Debian package.
 */
public final class OptionsReference {
  private OptionsReference() {}

  /** The reference as Markdown: the file's syntax, then one section per option. */
  public static String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("## The options file (`vaultlined.opt`)\n\n")
        .append("`vaultlined` reads `/etc/vaultline/vaultlined.opt` (or the file given with `--options FILE`). Each ")
        .append("line is `OPTIONNAME value`; names are case-insensitive; a line starting with `*` or `#` is a ")
        .append("comment. Put a value in double quotes to keep blanks in it. An unknown option, a bad value or ")
        .append("an option given twice stops the daemon with a message naming the line (VLN0701E to ")
        .append("VLN0706E). Libraries, drives and paths are not options: define them with `DEFINE LIBRARY`, ")
        .append("`DEFINE DRIVE` and `DEFINE PATH`.\n\n")
        .append("| Option | Value | Default |\n|---|---|---|\n");
    for (Option o : Option.values()) {
      s.append("| [`").append(o).append("`](#").append(o.name().toLowerCase(java.util.Locale.ROOT))
          .append(") | `").append(o.syntax().replace("|", "\\|")).append("` | ")
          .append(o.defaultText().replace("|", "\\|")).append(" |\n");
    }
    for (Option o : Option.values()) {
      s.append("\n### ").append(o).append("\n\n`").append(o).append(' ').append(o.syntax()).append("`")
          .append(o.repeatable() ? " (may be repeated)" : "").append("\n\n")
          .append(o.description()).append(" Default: ").append(o.defaultText()).append(".\n");
    }
    return s.toString();
  }

  /** The default options file: every option described in comments, every option left at its default. */
  public static String defaultFile() {
    StringBuilder s = new StringBuilder();
    s.append("* vaultlined.opt: options of the Vaultline appliance daemon (vaultlined).\n")
        .append("* One option per line: OPTIONNAME value. Names are case-insensitive; lines starting with * or #\n")
        .append("* are comments. Every option below is commented out and shows its default.\n")
        .append("* Libraries, drives and paths are not options: DEFINE LIBRARY / DRIVE / PATH.\n");
    for (Option o : Option.values()) {
      s.append("\n");
      for (String line : wrap(o.description(), 100)) {
        s.append("* ").append(line).append('\n');
      }
      String example = o.defaultText().startsWith("(") ? o.syntax() : o.defaultText();
      s.append("* Default: ").append(o.defaultText()).append('\n');
      s.append("*").append(o).append(' ').append(example).append('\n');
    }
    return s.toString();
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
