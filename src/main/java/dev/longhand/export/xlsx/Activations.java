package dev.longhand.export.xlsx;

import dev.longhand.nn.Activation;

/**
 * Each activation as a spreadsheet formula of one cell of z (softmax: of its column), the same
 * function the page applies, in the functions Excel and LibreOffice Calc share.
 */
public final class Activations {

    /** 1/√2 spelled as the double {@link Activation} divides by: z/√2 is written z/SQRT(2). */
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
