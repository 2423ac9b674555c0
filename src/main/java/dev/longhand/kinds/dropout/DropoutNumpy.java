package dev.longhand.kinds.dropout;

import dev.longhand.export.numpy.NumpyKind;
import dev.longhand.export.numpy.NumpyScript;
import dev.longhand.export.numpy.PyDict;
import dev.longhand.export.numpy.Python;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import java.util.List;

/** Dropout in the NumPy script, its mask written out (drawn or given) so every run keeps the same units. */
final class DropoutNumpy implements NumpyKind {

    @Override
    public void functions(List<Stage> layers, NumpyScript script) {
        script.define("dropout", """
                def dropout(layer, x):
                    \"""Inverted dropout, as PyTorch while training: a = x * mask / (1 - p).\"""
                    a = x * layer["mask"] / (1.0 - layer["p"])
                    return a, {"a": a}
                """);
        if (script.trains()) {
            script.define("dropout_backward", """
                    def dropout_backward(layer, cache, dA):
                        \"""The same mask and scale on the way back: dL/dx = dA * mask / (1 - p). No parameters.\"""
                        return dA * layer["mask"] / (1.0 - layer["p"]), {}
                    """);
        }
    }

    @Override
    public void entries(StageTrace trace, PyDict layer, NumpyScript script) {
        Dropout dropout = (Dropout) trace.stage();
        layer.put("p", Python.number(dropout.p())).put("mask", script.matrix(dropout.mask()));
    }
}
