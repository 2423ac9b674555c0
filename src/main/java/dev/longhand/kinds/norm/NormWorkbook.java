package dev.longhand.kinds.norm;

import dev.longhand.export.xlsx.BackwardCells;
import dev.longhand.export.xlsx.KindWorkbook;
import dev.longhand.export.xlsx.Region;
import dev.longhand.export.xlsx.StageCells;
import dev.longhand.export.xlsx.Written;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import java.util.function.Predicate;

/**
 * Batch or layer norm in a workbook: γ, β and ε typed in; per group (a row for batch norm, a
 * column for layer norm) {@code mean = AVERAGE(group)} and
 * {@code variance = SUMPRODUCT((group − mean)^2)/n} (or {@code /(n − 1)}, unbiased, as VAR.S);
 * {@code x̂ = (x − mean)/SQRT(variance + ε)} (or {@code /(SQRT(variance) + ε)}); {@code A = γ·x̂ + β}.
 * Batch norm's statistics stand in a column beside X, layer norm's in a row below it.
 */
final class NormWorkbook implements KindWorkbook {

    @Override
    public Written write(StageTrace trace, StageCells cells) {
        Normalization layer = ((NormTrace) trace).stage();
        NormSettings settings = layer.settings();
        boolean rows = layer.axis() == NormAxis.BATCH;
        Region x = cells.input();
        Region gamma = cells.numbers("γ", "gamma", layer.gamma());
        Region beta = cells.numbers("β", "beta", layer.beta());
        Region eps = cells.number("ε", "epsilon", settings.epsilon());
        int groups = rows ? x.rows() : x.cols();
        String divisor = settings.variance() == VarianceMode.BIASED ? "COUNT(%s)" : "(COUNT(%s)-1)";
        Region mean;
        Region variance;
        if (rows) {
            mean = cells.formulas("mean", "mean", groups, 1, (g, c) -> "AVERAGE(" + x.row(g) + ")");
            variance = cells.formulas("variance", "variance", groups, 1, (g, c) -> "SUMPRODUCT((" + x.row(g) + "-"
                    + mean.at(g, 0) + ")^2)/" + divisor.formatted(x.row(g)));
        } else {
            cells.nextLine();
            mean = cells.formulas("mean", "mean", 1, groups, (r, g) -> "AVERAGE(" + x.col(g) + ")");
            variance = cells.formulas("variance", "variance", 1, groups, (r, g) -> "SUMPRODUCT((" + x.col(g) + "-"
                    + mean.at(0, g) + ")^2)/" + divisor.formatted(x.col(g)));
            cells.nextLine();
        }
        String e = eps.at(0, 0);
        Region normalized = cells.formulas("x̂ = (x − mean)/" + (settings.epsilonAddedTo() == EpsilonPlacement.VARIANCE
                        ? "√(variance + ε)" : "(√variance + ε)"), "normalized", x.rows(), x.cols(), (r, c) -> {
                    String m = rows ? mean.at(r, 0) : mean.at(0, c);
                    String v = rows ? variance.at(r, 0) : variance.at(0, c);
                    String denominator = settings.epsilonAddedTo() == EpsilonPlacement.VARIANCE
                            ? "SQRT(" + v + "+" + e + ")" : "(SQRT(" + v + ")+" + e + ")";
                    return "(" + x.at(r, c) + "-" + m + ")/" + denominator;
                });
        Region a = cells.formulas("A = γ·x̂ + β", "a", x.rows(), x.cols(),
                (r, c) -> gamma.at(r, 0) + "*" + normalized.at(r, c) + "+" + beta.at(r, 0));
        return Written.of(a);
    }

    @Override
    public boolean writesBackward(StageTrace trace, Predicate<StageTrace> inner) {
        return true;
    }

