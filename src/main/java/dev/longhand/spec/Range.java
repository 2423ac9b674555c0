package dev.longhand.spec;

import dev.longhand.nn.Drawn;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.SeededRandom;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The {@code min}, {@code max}, {@code integers} and {@code decimals} of generated numbers.
 * {@code decimals} rounds every drawn number (half to even), which keeps a large network's
 * numbers short on the page and in its trace.
 *
 * @param decimals -1 for full precision
 */
record Range(double min, double max, boolean integers, int decimals) {

    /** Draws a rows × cols matrix, row by row, with the seed, and notes how in {@code reading}. */
    Matrix draw(long seed, int rows, int cols, Reading reading) {
        return reading.drawn(draw(seed, rows, cols), drawn(seed, rows, cols, false));
    }

    /** How a rows × cols matrix is drawn with the seed. */
    Drawn drawn(long seed, int rows, int cols, boolean transposed) {
        return new Drawn(seed, rows, cols, min, max, integers, decimals, transposed);
    }

    /** Draws a rows × cols matrix, row by row, with the seed. */
    Matrix draw(long seed, int rows, int cols) {
        Matrix drawn = new SeededRandom(seed).uniform(rows, cols, min, max, integers);
        if (decimals < 0 || integers) {
            return drawn;
        }
        double scale = POWERS_OF_TEN[decimals];
        return drawn.map(v -> rounded(v, decimals, scale));
    }

    private static final double[] POWERS_OF_TEN = new double[SpecLimits.MAX_PRECISION + 1];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = Math.pow(10, i); // exact: every power of ten up to 10^22 is a double
        }
    }

    /**
     * {@code v} rounded half to even at {@code decimals} places, as
     * {@code new BigDecimal(v).setScale(decimals, HALF_EVEN).doubleValue()} gives it, but
     * without BigDecimal unless {@code v} lies within a hair of a tie (a large network draws
     * a hundred thousand numbers). Below 10^9, {@code v × 10^d} is off from the exact product
     * by under 10^-7, so a fraction more than 10^-6 from one half rounds as the exact product does; the nearest
     * integer {@code n} is then exact, and {@code n / 10^d}, one correctly rounded division of
     * exact numbers, is the double nearest the decimal, as BigDecimal's conversion is.
     */
    static double rounded(double v, int decimals, double scale) {
        double scaled = v * scale;
        double fraction = Math.abs(scaled - Math.floor(scaled) - 0.5);
        if (Math.abs(scaled) >= 1e9 || fraction < 1e-6) {
            return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
        }
        return Math.rint(scaled) / scale + 0.0; // + 0.0: a decimal has no negative zero
    }

    static Optional<Range> read(Reading reading, Fields fields, double defaultMin, double defaultMax) {
        OptionalDouble min = fields.get("min").map(n -> reading.number(n, "min")).orElse(OptionalDouble.of(defaultMin));
        OptionalDouble max = fields.get("max").map(n -> reading.number(n, "max")).orElse(OptionalDouble.of(defaultMax));
        Optional<Boolean> integers = fields.get("integers").map(n -> reading.flag(n, "integers")).orElse(Optional.of(false));
        OptionalInt decimals = fields.get("decimals")
                .map(n -> reading.wholeNumber(n, "decimals", 0, SpecLimits.MAX_PRECISION))
                .orElse(OptionalInt.of(-1));
        if (min.isEmpty() || max.isEmpty() || integers.isEmpty() || decimals.isEmpty()) {
            return Optional.empty();
        }
        if (min.getAsDouble() > max.getAsDouble()) {
            reading.error(fields.get("min").or(() -> fields.get("max")).orElse(fields.node()),
                    "min should not be larger than max");
            return Optional.empty();
        }
        if (integers.get() && (min.getAsDouble() != Math.rint(min.getAsDouble())
                || max.getAsDouble() != Math.rint(max.getAsDouble()))) {
            reading.error(fields.get("integers").get(), "with integers: true, min and max should be whole numbers");
            return Optional.empty();
        }
        return Optional.of(new Range(min.getAsDouble(), max.getAsDouble(), integers.get(), decimals.getAsInt()));
    }
}
