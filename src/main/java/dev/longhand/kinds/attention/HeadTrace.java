package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import java.util.Optional;

/**
 * What one head computed: the trace's {@code heads[i]}. Rows of {@code weights} are keys, its
 * columns queries, so column j holds how query (token) j spreads its attention over the tokens
 * and {@code z = v · weights} gives token j's output as a weighted sum of value columns.
 */
public sealed interface HeadTrace permits HeadTrace.Scored, HeadTrace.Given {

    /** V: the value of every token, d_v × tokens. */
    Matrix v();

    /** The attention weights, keys × queries (tokens × tokens); every column sums to 1 when scored. */
    Matrix weights();

    /** {@code v · weights}, d_v × tokens. */
    Matrix z();

    /**
     * A head of {@link SelfAttention}.
     *
     * @param head    its parameters, as used
     * @param q       {@code query · x}, d_k × tokens
     * @param k       {@code key · x}, d_k × tokens
     * @param v       {@code value · x}, d_v × tokens
     * @param scores  {@code kᵀ · q}, scaled, keys × queries; a score the causal mask hides is
     *                {@link Double#NEGATIVE_INFINITY} (the trace's {@code null})
     * @param weights the softmax of each column of scores; exactly 0.0 where masked
     * @param z       {@code v · weights}
     * @param causal  whether key i was hidden from query j for i &gt; j
     */
    record Scored(AttentionHead head, Matrix q, Matrix k, Matrix v, Matrix scores, Matrix weights, Matrix z,
                  boolean causal) implements HeadTrace {

        /** Whether the causal mask hid key {@code key} from query {@code query}. */
        public boolean masked(int key, int query) {
            return causal && key > query;
        }
    }

    /**
     * The one head of {@link GivenWeightsAttention}.
     *
     * @param value   the value projection when the layer has one
     * @param v       {@code value · x}, or x itself without a value projection
     * @param weights the given weights, tokens × tokens
     * @param z       {@code v · weights}
     */
    record Given(Optional<Matrix> value, Matrix v, Matrix weights, Matrix z) implements HeadTrace {
    }
}
