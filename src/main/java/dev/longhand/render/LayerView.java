package dev.longhand.render;

import java.util.List;

/**
 * One layer as a worksheet row: W · A + b = Z, then f(Z) = A, then the arithmetic.
 *
 * @param index      0-based, as the trace counts
 * @param title      "Layer 1 · Hidden 1" style heading
 * @param activation how the activation is named on the page (ReLU, linear, σ, ...)
 * @param relu       whether the layer's activation is ReLU (the legend applies)
 */
public record LayerView(
        int index,
        String title,
        String activation,
        boolean relu,
        MatrixView weights,
        MatrixView input,
        MatrixView bias,
        MatrixView z,
        MatrixView a,
        List<WorkGroupView> work) {

    public LayerView {
        work = List.copyOf(work);
    }
}
