package dev.longhand.kinds.norm;

import dev.longhand.export.xlsx.KindWorkbook;
import dev.longhand.export.xlsx.Region;
import dev.longhand.export.xlsx.StageCells;
import dev.longhand.export.xlsx.Written;
import dev.longhand.nn.StageTrace;

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
}
