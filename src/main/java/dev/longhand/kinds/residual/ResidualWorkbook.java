package dev.longhand.kinds.residual;

import dev.longhand.export.xlsx.BackwardCells;
import dev.longhand.export.xlsx.KindWorkbook;
import dev.longhand.export.xlsx.Region;
import dev.longhand.export.xlsx.StageCells;
import dev.longhand.export.xlsx.Written;
import dev.longhand.nn.StageTrace;
import java.util.function.Predicate;

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

    /** When every inner layer's kind writes its own. */
    @Override
    public boolean writesBackward(StageTrace trace, Predicate<StageTrace> inner) {
        return ((Residual.ResidualTrace) trace).inner().stream().allMatch(inner);
    }

    /** The inner layers' backward passes, last first, then {@code dX = dA + dX through f}. */
    @Override
    public Region backward(StageTrace trace, BackwardCells cells) {
        Residual.ResidualTrace t = (Residual.ResidualTrace) trace;
        Residual.ResidualGradients g = (Residual.ResidualGradients) cells.gradients();
        Region dA = cells.dOutput();
        Region d = dA;
        for (int i = t.inner().size() - 1; i >= 0; i--) {
            Region in = i == 0 ? cells.input() : cells.forward("layers." + (i - 1) + ".a");
            d = cells.inner(t.inner().get(i), g.inner().get(i), i, d, in);
        }
        Region through = d;
        cells.nextLine();
        return cells.formulas("dX = dA + dX through the layers", g.dInput(),
                (r, c) -> dA.at(r, c) + "+" + through.at(r, c));
    }
}
