package dev.longhand.export.xlsx;

import dev.longhand.nn.StageTrace;
import java.util.function.Predicate;

/**
 * How one layer kind writes itself into a workbook: its parameters as typed numbers, everything it
 * computes as formulas over {@link StageCells#input()} and those, each matrix of its trace under
 * its trace path. Dense layers' is {@link DenseWorkbook}; each other kind has its own in its package.
 */
public interface KindWorkbook {

    /** Writes {@code trace}'s stage through {@code cells}; returns where its output stands. */
    Written write(StageTrace trace, StageCells cells);

    /**
     * Whether {@link #backward} writes this stage's part of the first training step; {@code inner}
     * says it of a stage inside this one (a residual's layers). Without it, a training block's
     * workbook has the loss but no gradients.
     */
    default boolean writesBackward(StageTrace trace, Predicate<StageTrace> inner) {
        return false;
    }

    /**
     * Writes the stage's backward pass as formulas through {@code cells}: each parameter's gradient
     * by {@link BackwardCells#gradient} and dL/d(its input), which it returns.
     */
    default Region backward(StageTrace trace, BackwardCells cells) {
        throw new UnsupportedOperationException(trace.stage().type() + " writes no backward pass");
    }
}
