package dev.longhand.export.xlsx;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.StageTrace;
import java.util.Optional;

/**
 * A dense layer as the page draws it: W and b typed in, then
 * {@code Z = MMULT(row of W, column of X) + b} for each unit and sample and {@code A = f(Z)}.
 */
final class DenseWorkbook implements KindWorkbook {

    @Override
    public Written write(StageTrace trace, StageCells cells) {
        LayerTrace t = (LayerTrace) trace;
        Layer layer = t.layer();
        Region x = cells.input();
        Region w = cells.numbers("W", "weights", layer.weights());
        Region b = cells.numbers("b", "bias", layer.bias());
        Region z = cells.formulas("Z = W·X + b", "z", layer.units(), x.cols(),
                (r, c) -> "MMULT(" + w.row(r) + "," + x.col(c) + ")+" + b.at(r, 0));
        Activation f = layer.activation();
        Region a = Activations.apply(cells, f, z, "A = " + Activations.title(f, "Z"), "a");
        return new Written(a, f == Activation.SOFTMAX ? Optional.of(z) : Optional.empty());
    }
}
