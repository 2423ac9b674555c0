package dev.longhand.export.numpy;

import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Stage;
import java.util.List;

/** Dense layers in the NumPy script: z = W x + b, a = f(z). The built-in kind, so written here rather than in {@code kinds}. */
final class DenseNumpy {

    static final String TYPE = "dense";

    private DenseNumpy() {
    }

    static void functions(List<Stage> layers, NumpyScript script) {
        layers.forEach(layer -> script.activation(layer.finalActivation()));
        script.define("dense", """
                def dense(layer, x):
                    \"""z = W x + b (b added to every column), a = f(z).\"""
                    z = layer["weights"] @ x + layer["bias"]
                    a = activate(layer["activation"], z)
                    return a, {"x": x, "z": z, "a": a}
                """);
        if (script.trains()) {
            script.define("dense_backward", """
                    def dense_backward(layer, cache, dA, dZ=None):
                        \"""dZ = dA * f'(z) (or given: the cross-entropy's gradient at the logits of a softmax);
                        dW = dZ xᵀ, db = the sum of dZ over the columns, and dL/dx = Wᵀ dZ.\"""
                        if dZ is None:
                            dZ = activate_backward(layer["activation"], cache["z"], cache["a"], dA)
                        gradients = {"weights": dZ @ cache["x"].T, "bias": dZ.sum(axis=1, keepdims=True)}
                        return layer["weights"].T @ dZ, gradients
                    """);
        }
    }

    static void entries(LayerTrace trace, PyDict layer, NumpyScript script) {
        layer.put("weights", script.matrix(trace.layer().weights()))
                .put("bias", script.column(trace.layer().bias()))
                .put("activation", Python.string(trace.layer().activation().key()));
    }
}
