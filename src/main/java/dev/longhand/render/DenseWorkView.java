package dev.longhand.render;

import java.util.List;

/**
 * A dense layer's gradients written out, inside a network with kinds beyond dense layers: ∂L/∂Z
 * (blocked entries marked), and per sample ∂L/∂a (where the loss or a dense layer above gives
 * it) and ∂L/∂z, then ∂L/∂w and ∂L/∂b.
 */
public record DenseWorkView(String title, MatrixView dZ, List<GradientGroupView> perSample, String parametersHeading,
                            List<GradientLineView> dWLines, List<GradientLineView> dbLines) {

    public DenseWorkView {
        perSample = List.copyOf(perSample);
        dWLines = List.copyOf(dWLines);
        dbLines = List.copyOf(dbLines);
    }
}
