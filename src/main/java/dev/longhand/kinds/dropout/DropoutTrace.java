package dev.longhand.kinds.dropout;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import java.util.Objects;

/**
 * What a dropout layer computed.
 *
 * @param stage the layer, with its p and mask
 * @param input what it received
 * @param a     {@code (x * mask) / (1 − p)}, entry by entry
 */
public record DropoutTrace(Dropout stage, Matrix input, Matrix a) implements StageTrace {

    public DropoutTrace {
        Objects.requireNonNull(stage, "stage");
        if (!input.sameShape(a) || !input.sameShape(stage.mask())) {
            throw new IllegalArgumentException("input " + input.shape() + ", a " + a.shape() + " and mask "
                    + stage.mask().shape() + " must have one shape");
        }
    }

    /** The mask used: 1 kept, 0 dropped. */
    public Matrix mask() {
        return stage.mask();
    }
}
