package dev.longhand.spec;

import java.util.Optional;
import java.util.OptionalDouble;

/** The {@code min}, {@code max} and {@code integers} of generated numbers. */
record Range(double min, double max, boolean integers) {

    static Optional<Range> read(Reading reading, Fields fields, double defaultMin, double defaultMax) {
        OptionalDouble min = fields.get("min").map(n -> reading.number(n, "min")).orElse(OptionalDouble.of(defaultMin));
        OptionalDouble max = fields.get("max").map(n -> reading.number(n, "max")).orElse(OptionalDouble.of(defaultMax));
        Optional<Boolean> integers = fields.get("integers").map(n -> reading.flag(n, "integers")).orElse(Optional.of(false));
        if (min.isEmpty() || max.isEmpty() || integers.isEmpty()) {
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
        return Optional.of(new Range(min.getAsDouble(), max.getAsDouble(), integers.get()));
    }
}
