package dev.longhand.kinds.dropout;

import dev.longhand.export.xlsx.KindWorkbook;
import dev.longhand.export.xlsx.Region;
import dev.longhand.export.xlsx.StageCells;
import dev.longhand.export.xlsx.Written;
import dev.longhand.nn.StageTrace;

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
}
