package dev.longhand.export.numpy;

import dev.longhand.nn.Matrix;

/** Python literals: numbers that read back as the same double, strings, matrices and columns. */
public final class Python {

    private Python() {
    }

    /**
     * The shortest form Java gives that Python reads back as exactly {@code v}: whole numbers
     * without a decimal point (as on the page), others as {@link Double#toString} (Python reads
     * {@code 1.0E-5}), or 17 significant digits where that would not read back exactly.
     */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return Double.parseDouble(s) == v ? s : String.format(java.util.Locale.ROOT, "%.17g", v);
    }

    /** A double-quoted Python string, with every character outside printable ASCII escaped. */
    public static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.appendCodePoint(c);
            } else if (c <= 0xffff) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        });
        return out.append('"').toString();
    }

    /** {@code True} or {@code False}. */
    public static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /**
     * {@code matrix([[1, 2]])} for one row; otherwise a row a line, as the page draws it:
     * <pre>
     * matrix([
     *     [1, 2],
     *     [3, 4],
     * ])
     * </pre>
     */
    static String matrixLiteral(Matrix m) {
        if (m.rows() == 1) {
            return "matrix([" + row(m, 0) + "])";
        }
        StringBuilder out = new StringBuilder("matrix([\n");
        for (int r = 0; r < m.rows(); r++) {
            out.append("    ").append(row(m, r)).append(",\n");
        }
        return out.append("])").toString();
    }

    /** {@code column([1, 2, 3])}: a vector kept as a column, one value per unit. */
    static String columnLiteral(Matrix m) {
        StringBuilder out = new StringBuilder("column([");
        for (int r = 0; r < m.rows(); r++) {
            out.append(r > 0 ? ", " : "").append(number(m.get(r, 0)));
        }
        return out.append("])").toString();
    }

    private static String row(Matrix m, int r) {
        StringBuilder out = new StringBuilder("[");
        for (int c = 0; c < m.cols(); c++) {
            out.append(c > 0 ? ", " : "").append(number(m.get(r, c)));
        }
        return out.append(']').toString();
    }
}
