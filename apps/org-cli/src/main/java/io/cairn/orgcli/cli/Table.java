package io.cairn.orgcli.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain text table: columns padded to their widest cell, two spaces apart. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  Table(String... headers) {
    rows.add(headers);
  }

  Table row(Object... cells) {
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      r[i] = cells[i] == null ? "" : cells[i].toString();
    }
    rows.add(r);
    return this;
  }

  void print(PrintStream out) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns && i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String cell = i < r.length ? r[i] : "";
        b.append(i == columns - 1 ? cell : String.format("%-" + width[i] + "s  ", cell));
      }
      out.println(b.toString().stripTrailing());
    }
  }

  /** A felt list for a table cell: {@code [1, 2, 3]}, shortened past {@code max} elements. */
  static String felts(List<String> felts, int max) {
    if (felts == null) {
      return "";
    }
    if (felts.size() <= max) {
      return "[" + String.join(", ", felts) + "]";
    }
    return "[" + String.join(", ", felts.subList(0, max)) + ", … (" + felts.size() + ")]";
  }
}
