package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import java.util.List;

/** Stacking matrices on top of each other and taking bands of rows back out: the heads' z. */
final class Rows {

    private Rows() {
    }

    /** The matrices' rows in order, first matrix on top; all have the same columns. */
    static Matrix stack(List<Matrix> parts) {
        int rows = parts.stream().mapToInt(Matrix::rows).sum();
        double[][] out = new double[rows][];
        int r = 0;
        for (Matrix part : parts) {
            double[][] block = part.toArrays();
            for (double[] row : block) {
                out[r++] = row;
            }
        }
        return Matrix.of(out);
    }

    /** Rows {@code from} to {@code from + count − 1} of {@code m}. */
    static Matrix band(Matrix m, int from, int count) {
        double[][] all = m.toArrays();
        double[][] out = new double[count][];
        System.arraycopy(all, from, out, 0, count);
        return Matrix.of(out);
    }
}
