package dev.longhand.kinds.activation;

import dev.longhand.export.xlsx.Activations;
import dev.longhand.export.xlsx.BackwardCells;
import dev.longhand.export.xlsx.KindWorkbook;
import dev.longhand.export.xlsx.Region;
import dev.longhand.export.xlsx.StageCells;
import dev.longhand.export.xlsx.Written;
import dev.longhand.nn.Activation;
import dev.longhand.nn.StageTrace;
import java.util.Optional;
import java.util.function.Predicate;

/** An activation layer in a workbook: {@code A = f(X)}, each entry a formula of the input's cell. */
final class ActivationWorkbook implements KindWorkbook {

    @Override
    public Written write(StageTrace trace, StageCells cells) {
        Activation f = ((ActivationTrace) trace).stage().activation();
        Region x = cells.input();
        Region a = Activations.apply(cells, f, x, "A = " + Activations.title(f, "X"), "a");
        return new Written(a, f == Activation.SOFTMAX ? Optional.of(x) : Optional.empty());
    }

    @Override
    public boolean writesBackward(StageTrace trace, Predicate<StageTrace> inner) {
        return true;
    }

    /** {@code dX = dA ⊙ f′(X)} (softmax: per column), or the softmax's given dL/d(input) under cross entropy. */
    @Override
    public Region backward(StageTrace trace, BackwardCells cells) {
        if (cells.dLogits().isPresent()) {
            return cells.dLogits().get();
        }
        Activation f = ((ActivationTrace) trace).stage().activation();
        Region x = cells.input();
        Region a = cells.forward("a");
        Region dA = cells.dOutput();
        return cells.formulas("dX = dA ⊙ " + f.key() + "′(X)", cells.gradients().dInput(),
                (r, c) -> Activations.backward(f, dA, x, a, r, c));
    }
}
