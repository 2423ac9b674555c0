package dev.longhand.kinds.activation;

import dev.longhand.export.xlsx.Activations;
import dev.longhand.export.xlsx.KindWorkbook;
import dev.longhand.export.xlsx.Region;
import dev.longhand.export.xlsx.StageCells;
import dev.longhand.export.xlsx.Written;
import dev.longhand.nn.Activation;
import dev.longhand.nn.StageTrace;
import java.util.Optional;

/** An activation layer in a workbook: {@code A = f(X)}, each entry a formula of the input's cell. */
final class ActivationWorkbook implements KindWorkbook {

    @Override
    public Written write(StageTrace trace, StageCells cells) {
        Activation f = ((ActivationTrace) trace).stage().activation();
        Region x = cells.input();
        Region a = Activations.apply(cells, f, x, "A = " + Activations.title(f, "X"), "a");
        return new Written(a, f == Activation.SOFTMAX ? Optional.of(x) : Optional.empty());
    }
}
