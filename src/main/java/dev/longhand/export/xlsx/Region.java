package dev.longhand.export.xlsx;

/**
 * A rectangle of cells holding one matrix, rows and columns as in the trace, and how formulas
 * name its cells: {@code B3}, {@code B3:D3}, qualified by the sheet ({@code 'Layer 1'!B3}) in a
 * workbook of several sheets, so that a formula works wherever it stands.
 *
 * @param sheet  the sheet's name
 * @param prefix what goes before a reference: empty, or the quoted sheet name and {@code !}
 * @param top    the 0-based row of the matrix's first row
 * @param left   the 0-based column of its first column
 * @param rows   its rows
 * @param cols   its columns
 */
public record Region(String sheet, String prefix, int top, int left, int rows, int cols) {

    /** The cell of entry (r, c): {@code B3}. */
    public String at(int r, int c) {
        return prefix + cell(top + r, left + c);
    }

    /** Row r of the matrix: {@code B3:D3}. */
    public String row(int r) {
        return range(r, 0, r, cols - 1);
    }

    /** Column c of the matrix: {@code B3:B5}. */
    public String col(int c) {
        return range(0, c, rows - 1, c);
    }

    /** Rows from..to (inclusive) of column c. */
    public String col(int c, int fromRow, int toRow) {
        return range(fromRow, c, toRow, c);
    }

    /** The whole matrix: {@code B3:D5}. */
    public String all() {
        return range(0, 0, rows - 1, cols - 1);
    }

    /** The whole matrix as a defined name refers to it: {@code 'Block'!$B$3:$D$5}. */
    public String absolute() {
        String from = CellRef.absolute(top, left);
        String to = CellRef.absolute(top + rows - 1, left + cols - 1);
        return quoted(sheet) + "!" + from + (rows == 1 && cols == 1 ? "" : ":" + to);
    }

    private String range(int r1, int c1, int r2, int c2) {
        if (r1 == r2 && c1 == c2) {
            return at(r1, c1);
        }
        return prefix + cell(top + r1, left + c1) + ":" + cell(top + r2, left + c2);
    }

    private static String cell(int row, int col) {
        return CellRef.of(row, col);
    }

    static String quoted(String sheet) {
        return "'" + sheet.replace("'", "''") + "'";
    }
}
