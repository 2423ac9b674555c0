package dev.longhand.kinds.norm;

import dev.longhand.export.numpy.NumpyKind;
import dev.longhand.export.numpy.NumpyScript;
import dev.longhand.export.numpy.PyDict;
import dev.longhand.export.numpy.Python;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import java.util.List;

/**
 * Batch and layer normalization in the NumPy script: one {@code normalize} shared by both, over the
 * columns of each row (batch norm) or the rows of each column (layer norm), with the block's
 * variance (by n or n − 1) and ε (under the root or added to it).
 */
final class NormNumpy implements NumpyKind {

    private final NormAxis axis;

    NormNumpy(NormAxis axis) {
        this.axis = axis;
    }

    @Override
    public void functions(List<Stage> layers, NumpyScript script) {
        script.define("normalize", """
                def normalize(layer, x, axis):
                    \"""x̂ = (x - mean) / sqrt(variance + ε), or / (sqrt(variance) + ε) with epsilon_added_to: std,
                    over `axis` (1: each row over the columns, 0: each column over the rows); the variance divides
                    by n, or by n - 1 when unbiased. a = γ x̂ + β, γ and β one per row.\"""
                    n = x.shape[axis]
                    divisor = n - 1 if layer["variance"] == "unbiased" else n
                    mean = x.mean(axis=axis, keepdims=True)
                    variance = ((x - mean) ** 2).sum(axis=axis, keepdims=True) / divisor
                    if layer["epsilon_added_to"] == "std":
                        denominator = np.sqrt(variance) + layer["epsilon"]
                    else:
                        denominator = np.sqrt(variance + layer["epsilon"])
                    normalized = (x - mean) / denominator
                    a = layer["gamma"] * normalized + layer["beta"]
                    return a, {"axis": axis, "divisor": divisor, "mean": mean, "variance": variance,
                               "denominator": denominator, "normalized": normalized, "a": a}
                """);
        script.define(axis.type(), axis == NormAxis.BATCH ? """
                def batch_norm(layer, x):
                    \"""Each feature (row) over the samples (columns), with the batch's own mean and variance.\"""
                    return normalize(layer, x, axis=1)
                """ : """
                def layer_norm(layer, x):
                    \"""Each sample or token (column) over its features (rows).\"""
                    return normalize(layer, x, axis=0)
                """);
        if (script.trains()) {
            script.define("normalize_backward", """
                    def normalize_backward(layer, cache, dA):
                        \"""dγ = Σ dA x̂ and dβ = Σ dA over the columns; with g = dA γ, each group's
                        dL/dx = (g - mean of g) / denominator - x̂ Σ(g x̂) / (r · divisor), r the root the variance is under
                        (0 when the standard deviation is 0 and ε is added to it: that term is then 0).\"""
                        axis, normalized, denominator = cache["axis"], cache["normalized"], cache["denominator"]
                        g = dA * layer["gamma"]
                        root = denominator if layer["epsilon_added_to"] == "variance" else np.sqrt(cache["variance"])
                        gx = (g * normalized).sum(axis=axis, keepdims=True)
                        c = np.divide(gx, root * cache["divisor"], out=np.zeros_like(gx), where=root > 0)
                        dX = (g - g.mean(axis=axis, keepdims=True)) / denominator - normalized * c
                        gradients = {"gamma": (dA * normalized).sum(axis=1, keepdims=True),
                                     "beta": dA.sum(axis=1, keepdims=True)}
                        return dX, gradients
                    """);
            script.define(axis.type() + "_backward", axis.type() + "_backward = normalize_backward\n");
        }
    }

    @Override
    public void entries(StageTrace trace, PyDict layer, NumpyScript script) {
        Normalization norm = (Normalization) trace.stage();
        layer.put("gamma", script.column(norm.gamma()))
                .put("beta", script.column(norm.beta()))
                .put("epsilon", Python.number(norm.settings().epsilon()))
                .put("variance", Python.string(norm.settings().variance().key()))
                .put("epsilon_added_to", Python.string(norm.settings().epsilonAddedTo().key()));
    }
}
