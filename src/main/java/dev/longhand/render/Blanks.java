package dev.longhand.render;

import java.util.List;

/**
 * The values a practice block leaves blank: answer boxes on the worksheet, figures on its
 * answer key.
 *
 * @param z      whether the chosen layers' Z is blank
 * @param a      whether the chosen layers' A is blank
 * @param layers the chosen layers, 0-based as the trace counts
 */
public record Blanks(boolean z, boolean a, List<Integer> layers) {

    /** A block that is not a worksheet. */
    public static final Blanks NONE = new Blanks(false, false, List.of());

    public Blanks {
        layers = List.copyOf(layers);
    }

    /** Whether anything is blank, that is, whether the block is a worksheet. */
    public boolean any() {
        return (z || a) && !layers.isEmpty();
    }

    public boolean z(int layer) {
        return z && layers.contains(layer);
    }

    public boolean a(int layer) {
        return a && layers.contains(layer);
    }
}
