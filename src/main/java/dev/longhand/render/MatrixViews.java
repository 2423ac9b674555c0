package dev.longhand.render;

import dev.longhand.nn.Matrix;
import dev.longhand.worked.Figures;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds matrix tables: every cell's figure, its trace key, and, for numbers a reader may
 * change, its contract name ({@code data-edit}). What a screen reader calls an editable number
 * is the page script's to say, since only the script makes it editable ({@code spokenName} in
 * {@code longhand.js}).
 */
public final class MatrixViews {

    static final String SINGLE_SAMPLE = "value";
    /** Matrices with more rows (or columns) than this show the first and last {@link #EDGE} only. */
    static final int MAX_SHOWN = 10;
    static final int EDGE = 3;
    static final String ROW_GAP = "⋮";
    static final String COLUMN_GAP = "⋯";

    /** The trace key of a cell, e.g. "layers.0.z.1.0"; empty for a cell that holds no trace value. */
    public interface Keys {
        String at(int row, int col);
    }

    /** A cell's CSS class and, for a clamped value, the z it came from. */
    public interface Marks {
        String cssClass(int row, int col);

        default String clampedFrom(int row, int col) {
            return "";
        }
    }

    public static final Marks NO_MARKS = (r, c) -> "";

    private final int precision;

    public MatrixViews(int precision) {
        this.precision = precision;
    }

    /** A matrix whose cells are looked at, not edited. */
    public MatrixView shown(String symbol, String what, String role, Matrix m, List<String> rowNames,
                     List<String> colNames, Keys keys, Marks marks) {
        return build(symbol, what, role, m, rowNames, colNames, keys, false, marks);
    }

    /**
     * On a worksheet: the matrix with every cell an empty answer box ({@code blank}) or a "?"
     * ({@code copy}: a blank value repeated in a later layer's input, or an A that waits for its
     * blank Z); otherwise {@code matrix} as it is. No figure of a hidden value is kept in the view.
     */
    public static MatrixView blanked(MatrixView matrix, boolean blank, boolean copy, Keys keys, Keys labels) {
        if (!blank) {
            return matrix;
        }
        List<RowView> rows = new ArrayList<>();
        for (RowView row : matrix.rows()) {
            List<CellView> cells = new ArrayList<>();
            for (CellView cell : row.cells()) {
                if (!cell.keyed() || cell.cssClass().equals("gap")) {
                    cells.add(cell);
                    continue;
                }
                String[] at = cell.key().split("\\.");
                int r = Integer.parseInt(at[at.length - 2]);
                int c = Integer.parseInt(at[at.length - 1]);
                cells.add(copy ? CellView.blankCopy(keys.at(r, c)) : CellView.answerBox(keys.at(r, c), labels.at(r, c)));
            }
            rows.add(new RowView(row.header(), cells));
        }
        return new MatrixView(matrix.symbol(), matrix.caption(), matrix.role(), matrix.columns(), rows, matrix.quiet());
    }

    /** A matrix of numbers the reader may change, each named by its trace key. */
    public MatrixView editable(String symbol, String what, String role, Matrix m, List<String> rowNames,
                        List<String> colNames, Keys keys) {
        return build(symbol, what, role, m, rowNames, colNames, keys, true, NO_MARKS);
    }

    private MatrixView build(String symbol, String what, String role, Matrix m, List<String> rowNames,
                             List<String> colNames, Keys keys, boolean editable, Marks marks) {
        List<Integer> shownRows = shown(m.rows());
        List<Integer> shownCols = shown(m.cols());
        boolean elided = shownRows.size() < m.rows() || shownCols.size() < m.cols();
        List<RowView> rows = new ArrayList<>();
        for (int r : shownRows) {
            List<CellView> cells = new ArrayList<>();
            for (int c : shownCols) {
                if (r < 0 || c < 0) {
                    cells.add(new CellView(r < 0 ? ROW_GAP : COLUMN_GAP, "", "", "gap", "", ""));
                    continue;
                }
                String key = keys.at(r, c);
                cells.add(new CellView(Figures.display(m.get(r, c), precision), key, editable ? key : "",
                        marks.cssClass(r, c), marks.clampedFrom(r, c), ""));
            }
            rows.add(new RowView(r < 0 ? ROW_GAP : rowNames.get(r), cells));
        }
        List<String> columns = new ArrayList<>();
        for (int c : shownCols) {
            columns.add(c < 0 ? COLUMN_GAP : colNames.get(c));
        }
        String shape = m.rows() + " × " + m.cols();
        return new MatrixView(elided ? symbol + " (" + shape + ")" : symbol, what + " (" + shape + ")", role, columns,
                rows, colNames.equals(List.of(SINGLE_SAMPLE)) || colNames.equals(List.of("b")));
    }

    /** The indices a matrix of {@code n} rows or columns shows; -1 marks the elided middle. */
    /** The rows (or columns) of {@code n} that an elided matrix shows, without the gap. */
    public static List<Integer> shownIndices(int n) {
        return shown(n).stream().filter(i -> i >= 0).toList();
    }

    static List<Integer> shown(int n) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (n <= MAX_SHOWN || i < EDGE || i >= n - EDGE) {
                shown.add(i);
            } else if (i == EDGE) {
                shown.add(-1);
            }
        }
        return shown;
    }

    /** Appends a column (the bias, in the augmented layout) to a matrix view. */
    static MatrixView withColumn(MatrixView matrix, String header, MatrixView column, String caption) {
        List<RowView> rows = new ArrayList<>();
        for (int r = 0; r < matrix.rows().size(); r++) {
            List<CellView> cells = new ArrayList<>(matrix.rows().get(r).cells());
            cells.add(column.rows().get(r).cells().get(0));
            rows.add(new RowView(matrix.rows().get(r).header(), cells));
        }
        List<String> columns = new ArrayList<>(matrix.columns());
        columns.add(header);
        return new MatrixView(matrix.symbol(), caption, matrix.role() + " augmented", columns, rows, false);
    }

    /** Appends a row of constant cells (the 1s under the input, in the augmented layout). */
    static MatrixView withConstantRow(MatrixView matrix, String header, String value) {
        List<RowView> rows = new ArrayList<>(matrix.rows());
        List<CellView> ones = new ArrayList<>();
        for (String column : matrix.columns()) {
            ones.add(column.equals(COLUMN_GAP)
                    ? new CellView(COLUMN_GAP, "", "", "gap", "", "")
                    : new CellView(value, "", "", "constant", "", ""));
        }
        rows.add(new RowView(header, ones));
        return new MatrixView(matrix.symbol(), matrix.caption() + ", with a row of 1s for the bias",
                matrix.role() + " augmented", matrix.columns(), rows, matrix.quiet());
    }

    public static List<String> numbered(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    public static List<String> samples(int samples, boolean batch) {
        return columns(samples, batch, "sample");
    }

    /** Column headers: "sample 1", "token 2" ... for a batch, "value" for a single column. */
    public static List<String> columns(int count, boolean batch, String noun) {
        List<String> names = new ArrayList<>();
        for (int s = 1; s <= count; s++) {
            names.add(batch ? noun + " " + s : SINGLE_SAMPLE);
        }
        return names;
    }
}
