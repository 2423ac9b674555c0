package dev.longhand.spec;

import dev.longhand.nn.Stage;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What reading one layer gave.
 *
 * @param stage the layer when it is valid
 * @param rows  the rows of its output whenever they can be known
 */
public record KindResult(Optional<Stage> stage, OptionalInt rows) {

    /** A valid layer taking {@code inputRows} rows. */
    public static KindResult of(Stage stage, int inputRows) {
        return new KindResult(Optional.of(stage), OptionalInt.of(stage.outputRows(inputRows)));
    }

    /** A layer with errors that would give {@code rows} rows. */
    public static KindResult failed(OptionalInt rows) {
        return new KindResult(Optional.empty(), rows);
    }

    /** A layer with errors whose output rows cannot be known. */
    public static KindResult failed() {
        return failed(OptionalInt.empty());
    }
}
