package dev.longhand.kinds;

import static org.junit.jupiter.api.Assertions.fail;

import dev.longhand.nn.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Gradients by central finite differences, (L(x + h) − L(x − h)) / 2h entry by entry: the
 * check of every kind's analytic backward pass, independent of it.
 */
public final class CentralDifferences {

    /** The step: small enough for the curvature of these layers, large enough for rounding. */
    public static final double H = 1e-5;

    private CentralDifferences() {
    }

    /** dL/dx at {@code x}, one entry at a time. */
    public static Matrix gradient(ToDoubleFunction<Matrix> loss, Matrix x) {
        double[][] values = x.toArrays();
        double[][] g = new double[x.rows()][x.cols()];
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                double keep = values[r][c];
                values[r][c] = keep + H;
                double up = loss.applyAsDouble(Matrix.of(values));
                values[r][c] = keep - H;
                double down = loss.applyAsDouble(Matrix.of(values));
                values[r][c] = keep;
                g[r][c] = (up - down) / (2 * H);
            }
        }
        return Matrix.of(g);
    }

    /** {@code sum of a[i][j] * weights[i][j]}: a loss whose dL/da is {@code weights}. */
    public static double weightedSum(Matrix a, Matrix weights) {
        double sum = 0.0;
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                sum += a.get(r, c) * weights.get(r, c);
            }
        }
        return sum;
    }

    /** Fails unless every entry agrees within {@code tolerance · max(1, |expected|)}. */
    public static void assertClose(Matrix numeric, Matrix analytic, double tolerance, String what) {
        if (!numeric.sameShape(analytic)) {
            fail(what + ": numeric " + numeric.shape() + ", analytic " + analytic.shape());
        }
        List<String> wrong = new ArrayList<>();
        for (int r = 0; r < numeric.rows(); r++) {
            for (int c = 0; c < numeric.cols(); c++) {
                double n = numeric.get(r, c);
                double a = analytic.get(r, c);
                if (!(Math.abs(n - a) <= tolerance * Math.max(1, Math.abs(n)))) {
                    wrong.add("(" + r + ", " + c + ") numeric " + n + ", analytic " + a);
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail(what + ": " + wrong.size() + " entries differ, e.g. " + wrong.subList(0, Math.min(4, wrong.size())));
        }
    }

    /** Entries uniform in [min, max), from java.util.Random. */
    public static Matrix uniform(Random random, int rows, int cols, double min, double max) {
        double[][] values = new double[rows][cols];
        for (double[] row : values) {
            for (int c = 0; c < cols; c++) {
                row[c] = min + (max - min) * random.nextDouble();
            }
        }
        return Matrix.of(values);
    }
}
