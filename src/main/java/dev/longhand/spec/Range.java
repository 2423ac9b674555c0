package dev.longhand.spec;

import dev.longhand.nn.Drawn;
import dev.longhand.nn.Matrix;
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
        Drawn how = drawn(seed, rows, cols, false);
        return reading.drawn(how.matrix(), how);
    }

    /** How a rows × cols matrix is drawn with the seed; its transpose is held when {@code transposed}. */
    Drawn drawn(long seed, int rows, int cols, boolean transposed) {
        return new Drawn(seed, rows, cols, min, max, integers, decimals, transposed);
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
