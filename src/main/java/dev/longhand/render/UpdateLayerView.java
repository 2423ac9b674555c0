package dev.longhand.render;

import java.util.List;

/** One gradient-descent step for one layer: the new W and b, every entry written out. */
public record UpdateLayerView(String title, MatrixView weights, MatrixView bias, List<GradientLineView> lines) {

    public UpdateLayerView {
        lines = List.copyOf(lines);
    }
}
