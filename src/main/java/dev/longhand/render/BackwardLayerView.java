package dev.longhand.render;

import java.util.List;

/**
 * The backward pass through one layer: ∂L/∂A, ∂L/∂Z (blocked entries marked), ∂L/∂W and
 * ∂L/∂b, with every entry written out.
 *
 * @param perSample   ∂L/∂a and ∂L/∂z lines, sample by sample
 * @param parametersHeading what the ∂L/∂W and ∂L/∂b lines are headed with
 * @param straightToZ true for a softmax output under cross entropy, where ∂L/∂Z = (A − T)/m is shown directly
 */
public record BackwardLayerView(
        int index,
        String title,
        boolean straightToZ,
        MatrixView dA,
        MatrixView dZ,
        MatrixView input,
        MatrixView dW,
        MatrixView db,
        List<GradientGroupView> perSample,
        String parametersHeading,
        List<GradientLineView> dWLines,
        List<GradientLineView> dbLines) {

    public BackwardLayerView {
        perSample = List.copyOf(perSample);
        dWLines = List.copyOf(dWLines);
        dbLines = List.copyOf(dbLines);
    }

    public boolean hasDA() {
        return !straightToZ;
    }
}
