package dev.longhand.export.numpy;

import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import java.util.List;

/**
 * One layer kind's half of the NumPy script. The script holds each layer as a Python dict in the
 * trace's canonical form ({@code {"type": "layer_norm", "name": ..., "gamma": column([...]), ...}})
 * and runs it with the kind's functions:
 * <ul>
 *   <li>{@code TYPE(layer, x)} returns {@code (a, cache)}, the cache a dict holding {@code "a"} and
 *       whatever the backward pass needs ({@code "z"} for the logits of a layer ending in softmax);</li>
 *   <li>{@code TYPE_backward(layer, cache, dA)} returns {@code (dX, gradients)}, the gradients a dict
 *       keyed like the layer's parameters (lists of dicts for heads and inner layers), only when the
 *       block trains. A kind that can end in a softmax takes {@code dZ=None} too: the gradient of
 *       the cross-entropy with respect to the logits.</li>
 * </ul>
 */
public interface NumpyKind {

    /**
     * Defines the kind's functions with {@link NumpyScript#define}, once per script, and any helper
     * it calls ({@link NumpyScript#activation}).
     *
     * @param layers every layer of this kind in the block, those inside residual layers too
     */
    void functions(List<Stage> layers, NumpyScript script);

    /** Adds the layer's entries after {@code type} and {@code name}: its parameters and settings, named as in the trace. */
    void entries(StageTrace trace, PyDict layer, NumpyScript script);
}
