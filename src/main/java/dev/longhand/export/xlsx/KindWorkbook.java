package dev.longhand.export.xlsx;

import dev.longhand.nn.StageTrace;

/**
 * How one layer kind writes itself into a workbook: its parameters as typed numbers, everything it
 * computes as formulas over {@link StageCells#input()} and those, each matrix of its trace under
 * its trace path. Dense layers' is {@link DenseWorkbook}; each other kind has its own in its package.
 */
public interface KindWorkbook {

    /** Writes {@code trace}'s stage through {@code cells}; returns where its output stands. */
    Written write(StageTrace trace, StageCells cells);
}
