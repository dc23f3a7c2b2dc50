package org.vaultline.library.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vaultline.library.command.TextTable;

/**
 * The rows of a query, with TSM's column names ({@code Library Name}, {@code Volume Name} ...). A name may
 * hold a line break where the administrative client prints the header on two lines ({@code Home\nElement});
 * {@link #key(int)} is the name on one line, as JSON and scripts use it.
 *
 * @param columns column names, in order
 * @param rows one list of cell texts per row, as wide as {@code columns}; empty cells are {@code ""}
 * @param layout how the administrative client prints it ({@link #text()}); JSON is always columns and rows
 */
public record ResultTable(List<String> columns, List<List<String>> rows, Layout layout) {
  /** The shapes of TSM's administrative client output. */
  public enum Layout {
    /** Headers, dashes, one line per row (QUERY LIBVOLUME, QUERY DRMEDIA). */
    COLUMNS,
    /** One block of right-aligned {@code Label: value} lines per row, blocks separated by a blank line
     *  (FORMAT=DETAILED, QUERY DRMSTATUS). */
    LABELLED,
    /** Each row's cells joined by a blank, without headers (QUERY DRMEDIA FORMAT=CMD: the command lines). */
    LINES
  }

  /** A table in the {@link Layout#COLUMNS} layout. */
  public ResultTable(List<String> columns, List<List<String>> rows) {
    this(columns, rows, Layout.COLUMNS);
  }

  public ResultTable {
    Objects.requireNonNull(layout, "layout");
    columns = List.copyOf(columns);
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + columns.size()
            + " columns: " + row);
      }
      copy.add(List.copyOf(row));
    }
    rows = List.copyOf(copy);
  }

  /** Column {@code i}'s name on one line. */
  public String key(int i) {
    return columns.get(i).replace('\n', ' ');
  }

  /** The cell of {@code row} under the column named {@code key} (one-line name). */
  public String cell(int row, String key) {
    for (int i = 0; i < columns.size(); i++) {
      if (key(i).equals(key)) {
        return rows.get(row).get(i);
      }
    }
    throw new IllegalArgumentException("no column " + key + " in " + columns);
  }

  /** The column named {@code key}, top to bottom. */
  public List<String> column(String key) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      out.add(cell(r, key));
    }
    return out;
  }

  /** As the administrative client prints it, in its {@link #layout()}. */
  public String text() {
    switch (layout) {
      case LABELLED: {
        List<String> blocks = new ArrayList<>();
        for (List<String> row : rows) {
          List<String[]> pairs = new ArrayList<>();
          for (int i = 0; i < columns.size(); i++) {
            pairs.add(new String[] {key(i), row.get(i)});
          }
          blocks.add(TextTable.labelled(pairs));
        }
        return String.join("\n", blocks);
      }
      case LINES: {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
          sb.append(String.join(" ", row).stripTrailing()).append('\n');
        }
        return sb.toString();
      }
      default:
        return TextTable.table(columns, rows);
    }
  }

  /** This table in another layout. */
  public ResultTable withLayout(Layout l) {
    return new ResultTable(columns, rows, l);
  }

  /** A builder adding rows one at a time. */
  public static Builder builder(String... columns) {
    return new Builder(List.of(columns));
  }

  /** Collects rows. */
  public static final class Builder {
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private Layout layout = Layout.COLUMNS;

    private Builder(List<String> columns) {
      this.columns = columns;
    }

    public Builder row(Object... cells) {
      List<String> row = new ArrayList<>(cells.length);
      for (Object c : cells) {
        row.add(Objects.toString(c, ""));
      }
      rows.add(row);
      return this;
    }

    public Builder layout(Layout l) {
      layout = Objects.requireNonNull(l, "layout");
      return this;
    }

    public ResultTable build() {
      return new ResultTable(columns, rows, layout);
    }
  }
}
