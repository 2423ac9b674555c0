package dev.longhand.worked;

import dev.longhand.nn.Activation;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes out the arithmetic of a layer. The browser rewrites these lines after an edit with
 * the same rules (templates/assets/longhand.js), so every rule here is plain string work on
 * {@link Figures}, with nothing a browser could not repeat.
 */
public final class Worksheet {

    private static final String TIMES = "·";
    private static final String ARROW_EQUALS = " = ";

    private final int precision;

    public Worksheet(int precision) {
        this.precision = precision;
    }

    /** Every unit of every sample, sample by sample. */
    public List<WorkedLine> lines(LayerTrace layer) {
        List<WorkedLine> lines = new ArrayList<>();
        for (int s = 0; s < layer.z().cols(); s++) {
            for (int u = 0; u < layer.z().rows(); u++) {
                lines.add(line(layer, u, s));
            }
        }
        return lines;
    }

    public WorkedLine line(LayerTrace layer, int unit, int sample) {
        Matrix w = layer.layer().weights();
        Matrix input = layer.input();
        StringBuilder sum = new StringBuilder();
        sum.append('z').append(Figures.subscript(unit + 1)).append(" = ");
        boolean exact = true;
        for (int k = 0; k < w.cols(); k++) {
            if (k > 0) {
                sum.append(" + ");
            }
            sum.append(Figures.factor(w.get(unit, k), precision)).append(TIMES)
                    .append(Figures.factor(input.get(k, sample), precision));
            exact &= Figures.exact(w.get(unit, k), precision) && Figures.exact(input.get(k, sample), precision);
        }
        double b = layer.layer().bias().get(unit, 0);
        sum.append(" + ").append(Figures.factor(b, precision));
        double z = layer.z().get(unit, sample);
        exact &= Figures.exact(b, precision) && Figures.exact(z, precision);
        sum.append(relation(exact)).append(Figures.display(z, precision));

        Activation activation = layer.layer().activation();
        double a = layer.a().get(unit, sample);
        boolean resultExact = Figures.exact(a, precision) && (activation == Activation.SOFTMAX
                ? column(layer.z(), sample).stream().allMatch(v -> Figures.exact(v, precision))
                : Figures.exact(z, precision));
        String result = "a" + Figures.subscript(unit + 1) + " = " + applied(activation, layer.z(), unit, sample)
                + relation(resultExact) + Figures.display(a, precision);
        return new WorkedLine(unit, sample, sum.toString(), result, ReluMark.of(activation, z));
    }

    /** "=" when every figure of the line is the value itself, "≈" when any was rounded. */
    private static String relation(boolean exact) {
        return exact ? ARROW_EQUALS : " ≈ ";
    }

    private static List<Double> column(Matrix m, int col) {
        List<Double> values = new ArrayList<>();
        for (int r = 0; r < m.rows(); r++) {
            values.add(m.get(r, col));
        }
        return values;
    }

    private String applied(Activation activation, Matrix z, int unit, int sample) {
        String zi = Figures.display(z.get(unit, sample), precision);
        return switch (activation) {
            case RELU -> "ReLU(" + zi + ")";
            case LINEAR -> "z" + Figures.subscript(unit + 1);
            case SIGMOID -> "σ(" + zi + ")";
            case TANH -> "tanh(" + zi + ")";
            case LEAKY_RELU -> "LeakyReLU(" + zi + ")";
            case SOFTMAX -> softmax(z, unit, sample);
        };
    }

    private String softmax(Matrix z, int unit, int sample) {
        StringBuilder text = new StringBuilder("exp(").append(Figures.display(z.get(unit, sample), precision))
                .append(") / (");
        for (int j = 0; j < z.rows(); j++) {
            if (j > 0) {
                text.append(" + ");
            }
            text.append("exp(").append(Figures.display(z.get(j, sample), precision)).append(')');
        }
        return text.append(')').toString();
    }
}
