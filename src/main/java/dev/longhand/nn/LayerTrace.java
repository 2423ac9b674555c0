package dev.longhand.nn;

/**
 * What one layer computed in a forward pass; every matrix is units × samples.
 *
 * @param layer the layer, with the parameters used
 * @param input the previous layer's output (or the network input), inputs × samples
 * @param z     the weighted sums {@code weights · input + bias}
 * @param a     the activations {@code activation(z)}
 */
public record LayerTrace(Layer layer, Matrix input, Matrix z, Matrix a) implements StageTrace {

    @Override
    public Layer stage() {
        return layer;
    }

    @Override
    public Matrix logits() {
        return z;
    }
}
