package dev.longhand.render;

import java.util.List;

/** A line of a lesson's table of contents, with the headings one level below it. */
public record TocEntryView(String id, String text, List<TocEntryView> children) {

    public TocEntryView {
        children = List.copyOf(children);
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }
}
