package dev.longhand.kinds.residual;

import dev.longhand.export.numpy.NumpyKind;
import dev.longhand.export.numpy.NumpyScript;
import dev.longhand.export.numpy.PyDict;
import dev.longhand.nn.NestedTrace;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import java.util.List;

/** A residual layer in the NumPy script: its inner layers run by the same {@code run}, then added to x. */
final class ResidualNumpy implements NumpyKind {

    @Override
    public void functions(List<Stage> layers, NumpyScript script) {
        script.define("residual", """
                def residual(layer, x):
                    \"""a = x + (the inner layers applied to x).\"""
                    branch, caches = run(layer["layers"], x)
                    a = x + branch
                    return a, {"inner": caches, "a": a}
                """);
        if (script.trains()) {
            script.define("residual_backward", """
                    def residual_backward(layer, cache, dA):
                        \"""dA reaches x twice: straight through the sum, and back through the inner layers.\"""
                        dX, gradients = run_backward(layer["layers"], cache["inner"], dA)
                        return dA + dX, {"layers": gradients}
                    """);
        }
    }

    @Override
    public void entries(StageTrace trace, PyDict layer, NumpyScript script) {
        layer.put("layers", script.layers(((NestedTrace) trace).inner()));
    }
}
