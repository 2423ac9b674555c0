package dev.longhand.kinds.norm;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import java.util.Objects;

/**
 * What a norm layer computed: the numbers a learner writes out for each group.
 *
 * @param stage      the layer, with the γ and β used
 * @param input      what it received, rows × cols
 * @param mean       each group's mean, groups × 1 (batch norm: one per row; layer norm: one per column)
 * @param variance   each group's variance (biased or unbiased, as the layer says), groups × 1
 * @param normalized x̂, of the input's shape
 * @param a          {@code γ·x̂ + β}, of the input's shape
 */
public record NormTrace(Normalization stage, Matrix input, Matrix mean, Matrix variance, Matrix normalized, Matrix a)
        implements StageTrace {

    public NormTrace {
        Objects.requireNonNull(stage, "stage");
        if (!input.sameShape(normalized) || !input.sameShape(a)) {
            throw new IllegalArgumentException("input " + input.shape() + ", normalized " + normalized.shape()
                    + " and a " + a.shape() + " must have one shape");
        }
        int groups = stage.axis().groups(input.rows(), input.cols());
        if (mean.cols() != 1 || variance.cols() != 1 || mean.rows() != groups || variance.rows() != groups) {
            throw new IllegalArgumentException("mean " + mean.shape() + " and variance " + variance.shape()
                    + " must be " + groups + "×1");
        }
    }
}
