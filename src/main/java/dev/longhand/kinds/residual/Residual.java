package dev.longhand.kinds.residual;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageGradients;
import dev.longhand.nn.StageTrace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A residual connection: {@code a = x + f(x)}, where f is the inner layers, of any kind, in
 * order; f's output has x's shape. Each entry of a is {@code x[r][c] + f[r][c]}.
 *
 * @param name   the name shown on the page
 * @param layers the inner layers
 */
public record Residual(String name, List<Stage> layers) implements Stage {

    public Residual {
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a residual holds at least one layer");
        }
    }

    @Override
    public String type() {
        return "residual";
    }

    @Override
    public int outputRows(int inputRows) {
        int rows = inputRows;
        for (Stage stage : layers) {
            rows = rows < 0 ? -1 : stage.outputRows(rows);
        }
        return rows == inputRows ? inputRows : -1;
    }

    @Override
    public ResidualTrace forward(Matrix input) {
        List<StageTrace> inner = new ArrayList<>(layers.size());
        Matrix x = input;
        for (Stage stage : layers) {
            StageTrace trace = stage.forward(x);
            inner.add(trace);
            x = trace.a();
        }
        if (!x.sameShape(input)) {
            throw new IllegalArgumentException("residual \"" + name + "\": its layers give " + x.shape()
                    + " but its input is " + input.shape());
        }
        return new ResidualTrace(this, input, inner, input.plus(x));
    }

    /**
     * dL/dx = dL/da (through the skip) + the inner layers' dL/dx (through f), added entry by entry
     * in that order; the inner layers' gradients are the residual's, under {@code layers.I}.
     */
    @Override
    public ResidualGradients backward(StageTrace trace, Matrix dOutput) {
        ResidualTrace t = (ResidualTrace) trace;
        List<StageGradients> inner = new ArrayList<>(layers.size());
        Matrix d = dOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            StageGradients g = layers.get(i).backward(t.inner().get(i), d);
            inner.add(g);
            d = g.dInput();
        }
        Collections.reverse(inner);
        return new ResidualGradients(dOutput, dOutput.plus(d), inner);
    }

    @Override
    public Parameters parameters() {
        Parameters.Builder all = Parameters.builder();
        for (int i = 0; i < layers.size(); i++) {
            all.nested("layers." + i, layers.get(i).parameters());
        }
        return all.build();
    }

    @Override
    public Residual withParameters(Parameters parameters) {
        List<Stage> updated = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            Stage stage = layers.get(i);
            updated.add(stage.parameters().isEmpty() ? stage : stage.withParameters(parameters.under("layers." + i)));
        }
        return new Residual(name, updated);
    }

    /** What a residual computed: its inner layers' traces and x + f(x). */
    public record ResidualTrace(Residual stage, Matrix input, List<StageTrace> inner, Matrix a)
            implements dev.longhand.nn.NestedTrace {

        public ResidualTrace {
            inner = List.copyOf(inner);
        }

        /** f(x): what the inner layers gave. */
        public Matrix branch() {
            return inner.get(inner.size() - 1).a();
        }
    }

    /** A residual's backward pass: its inner layers' gradients in order. */
    public record ResidualGradients(Matrix dA, Matrix dInput, List<StageGradients> inner)
            implements dev.longhand.nn.NestedGradients {

        public ResidualGradients {
            inner = List.copyOf(inner);
        }

        @Override
        public Parameters gradients() {
            Parameters.Builder all = Parameters.builder();
            for (int i = 0; i < inner.size(); i++) {
                all.nested("layers." + i, inner.get(i).gradients());
            }
            return all.build();
        }
    }
}
