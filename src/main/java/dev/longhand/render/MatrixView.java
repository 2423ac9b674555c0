package dev.longhand.render;

import java.util.List;

/**
 * A matrix drawn as a table with row and column headers, so that a screen reader can say
 * where a number sits.
 *
 * @param symbol   the worksheet's name for it: W₁, X, b₁, Z₁, A₁
 * @param caption  what it is in words, with its shape
 * @param role     a CSS hook: weights, input, bias, z, a
 * @param columns  column headers
 * @param rows     the rows
 * @param quiet    whether the column headers are for screen readers only (a single sample's "value")
 */
public record MatrixView(String symbol, String caption, String role, List<String> columns, List<RowView> rows,
                         boolean quiet) {

    public MatrixView {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * Whether the row headers are for screen readers only: a single sample's transposed input
     * (Xᵀ, A₁ᵀ), whose one row would be headed "value" on screen.
     */
    public boolean quietRows() {
        return rows.size() == 1 && rows.get(0).header().equals(MatrixViews.SINGLE_SAMPLE);
    }
}
