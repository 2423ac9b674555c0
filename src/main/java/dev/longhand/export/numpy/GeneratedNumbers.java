package dev.longhand.export.numpy;

import dev.longhand.export.DrawAgain;
import dev.longhand.nn.Drawn;
import dev.longhand.nn.Matrix;
import java.util.Map;
import java.util.Optional;

/**
 * Large matrices drawn from a seed are drawn again in the script rather than written out: a
 * 784-128-64-10 network has over 100,000 weights, and their seeds fit on a line. The script's
 * {@code draw} is a port of {@link dev.longhand.nn.SeededRandom} and of the spec's rounding.
 */
final class GeneratedNumbers {

    private final Map<Matrix, Drawn> drawn;

    /** @param drawn the block's matrices drawn from a seed, by identity */
    GeneratedNumbers(Map<Matrix, Drawn> drawn) {
        this.drawn = drawn;
    }

    /** The call that draws {@code m} again, when it is large and was drawn. */
    Optional<String> call(Matrix m, NumpyScript script) {
        Drawn d = drawn.get(m);
        if (d == null || (long) m.rows() * m.cols() <= Drawn.LARGEST_WRITTEN_OUT) {
            return Optional.empty();
        }
        boolean shapeAgrees = d.transposed() ? m.rows() == d.cols() && m.cols() == d.rows()
                : m.rows() == d.rows() && m.cols() == d.cols();
        if (!shapeAgrees) {
            return Optional.empty();
        }
        script.needsImport("import math");
        script.needsImport("import decimal");
        script.define("draw", DRAW);
        StringBuilder call = new StringBuilder("draw(").append(d.seed()).append(", ").append(d.rows()).append(", ")
                .append(d.cols()).append(", ").append(Python.number(d.min())).append(", ").append(Python.number(d.max()));
        if (d.integers()) {
            call.append(", integers=True");
        } else if (d.decimals() >= 0) {
            call.append(", decimals=").append(d.decimals());
        }
        call.append(')');
        if (d.transposed()) {
            call.append(".T"); // drawn a sample at a time: each sample is a row of the draw
        }
        return Optional.of(call.toString());
    }

    private static final String DRAW = DrawAgain.function("draw", "np.array(values, dtype=float).reshape(rows, cols)");
}
