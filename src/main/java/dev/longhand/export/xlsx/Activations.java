package dev.longhand.export.xlsx;

import dev.longhand.nn.Activation;

/**
 * Each activation as a spreadsheet formula of one cell of z (softmax: of its column), the same
 * function the page applies, in the functions Excel and LibreOffice Calc share.
 */
public final class Activations {

    /** 1/√(2π) as {@link Activation} writes it, for GELU's derivative. */
    private static final String INV_SQRT_2PI = "0.3989422804014327";

    private Activations() {
    }

    /** The formula of f(z) at entry (r, c) of {@code z}. */
    public static String formula(Activation f, Region z, int r, int c) {
        String x = z.at(r, c);
        return switch (f) {
            case RELU -> "MAX(0," + x + ")";
            case LINEAR -> x;
            case SIGMOID -> "1/(1+EXP(-" + x + "))";
            case TANH -> "TANH(" + x + ")";
            case LEAKY_RELU -> "IF(" + x + ">0," + x + ",0.01*" + x + ")";
            // ERF of a negative number is not in every spreadsheet's ERF; erf is odd, so sign·erf(|x|).
            case GELU -> "0.5*" + x + "*(1+SIGN(" + x + ")*ERF(ABS(" + x + ")/SQRT(2)))";
            case SOFTMAX -> softmax(x, z.col(c));
        };
    }

    /** exp(x − max) / Σ exp(column − max): the column's softmax at x, safe from overflow. */
    public static String softmax(String x, String column) {
        return "EXP(" + x + "-MAX(" + column + "))/SUMPRODUCT(EXP(" + column + "-MAX(" + column + ")))";
    }

    /**
     * dL/dz at (r, c) from dL/da, as {@link Activation#backward} computes it: {@code dA·f′(z)}
     * (sigmoid and tanh from a), or for softmax {@code a·(dA − Σ dA·a)} over the column.
     */
    public static String backward(Activation f, Region dA, Region z, Region a, int r, int c) {
        String d = dA.at(r, c);
        String x = z.at(r, c);
        String y = a.at(r, c);
        return switch (f) {
            case RELU -> d + "*IF(" + x + ">0,1,0)";
            case LINEAR -> d;
            case SIGMOID -> d + "*" + y + "*(1-" + y + ")";
            case TANH -> d + "*(1-" + y + "*" + y + ")";
            case LEAKY_RELU -> d + "*IF(" + x + ">0,1,0.01)";
            case GELU -> d + "*(0.5*(1+SIGN(" + x + ")*ERF(ABS(" + x + ")/SQRT(2)))+" + x + "*EXP(-0.5*" + x + "*" + x
                    + ")*" + INV_SQRT_2PI + ")";
            case SOFTMAX -> y + "*(" + d + "-SUMPRODUCT(" + dA.col(c) + "," + a.col(c) + "))";
        };
    }

    /** What a title writes for f applied to {@code arg}: "relu(Z)", "softmax(Z)". */
    public static String title(Activation f, String arg) {
        return f.key() + "(" + arg + ")";
    }

    /**
     * Writes A = f(Z) after {@code z} in the stage's band, named {@code path.field}; with ReLU the
     * entries it clamps are marked by a conditional format.
     */
    public static Region apply(StageCells cells, Activation f, Region z, String title, String field) {
        Region a = cells.formulas(title, field, z.rows(), z.cols(), (r, c) -> formula(f, z, r, c));
        if (f == Activation.RELU && a.sheet().equals(z.sheet())) {
            cells.clamped(a, z);
        }
        return a;
    }
}
