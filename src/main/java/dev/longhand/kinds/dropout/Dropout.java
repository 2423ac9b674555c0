package dev.longhand.kinds.dropout;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.SeededRandom;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Inverted dropout, as PyTorch in training mode: each entry is kept (mask 1) or dropped (mask 0),
 * and the kept ones are scaled by 1 / (1 − p) so that the expected output is the input.
 *
 * <p>Entry by entry, in this order: {@code a = (x * mask) / (1.0 - p)}; backward
 * {@code dInput = (dA * mask) / (1.0 - p)}. A dropped entry gives 0 (−0.0 for a negative x or dA,
 * as the product gives it). The mask is the stage's own, not drawn in the forward pass, so that
 * the page shows it, the learner checks against it and a training step reuses it.
 *
 * @param name the name shown on the page
 * @param p    the probability of dropping an entry, 0 ≤ p < 1
 * @param mask 0 or 1 per entry of the input, of the input's shape
 * @param seed the seed the mask was drawn from ({@link #drawMask}), or empty for a given mask
 */
public record Dropout(String name, double p, Matrix mask, OptionalLong seed) implements Stage {

    public Dropout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(seed, "seed");
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout \"" + name + "\": p must be at least 0 and less than 1, not " + p);
        }
        for (int r = 0; r < mask.rows(); r++) {
            for (int c = 0; c < mask.cols(); c++) {
                double m = mask.get(r, c);
                if (m != 0.0 && m != 1.0) {
                    throw new IllegalArgumentException("dropout \"" + name + "\": mask entry (" + r + ", " + c
                            + ") is " + m + ", not 0 or 1");
                }
            }
        }
    }

    /** A dropout layer with a mask the block gives. */
    public static Dropout withMask(String name, double p, Matrix mask) {
        return new Dropout(name, p, mask, OptionalLong.empty());
    }

    /** A dropout layer whose rows × cols mask is drawn from {@code seed} ({@link #drawMask}). */
    public static Dropout seeded(String name, double p, long seed, int rows, int cols) {
        return new Dropout(name, p, drawMask(seed, rows, cols, p), OptionalLong.of(seed));
    }

    /**
     * A rows × cols mask from a {@link SeededRandom} of {@code seed}: row by row, left to right,
     * one {@code u = nextDouble()} per entry; the entry is 0 (dropped) when {@code u < p}, else 1.
     * So each entry is dropped with probability p, and p = 0 keeps every one.
     */
    public static Matrix drawMask(long seed, int rows, int cols, double p) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("a mask needs at least one row and one column, not " + rows + "×" + cols);
        }
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("p must be at least 0 and less than 1, not " + p);
        }
        SeededRandom random = new SeededRandom(seed);
        double[][] mask = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                mask[r][c] = random.nextDouble() < p ? 0.0 : 1.0;
            }
        }
        return Matrix.of(mask);
    }

    @Override
    public String type() {
        return "dropout";
    }

    /** The mask's rows. */
    @Override
    public int inputRows() {
        return mask.rows();
    }

    @Override
    public int outputRows(int inputRows) {
        return inputRows == mask.rows() ? inputRows : -1;
    }

    @Override
    public DropoutTrace forward(Matrix input) {
        if (!input.sameShape(mask)) {
            throw new IllegalArgumentException("dropout \"" + name + "\": the mask is " + mask.shape()
                    + " but the input is " + input.shape());
        }
        return new DropoutTrace(this, input, scaled(input));
    }

    @Override
    public DropoutGradients backward(StageTrace trace, Matrix dOutput) {
        if (!(trace instanceof DropoutTrace)) {
            throw new IllegalArgumentException("not a trace of dropout \"" + name + "\"");
        }
        if (!dOutput.sameShape(mask)) {
            throw new IllegalArgumentException("dA is " + dOutput.shape() + "; the mask " + mask.shape());
        }
        return new DropoutGradients(dOutput, scaled(dOutput));
    }

    /** {@code (m[i][j] * mask[i][j]) / (1.0 - p)}, entry by entry. */
    private Matrix scaled(Matrix m) {
        double keep = 1.0 - p;
        return m.combine(mask, (x, kept) -> (x * kept) / keep);
    }

    @Override
    public Parameters parameters() {
        return Parameters.NONE;
    }

    /** Nothing to replace: the mask is not a parameter. */
    @Override
    public Dropout withParameters(Parameters parameters) {
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("a dropout layer has no parameters, not " + parameters);
        }
        return this;
    }
}
