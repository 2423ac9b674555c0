package dev.longhand.kinds.norm;

import dev.longhand.nn.Matrix;
import dev.longhand.render.MatrixView;
import dev.longhand.render.MatrixViews;
import dev.longhand.render.SheetContext;
import dev.longhand.render.WorkGroupView;
import dev.longhand.render.WorkLineView;
import dev.longhand.worked.Figures;
import dev.longhand.worked.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * The worksheet of a norm layer, as a teacher writes it: the mean and the variance of each group
 * (a row for batch norm, a column for layer norm) with every term written out, each normalized
 * value x̂ = (x − μ) / √(σ² + ε), then γ·x̂ + β. γ and β are editable. Line keys are
 * {@code L.mean.R.C} and {@code L.variance.R.C} (the place of the group's number in the μ and σ²
 * tables: a column for batch norm, a row for layer norm), {@code L.normalized.R.C} and
 * {@code L.a.R.C}; longhand-norm.js writes the same lines. On a worksheet the means, variances and
 * x̂ are the layer's part "z" and A its part "a". Given the means and variances, x̂ repeats a hidden
 * input entry by entry, and A (γ·x̂ + β) a hidden x̂, so each waits for what it repeats.
 */
final class NormSheet {

    /** What the norm's partial draws. */
    record View(String index, String title, String label, String settings, MatrixView input, MatrixView mean,
                MatrixView variance, MatrixView normalized, MatrixView gamma, MatrixView beta, MatrixView a,
                List<WorkGroupView> work) {
    }

    private NormSheet() {
    }

