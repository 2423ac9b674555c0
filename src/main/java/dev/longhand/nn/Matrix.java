package dev.longhand.nn;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;

/**
 * An immutable rows × cols matrix of doubles.
 *
 * <p>Every computation of a lesson is written out by hand on the page and recomputed by the
 * page's own script, so each operation here is specified down to the order of its floating-point
 * operations; a JavaScript port that follows these comments gives the same bits. Equality is by
 * value, entry by entry with {@link Double#equals} semantics: {@code 0.0} and {@code -0.0} differ,
 * and NaN equals NaN, which is what a bit-for-bit comparison of traces needs.
 *
 * <p>Commons Math is used for the matrix product only and never leaves this class: its matrices
 * are mutable ({@code setEntry}), this one is not.
 */
public final class Matrix {

    private final double[][] data;
    private final int rows;
    private final int cols;

    /** Takes ownership of {@code data}: callers hand over a fresh, rectangular, non-empty array. */
    private Matrix(double[][] data) {
        this.data = data;
        this.rows = data.length;
        this.cols = data[0].length;
    }

    /**
     * A matrix holding a copy of {@code rows}, one array per row.
     *
     * @throws IllegalArgumentException if there are no rows, no columns, or rows of different lengths
     */
    public static Matrix of(double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row");
        }
        int cols = rows[0] == null ? 0 : rows[0].length;
        if (cols == 0) {
            throw new IllegalArgumentException("a matrix needs at least one column");
        }
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null || rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has "
                        + (rows[r] == null ? 0 : rows[r].length) + " values; row 0 has " + cols);
            }
            copy[r] = rows[r].clone();
        }
        return new Matrix(copy);
    }

    /**
     * An n × 1 column vector: one sample, or a bias.
     *
     * <p>With a single {@code int} argument Java picks the instance method {@link #column(int)};
     * write {@code Matrix.column(5.0)}, not {@code Matrix.column(5)}.
     */
    public static Matrix column(double... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a column needs at least one value");
        }
        double[][] data = new double[values.length][1];
        for (int r = 0; r < values.length; r++) {
            data[r][0] = values[r];
        }
        return new Matrix(data);
    }

    /** A rows × cols matrix whose every entry is {@code value}, e.g. the default zero bias. */
    public static Matrix filled(int rows, int cols, double value) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column, not "
                    + rows + "×" + cols);
        }
        double[][] data = new double[rows][cols];
        for (double[] row : data) {
            Arrays.fill(row, value);
        }
        return new Matrix(data);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The shape as a reader writes it, e.g. {@code 2×3}, for messages. */
    public String shape() {
        return rows + "×" + cols;
    }

    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    public double get(int row, int col) {
        return data[row][col];
    }

    /** A deep copy, one array per row: changing it does not change this matrix. */
    public double[][] toArrays() {
        double[][] copy = new double[rows][];
        for (int r = 0; r < rows; r++) {
            copy[r] = data[r].clone();
        }
        return copy;
    }

    /** A copy of one column, e.g. one sample of a batch. */
    public double[] column(int col) {
        if (col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("column " + col + " of a " + shape() + " matrix");
        }
        double[] copy = new double[rows];
        for (int r = 0; r < rows; r++) {
            copy[r] = data[r][col];
        }
        return copy;
    }

    /**
     * The product {@code this · right}.
     *
     * <p>Entry (i, j) is {@code sum = 0.0; for k = 0..n-1: sum += this[i][k] * right[k][j]},
     * each product rounded and then added, left to right (Commons Math's
     * {@code Array2DRowRealMatrix.multiply}; Java does not fuse multiply-add).
     */
    public Matrix multiply(Matrix right) {
        if (cols != right.rows) {
            throw new IllegalArgumentException("cannot multiply " + shape() + " by " + right.shape());
        }
        Array2DRowRealMatrix product = new Array2DRowRealMatrix(data, false)
                .multiply(new Array2DRowRealMatrix(right.data, false));
        return new Matrix(product.getDataRef());
    }

    public Matrix transpose() {
        double[][] out = new double[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c][r] = data[r][c];
            }
        }
        return new Matrix(out);
    }

    /** Entrywise {@code this + other}. */
    public Matrix plus(Matrix other) {
        return combine(other, "add", (a, b) -> a + b);
    }

    /** Entrywise {@code this − other}. */
    public Matrix minus(Matrix other) {
        return combine(other, "subtract", (a, b) -> a - b);
    }

    /** Entrywise {@code this[i][j] * scalar}. */
    public Matrix times(double scalar) {
        return map(x -> x * scalar);
    }

    /** The entrywise (Hadamard) product {@code this[i][j] * other[i][j]}. */
    public Matrix hadamard(Matrix other) {
        return combine(other, "multiply entrywise", (a, b) -> a * b);
    }

    /**
     * Adds the n × 1 {@code column} to every column of this n × m matrix:
     * {@code this[i][j] + column[i]}. This is how the bias joins the weighted sum of every sample.
     */
    public Matrix addColumnToEach(Matrix column) {
        if (column.cols != 1 || column.rows != rows) {
            throw new IllegalArgumentException("cannot add a " + column.shape()
                    + " column to each column of a " + shape() + " matrix");
        }
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            double add = column.data[r][0];
            for (int c = 0; c < cols; c++) {
                out[r][c] = data[r][c] + add;
            }
        }
        return new Matrix(out);
    }

    /**
     * The n × 1 column of row sums, {@code sum = 0.0; for j = 0..m-1: sum += this[i][j]}:
     * the bias gradient adds up the contribution of every sample.
     */
    public Matrix sumColumns() {
        double[][] out = new double[rows][1];
        for (int r = 0; r < rows; r++) {
            double sum = 0.0;
            for (int c = 0; c < cols; c++) {
                sum += data[r][c];
            }
            out[r][0] = sum;
        }
        return new Matrix(out);
    }

    /** Applies {@code f} to every entry. */
    public Matrix map(DoubleUnaryOperator f) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = f.applyAsDouble(data[r][c]);
            }
        }
        return new Matrix(out);
    }

    /** Applies {@code f(this[i][j], other[i][j])} to every entry of two matrices of one shape. */
    public Matrix combine(Matrix other, DoubleBinaryOperator f) {
        return combine(other, "combine", f);
    }

    private Matrix combine(Matrix other, String verb, DoubleBinaryOperator f) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("cannot " + verb + " " + shape() + " and " + other.shape());
        }
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = f.applyAsDouble(data[r][c], other.data[r][c]);
            }
        }
        return new Matrix(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Matrix that && Arrays.deepEquals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(data);
    }

    /** {@code Matrix[[1.0, -1.0], [0.0, 1.0]]}: rows in order, for test failures and debugging. */
    @Override
    public String toString() {
        return "Matrix" + Arrays.deepToString(data);
    }
}
