package dev.longhand.export.xlsx;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageGradients;
import dev.longhand.nn.StageTrace;
import java.util.Optional;

/**
 * What a {@link KindWorkbook} writes one stage's part of the first training step through: dL/d(its
 * output) (or, for the output stage ending in a softmax under cross entropy, dL/d(the softmax's
 * input)), its forward cells by trace field, places for its intermediate matrices, and
 * {@link #gradient}, which names a parameter's gradient and writes the value after the step.
 */
public final class BackwardCells {

    private final Writer writer;
    private final Canvas canvas;
    private final String path;
    private final String top;
    private final String inner;
    private final Region dOutput;
    private final Optional<Region> dLogits;
    private final Region input;
    private final boolean oneStep;
    private final StageTrace trace;
    private final double rate;
    private final StageGradients gradients;

    BackwardCells(Writer writer, Canvas canvas, String path, String top, String inner, Region dOutput,
                  Optional<Region> dLogits, Region input, boolean oneStep, double rate, StageTrace trace, StageGradients gradients) {
        this.trace = trace;
        this.gradients = gradients;
        this.writer = writer;
        this.canvas = canvas;
        this.path = path;
        this.top = top;
        this.inner = inner;
        this.dOutput = dOutput;
        this.dLogits = dLogits;
        this.input = input;
        this.oneStep = oneStep;
        this.rate = rate;
    }

    /** What Java's backward pass computed for this stage: the values the formulas' cells cache. */
    public StageGradients gradients() {
        return gradients;
    }

    /** dL/d(the stage's output); null when the step starts from {@link #dLogits()}. */
    public Region dOutput() {
        return dOutput;
    }

    /** For the output stage ending in a softmax, under cross entropy: dL/d(the softmax's input), (A·Σt − T)/m. */
    public Optional<Region> dLogits() {
        return dLogits;
    }

    /** The cells of the stage's input in the forward pass. */
    public Region input() {
        return input;
    }

    /** The forward pass's cells of the stage's trace field {@code field} ({@code z}, {@code heads.0.q}, a parameter). */
    public Region forward(String field) {
        return writer.region(path + "." + field);
    }

    /** An intermediate matrix of the backward pass, unnamed (the trace keeps none), caching {@code values}. */
    public Region formulas(String title, Matrix values, CellFormula f) {
        Region r = canvas.place(title, values.rows(), values.cols());
        for (int i = 0; i < r.rows(); i++) {
            for (int j = 0; j < r.cols(); j++) {
                canvas.formula(r.top() + i, r.left() + j, f.at(i, j), values.get(i, j));
            }
        }
        return r;
    }

    /** Continues below: the next matrices start a new line. */
    public void nextLine() {
        canvas.newBand();
    }

    /**
     * The gradient of parameter {@code parameter} (its path in the stage: {@code gamma},
     * {@code heads.0.query}), named as the trace's {@code gradients}, then the parameter after the
     * step, {@code p − η·g}, named as its {@code after} when the block takes one step.
     */
    public Region gradient(String title, String parameter, CellFormula f) {
        Region p = forward(parameter);
        Matrix value = trace.stage().parameters().get(parameter);
        Matrix gradient = gradients.gradients().get(parameter);
        Region g = formulas(title, gradient, f);
        String eta = writer.region("learning_rate").at(0, 0);
        Region after = formulas(parameter + " − η·" + title.split(" ")[0], value.minus(gradient.times(rate)),
                (r, c) -> p.at(r, c) + "-" + eta + "*" + g.at(r, c));
        if (!writer.allDense()) {
            writer.name(top + ".gradients." + inner + parameter, g);
            if (oneStep) {
                writer.name(top + ".after." + inner + parameter, after);
            }
        }
        if (inner.isEmpty() && writer.dense(path)) {
            writer.name(path + "." + (parameter.equals("weights") ? "dW" : "db"), g);
            if (oneStep) {
                writer.name(path + "." + parameter + "_after", after);
            }
        }
        return g;
    }

    /** The backward pass of a residual's inner layer {@code index}, from {@code dA}; gives dL/d(its input). */
    public Region inner(StageTrace trace, StageGradients gradients, int index, Region dA, Region in) {
        return writer.backward(trace, gradients, canvas, path + ".layers." + index, top, inner + "layers." + index + ".",
                dA, Optional.empty(), in, oneStep, rate);
    }
}
