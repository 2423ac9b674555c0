package dev.longhand.kinds.norm;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.StageGradients;

/**
 * A norm layer's backward pass.
 *
 * @param dA     dL/d(output), of the input's shape
 * @param dInput dL/d(input)
 * @param dGamma dL/dγ, rows × 1
 * @param dBeta  dL/dβ, rows × 1
 */
public record NormGradients(Matrix dA, Matrix dInput, Matrix dGamma, Matrix dBeta) implements StageGradients {

    /** {@code gamma} and {@code beta}, as {@link Normalization#parameters()}. */
    @Override
    public Parameters gradients() {
        return Parameters.builder().vector("gamma", dGamma).vector("beta", dBeta).build();
    }
}