    /**
     * As {@link Normalization#backward}: {@code g = dA·γ}; per group {@code mean of g} and
     * {@code c = Σ g·x̂ / (ρ·D)} (0 when ρ = 0; ρ = the denominator with ε under the root, √variance
     * with ε added to it); {@code dX = (g − mean of g)/s − x̂·c}; {@code dγ = Σ dA·x̂} and
     * {@code dβ = Σ dA} over each row.
     */
    @Override
    public Region backward(StageTrace trace, BackwardCells cells) {
        Normalization layer = ((NormTrace) trace).stage();
        NormSettings settings = layer.settings();
        boolean rows = layer.axis() == NormAxis.BATCH;
        Region dA = cells.dOutput();
        Region gamma = cells.forward("gamma");
        Region xHat = cells.forward("normalized");
        Region variance = cells.forward("variance");
        String e = cells.forward("epsilon").at(0, 0);
        boolean underRoot = settings.epsilonAddedTo() == EpsilonPlacement.VARIANCE;
        int groups = rows ? dA.rows() : dA.cols();
        NormTrace t = (NormTrace) trace;
        NormGradients grads = (NormGradients) cells.gradients();
        double[][] gv = new double[dA.rows()][dA.cols()];
        for (int r = 0; r < dA.rows(); r++) {
            for (int c = 0; c < dA.cols(); c++) {
                gv[r][c] = grads.dA().get(r, c) * layer.gamma().get(r, 0);
            }
        }
        Matrix gMatrix = Matrix.of(gv);
        Region g = cells.formulas("g = dA·γ", gMatrix, (r, c) -> dA.at(r, c) + "*" + gamma.at(r, 0));
        java.util.function.IntFunction<String> group = k -> rows ? g.row(k) : g.col(k);
        java.util.function.IntFunction<String> normalizedGroup = k -> rows ? xHat.row(k) : xHat.col(k);
        java.util.function.IntFunction<String> v = k -> rows ? variance.at(k, 0) : variance.at(0, k);
        java.util.function.IntFunction<String> s = k -> underRoot ? "SQRT(" + v.apply(k) + "+" + e + ")"
                : "(SQRT(" + v.apply(k) + ")+" + e + ")";
        java.util.function.IntFunction<String> rho = k -> underRoot ? s.apply(k) : "SQRT(" + v.apply(k) + ")";
        String divisor = settings.variance() == VarianceMode.BIASED ? "COUNT(%s)" : "(COUNT(%s)-1)";
        int statRows = rows ? groups : 1;
        int statCols = rows ? 1 : groups;
        double[][] means = new double[statRows][statCols];
        double[][] cValues = new double[statRows][statCols];
        int n = rows ? dA.cols() : dA.rows();
        double divisorValue = settings.variance() == VarianceMode.BIASED ? n : n - 1;
        for (int k = 0; k < groups; k++) {
            double sum = 0.0;
            double gx = 0.0;
            for (int i = 0; i < n; i++) {
                int r = rows ? k : i;
                int c = rows ? i : k;
                sum += gv[r][c];
                gx += gv[r][c] * t.normalized().get(r, c);
            }
            double variance1 = t.variance().get(k, 0);
            double s1 = underRoot ? Math.sqrt(variance1 + settings.epsilon()) : Math.sqrt(variance1) + settings.epsilon();
            double rho1 = underRoot ? s1 : Math.sqrt(variance1);
            means[rows ? k : 0][rows ? 0 : k] = sum / n;
            cValues[rows ? k : 0][rows ? 0 : k] = rho1 > 0 ? gx / (rho1 * divisorValue) : 0.0;
        }
        Region gMean = cells.formulas("mean of g", Matrix.of(means), (r, c) -> "AVERAGE(" + group.apply(rows ? r : c) + ")");
        Region cs = cells.formulas("c = Σ g·x̂ / (ρ·D)", Matrix.of(cValues), (r, c) -> {
            int k = rows ? r : c;
            return "IF(" + rho.apply(k) + ">0,SUMPRODUCT(" + group.apply(k) + "," + normalizedGroup.apply(k) + ")/("
                    + rho.apply(k) + "*" + divisor.formatted(group.apply(k)) + "),0)";
        });
        cells.nextLine();
        cells.gradient("dγ = Σ dA·x̂", "gamma", (r, c) -> "SUMPRODUCT(" + dA.row(r) + "," + xHat.row(r) + ")");
        cells.gradient("dβ = Σ dA", "beta", (r, c) -> "SUM(" + dA.row(r) + ")");
        return cells.formulas("dX = (g − mean of g)/s − x̂·c", grads.dInput(), (r, c) -> {
            int k = rows ? r : c;
            String m = rows ? gMean.at(k, 0) : gMean.at(0, k);
            String ck = rows ? cs.at(k, 0) : cs.at(0, k);
            return "(" + g.at(r, c) + "-" + m + ")/" + s.apply(k) + "-" + xHat.at(r, c) + "*" + ck;
        });
    }
}
