package org.vaultline.library.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Text output in the two shapes TSM's administrative client uses: a table with headers (which may take two lines)
 * underlined by dashes, and a block of right-aligned {@code Label: value} lines.
 */
public final class TextTable {
  private TextTable() {}

  private static final String GAP = "  ";

  /**
   * A table. A header containing {@code \n} takes two lines; each column is as wide as its widest header line or
   * value. Trailing blanks are removed from every line.
   */
  public static String table(List<String> headers, List<List<String>> rows) {
    int cols = headers.size();
    int headerLines = 1;
    String[][] h = new String[cols][];
    int[] width = new int[cols];
    for (int c = 0; c < cols; c++) {
      h[c] = headers.get(c).split("\n", -1);
      headerLines = Math.max(headerLines, h[c].length);
      for (String part : h[c]) {
        width[c] = Math.max(width[c], part.length());
      }
    }
    for (List<String> row : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int l = 0; l < headerLines; l++) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        // As in TSM output, a one-line header sits on the first header line (QUERY LIBVOLUME: "Home" over
        // "Element", "Volume Name" alone on top).
        cells.add(l < h[c].length ? h[c][l] : "");
      }
      line(out, cells, width);
    }
    List<String> dashes = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      dashes.add("-".repeat(width[c]));
    }
    line(out, dashes, width);
    for (List<String> row : rows) {
      line(out, row, width);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        l.append(GAP);
      }
      l.append(cells.get(c));
      l.append(" ".repeat(width[c] - cells.get(c).length()));
    }
    out.append(stripTrailing(l)).append('\n');
  }

  /** Right-aligned labels, {@code label: value}; pairs are {label, value}. */
  public static String labelled(List<String[]> pairs) {
    int w = 0;
    for (String[] p : pairs) {
      w = Math.max(w, p[0].length());
    }
    StringBuilder out = new StringBuilder();
    for (String[] p : pairs) {
      StringBuilder l = new StringBuilder();
      l.append(" ".repeat(w - p[0].length())).append(p[0]).append(": ").append(p[1]);
      out.append(stripTrailing(l)).append('\n');
    }
    return out.toString();
  }

  private static String stripTrailing(StringBuilder s) {
    int e = s.length();
    while (e > 0 && s.charAt(e - 1) == ' ') {
      e--;
    }
    return s.substring(0, e);
  }
}
