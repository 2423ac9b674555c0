package dev.longhand.kinds.attention;

import dev.longhand.export.xlsx.Activations;
import dev.longhand.export.xlsx.BackwardCells;
import dev.longhand.export.xlsx.KindWorkbook;
import dev.longhand.export.xlsx.Region;
import dev.longhand.export.xlsx.StageCells;
import dev.longhand.export.xlsx.Written;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Attention in a workbook, head by head as the page works it: the projections typed in;
 * {@code Q = W_q·X}, {@code K}, {@code V} by MMULT; each score {@code SUMPRODUCT(column i of K,
 * column j of Q)} times the scale; a score the causal mask hides is the text "−∞" and its weight
 * the formula 0, every other weight the softmax of its column's unmasked scores; {@code Z = V·weights};
 * then the heads stacked and the output projection. Given weights: {@code V} (or X) times them.
 */
final class AttentionWorkbook implements KindWorkbook {

    /** What a masked score shows: no number, so no formula can take it for one. */
    static final String MASKED = "−∞";

    @Override
    public Written write(StageTrace trace, StageCells cells) {
        AttentionTrace t = (AttentionTrace) trace;
        Region x = cells.input();
        if (t.stage() instanceof GivenWeightsAttention layer) {
            return given(layer, x, cells);
        }
        SelfAttention layer = (SelfAttention) t.stage();
        List<Region> zs = new ArrayList<>();
        for (int h = 0; h < layer.heads().size(); h++) {
            zs.add(head(layer, h, x, cells));
        }
        Region stacked = zs.get(0);
        if (zs.size() > 1) {
            cells.heading("The heads' Z stacked");
            List<int[]> rows = new ArrayList<>();
            for (int h = 0; h < zs.size(); h++) {
                for (int r = 0; r < zs.get(h).rows(); r++) {
                    rows.add(new int[] {h, r});
                }
            }
            stacked = cells.formulas("stacked Z", t.stacked(), (r, c) -> zs.get(rows.get(r)[0]).at(rows.get(r)[1], c));
        }
        cells.keep("stacked", stacked);
        if (layer.output().isEmpty()) {
            cells.name("a", stacked);
            return Written.of(stacked);
        }
        Region s = stacked;
        if (zs.size() == 1) {
            cells.heading("The output projection");
        }
        Region out = cells.numbers("W_o", "output", layer.output().get());
        Region a = cells.formulas("A = W_o·stacked Z", "a", out.rows(), x.cols(),
                (r, c) -> "MMULT(" + out.row(r) + "," + s.col(c) + ")");
        return Written.of(a);
    }

    private static Region head(SelfAttention layer, int h, Region x, StageCells cells) {
        AttentionHead head = layer.heads().get(h);
        String at = "heads." + h + ".";
        cells.heading("Head " + (h + 1));
        Region query = cells.numbers("W_q", at + "query", head.query());
        Region key = cells.numbers("W_k", at + "key", head.key());
        Region value = cells.numbers("W_v", at + "value", head.value());
        cells.nextLine();
        Region q = product(cells, "Q = W_q·X", at + "q", query, x);
        Region k = product(cells, "K = W_k·X", at + "k", key, x);
        Region v = product(cells, "V = W_v·X", at + "v", value, x);
        cells.nextLine();
        int tokens = x.cols();
        String scale = switch (layer.scale().form()) {
            case ROOT -> "*(1/SQRT(" + head.keySize() + "))";
            case NONE -> "";
            case NUMBER -> "*" + layer.scale().number();
        };
        boolean causal = layer.causal();
        Region scores = cells.formulas("scores = Kᵀ·Q" + (scale.isEmpty() ? "" : " · scale"), at + "scores", tokens,
                tokens, (i, j) -> causal && i > j ? null : "SUMPRODUCT(" + k.col(i) + "," + q.col(j) + ")" + scale, MASKED);
        Region weights = cells.formulas("weights = softmax of each column", at + "weights", tokens, tokens,
                (i, j) -> causal && i > j ? "0"
                        : Activations.softmax(scores.at(i, j), causal ? scores.col(j, 0, j) : scores.col(j)));
        return product(cells, "Z = V·weights", at + "z", v, weights);
    }

    private static Written given(GivenWeightsAttention layer, Region x, StageCells cells) {
        Region weights = cells.numbers("weights", "weights", layer.weights());
        cells.name("heads.0.weights", weights);
        Region v;
        if (layer.value().isPresent()) {
            Region value = cells.numbers("W_v", "value", layer.value().get());
            v = product(cells, "V = W_v·X", "heads.0.v", value, x);
        } else {
            v = cells.formulas("V = X", "heads.0.v", x.rows(), x.cols(), x::at);
        }
        Region z = product(cells, "Z = V·weights", "heads.0.z", v, weights);
        cells.name("a", z);
        return Written.of(z);
    }

    /** left · right, each entry {@code MMULT(row of left, column of right)}. */
    private static Region product(StageCells cells, String title, String field, Region left, Region right) {
        return cells.formulas(title, field, left.rows(), right.cols(),
                (r, c) -> "MMULT(" + left.row(r) + "," + right.col(c) + ")");
    }


    @Override
    public boolean writesBackward(StageTrace trace, Predicate<StageTrace> inner) {
        return true;
    }

