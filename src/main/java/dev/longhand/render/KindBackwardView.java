package dev.longhand.render;

import java.util.List;

/**
 * One layer of the backward pass of a network with kinds beyond dense layers: the gradient that
 * reaches its output, the gradient of each of its parameters, and the dense layers in it worked
 * out entry by entry.
 *
 * @param index    the layer's place in the block, 0-based
 * @param title    "Layer 3 · Block", as the layer's own section is titled
 * @param dA       ∂L/∂A of the layer's output
 * @param matrices ∂L/∂p of each parameter, in the layer's order of parameters (none for a layer without)
 * @param work     the dense layers of it (itself, or a residual's inner ones), last first
 * @param kinds    the written-out gradients of its other kinds (itself, or a residual's inner ones), last first
 * @param skip     for a residual: ∂L/∂X and ∂L/∂X through its branch; else none
 * @param skipSums for a residual: each entry of ∂L/∂X as ∂L/∂A (through the skip) plus the branch's, per sample
 */
public record KindBackwardView(int index, String title, MatrixView dA, List<MatrixView> matrices,
                               List<DenseWorkView> work, List<KindWorkView> kinds, List<MatrixView> skip, List<GradientGroupView> skipSums) {

    public KindBackwardView {
        matrices = List.copyOf(matrices);
        work = List.copyOf(work);
        kinds = List.copyOf(kinds);
        skip = List.copyOf(skip);
        skipSums = List.copyOf(skipSums);
    }

    public boolean hasSkip() {
        return !skip.isEmpty();
    }
}
