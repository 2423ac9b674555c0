package dev.longhand.nn;

import java.util.List;

/**
 * One backward pass.
 *
 * @param loss   the loss of the forward pass it started from
 * @param layers the gradients of every layer in forward order (index 0 = first layer)
 */
public record BackwardTrace(double loss, List<StageGradients> layers) {

    /** The dense layer's gradients at {@code index}, for code that knows it is one. */
    public LayerGradients dense(int index) {
        return (LayerGradients) layers.get(index);
    }

    public BackwardTrace {
        layers = List.copyOf(layers);
    }
}
