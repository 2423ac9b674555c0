package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.StageTrace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Attention whose weights the author gives (tokens × tokens, rows keys, columns queries), so
 * that a lesson can show {@code z = V · weights} before scores exist. As the reference computes
 * it: {@code v = value · x}, or {@code v = x} itself without {@code value}; {@code z = v · weights};
 * {@code a = z}. The trace has one head: {@code {v, weights, z}}.
 *
 * <p><b>Backward</b> from dA (= dZ): {@code dWeights = vᵀ · dA}; {@code dV = dA · weightsᵀ}; with
 * {@code value}: {@code dValue = dV · xᵀ} and {@code dx = valueᵀ · dV}; without: {@code dx = dV}.
 * The given weights are parameters like any other: training changes them.
 *
 * @param name    the name shown on the page
 * @param weights tokens × tokens
 * @param value   the value projection, d_v × features, or empty for v = x
 */
public record GivenWeightsAttention(String name, Matrix weights, Optional<Matrix> value) implements Attention {

    public GivenWeightsAttention {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(value, "value");
        if (weights.rows() != weights.cols()) {
            throw new IllegalArgumentException("attention \"" + name + "\": weights are " + weights.shape()
                    + "; given attention weights are tokens × tokens");
        }
    }

    /** The number of tokens the weights are given for: their rows (and columns). */
    public int tokens() {
        return weights.rows();
    }

    /** The features each token must have: value's columns, or -1 (any) without value. */
    @Override
    public int inputRows() {
        return value.map(Matrix::cols).orElse(-1);
    }

    @Override
    public int outputRows(int inputRows) {
        if (value.isEmpty()) {
            return inputRows;
        }
        return inputRows == value.get().cols() ? value.get().rows() : -1;
    }

    @Override
    public AttentionTrace forward(Matrix input) {
        if (outputRows(input.rows()) < 0) {
            throw new IllegalArgumentException("attention \"" + name + "\": value takes " + inputRows()
                    + " features per token, not " + input.rows());
        }
        if (input.cols() != tokens()) {
            throw new IllegalArgumentException("attention \"" + name + "\": weights are " + weights.shape()
                    + " but there are " + input.cols() + " tokens");
        }
        Matrix v = value.map(w -> w.multiply(input)).orElse(input);
        Matrix z = v.multiply(weights);
        return new AttentionTrace(this, input, List.of(new HeadTrace.Given(value, v, weights, z)), z, z);
    }

    @Override
    public AttentionGradients backward(StageTrace trace, Matrix dOutput) {
        AttentionTrace t = (AttentionTrace) trace;
        if (!dOutput.sameShape(t.a())) {
            throw new IllegalArgumentException("attention \"" + name + "\" gave " + t.a().shape()
                    + ", not " + dOutput.shape());
        }
        HeadTrace.Given head = (HeadTrace.Given) t.heads().get(0);
        Matrix dWeights = head.v().transpose().multiply(dOutput);
        Matrix dV = dOutput.multiply(weights.transpose());
        Parameters.Builder gradients = Parameters.builder().matrix("weights", dWeights);
        value.ifPresent(w -> gradients.matrix("value", dV.multiply(t.input().transpose())));
        Matrix dInput = value.map(w -> w.transpose().multiply(dV)).orElse(dV);
        HeadGradients perHead = new HeadGradients(dOutput, dWeights, Optional.empty(), Optional.empty(),
                Optional.empty(), dV);
        return new AttentionGradients(dOutput, dInput, dOutput, List.of(perHead), gradients.build());
    }

    /** {@code weights}, then {@code value} when given. */
    @Override
    public Parameters parameters() {
        Parameters.Builder b = Parameters.builder().matrix("weights", weights);
        value.ifPresent(v -> b.matrix("value", v));
        return b.build();
    }

    @Override
    public GivenWeightsAttention withParameters(Parameters parameters) {
        Matrix w = parameters.get("weights");
        if (!w.sameShape(weights)) {
            throw new IllegalArgumentException("attention \"" + name + "\": weights " + w.shape()
                    + " do not replace " + weights.shape());
        }
        Optional<Matrix> v = value.map(old -> {
            Matrix m = parameters.get("value");
            if (!m.sameShape(old)) {
                throw new IllegalArgumentException("attention \"" + name + "\": value " + m.shape()
                        + " does not replace " + old.shape());
            }
            return m;
        });
        return new GivenWeightsAttention(name, w, v);
    }
}
