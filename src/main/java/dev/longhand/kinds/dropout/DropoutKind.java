package dev.longhand.kinds.dropout;

import dev.longhand.kinds.LayerKind;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageGradients;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.GradientContext;
import dev.longhand.render.GradientGroupView;
import dev.longhand.render.GradientLineView;
import dev.longhand.render.JsonWriter;
import dev.longhand.render.MatrixView;
import dev.longhand.render.MatrixViews;
import dev.longhand.render.SheetContext;
import dev.longhand.render.WorkGroupView;
import dev.longhand.render.WorkLineView;
import dev.longhand.spec.Dim;
import dev.longhand.spec.KindResult;
import dev.longhand.spec.LayerFields;
import dev.longhand.worked.Figures;
import dev.longhand.worked.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code type: dropout}: {@code p} (0 ≤ p < 1), and either {@code mask} (0s and 1s, the input's
 * shape) or {@code seed} (the mask drawn at read time by {@link Dropout#drawMask}). The worksheet
 * shows the mask, marks each dropped value (the class {@code dropped} and the words "dropped" in
 * its line, so not by colour alone) and writes the scaling by 1/(1 − p) for every value;
 * longhand-dropout.js writes the same.
 */
public final class DropoutKind implements LayerKind {

    /** Seeds beyond this size are written as JSON strings, which a browser reads without rounding. */
    static final long LARGEST_EXACT = 1L << 53;

    @Override
    public String type() {
        return "dropout";
    }

    @Override
    public List<String> keys() {
        return List.of("p", "mask", "seed");
    }

    @Override
    public KindResult read(LayerFields fields) {
        if (!fields.has("p")) {
            fields.missing("p", "give p, the probability of dropping each value, e.g. p: 0.5");
        }
        OptionalDouble p = fields.number("p", 0, Math.nextDown(1.0), "at least 0 and less than 1");
        boolean mask = fields.has("mask");
        boolean seed = fields.has("seed");
        if (mask && seed) {
            fields.error("seed", fields.what() + " has both a mask and a seed; give one of them: mask (its 0s and 1s)"
                    + " or seed (to draw them)");
        } else if (!mask && !seed && !fields.missingByTypo("mask") && !fields.missingByTypo("seed")) {
            fields.error(fields.what() + " has neither a mask nor a seed; give mask: 0 (dropped) or 1 (kept) for each"
                    + " value of its input, or seed: N to draw them");
        }
        Optional<Long> seedValue = seed ? fields.seed("seed") : Optional.empty();
        if (fields.inputRows().isEmpty()) {
            return KindResult.failed();
        }
        int rows = fields.inputRows().getAsInt();
        int samples = fields.samples();
        if (mask && !seed) {
            String shape = "the mask takes the shape of its input, " + rows + " × " + (samples < 0 ? "?" : samples)
                    + " (" + count(rows, "feature") + (samples < 0 ? "" : ", " + count(samples, "sample")) + ")";
            Optional<Matrix> given = fields.matrix("mask", "mask", Dim.of(rows, shape), Dim.ofKnown(samples, shape));
            if (given.isPresent() && p.isPresent() && zerosAndOnes(fields, given.get())) {
                return KindResult.of(Dropout.withMask(fields.name(), p.getAsDouble(), given.get()), rows);
            }
        } else if (seed && !mask && seedValue.isPresent() && p.isPresent() && samples > 0) {
            return KindResult.of(Dropout.seeded(fields.name(), p.getAsDouble(), seedValue.get(), rows, samples), rows);
        }
        return KindResult.failed(fields.inputRows());
    }

    /** Whether every entry is 0 or 1; the first that is not is reported. */
    private static boolean zerosAndOnes(LayerFields fields, Matrix mask) {
        for (int r = 0; r < mask.rows(); r++) {
            for (int c = 0; c < mask.cols(); c++) {
                double m = mask.get(r, c);
                if (m != 0.0 && m != 1.0) {
                    fields.error("mask", fields.what() + " mask should hold only 0 (dropped) and 1 (kept), but row "
                            + (r + 1) + " has " + Figures.plain(m, Figures.MAX_PRECISION));
                    return false;
                }
            }
        }
        return true;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * p, seed (only when the block gives one: a number when it fits in ±2^53, else a JSON string,
     * so that no 64-bit seed is rounded by a reader of the trace), mask, a.
     */
    @Override
    public void traceFields(StageTrace trace, JsonWriter json) {
        DropoutTrace t = (DropoutTrace) trace;
        Dropout layer = t.stage();
        json.name("p").value(layer.p());
        if (layer.seed().isPresent()) {
            long seed = layer.seed().getAsLong();
            json.name("seed");
            if (seed >= -LARGEST_EXACT && seed <= LARGEST_EXACT) {
                json.value(seed);
            } else {
                json.value(Long.toString(seed));
            }
        }
        json.name("mask").value(layer.mask());
        json.name("a").value(t.a());
    }

    @Override
    public String label(Stage stage) {
        return "dropout";
    }

    @Override
    public List<String> scripts(Stage stage) {
        return List.of("longhand-dropout.js");
    }

    /** What the dropout's partial draws. */
    public record View(String index, String title, String p, String scale, MatrixView input, MatrixView mask,
                       MatrixView a, List<WorkGroupView> work) {
    }

    @Override
    public String section(SheetContext context) {
        DropoutTrace t = (DropoutTrace) context.trace();
        Dropout layer = t.stage();
        Matrix mask = layer.mask();
        MatrixViews m = context.matrices();
        List<String> rows = context.inputNames();
        List<String> cols = context.sampleNames();
        MatrixViews.Marks dropped = (r, c) -> mask.get(r, c) == 0.0 ? "dropped" : "";
        MatrixView maskView = m.shown("M" + context.sub(), "the mask: 1 kept, 0 dropped", "mask", mask, rows, cols,
                (r, c) -> context.key("mask", r, c), dropped);
        // On a worksheet A is part "a"; a kept value repeats its input, scaled, while that is hidden.
        MatrixView a = context.computed(m.shown("A" + context.sub(),
                "the kept values scaled by 1/(1 − p), the dropped ones 0", "a", t.a(), rows, cols,
                (r, c) -> context.key("a", r, c), dropped), "a", "a", context.inputMatrix());
        String lineKey = context.prefix().substring("layers.".length());
        List<WorkGroupView> work = new ArrayList<>();
        for (int c : MatrixViews.shownIndices(t.a().cols())) {
            List<WorkLineView> lines = new ArrayList<>();
            for (int r : MatrixViews.shownIndices(t.a().rows())) {
                boolean gone = mask.get(r, c) == 0.0;
                Line line = new Line(context.precision()).text("a" + Figures.subscript(r + 1) + " = ");
                String text = context.factor(line, t.input().get(r, c), context.inputKey(r, c)).text("·")
                        .factor(mask.get(r, c)).text(" / (1 − ").figure(layer.p()).text(")").result(t.a().get(r, c))
                        + (gone ? " (dropped)" : "");
                lines.add(context.line(lineKey + ".a." + r + "." + c, text, context.key("a", r, c),
                        gone ? "dropped" : "", false));
            }
            work.add(WorkGroupView.step(context.columnHeading(c), lines));
        }
        String p = context.display(layer.p());
        return context.render("layer-dropout", new View(lineKey, context.title(), p, "× 1/(1 − " + p + ")",
                context.input(context.inputSymbol(), "the input of the dropout"), maskView, a, work));
    }

    /**
     * Each entry of ∂L/∂X as it is computed, {@code (dA * mask) / (1 − p)}: "∂L/∂x₁ = 0.5·1 / (1 − 0.5) = 1",
     * "(dropped)" after an entry the mask dropped; per column, keyed {@code dInput.R.C}.
     */
    @Override
    public List<GradientGroupView> gradientLines(StageTrace trace, StageGradients gradients, GradientContext context) {
        DropoutTrace t = (DropoutTrace) trace;
        Matrix mask = t.mask();
        Matrix dA = ((DropoutGradients) gradients).dA();
        Matrix dInput = gradients.dInput();
        List<GradientGroupView> groups = new ArrayList<>();
        for (int c : MatrixViews.shownIndices(dA.cols())) {
            List<GradientLineView> lines = new ArrayList<>();
            for (int r : MatrixViews.shownIndices(dA.rows())) {
                boolean gone = mask.get(r, c) == 0.0;
                String text = context.line().text("∂L/∂x" + Figures.subscript(r + 1) + " = ").factor(dA.get(r, c))
                        .text("·").factor(mask.get(r, c)).text(" / (1 − ").figure(t.stage().p()).text(")")
                        .result(dInput.get(r, c)) + (gone ? " (dropped)" : "");
                lines.add(new GradientLineView(context.key("dInput", r, c), text, false));
            }
            groups.add(new GradientGroupView(heading(context.columnHeading(c),
                    "∂L/∂x = ∂L/∂a·m / (1 − p), nothing through a dropped entry"), lines));
        }
        return groups;
    }

    /** "Sample 2: formula", or the formula alone for a single column. */
    static String heading(String column, String formula) {
        return column.isEmpty() ? formula : column + ": " + formula;
    }

    @Override
    public List<Object> exports() {
        return List.of(new DropoutNumpy(), new DropoutTorch(), new DropoutWorkbook());
    }
}
