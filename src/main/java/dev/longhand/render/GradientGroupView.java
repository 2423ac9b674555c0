package dev.longhand.render;

import java.util.List;

/** The gradient lines of one sample ({@code heading} empty for a single sample). */
public record GradientGroupView(String heading, List<GradientLineView> lines) {

    public GradientGroupView {
        lines = List.copyOf(lines);
    }

    public boolean hasHeading() {
        return !heading.isEmpty();
    }
}
