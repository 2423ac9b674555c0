package dev.longhand.kinds.norm;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import java.util.Objects;

/**
 * A {@code batch_norm} or {@code layer_norm} layer (training mode: the statistics are the
 * input's own). Each group of the input ({@link NormAxis}: a row for batch norm, a column for
 * layer norm) is normalized by its own mean and variance, then every entry of row r is scaled by
 * γ_r and shifted by β_r.
 *
 * <p>Forward, for each group in order, its n members x_i in the axis' order, every sum starting
 * from 0.0 and adding in that order:
 * <pre>
 *   mean = (sum of x_i) / n
 *   variance = (sum of (x_i − mean) * (x_i − mean)) / D          D = n (biased) or n − 1 (unbiased), as a double
 *   s = Math.sqrt(variance + ε)   or   Math.sqrt(variance) + ε    (epsilon added to the variance or to the std)
 *   x̂_i = (x_i − mean) / s
 *   a_i = γ_r * x̂_i + β_r                                       r = the row of x_i
 * </pre>
 * Backward, the exact gradient of that arithmetic: for each group, in member order,
 * <pre>
 *   g_i = dA_i * γ_r                                             dL/dx̂_i
 *   gSum = sum of g_i;  gxSum = sum of g_i * x̂_i                  (one loop, two sums)
 *   gMean = gSum / n
 *   ρ = s (ε under the root) or Math.sqrt(variance) (ε added to the std)
 *   c = ρ > 0 ? gxSum / (ρ * D) : 0.0
 *   dInput_i = (g_i − gMean) / s − x̂_i * c
 * </pre>
 * since dx̂_j/dx_i = (δ_ij − 1/n) / s − x̂_j · x̂_i / (ρ · D), with d(s)/d(variance) = 1 / (2ρ).
 * With ε added to a standard deviation of 0 the denominator is ε alone near that input, so its
 * gradient is {@code (g_i − gMean) / ε}: c = 0. Parameters, per row r, over the columns in order:
 * {@code dγ_r = sum of dA[r][c] * x̂[r][c]}, {@code dβ_r = sum of dA[r][c]}.
 *
 * @param axis     batch norm or layer norm
 * @param name     the name shown on the page
 * @param gamma    γ, one per row (feature) of the input, rows × 1
 * @param beta     β, one per row, rows × 1
 * @param settings ε, the variance mode and where ε goes
 */
