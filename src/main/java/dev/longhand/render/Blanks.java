package dev.longhand.render;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a practice block leaves to the reader: the values left blank (answer boxes on the
 * worksheet, figures on its answer key), and whether the reader may draw new numbers.
 *
 * <p>It is also the one rule for what else the worksheet keeps hidden. A blank value appears
 * nowhere until the reader reveals it (a right answer in its box, its unit's "show how", or
 * Reveal all): not where a later layer takes it as input, not in any worked line, not in the
 * diagram. And an A whose Z is blank waits for that Z, even when the A itself is not asked
 * for: A is Z with the activation applied, unit by unit, so it would show Z wherever ReLU
 * passes a positive z through and everywhere in a linear layer. {@link #gate} says, for a dense
 * layer's Z or A, which blank it waits for (the diagram asks); {@link Hiding} records the same
 * for every matrix of every kind as the worksheet is drawn, and the page carries its pairs for its
 * script, so the build and the browser hide and show by one rule. {@link #blank} says which part
 * of a layer practice blanks: "z", what the layer works out on its way, or "a", its output.
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

    /**
     * The matrix whose blank value a value of layer {@code layer}'s Z or A waits for before it
     * is shown anywhere (the value of the same unit and sample): "layers.1.z" for a blank Z
     * and for an A worked out from a blank Z, "layers.1.a" for a blank A; empty for a value
     * never hidden.
     *
     * @param kind "z" or "a"
     */
    public String gate(int layer, String kind) {
        if (kind.equals("a") && a(layer)) {
            return "layers." + layer + ".a";
        }
        // a blank Z, or an A worked out from it
        return z(layer) ? "layers." + layer + ".z" : "";
    }

    /**
     * Whether practice blanks the layer at trace path {@code prefix} ("layers.2", or
     * "layers.2.layers.0" inside a residual, which follows its residual): one of the chosen layers.
     */
    public boolean practised(String prefix) {
        String[] at = prefix.split("\\.");
        return at.length > 1 && layers.contains(Integer.parseInt(at[1]));
    }

    /**
     * Whether the part {@code part} of the layer at {@code prefix} is blank: "z" the values a
     * layer works out on its way (a dense layer's Z, a kind's intermediates), "a" its output.
     */
    public boolean blank(String prefix, String part) {
        return (part.equals("z") ? z : a) && practised(prefix);
    }

    /** Whether the values of layer {@code layer}'s Z or A are hidden until revealed. */
    public boolean hidden(int layer, String kind) {
        return !gate(layer, kind).isEmpty();
    }
}
