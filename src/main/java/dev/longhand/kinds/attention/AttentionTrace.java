package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import java.util.List;

/**
 * What an attention layer computed.
 *
 * @param stage   the layer, with the parameters used
 * @param input   x, features × tokens
 * @param heads   one trace per head, first head first (one for given weights)
 * @param stacked the heads' z stacked, first head on top (the one head's z when there is one)
 * @param a       the output: {@code output · stacked}, or {@code stacked} without an output projection
 */
public record AttentionTrace(Attention stage, Matrix input, List<HeadTrace> heads, Matrix stacked, Matrix a)
        implements StageTrace {

    public AttentionTrace {
        heads = List.copyOf(heads);
    }
}
