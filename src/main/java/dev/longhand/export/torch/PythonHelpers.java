package dev.longhand.export.torch;

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
    static final String DRAWN = """
            def drawn(seed, rows, cols, low, high, integers=False, decimals=None):
                \"""The page's generated numbers ({random: SEED, min, max, ...}) drawn again, the same on every machine.

                SplitMix64 in 64-bit arithmetic that wraps around, one draw u in [0, 1) per number, row by
                row: low + u·(high − low), or low + floor(u·(high − low + 1)) for integers; with decimals,
                each number rounded half to even at that many places.
                \"""
                mask = (1 << 64) - 1
                state = seed & mask
                span = high - low
                values = []
                for _ in range(rows * cols):
                    state = (state + 0x9E3779B97F4A7C15) & mask
                    z = state
                    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
                    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
                    z ^= z >> 31
                    u = (z >> 11) * 2.0 ** -53
                    if integers:
                        values.append(low + math.floor(u * (span + 1)))
                    elif decimals is None:
                        values.append(low + u * span)
                    else:
                        exact = decimal.Decimal(low + u * span)
                        values.append(float(exact.quantize(decimal.Decimal(1).scaleb(-decimals),
                                                           rounding=decimal.ROUND_HALF_EVEN)) + 0.0)
                return torch.tensor(values, dtype=torch.float64).reshape(rows, cols)
            """;
}