    static String section(SheetContext context, String label) {
        NormTrace t = (NormTrace) context.trace();
        Normalization layer = t.stage();
        NormAxis axis = layer.axis();
        boolean batch = axis == NormAxis.BATCH;
        MatrixViews m = context.matrices();
        List<String> rows = context.inputNames();
        List<String> cols = context.sampleNames();
        List<String> single = List.of("value");
        String sub = context.sub();
        String groupNoun = batch ? "row (feature)" : "column";
        MatrixView mean = context.computed(batch
                ? m.shown("μ" + sub, "the mean of each " + groupNoun, "bias", t.mean(), rows, single,
                        (r, c) -> context.key("mean", r), MatrixViews.NO_MARKS)
                : m.shown("μ" + sub, "the mean of each " + groupNoun, "bias", t.mean().transpose(), single, cols,
                        (r, c) -> context.key("mean", c), MatrixViews.NO_MARKS), "mean", "z");
        MatrixView variance = context.computed(batch
                ? m.shown("σ²" + sub, "the variance of each " + groupNoun, "bias", t.variance(), rows, single,
                        (r, c) -> context.key("variance", r), MatrixViews.NO_MARKS)
                : m.shown("σ²" + sub, "the variance of each " + groupNoun, "bias", t.variance().transpose(), single,
                        cols, (r, c) -> context.key("variance", c), MatrixViews.NO_MARKS), "variance", "z");
        MatrixView normalized = context.computed(m.shown("X̂" + sub, "each value normalized, (x − μ) / " + denominator(layer), "z",
                t.normalized(), rows, cols, (r, c) -> context.key("normalized", r, c), MatrixViews.NO_MARKS),
                "normalized", "z", context.inputMatrix());
        MatrixView gamma = m.editable("γ" + sub, "the scale γ, one per feature", "bias", layer.gamma(), rows, single,
                (r, c) -> context.key("gamma", r));
        MatrixView beta = m.editable("β" + sub, "the shift β, one per feature", "bias", layer.beta(), rows, single,
                (r, c) -> context.key("beta", r));
        MatrixView a = context.computed(m.shown("A" + sub, "γ·x̂ + β", "a", t.a(), rows, cols,
                (r, c) -> context.key("a", r, c), MatrixViews.NO_MARKS), "a", "a", context.key("normalized"));

        String lineKey = context.prefix().substring("layers.".length());
        int p = context.precision();
        Matrix x = t.input();
        int groups = axis.groups(x.rows(), x.cols());
        int n = axis.members(x.rows(), x.cols());
        int divisor = layer.settings().variance() == VarianceMode.BIASED ? n : n - 1;
        List<WorkLineView> stats = new ArrayList<>();
        List<WorkLineView> hats = new ArrayList<>();
        List<WorkLineView> outputs = new ArrayList<>();
        // Lines for the groups and members the elided tables show (a large matrix: its first and last three).
        List<Integer> members = MatrixViews.shownIndices(n);
        for (int g : MatrixViews.shownIndices(groups)) {
            int group = g;
            double mu = t.mean().get(g, 0);
            double var = t.variance().get(g, 0);
            String at = batch ? g + ".0" : "0." + g;
            Line sum = new Line(p).text("μ" + Figures.subscript(g + 1) + " = (");
            String muKey = context.key("mean", g);
            String varKey = context.key("variance", g);
            sum.terms(n, i -> {
                int r = axis.row(group, i);
                int c = axis.col(group, i);
                if (i == 0) {
                    context.figure(sum, x.get(r, c), context.inputKey(r, c));
                } else {
                    context.factor(sum, x.get(r, c), context.inputKey(r, c));
                }
            });
            stats.add(context.line(lineKey + ".mean." + at, sum.text(") / " + n).result(mu), muKey));
            Line squares = new Line(p).text("σ²" + Figures.subscript(g + 1) + " = (");
            squares.terms(n, i -> {
                int r = axis.row(group, i);
                int c = axis.col(group, i);
                context.factor(context.figure(squares.text("("), x.get(r, c), context.inputKey(r, c)).text(" − "),
                        mu, muKey).text(")²");
            });
            stats.add(context.line(lineKey + ".variance." + at, squares.text(") / " + divisor).result(var), varKey));
            for (int i : members) {
                int r = axis.row(g, i);
                int c = axis.col(g, i);
                String cell = Figures.subscript(r + 1) + "," + Figures.subscript(c + 1);
                double xHat = t.normalized().get(r, c);
                Line hat = new Line(p).text("x̂" + cell + " = (");
                context.factor(context.figure(hat, x.get(r, c), context.inputKey(r, c)).text(" − "), mu, muKey)
                        .text(") / ");
                root(hat, var, layer.settings(), context.hidden(varKey));
                hats.add(context.line(lineKey + ".normalized." + r + "." + c, hat.result(xHat),
                        context.key("normalized", r, c)));
                Line out = new Line(p).text("a" + cell + " = ").factor(layer.gamma().get(r, 0)).text("·");
                context.factor(out, xHat, context.key("normalized", r, c)).text(" + ").factor(layer.beta().get(r, 0));
                outputs.add(context.line(lineKey + ".a." + r + "." + c, out.result(t.a().get(r, c)),
                        context.key("a", r, c)));
            }
        }
        List<WorkGroupView> work = List.of(
                WorkGroupView.step("The mean and variance of each " + groupNoun + ": μ = Σx / " + n + ", σ² = Σ(x − μ)² / "
                        + divisor, stats),
                WorkGroupView.step("Each value normalized: x̂ = (x − μ) / " + denominator(layer), hats),
                WorkGroupView.step("Scaled and shifted: a = γ·x̂ + β, with the γ and β of its row", outputs));
        String settings = "ε = " + context.display(layer.settings().epsilon()) + (layer.settings().epsilon() == 0
                ? " (the plain standard deviation)"
                : layer.settings().epsilonAddedTo() == EpsilonPlacement.VARIANCE ? ", added to the variance"
                        : ", added to the standard deviation")
                + "; the variance divides by " + (layer.settings().variance() == VarianceMode.BIASED
                        ? "n (biased)" : "n − 1 (unbiased)");
        return context.render("layer-norm", new View(lineKey, context.title(), label, settings,
                context.input(context.inputSymbol(), "the input of the " + label), mean, variance, normalized, gamma,
                beta, a, work));
    }

    /**
     * "√(0.6667 + 0.00001)", "(√0.6667 + 0.00001)" with ε added to the standard deviation, "√(0.6667)"
     * for ε = 0; "?" for a variance a worksheet hides.
     */
    static void root(Line line, double variance, NormSettings settings, boolean hidden) {
        if (settings.epsilon() == 0) {
            varianceFigure(line.text("√("), variance, hidden).text(")");
        } else if (settings.epsilonAddedTo() == EpsilonPlacement.VARIANCE) {
            varianceFigure(line.text("√("), variance, hidden).text(" + ").figure(settings.epsilon()).text(")");
        } else {
            varianceFigure(line.text("(√"), variance, hidden).text(" + ").figure(settings.epsilon()).text(")");
        }
    }

    private static Line varianceFigure(Line line, double variance, boolean hidden) {
        return hidden ? line.unknown(variance) : line.figure(variance);
    }

    /** The denominator in symbols: "√(σ² + ε)", "(√σ² + ε)", "√σ²". */
    static String denominator(Normalization layer) {
        if (layer.settings().epsilon() == 0) {
            return "√σ²";
        }
        return layer.settings().epsilonAddedTo() == EpsilonPlacement.VARIANCE ? "√(σ² + ε)" : "(√σ² + ε)";
    }
}
