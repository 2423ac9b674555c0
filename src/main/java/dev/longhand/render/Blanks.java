package dev.longhand.render;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a practice block leaves to the reader: the values left blank (answer boxes on the
 * worksheet, figures on its answer key), and whether the reader may draw new numbers.
 *
 * @param z          whether the chosen layers' Z is blank
 * @param a          whether the chosen layers' A is blank
 * @param layers     the chosen layers, 0-based as the trace counts
 * @param newNumbers when the worksheet has a "New numbers" button, the seed of its draws (the
 *                   page's script draws number n with SplitMix64 seeded with seed + n); else empty
 */
public record Blanks(boolean z, boolean a, List<Integer> layers, OptionalLong newNumbers) {

    /** A block that is not a worksheet. */
    public static final Blanks NONE = new Blanks(false, false, List.of());

    public Blanks {
        layers = List.copyOf(layers);
    }

    /** A worksheet without new numbers. */
    public Blanks(boolean z, boolean a, List<Integer> layers) {
        this(z, a, layers, OptionalLong.empty());
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
