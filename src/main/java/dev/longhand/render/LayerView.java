package dev.longhand.render;

import java.util.List;

/**
 * One layer as a worksheet row: W · A + b = Z, then f(Z) = A, then the arithmetic.
 *
 * @param index      the layer's place in the trace: "2", or "2.layers.0" inside a residual
 * @param title      "Layer 1 · Hidden 1" style heading
 * @param activation how the activation is named on the page (ReLU, linear, σ, ...)
 * @param relu       whether the layer's activation is ReLU (the legend applies)
 * @param augmented  whether the bias is drawn as the last column of W
 */
public record LayerView(
        String index,
        String title,
        String activation,
        boolean relu,
        boolean augmented,
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
