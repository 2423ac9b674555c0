package dev.longhand.export.xlsx;

/** A1-style cell references: column letters (A … Z, AA …) and a 1-based row. */
final class CellRef {

    /** The letters of the first columns, computed once: nearly every reference is among them. */
    private static final String[] LETTERS = new String[1024];

    static {
        for (int c = 0; c < LETTERS.length; c++) {
            LETTERS[c] = letters(c);
        }
    }

    private CellRef() {
    }

    /** The 0-based (row, col) as {@code B3}. */
    static String of(int row, int col) {
        return column(col) + (row + 1);
    }

    /** The 0-based (row, col) as {@code $B$3}, as defined names refer to cells. */
    static String absolute(int row, int col) {
        return "$" + column(col) + "$" + (row + 1);
    }

    /** The 0-based column's letters: 0 → A, 25 → Z, 26 → AA. */
    static String column(int col) {
        return col < LETTERS.length ? LETTERS[col] : letters(col);
    }

    private static String letters(int col) {
        StringBuilder s = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            s.append((char) ('A' + (c - 1) % 26));
        }
        return s.reverse().toString();
    }
}