public record Normalization(NormAxis axis, String name, Matrix gamma, Matrix beta, NormSettings settings)
        implements Stage {

    public Normalization {
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gamma, "gamma");
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(settings, "settings");
        if (gamma.cols() != 1 || beta.cols() != 1) {
            throw new IllegalArgumentException(axis.type() + " \"" + name + "\": gamma " + gamma.shape()
                    + " and beta " + beta.shape() + " must be vectors (one column)");
        }
        if (gamma.rows() != beta.rows()) {
            throw new IllegalArgumentException(axis.type() + " \"" + name + "\": gamma has " + gamma.rows()
                    + " values, beta " + beta.rows());
        }
    }

    /** A batch norm layer. */
    public static Normalization batchNorm(String name, Matrix gamma, Matrix beta, NormSettings settings) {
        return new Normalization(NormAxis.BATCH, name, gamma, beta, settings);
    }

    /** A layer norm layer. */
    public static Normalization layerNorm(String name, Matrix gamma, Matrix beta, NormSettings settings) {
        return new Normalization(NormAxis.LAYER, name, gamma, beta, settings);
    }

    /** γ = ones, β = zeros for {@code rows} features: the defaults when a block gives neither. */
    public static Normalization withDefaultParameters(NormAxis axis, String name, int rows, NormSettings settings) {
        return new Normalization(axis, name, Matrix.filled(rows, 1, 1.0), Matrix.filled(rows, 1, 0.0), settings);
    }

    @Override
    public String type() {
        return axis.type();
    }

    /** The features this layer normalizes: γ's length. */
    @Override
    public int inputRows() {
        return gamma.rows();
    }

    /**
     * The input's rows when there are as many as γ has values (and, for layer norm with the
     * unbiased variance, at least 2, so that n − 1 > 0); otherwise -1.
     */
    @Override
    public int outputRows(int inputRows) {
        if (inputRows != gamma.rows()) {
            return -1;
        }
        if (axis == NormAxis.LAYER && inputRows < settings.variance().smallestGroup()) {
            return -1;
        }
        return inputRows;
    }

    @Override
    public NormTrace forward(Matrix input) {
        int rows = input.rows();
        int cols = input.cols();
        if (rows != gamma.rows()) {
            throw new IllegalArgumentException(type() + " \"" + name + "\" has " + gamma.rows()
                    + " values of gamma; the input has " + rows + " rows");
        }
        int groups = axis.groups(rows, cols);
        int n = axis.members(rows, cols);
        if (n < settings.variance().smallestGroup()) {
            throw new IllegalArgumentException(type() + " \"" + name + "\": the " + settings.variance().key()
                    + " variance needs at least " + settings.variance().smallestGroup() + " values per "
                    + (axis == NormAxis.BATCH ? "row" : "column") + ", not " + n);
        }
        double divisor = settings.variance().divisor(n);
        double[][] mean = new double[groups][1];
        double[][] variance = new double[groups][1];
        double[][] normalized = new double[rows][cols];
        double[][] a = new double[rows][cols];
        for (int g = 0; g < groups; g++) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += input.get(axis.row(g, i), axis.col(g, i));
            }
            double m = sum / n;
            double squares = 0.0;
            for (int i = 0; i < n; i++) {
                double d = input.get(axis.row(g, i), axis.col(g, i)) - m;
                squares += d * d;
            }
            double v = squares / divisor;
            double s = settings.epsilonAddedTo().denominator(v, settings.epsilon());
            for (int i = 0; i < n; i++) {
                int r = axis.row(g, i);
                int c = axis.col(g, i);
                double xHat = (input.get(r, c) - m) / s;
                normalized[r][c] = xHat;
                a[r][c] = gamma.get(r, 0) * xHat + beta.get(r, 0);
            }
            mean[g][0] = m;
            variance[g][0] = v;
        }
        return new NormTrace(this, input, Matrix.of(mean), Matrix.of(variance), Matrix.of(normalized), Matrix.of(a));
    }

    @Override
    public NormGradients backward(StageTrace trace, Matrix dOutput) {
        if (!(trace instanceof NormTrace t)) {
            throw new IllegalArgumentException("not a trace of " + type() + " \"" + name + "\"");
        }
        Matrix xHat = t.normalized();
        if (!dOutput.sameShape(xHat)) {
            throw new IllegalArgumentException("dA is " + dOutput.shape() + "; the output is " + xHat.shape());
        }
        int rows = xHat.rows();
        int cols = xHat.cols();
        int groups = axis.groups(rows, cols);
        int n = axis.members(rows, cols);
        double divisor = settings.variance().divisor(n);
        double[][] dInput = new double[rows][cols];
        double[] g = new double[n];
        for (int group = 0; group < groups; group++) {
            double gSum = 0.0;
            double gxSum = 0.0;
            for (int i = 0; i < n; i++) {
                int r = axis.row(group, i);
                int c = axis.col(group, i);
                g[i] = dOutput.get(r, c) * gamma.get(r, 0);
                gSum += g[i];
                gxSum += g[i] * xHat.get(r, c);
            }
            double gMean = gSum / n;
            double v = t.variance().get(group, 0);
            double s = settings.epsilonAddedTo().denominator(v, settings.epsilon());
            double rho = settings.epsilonAddedTo().rootOfDerivative(v, s);
            double c = rho > 0 ? gxSum / (rho * divisor) : 0.0;
            for (int i = 0; i < n; i++) {
                int r = axis.row(group, i);
                int col = axis.col(group, i);
                dInput[r][col] = (g[i] - gMean) / s - xHat.get(r, col) * c;
            }
        }
        double[][] dGamma = new double[rows][1];
        for (int r = 0; r < rows; r++) {
            double sum = 0.0;
            for (int c = 0; c < cols; c++) {
                sum += dOutput.get(r, c) * xHat.get(r, c);
            }
            dGamma[r][0] = sum;
        }
        return new NormGradients(dOutput, Matrix.of(dInput), Matrix.of(dGamma), dOutput.sumColumns());
    }

    /** {@code gamma} and {@code beta}, both vectors, in that order. */
    @Override
    public Parameters parameters() {
        return Parameters.builder().vector("gamma", gamma).vector("beta", beta).build();
    }

    @Override
    public Normalization withParameters(Parameters parameters) {
        Matrix newGamma = parameters.get("gamma");
        Matrix newBeta = parameters.get("beta");
        if (!newGamma.sameShape(gamma) || !newBeta.sameShape(beta)) {
            throw new IllegalArgumentException(type() + " \"" + name + "\": gamma " + newGamma.shape()
                    + " and beta " + newBeta.shape() + " do not replace " + gamma.shape());
        }
        return new Normalization(axis, name, newGamma, newBeta, settings);
    }
}
