package dev.longhand.kinds.norm;

import dev.longhand.nn.Matrix;
import dev.longhand.render.GradientContext;
import dev.longhand.render.GradientGroupView;
import dev.longhand.render.GradientLineView;
import dev.longhand.render.MatrixViews;
import dev.longhand.worked.Figures;
import dev.longhand.worked.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * A norm layer's backward pass written out, step for step as {@link Normalization#backward}
 * computes it: ∂L/∂x̂ = ∂L/∂a·γ for each value; per group m = mean of ∂L/∂x̂, d = Σ ∂L/∂x̂·x̂ and
 * c = d / (ρ·D) (ρ the denominator, or √σ² with ε added to the standard deviation; c = 0 when ρ
 * is 0); ∂L/∂x = (∂L/∂x̂ − m) / denominator − x̂·c; then ∂L/∂γ = Σ ∂L/∂a·x̂ and ∂L/∂β = Σ ∂L/∂a
 * along each row. Every sum is written in the order it is added, and each line's result is the
 * number the stage computed (m, d and c are recomputed here in the stage's order: the gradients
 * do not keep them). Keys under the layer: {@code dNormalized.R.C}, {@code dMean.G},
 * {@code dDot.G}, {@code dScale.G}, {@code dInput.R.C}, {@code gradients.gamma.R},
 * {@code gradients.beta.R}; longhand-norm.js's gradientView writes the same.
 */
final class NormGradientSheet {

    private NormGradientSheet() {
    }

