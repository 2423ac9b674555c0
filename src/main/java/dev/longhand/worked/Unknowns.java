package dev.longhand.worked;

/**
 * Which figures of a worked line stand for values the reader has not been shown: they are
 * written "?" (a worksheet's line that takes a blank value of an earlier layer as input, or a
 * softmax line that names the blank z of another unit). The line still ends in "=" or "≈" as
 * it would with every figure shown, so that revealing a figure changes only that figure.
 */
public interface Unknowns {

    /** Nothing unknown: every figure written out. */
    Unknowns NONE = of(false, false);

    /** Whether row {@code row} of the layer's input (for the line's sample) is unknown. */
    boolean input(int row);

    /** Whether unit {@code unit}'s z (for the line's sample) is unknown, where the line names another unit's z. */
    boolean z(int unit);

    /** Every input unknown or none; every other unit's z unknown or none. */
    static Unknowns of(boolean inputs, boolean zs) {
        return new Unknowns() {
            @Override
            public boolean input(int row) {
                return inputs;
            }

            @Override
            public boolean z(int unit) {
                return zs;
            }
        };
    }
}
