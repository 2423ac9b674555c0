package dev.longhand.nn;

/**
 * A deterministic generator, so that {@code weights: {random: SEED, ...}} gives the same
 * numbers on every machine, in every build and in the page's script.
 *
 * <p>The algorithm is SplitMix64 (Steele, Lea and Flood), in 64-bit unsigned arithmetic that
 * wraps around: each call adds the golden-ratio constant {@code 0x9E3779B97F4A7C15} to the state
 * and scrambles the new state with two xor-shift-multiply rounds and a final xor-shift.
 * It is small enough to port exactly (JavaScript needs BigInt or 32-bit halves). Not for
 * security. An instance is mutable and not thread-safe: make one per use.
 */
public final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double UNIT = 0x1.0p-53;

    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** The next 64 bits (as a signed long; read them unsigned). */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A double in [0, 1): the top 53 bits of {@link #nextLong()} times 2⁻⁵³, exact. */
    public double nextDouble() {
        return (nextLong() >>> 11) * UNIT;
    }

    /**
     * A rows × cols matrix filled row by row, left to right, one {@link #nextDouble()} u per entry.
     * Real: {@code min + u * (max − min)}, in [min, max] (max only
     * through rounding). Integers ({@code min} and {@code max}
     * whole numbers): {@code min + floor(u * ((max − min) + 1))}, each of min..max equally likely.
     */
    public Matrix uniform(int rows, int cols, double min, double max, boolean integers) {
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("need finite min ≤ max, not " + min + " and " + max);
        }
        if (integers && (min != Math.rint(min) || max != Math.rint(max))) {
            throw new IllegalArgumentException("integer weights need whole min and max, not " + min + " and " + max);
        }
        double range = max - min;
        double[][] values = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double u = nextDouble();
                values[r][c] = integers ? min + Math.floor(u * (range + 1)) : min + u * range;
            }
        }
        return Matrix.of(values);
    }
}
