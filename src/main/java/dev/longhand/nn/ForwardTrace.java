package dev.longhand.nn;

import java.util.List;

/**
 * The whole forward pass, layer by layer, kept at full precision so that the page can write
 * out each sum and the browser can check it.
 *
 * @param input  the network input, inputs × samples
 * @param layers one trace per layer, input side first
 */
public record ForwardTrace(Matrix input, List<LayerTrace> layers) {

    public ForwardTrace {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a forward trace has at least one layer");
        }
    }

    /** The network output: the last layer's activations. */
    public Matrix output() {
        return last().a();
    }

    /** The trace of the output layer. */
    public LayerTrace last() {
        return layers.get(layers.size() - 1);
    }

    /** The number of samples (columns of the input). */
    public int samples() {
        return input.cols();
    }

    /** Backpropagates {@code loss} against {@code target} through this pass. */
    public BackwardTrace backward(Matrix target, Loss loss) {
        return Backpropagation.run(this, target, loss);
    }
}
