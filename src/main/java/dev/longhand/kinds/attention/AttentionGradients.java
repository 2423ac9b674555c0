package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.StageGradients;
import java.util.List;

/**
 * The backward pass through an attention layer.
 *
 * @param dA        dL/d(the layer's output)
 * @param dInput    dL/dx, features × tokens
 * @param dStacked  dL/d(the stacked z): {@code outputᵀ · dA}, or dA without an output projection
 * @param heads     each head's intermediate gradients, first head first
 * @param gradients dL/d(each parameter), by the paths of the layer's {@code parameters()}
 */
public record AttentionGradients(Matrix dA, Matrix dInput, Matrix dStacked, List<HeadGradients> heads,
                                 Parameters gradients) implements StageGradients {

    public AttentionGradients {
        heads = List.copyOf(heads);
    }
}
