package dev.longhand.spec;

import java.util.List;

/**
 * Which values of a block the page leaves blank for the reader to work out by hand.
 *
 * @param z      whether weighted sums (Z) are blanked
 * @param a      whether activations (A) are blanked
 * @param layers the 1-based layers blanked, in order, without repeats
 */
public record Practice(boolean z, boolean a, List<Integer> layers) {

    /** The kinds of value {@code blank} may name. */
    public static final List<String> KINDS = List.of("z", "a");

    public Practice {
        layers = List.copyOf(layers);
    }
}