    /** As {@link SelfAttention#backward} and {@link GivenWeightsAttention#backward}, product by product. */
    @Override
    public Region backward(StageTrace trace, BackwardCells cells) {
        AttentionTrace t = (AttentionTrace) trace;
        AttentionGradients grads = (AttentionGradients) cells.gradients();
        Region x = cells.input();
        Region dA = cells.dOutput();
        if (t.stage() instanceof GivenWeightsAttention layer) {
            Region v = cells.forward("heads.0.v");
            Region w = cells.forward("weights");
            cells.gradient("dweights = Vᵀ·dA", "weights", (i, j) -> "SUMPRODUCT(" + v.col(i) + "," + dA.col(j) + ")");
            Region dV = cells.formulas("dV = dA·weightsᵀ", grads.heads().get(0).dV(),
                    (f, i) -> "SUMPRODUCT(" + dA.row(f) + "," + w.row(i) + ")");
            if (layer.value().isEmpty()) {
                return dV;
            }
            Region value = cells.forward("value");
            cells.gradient("dW_v = dV·Xᵀ", "value", (f, c) -> "SUMPRODUCT(" + dV.row(f) + "," + x.row(c) + ")");
            return cells.formulas("dX = W_vᵀ·dV", grads.dInput(),
                    (c, k) -> "SUMPRODUCT(" + value.col(c) + "," + dV.col(k) + ")");
        }
        SelfAttention layer = (SelfAttention) t.stage();
        Region stacked = cells.forward("stacked");
        Region dStacked = dA;
        if (layer.output().isPresent()) {
            Region out = cells.forward("output");
            cells.gradient("dW_o = dA·stacked Zᵀ", "output", (o, s) -> "SUMPRODUCT(" + dA.row(o) + "," + stacked.row(s) + ")");
            dStacked = cells.formulas("d stacked Z = W_oᵀ·dA", grads.dStacked(),
                    (s, k) -> "SUMPRODUCT(" + out.col(s) + "," + dA.col(k) + ")");
        }
        List<Region[]> heads = new ArrayList<>();
        int row = 0;
        for (int h = 0; h < layer.heads().size(); h++) {
            AttentionHead head = layer.heads().get(h);
            String at = "heads." + h + ".";
            cells.nextLine();
            Region dZ = new Region(dStacked.sheet(), dStacked.prefix(), dStacked.top() + row, dStacked.left(),
                    head.valueSize(), dStacked.cols());
            row += head.valueSize();
            Region q = cells.forward(at + "q");
            Region k = cells.forward(at + "k");
            Region v = cells.forward(at + "v");
            Region w = cells.forward(at + "weights");
            boolean causal = layer.causal();
            HeadGradients hg = grads.heads().get(h);
            Region dW = cells.formulas("Head " + (h + 1) + ": dweights = Vᵀ·dZ", hg.dWeights(),
                    (i, j) -> "SUMPRODUCT(" + v.col(i) + "," + dZ.col(j) + ")");
            Region dV = cells.formulas("dV = dZ·weightsᵀ", hg.dV(),
                    (f, i) -> "SUMPRODUCT(" + dZ.row(f) + "," + w.row(i) + ")");
            String scale = switch (layer.scale().form()) {
                case ROOT -> "*(1/SQRT(" + head.keySize() + "))";
                case NONE -> "";
                case NUMBER -> "*" + layer.scale().number();
            };
            Matrix dScores = hg.dScores().orElseThrow();
            Matrix dPValues = layer.scale().scales() ? dScores.times(layer.factor(head)) : dScores;
            Region dP = cells.formulas("dscores" + (scale.isEmpty() ? "" : " · scale") + " (softmax backward)", dPValues,
                    (i, j) -> causal && i > j ? "0" : "(" + w.at(i, j) + "*(" + dW.at(i, j) + "-SUMPRODUCT("
                            + dW.col(j) + "," + w.col(j) + ")))" + scale);
            Region dQ = cells.formulas("dQ = K·dP", hg.dQ().orElseThrow(),
                    (f, j) -> "MMULT(" + k.row(f) + "," + dP.col(j) + ")");
            Region dK = cells.formulas("dK = Q·dPᵀ", hg.dK().orElseThrow(),
                    (f, i) -> "SUMPRODUCT(" + q.row(f) + "," + dP.row(i) + ")");
            cells.nextLine();
            cells.gradient("dW_q = dQ·Xᵀ", at + "query", (f, c) -> "SUMPRODUCT(" + dQ.row(f) + "," + x.row(c) + ")");
            cells.gradient("dW_k = dK·Xᵀ", at + "key", (f, c) -> "SUMPRODUCT(" + dK.row(f) + "," + x.row(c) + ")");
            cells.gradient("dW_v = dV·Xᵀ", at + "value", (f, c) -> "SUMPRODUCT(" + dV.row(f) + "," + x.row(c) + ")");
            Region query = cells.forward(at + "query");
            Region key = cells.forward(at + "key");
            Region value = cells.forward(at + "value");
            heads.add(new Region[] {query, key, value, dQ, dK, dV});
        }
        cells.nextLine();
        return cells.formulas("dX = Σ over heads of W_qᵀ·dQ + W_kᵀ·dK + W_vᵀ·dV", grads.dInput(), (c, k) -> {
            StringBuilder sum = new StringBuilder();
            for (Region[] r : heads) {
                for (int m = 0; m < 3; m++) {
                    if (sum.length() > 0) {
                        sum.append('+');
                    }
                    sum.append("SUMPRODUCT(").append(r[m].col(c)).append(',').append(r[m + 3].col(k)).append(')');
                }
            }
            return sum.toString();
        });
    }
}
