package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import java.util.Optional;

/**
 * The backward pass through one head, for pages that write it out; the parameters' gradients
 * are in {@link AttentionGradients#gradients()}.
 *
 * @param dZ       dL/dz, d_v × tokens
 * @param dWeights dL/d(weights) = vᵀ · dZ, keys × queries
 * @param dScores  dL/d(scores), through each column's softmax; 0.0 where masked (scored heads only)
 * @param dQ       dL/dq = k · dP, where dP = dScores times the scale factor (scored heads only)
 * @param dK       dL/dk = q · dPᵀ (scored heads only)
 * @param dV       dL/dv = dZ · weightsᵀ
 */
public record HeadGradients(Matrix dZ, Matrix dWeights, Optional<Matrix> dScores, Optional<Matrix> dQ,
                            Optional<Matrix> dK, Matrix dV) {
}
