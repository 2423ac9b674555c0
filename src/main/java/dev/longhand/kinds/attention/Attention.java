package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;

/**
 * A layer of {@code type: attention}: self-attention over the columns (tokens) of its input,
 * rows = features. Its two forms are the two ways a lesson writes one: heads that score every
 * key against every query ({@link SelfAttention}), or a pattern of attention weights given by
 * the author ({@link GivenWeightsAttention}).
 *
 * <p>Both are specified down to the order of their floating-point operations in their Javadoc,
 * since {@code templates/assets/longhand-attention.js} mirrors them bit for bit. Every matrix
 * product is {@link Matrix#multiply} (each entry a sum from 0.0 in order of the inner index) and
 * every {@code ᵀ} is a plain transpose taken before the product.
 */
public sealed interface Attention extends Stage permits SelfAttention, GivenWeightsAttention {

    @Override
    default String type() {
        return "attention";
    }

    @Override
    AttentionTrace forward(Matrix input);

    @Override
    AttentionGradients backward(StageTrace trace, Matrix dOutput);
}
