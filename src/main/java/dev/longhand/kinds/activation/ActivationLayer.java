package dev.longhand.kinds.activation;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import java.util.Objects;

/**
 * A layer of {@code type: activation}: {@code a = f(input)}, with no parameters, so that a block
 * can write a dense layer's weighted sum and its activation as two layers, or put a GELU or a
 * softmax after any kind.
 *
 * <p>The arithmetic is exactly a dense layer's activation step, through the same
 * {@link Activation#apply(Matrix)} and {@link Activation#backward}: entry by entry
 * {@code f(x)} (softmax: each column, {@code m} = the column's largest entry,
 * {@code e_i = StrictMath.exp(x_i − m)}, {@code s = 0.0; s += e_i} in row order,
 * {@code a_i = e_i / s}); backward entry by entry {@code dA * f'(x, a)}, or for softmax per
 * column {@code d = 0.0; d += dA_j * a_j} in row order, {@code dInput_i = a_i * (dA_i − d)}.
 *
 * @param name       the name shown on the page
 * @param activation the function, e.g. {@link Activation#GELU}
 */
public record ActivationLayer(String name, Activation activation) implements Stage {

    public ActivationLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(activation, "activation");
    }

    @Override
    public String type() {
        return "activation";
    }

    /** Any number of rows; the output has as many. */
    @Override
    public int outputRows(int inputRows) {
        return inputRows > 0 ? inputRows : -1;
    }

    @Override
    public ActivationTrace forward(Matrix input) {
        return new ActivationTrace(this, input, activation.apply(input));
    }

    @Override
    public ActivationGradients backward(StageTrace trace, Matrix dOutput) {
        ActivationTrace t = own(trace);
        return new ActivationGradients(dOutput, activation.backward(t.input(), t.a(), dOutput));
    }

    /** Its function: what the loss checks (cross entropy needs a softmax last). */
    @Override
    public Activation finalActivation() {
        return activation;
    }

    @Override
    public boolean endsInSoftmax() {
        return activation == Activation.SOFTMAX;
    }

    /** With softmax and cross entropy: the input's gradient is the given dL/d(logits) itself. */
    @Override
    public ActivationGradients backwardFromLogits(StageTrace trace, Matrix dOutput, Matrix dLogits) {
        ActivationTrace t = own(trace);
        if (!endsInSoftmax()) {
            throw new UnsupportedOperationException("activation " + activation.key() + " is not a softmax");
        }
        if (!dLogits.sameShape(t.input())) {
            throw new IllegalArgumentException("dLogits " + dLogits.shape() + " for an input of " + t.input().shape());
        }
        return new ActivationGradients(dOutput, dLogits);
    }

    @Override
    public Parameters parameters() {
        return Parameters.NONE;
    }

    /** Nothing to replace: an activation has no parameters. */
    @Override
    public ActivationLayer withParameters(Parameters parameters) {
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("an activation layer has no parameters, not " + parameters);
        }
        return this;
    }

    private ActivationTrace own(StageTrace trace) {
        if (!(trace instanceof ActivationTrace t)) {
            throw new IllegalArgumentException("not a trace of activation layer \"" + name + "\"");
        }
        return t;
    }
}
