package dev.longhand.kinds.norm;

import java.util.Objects;

/**
 * How a norm layer computes its denominator; the defaults are PyTorch's.
 *
 * @param epsilon        added to the variance or to the standard deviation; finite, ≥ 0
 *                       (0 lets a worksheet of whole numbers divide by the plain standard deviation)
 * @param variance       divide the squared deviations by n or by n − 1
 * @param epsilonAddedTo where ε goes
 */
public record NormSettings(double epsilon, VarianceMode variance, EpsilonPlacement epsilonAddedTo) {

    /** ε of PyTorch's default. */
    public static final double DEFAULT_EPSILON = 1e-5;

    /** PyTorch's: ε = 1e-5 under the root, biased variance. */
    public static final NormSettings DEFAULT =
            new NormSettings(DEFAULT_EPSILON, VarianceMode.BIASED, EpsilonPlacement.VARIANCE);

    public NormSettings {
        Objects.requireNonNull(variance, "variance");
        Objects.requireNonNull(epsilonAddedTo, "epsilonAddedTo");
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number ≥ 0, not " + epsilon);
        }
    }
}
