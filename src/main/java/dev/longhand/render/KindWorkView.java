package dev.longhand.render;

import java.util.List;

/**
 * The written-out gradients of one layer of a kind beyond dense layers, as its
 * {@link KindSheet#gradientLines} gives them.
 *
 * @param title  "Layer 3", "Layer 2.1" inside a residual
 * @param groups its lines, each group under its heading (a step, a sample, a token)
 */
public record KindWorkView(String title, List<GradientGroupView> groups) {

    public KindWorkView {
        groups = List.copyOf(groups);
    }
}
