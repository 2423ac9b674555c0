package dev.longhand.render;

import java.util.List;

/** The worked lines of one sample of a layer; {@code heading} is empty for a single sample. */
public record WorkGroupView(String heading, List<WorkLineView> lines) {

    public WorkGroupView {
        lines = List.copyOf(lines);
    }

    public boolean hasHeading() {
        return !heading.isEmpty();
    }
}
