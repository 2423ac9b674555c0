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

    private final int precision;
    private final boolean augmented;

    /** @param augmented whether the bias is written as a weight times 1, as in the augmented layout */
    public Worksheet(int precision, boolean augmented) {
        this.precision = precision;
        this.augmented = augmented;
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
        return line(layer, unit, sample, Unknowns.NONE);
    }

    /**
     * One unit's line with the figures {@code unknown} names written "?": inputs, and in a
     * softmax the z of other units (the line's own z and a are always written out).
     */
    public WorkedLine line(LayerTrace layer, int unit, int sample, Unknowns unknown) {
        Matrix w = layer.layer().weights();
        Matrix input = layer.input();
        Line sum = new Line(precision).text("z" + Figures.subscript(unit + 1) + " = ");
        sum.terms(w.cols(), k -> {
            sum.factor(w.get(unit, k)).text(TIMES);
            if (unknown.input(k)) {
                sum.unknown(input.get(k, sample));
            } else {
                sum.factor(input.get(k, sample));
            }
        });
        sum.text(" + ").factor(layer.layer().bias().get(unit, 0));
        if (augmented) {
            sum.text(TIMES + "1");
        }
        double z = layer.z().get(unit, sample);

        Activation activation = layer.layer().activation();
        Line result = new Line(precision).text("a" + Figures.subscript(unit + 1) + " = ");
        applied(result, activation, layer.z(), unit, sample, unknown);
        return new WorkedLine(unit, sample, sum.result(z), result.result(layer.a().get(unit, sample)),
                ReluMark.of(activation, z));
    }

    private void applied(Line line, Activation activation, Matrix z, int unit, int sample, Unknowns unknown) {
        double zi = z.get(unit, sample);
        switch (activation) {
            case RELU -> line.text("ReLU(").figure(zi).text(")");
            case LINEAR -> line.text("z" + Figures.subscript(unit + 1)).uses(zi);
            case SIGMOID -> line.text("σ(").figure(zi).text(")");
            case TANH -> line.text("tanh(").figure(zi).text(")");
            case LEAKY_RELU -> line.text("LeakyReLU(").figure(zi).text(")");
            case GELU -> line.text("GELU(").figure(zi).text(")");
            case SOFTMAX -> softmax(line, z, unit, sample, unknown);
        }
    }

    private void softmax(Line line, Matrix z, int unit, int sample, Unknowns unknown) {
        line.text("exp(").figure(z.get(unit, sample)).text(") / (");
        line.terms(z.rows(), j -> {
            line.text("exp(");
            if (j != unit && unknown.z(j)) {
                line.unknown(z.get(j, sample));
            } else {
                line.figure(z.get(j, sample));
            }
            line.text(")");
        });
        line.text(")");
    }
}
