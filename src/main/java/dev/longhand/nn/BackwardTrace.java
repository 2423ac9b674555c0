package dev.longhand.nn;

import java.util.List;

/**
 * One backward pass.
 *
 * @param loss   the loss of the forward pass it started from
 * @param layers the gradients of every layer in forward order (index 0 = first layer)
 */
public record BackwardTrace(double loss, List<LayerGradients> layers) {

    public BackwardTrace {
        layers = List.copyOf(layers);
    }
}
