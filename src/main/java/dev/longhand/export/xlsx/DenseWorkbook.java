package dev.longhand.export.xlsx;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.LayerGradients;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.StageTrace;
import java.util.Optional;
import java.util.function.Predicate;

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

    @Override
    public boolean writesBackward(StageTrace trace, Predicate<StageTrace> inner) {
        return true;
    }

    /** {@code dZ = dA ⊙ f′(Z)}, {@code dW = dZ·Xᵀ}, {@code db} = row sums of dZ, {@code dX = Wᵀ·dZ}. */
    @Override
    public Region backward(StageTrace trace, BackwardCells cells) {
        Activation f = ((LayerTrace) trace).layer().activation();
        Region w = cells.forward("weights");
        Region z = cells.forward("z");
        Region a = cells.forward("a");
        Region x = cells.input();
        Region dA = cells.dOutput();
        LayerGradients g = (LayerGradients) cells.gradients();
        Region dZ = cells.dLogits().orElseGet(() -> cells.formulas("dZ = dA ⊙ " + f.key() + "′(Z)", g.dZ(),
                (r, c) -> Activations.backward(f, dA, z, a, r, c)));
        cells.gradient("dW = dZ·Xᵀ", "weights", (r, k) -> "SUMPRODUCT(" + dZ.row(r) + "," + x.row(k) + ")");
        cells.gradient("db = Σ dZ", "bias", (r, c) -> "SUM(" + dZ.row(r) + ")");
        return cells.formulas("dX = Wᵀ·dZ", g.dInput(), (k, c) -> "SUMPRODUCT(" + w.col(k) + "," + dZ.col(c) + ")");
    }
}