    static List<GradientGroupView> lines(NormTrace t, NormGradients g, GradientContext context) {
        Normalization layer = t.stage();
        NormAxis axis = layer.axis();
        NormSettings settings = layer.settings();
        boolean batch = axis == NormAxis.BATCH;
        Matrix xHat = t.normalized();
        Matrix dA = g.dA();
        Matrix gamma = layer.gamma();
        int rows = xHat.rows();
        int cols = xHat.cols();
        int groups = axis.groups(rows, cols);
        int n = axis.members(rows, cols);
        double divisor = settings.variance().divisor(n);
        int shownDivisor = settings.variance() == VarianceMode.BIASED ? n : n - 1;
        List<Integer> members = MatrixViews.shownIndices(n);
        List<GradientLineView> hats = new ArrayList<>();
        List<GradientLineView> stats = new ArrayList<>();
        List<GradientLineView> inputs = new ArrayList<>();
        for (int group : MatrixViews.shownIndices(groups)) {
            double[] grad = new double[n];
            double gSum = 0.0;
            double gxSum = 0.0;
            for (int i = 0; i < n; i++) {
                int r = axis.row(group, i);
                int c = axis.col(group, i);
                grad[i] = dA.get(r, c) * gamma.get(r, 0);
                gSum += grad[i];
                gxSum += grad[i] * xHat.get(r, c);
            }
            double gMean = gSum / n;
            double v = t.variance().get(group, 0);
            double s = settings.epsilonAddedTo().denominator(v, settings.epsilon());
            double rho = settings.epsilonAddedTo().rootOfDerivative(v, s);
            double scale = rho > 0 ? gxSum / (rho * divisor) : 0.0;
            String sub = Figures.subscript(group + 1);
            for (int i : members) {
                int r = axis.row(group, i);
                int c = axis.col(group, i);
                hats.add(new GradientLineView(context.key("dNormalized", r, c), context.line()
                        .text("∂L/∂x̂" + cell(r, c) + " = ").factor(dA.get(r, c)).text("·").factor(gamma.get(r, 0))
                        .result(grad[i]), false));
            }
            Line mean = context.line().text("m" + sub + " = (");
            mean.terms(n, i -> {
                if (i == 0) {
                    mean.figure(grad[i]);
                } else {
                    mean.factor(grad[i]);
                }
            });
            stats.add(new GradientLineView(context.key("dMean", group), mean.text(") / " + n).result(gMean), false));
            Line dot = context.line().text("d" + sub + " = ");
            dot.terms(n, i -> dot.factor(grad[i]).text("·").factor(xHat.get(axis.row(group, i), axis.col(group, i))));
            stats.add(new GradientLineView(context.key("dDot", group), dot.result(gxSum), false));
            String scaleText;
            if (rho > 0) {
                Line line = context.line().text("c" + sub + " = ").figure(gxSum).text(" / (");
                rho(line, v, settings);
                scaleText = line.text("·" + shownDivisor + ")").result(scale);
            } else {
                scaleText = "c" + sub + " = 0 (the standard deviation is 0: only ε divides)";
            }
            stats.add(new GradientLineView(context.key("dScale", group), scaleText, false));
            for (int i : members) {
                int r = axis.row(group, i);
                int c = axis.col(group, i);
                Line line = context.line().text("∂L/∂x" + cell(r, c) + " = (").figure(grad[i]).text(" − ")
                        .factor(gMean).text(") / ");
                NormSheet.root(line, v, settings, false);
                line.text(" − ").factor(xHat.get(r, c)).text("·").factor(scale);
                inputs.add(new GradientLineView(context.key("dInput", r, c), line.result(g.dInput().get(r, c)), false));
            }
        }
        List<GradientLineView> parameters = new ArrayList<>();
        List<Integer> shownRows = MatrixViews.shownIndices(rows);
        for (int r : shownRows) {
            int row = r;
            Line line = context.line().text("∂L/∂γ" + Figures.subscript(r + 1) + " = ");
            line.terms(cols, c -> line.factor(dA.get(row, c)).text("·").factor(xHat.get(row, c)));
            parameters.add(new GradientLineView(context.key("gradients.gamma", r), line.result(g.dGamma().get(r, 0)),
                    false));
        }
        for (int r : shownRows) {
            int row = r;
            Line line = context.line().text("∂L/∂β" + Figures.subscript(r + 1) + " = ");
            if (cols == 1) {
                line.text("∂L/∂a" + cell(r, 0)).uses(dA.get(r, 0));
            } else {
                line.terms(cols, c -> {
                    if (c == 0) {
                        line.figure(dA.get(row, c));
                    } else {
                        line.factor(dA.get(row, c));
                    }
                });
            }
            parameters.add(new GradientLineView(context.key("gradients.beta", r), line.result(g.dBeta().get(r, 0)),
                    false));
        }
        String groupNoun = batch ? "row (feature)" : "column";
        String denominator = NormSheet.denominator(layer);
        String rhoSymbol = settings.epsilonAddedTo() == EpsilonPlacement.STD ? "√σ²" : denominator;
        return List.of(
                new GradientGroupView("Through γ: ∂L/∂x̂ = ∂L/∂a·γ, with the γ of its row", hats),
                new GradientGroupView("For each " + groupNoun + ": m = the mean of ∂L/∂x̂, d = Σ ∂L/∂x̂·x̂, c = d / ("
                        + rhoSymbol + "·" + shownDivisor + ")", stats),
                new GradientGroupView("Through the normalization: ∂L/∂x = (∂L/∂x̂ − m) / " + denominator + " − x̂·c",
                        inputs),
                new GradientGroupView("The parameters, along each row: ∂L/∂γ = Σ ∂L/∂a·x̂, ∂L/∂β = Σ ∂L/∂a",
                        parameters));
    }

    /** ρ of c's denominator: the denominator itself ("√(0.25 + 0.00001)"), or "√(0.25)" with ε added to the std. */
    private static void rho(Line line, double variance, NormSettings settings) {
        if (settings.epsilonAddedTo() == EpsilonPlacement.STD) {
            line.text("√(").figure(variance).text(")");
        } else {
            NormSheet.root(line, variance, settings, false);
        }
    }

    /** "₁,₂" for row 0, column 1. */
    private static String cell(int r, int c) {
        return Figures.subscript(r + 1) + "," + Figures.subscript(c + 1);
    }
}
