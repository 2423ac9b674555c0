package dev.longhand.kinds.residual;

import dev.longhand.export.xlsx.KindWorkbook;
import dev.longhand.export.xlsx.Region;
import dev.longhand.export.xlsx.StageCells;
import dev.longhand.export.xlsx.Written;
import dev.longhand.nn.StageTrace;

/** A residual in a workbook: its inner layers below one another, then {@code A = X + f(X)}. */
final class ResidualWorkbook implements KindWorkbook {

    @Override
    public Written write(StageTrace trace, StageCells cells) {
        Residual.ResidualTrace t = (Residual.ResidualTrace) trace;
        Region x = cells.input();
        Region f = x;
        for (int i = 0; i < t.inner().size(); i++) {
            f = cells.inner(t.inner().get(i), i, f).a();
        }
        Region inner = f;
        cells.heading(t.stage().name() + ": the skip connection");
        Region a = cells.formulas("A = X + f(X)", "a", x.rows(), x.cols(), (r, c) -> x.at(r, c) + "+" + inner.at(r, c));
        return Written.of(a);
    }
}
