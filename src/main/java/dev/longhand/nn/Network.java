package dev.longhand.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A network: stages (layers of any kind) in order, input side first, each taking what the one
 * before gives.
 */
public record Network(List<Stage> layers) {

    public Network {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network has at least one layer");
        }
        int rows = layers.get(0).inputRows();
        for (int i = 0; i < layers.size(); i++) {
            Stage stage = layers.get(i);
            int needs = stage.inputRows();
            if (rows >= 0 && stage.outputRows(rows) < 0) {
                throw new IllegalArgumentException("layer " + (i + 1) + " (" + stage.type() + ") "
                        + (needs >= 0 ? "takes " + needs + " values; layer " + i + " gives " + rows
                                : "cannot take the " + rows + " rows of layer " + i));
            }
            rows = rows >= 0 ? stage.outputRows(rows) : needs >= 0 ? stage.outputRows(needs) : -1;
        }
    }

    /** A network of dense layers only. */
    public static Network dense(List<Layer> layers) {
        return new Network(new ArrayList<>(layers));
    }

    /** The dense layer at {@code index}, for code that knows it is one. */
    public Layer dense(int index) {
        return (Layer) layers.get(index);
    }

    /** Every stage as a dense layer, for code that knows the network has only dense layers. */
    public List<Layer> denseLayers() {
        return layers.stream().map(s -> (Layer) s).toList();
    }

    /** The same architecture with other layers, e.g. after training. */
    public Network withLayers(List<Stage> newLayers) {
        return new Network(newLayers);
    }

    /**
     * Runs every sample through every stage.
     *
     * @param input features × samples, one column per sample
     */
    public ForwardTrace forward(Matrix input) {
        List<StageTrace> traces = new ArrayList<>(layers.size());
        Matrix a = input;
        for (int i = 0; i < layers.size(); i++) {
            Stage stage = layers.get(i);
            if (stage.outputRows(a.rows()) < 0) {
                throw new IllegalArgumentException(i == 0 && stage.inputRows() >= 0
                        ? "the network takes " + stage.inputRows() + " values per sample, not " + a.rows()
                        : "layer " + (i + 1) + " (" + stage.type() + ") cannot take " + a.rows() + " rows");
            }
            StageTrace trace = stage.forward(a);
            traces.add(trace);
            a = trace.a();
        }
        return new ForwardTrace(input, traces);
    }

    /**
     * One gradient-descent step: every parameter {@code p − learningRate * g}, each entry
     * computed as {@code p - (learningRate * g)}.
     *
     * @param gradients the backward pass of this network, one entry per stage
     */
    public Network step(BackwardTrace gradients, double learningRate) {
        if (gradients.layers().size() != layers.size()) {
            throw new IllegalArgumentException("gradients for " + gradients.layers().size()
                    + " layers, network has " + layers.size());
        }
        List<Stage> updated = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            Stage stage = layers.get(i);
            Parameters parameters = stage.parameters();
            updated.add(parameters.isEmpty() ? stage
                    : stage.withParameters(parameters.step(gradients.layers().get(i).gradients(), learningRate)));
        }
        return new Network(updated);
    }
}
