package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import java.util.Objects;

/**
 * One head's projections, each applied to the tokens as a dense layer's weights (no bias):
 * {@code Q = query · X}, {@code K = key · X}, {@code V = value · X}.
 *
 * @param query d_k × features
 * @param key   d_k × features
 * @param value d_v × features
 */
public record AttentionHead(Matrix query, Matrix key, Matrix value) {

    public AttentionHead {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!query.sameShape(key)) {
            throw new IllegalArgumentException("query is " + query.shape() + " but key is " + key.shape()
                    + "; a score is a dot product of a query and a key column, so they need one shape");
        }
        if (value.cols() != query.cols()) {
            throw new IllegalArgumentException("value has " + value.cols() + " columns but query has "
                    + query.cols() + "; both take the same tokens' features");
        }
    }

    /** The features of a token that this head takes: the columns of its projections. */
    public int features() {
        return query.cols();
    }

    /** d_k: the rows of Q and K, the length of each dot product of a score. */
    public int keySize() {
        return query.rows();
    }

    /** d_v: the rows of V and of this head's z. */
    public int valueSize() {
        return value.rows();
    }
}
