package dev.longhand.kinds.dropout;

import dev.longhand.export.xlsx.BackwardCells;
import dev.longhand.export.xlsx.KindWorkbook;
import dev.longhand.export.xlsx.Region;
import dev.longhand.export.xlsx.StageCells;
import dev.longhand.export.xlsx.Written;
import dev.longhand.nn.StageTrace;
import java.util.function.Predicate;

/** Dropout in a workbook: the mask and p typed in, {@code A = X·mask/(1 − p)} entry by entry. */
final class DropoutWorkbook implements KindWorkbook {

    @Override
    public Written write(StageTrace trace, StageCells cells) {
        Dropout layer = ((DropoutTrace) trace).stage();
        Region x = cells.input();
        Region p = cells.number("p", "p", layer.p());
        Region mask = cells.numbers("mask", "mask", layer.mask());
        Region a = cells.formulas("A = X·mask/(1 − p)", "a", x.rows(), x.cols(),
                (r, c) -> x.at(r, c) + "*" + mask.at(r, c) + "/(1-" + p.at(0, 0) + ")");
        return Written.of(a);
    }

    @Override
    public boolean writesBackward(StageTrace trace, Predicate<StageTrace> inner) {
        return true;
    }

    /** {@code dX = dA·mask/(1 − p)}. */
    @Override
    public Region backward(StageTrace trace, BackwardCells cells) {
        Region dA = cells.dOutput();
        Region mask = cells.forward("mask");
        Region p = cells.forward("p");
        return cells.formulas("dX = dA·mask/(1 − p)", cells.gradients().dInput(),
                (r, c) -> dA.at(r, c) + "*" + mask.at(r, c) + "/(1-" + p.at(0, 0) + ")");
    }
}
