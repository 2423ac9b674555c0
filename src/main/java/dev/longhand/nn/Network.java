package dev.longhand.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A multilayer perceptron: layers in order, input side first, each taking as many values as
 * the previous one has units.
 */
public record Network(List<Layer> layers) {

    public Network {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network has at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            Layer previous = layers.get(i - 1);
            Layer layer = layers.get(i);
            if (layer.inputs() != previous.units()) {
                throw new IllegalArgumentException("layer " + (i + 1) + " takes " + layer.inputs()
                        + " values; layer " + i + " has " + previous.units() + " units");
            }
        }
    }

    /** The number of values of one sample. */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** The number of output units. */
    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    /** The same architecture with other layers, e.g. after training. */
    public Network withLayers(List<Layer> newLayers) {
        return new Network(newLayers);
    }

    /**
     * Runs every sample through every layer.
     *
     * @param input inputs × samples, one column per sample
     */
    public ForwardTrace forward(Matrix input) {
        if (input.rows() != inputs()) {
            throw new IllegalArgumentException("the network takes " + inputs()
                    + " values per sample, not " + input.rows());
        }
        List<LayerTrace> traces = new ArrayList<>(layers.size());
        Matrix a = input;
        for (Layer layer : layers) {
            Matrix z = layer.weightedSums(a);
            Matrix next = layer.activation().apply(z);
            traces.add(new LayerTrace(layer, a, z, next));
            a = next;
        }
        return new ForwardTrace(input, traces);
    }

    /**
     * One gradient-descent step: {@code W − learningRate * dW} and {@code b − learningRate * db}
     * for every layer, each entry computed as {@code w - (learningRate * dw)}.
     *
     * @param gradients the backward pass of this network, one entry per layer
     */
    public Network step(BackwardTrace gradients, double learningRate) {
        if (gradients.layers().size() != layers.size()) {
            throw new IllegalArgumentException("gradients for " + gradients.layers().size()
                    + " layers, network has " + layers.size());
        }
        List<Layer> updated = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            LayerGradients g = gradients.layers().get(i);
            updated.add(layer.withParameters(
                    layer.weights().minus(g.dW().times(learningRate)),
                    layer.bias().minus(g.db().times(learningRate))));
        }
        return new Network(updated);
    }
}
