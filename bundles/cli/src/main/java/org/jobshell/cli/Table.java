package org.jobshell.cli;

import java.util.ArrayList;
import java.util.List;

/** Rows of text in aligned columns, the last column left as it is. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    /** @param header the column names */
    Table(String... header) {
        rows.add(header);
    }

    Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    @Override
    public String toString() {
        int columns = rows.get(0).length;
        int[] widths = new int[columns - 1];
        for (String[] r : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < widths.length; i++) {
                b.append(r[i]).append(" ".repeat(widths[i] - r[i].length() + 2));
            }
            b.append(r[columns - 1]).append('\n');
        }
        return b.toString();
    }
}
