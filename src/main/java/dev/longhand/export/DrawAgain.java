package dev.longhand.export;

/**
 * The Python function that draws a block's generated numbers again, as {@code nn.SeededRandom}
 * and the spec's ranges drew them, for the scripts of every format that would rather not write
 * out a large generated matrix: SplitMix64 in 64-bit arithmetic that wraps around, one u in
 * [0, 1) per number, row by row. It needs {@code import math} and {@code import decimal}.
 */
public final class DrawAgain {

    private DrawAgain() {
    }

    /**
     * The function's source.
     *
     * @param name   what the script calls it: {@code draw}, {@code drawn}
     * @param result the expression that turns {@code values} (a list, row by row) into the
     *               script's matrix of {@code rows} × {@code cols}
     */
    public static String function(String name, String result) {
        return """
                def %s(seed, rows, cols, low, high, integers=False, decimals=None):
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
                    return %s
                """.formatted(name, result);
    }
}
