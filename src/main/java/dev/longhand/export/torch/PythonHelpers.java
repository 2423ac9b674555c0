package dev.longhand.export.torch;

import dev.longhand.export.DrawAgain;
/** The Python helpers every script may need, defined in it once each. */
final class PythonHelpers {

    private PythonHelpers() {
    }

    static final String PAGE = """
            def page(rows):
                \"""A matrix as the page writes it: one row per feature, one column per sample or token.\"""
                return torch.tensor(rows, dtype=torch.float64)
            """;

    static final String DENSE = """
            def dense(weights, bias, activation):
                \"""A dense layer: nn.Linear with the page's W and b copied in, then the activation.

                nn.Linear keeps its weight as (units × inputs), exactly the page's W, and computes
                x @ W.T + b for a batch with one sample per row: the page's W·X + b, transposed.
                \"""
                linear = nn.Linear(weights.shape[1], weights.shape[0])
                with torch.no_grad():
                    linear.weight.copy_(weights)
                    linear.bias.copy_(bias)
                return nn.Sequential(linear, activation)
            """;

    /** A port of nn.SeededRandom (SplitMix64) and spec.Range (min, max, integers, decimals). */
    static final String DRAWN = DrawAgain.function("drawn",
            "torch.tensor(values, dtype=torch.float64).reshape(rows, cols)");
}
