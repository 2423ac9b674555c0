package dev.longhand.spec;

import java.util.List;

/**
 * Which values of a block the page leaves blank for the reader to work out by hand, and
 * whether the reader may draw new numbers to practise again.
 *
 * @param z          whether weighted sums (Z) are blanked
 * @param a          whether activations (A) are blanked
 * @param layers     the 1-based layers blanked, in order, without repeats
 * @param newNumbers whether the worksheet has a "New numbers" button that draws fresh small
 *                   integers for the input, the weights and the biases the author set
 */
public record Practice(boolean z, boolean a, List<Integer> layers, boolean newNumbers) {

    /** The kinds of value {@code blank} may name. */
    public static final List<String> KINDS = List.of("z", "a");

    public Practice {
        layers = List.copyOf(layers);
    }

    /** A worksheet without new numbers. */
    public Practice(boolean z, boolean a, List<Integer> layers) {
        this(z, a, layers, false);
    }
}
