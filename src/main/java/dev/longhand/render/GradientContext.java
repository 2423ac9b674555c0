package dev.longhand.render;

import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Training;
import dev.longhand.worked.Figures;
import dev.longhand.worked.Line;

/**
 * What a {@link KindSheet} writes the gradient lines of one layer with
 * ({@link KindSheet#gradientLines}): where the layer sits, how numbers are shown, and, for the
 * network's last layer, the loss and target that start the backward pass. longhand-training.js
 * hands a kind's {@code gradientView} the same, as its {@code w}.
 */
public final class GradientContext {

    private final Block block;
    private final Training training;
    private final String prefix;
    private final String number;
    private final boolean last;

    GradientContext(Block block, Training training, String prefix, String number, boolean last) {
        this.block = block;
        this.training = training;
        this.prefix = prefix;
        this.number = number;
        this.last = last;
    }

    /** The layer's path in the trace: "layers.2", or "layers.2.layers.0" inside a residual. */
    public String prefix() {
        return prefix;
    }

    /** A line's key under the layer: {@code key("dInput", 1, 0)} is "layers.2.dInput.1.0". */
    public String key(String field, int... at) {
        StringBuilder s = new StringBuilder(prefix).append('.').append(field);
        for (int i : at) {
            s.append('.').append(i);
        }
        return s.toString();
    }

    /** The layer's number as the worksheet writes it: "3", "2.1" inside a residual. */
    public String number() {
        return number;
    }

    public int precision() {
        return block.precision();
    }

    /** A new line of arithmetic at the block's precision. */
    public Line line() {
        return new Line(block.precision());
    }

    /** A figure as the page shows it. */
    public String display(double value) {
        return Figures.display(value, block.precision());
    }

    /** "Sample 2" or "Token 2", for lines grouped by column; empty for a single column. */
    public String columnHeading(int column) {
        return block.batch() ? BlockViews.capitalized(block.columnNoun()) + " " + (column + 1) : "";
    }

    /** Whether this layer's output is the network's output (so its ∂L/∂A comes from the loss). */
    public boolean last() {
        return last;
    }

    public Loss loss() {
        return training.loss();
    }

    public Matrix target() {
        return training.target();
    }

    /** The network's output. */
    public Matrix output() {
        return block.forward().output();
    }
}
