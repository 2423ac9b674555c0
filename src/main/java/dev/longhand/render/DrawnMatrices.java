package dev.longhand.render;

import dev.longhand.nn.Drawn;
import dev.longhand.nn.Matrix;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which of a block's numbers the trace writes as how they were drawn ({@code {"random": 11, "min":
 * -1, …}}) instead of one by one: a matrix drawn from a seed with more than
 * {@link Drawn#LARGEST_WRITTEN_OUT} numbers. A 784-128-64-10 network of full-precision weights is
 * 2 MB of digits and a few hundred bytes of seeds; a small drawn matrix stays written out, to
 * read at a glance.
 */
final class DrawnMatrices {

    /** Seeds up to this size are JSON numbers, which every reader holds exactly; larger ones are text. */
    private static final long EXACT_IN_JSON = 1L << 53;

    static final DrawnMatrices NONE = new DrawnMatrices(Map.of());

    private final Map<Matrix, Drawn> drawn;

    /** @param drawn the block's matrices drawn from a seed, looked up by identity whatever map it is */
    DrawnMatrices(Map<Matrix, Drawn> drawn) {
        // Matrix equality is by value: an equal matrix computed from other numbers was not drawn.
        this.drawn = drawn.isEmpty() ? Map.of() : new IdentityHashMap<>(drawn);
    }

    /**
     * How {@code m} was drawn, when it is to be written that way: drawn, large, and of the shape the
     * draw gives ({@code flat}: a column written as a flat list, drawn as that column).
     */
    Optional<Drawn> of(Matrix m, boolean flat) {
        Drawn d = drawn.get(m);
        if (d == null || d.count() <= Drawn.LARGEST_WRITTEN_OUT || d.heldRows() != m.rows() || d.heldCols() != m.cols()) {
            return Optional.empty();
        }
        if (flat && (d.transposed() || d.cols() != 1)) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /**
     * The draw as the trace holds it: {@code {"random": SEED, "min": A, "max": B, "integers": false,
     * "decimals": null, "shape": [ROWS, COLS], "transposed": false}}, every key always present;
     * {@code shape} [N] for a flat list; decimals null for none (and with integers, which ignore it).
     */
    static void write(JsonWriter json, Drawn d, boolean flat) {
        json.beginObject();
        json.name("random");
        if (d.seed() >= -EXACT_IN_JSON && d.seed() <= EXACT_IN_JSON) { // not Math.abs: it keeps Long.MIN_VALUE negative
            json.value(d.seed());
        } else {
            json.value(Long.toString(d.seed()));
        }
        json.name("min").value(d.min());
        json.name("max").value(d.max());
        json.name("integers").value(d.integers());
        json.name("decimals");
        if (d.integers() || d.decimals() < 0) {
            json.nullValue();
        } else {
            json.value((long) d.decimals());
        }
        json.name("shape").beginArray().value((long) d.rows());
        if (!flat) {
            json.value((long) d.cols());
        }
        json.endArray();
        json.name("transposed").value(d.transposed());
        json.endObject();
    }
}
