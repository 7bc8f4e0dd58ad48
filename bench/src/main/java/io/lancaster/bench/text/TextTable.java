package io.lancaster.bench.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table for the console: a header row, a rule, and columns padded to their widest cell. */
public final class TextTable {
  private final String[] headers;
  private final boolean[] rightAligned;
  private final List<String[]> rows = new ArrayList<>();

  /** A table with these column headers; a header ending in {@code ">"} marks a right-aligned column. */
  public TextTable(String... headers) {
    this.headers = new String[headers.length];
    this.rightAligned = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      rightAligned[i] = headers[i].endsWith(">");
      this.headers[i] = rightAligned[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i];
    }
  }

  /** Adds a row; {@code null} cells print empty. */
  public TextTable add(Object... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException("the table has " + headers.length + " columns, the row has "
          + cells.length + ": " + Arrays.toString(cells));
    }
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = cells[i] == null ? "" : cells[i].toString();
    }
    rows.add(row);
    return this;
  }

  public int size() {
    return rows.size();
  }

  public String render() {
    return render(rows.size());
  }

  /** The table with its first {@code maxRows} rows, and a line saying how many more there are. */
  public String render(int maxRows) {
    List<String[]> shown = rows.subList(0, Math.min(maxRows, rows.size()));
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
      for (String[] row : shown) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers, widths);
    String[] rule = new String[headers.length];
    for (int i = 0; i < rule.length; i++) {
      rule[i] = "-".repeat(widths[i]);
    }
    line(sb, rule, widths);
    for (String[] row : shown) {
      line(sb, row, widths);
    }
    if (shown.size() < rows.size()) {
      sb.append("... ").append(rows.size() - shown.size()).append(" more rows\n");
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(widths[i] - cells[i].length());
      line.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  @Override
  public String toString() {
    return render();
  }
}
