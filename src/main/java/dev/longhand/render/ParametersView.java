package dev.longhand.render;

import java.util.List;

/**
 * One layer's parameters after training, in the training part of a network with kinds beyond
 * dense layers: each parameter's values after one step (with every update written out) or after
 * every step.
 *
 * @param index    the layer's place in the block, 0-based
 * @param title    "Layer 3 · Block", as the layer's own section is titled
 * @param matrices one matrix per parameter, in the layer's order of parameters, keyed {@code layers.I.after.PATH}
 * @param lines    the update of each shown entry written out (the first step), or none
 */
public record ParametersView(int index, String title, List<MatrixView> matrices, List<GradientLineView> lines) {

    public ParametersView {
        matrices = List.copyOf(matrices);
        lines = List.copyOf(lines);
    }

    public boolean hasLines() {
        return !lines.isEmpty();
    }
}
