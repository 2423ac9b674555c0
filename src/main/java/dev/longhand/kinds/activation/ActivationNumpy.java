package dev.longhand.kinds.activation;

import dev.longhand.export.numpy.NumpyKind;
import dev.longhand.export.numpy.NumpyScript;
import dev.longhand.export.numpy.PyDict;
import dev.longhand.export.numpy.Python;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import java.util.List;

/** An activation layer in the NumPy script: the function alone, its input kept as z (the logits of a softmax). */
final class ActivationNumpy implements NumpyKind {

    @Override
    public void functions(List<Stage> layers, NumpyScript script) {
        layers.forEach(layer -> script.activation(((ActivationLayer) layer).activation()));
        script.define("activation", """
                def activation(layer, x):
                    \"""The activation alone, entry by entry (softmax: each column).\"""
                    a = activate(layer["activation"], x)
                    return a, {"x": x, "z": x, "a": a}
                """);
        if (script.trains()) {
            script.define("activation_backward", """
                    def activation_backward(layer, cache, dA, dZ=None):
                        \"""dL/dx = dA times the derivative (or given: the cross-entropy's gradient at a softmax's input).\"""
                        if dZ is None:
                            dZ = activate_backward(layer["activation"], cache["x"], cache["a"], dA)
                        return dZ, {}
                    """);
        }
    }

    @Override
    public void entries(StageTrace trace, PyDict layer, NumpyScript script) {
        layer.put("activation", Python.string(((ActivationLayer) trace.stage()).activation().key()));
    }
}
