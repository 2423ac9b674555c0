package dev.longhand.kinds.activation;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import java.util.Objects;

/**
 * What an activation layer computed.
 *
 * @param stage the layer
 * @param input what it received (for softmax, the logits)
 * @param a     {@code f(input)}, of the input's shape
 */
public record ActivationTrace(ActivationLayer stage, Matrix input, Matrix a) implements StageTrace {

    public ActivationTrace {
        Objects.requireNonNull(stage, "stage");
        if (!input.sameShape(a)) {
            throw new IllegalArgumentException("input " + input.shape() + " and a " + a.shape() + " differ in shape");
        }
    }

    /** For a softmax: what the softmax received, the input. */
    @Override
    public Matrix logits() {
        if (!stage.endsInSoftmax()) {
            return StageTrace.super.logits();
        }
        return input;
    }
}
