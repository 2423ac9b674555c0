package dev.longhand.kinds.activation;

import dev.longhand.kinds.LayerKind;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageGradients;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.BlockViews;
import dev.longhand.render.GradientContext;
import dev.longhand.render.GradientGroupView;
import dev.longhand.render.GradientLineView;
import dev.longhand.render.JsonWriter;
import dev.longhand.render.MatrixView;
import dev.longhand.render.MatrixViews;
import dev.longhand.render.SheetContext;
import dev.longhand.render.WorkGroupView;
import dev.longhand.render.WorkLineView;
import dev.longhand.spec.KindResult;
import dev.longhand.spec.LayerFields;
import dev.longhand.worked.Figures;
import dev.longhand.worked.GradientSheet;
import dev.longhand.worked.Line;
import dev.longhand.worked.ReluMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code type: activation}: a function alone, entry by entry (softmax: each column). Its one key,
 * {@code activation}, keeps a dense layer's default rule: {@code relu}, or {@code linear} for the
 * last layer of the block (or of a residual's branch). The worksheet writes one line per entry
 * as a dense layer writes its a-lines, and marks what ReLU clamped in the same way;
 * longhand-activation.js writes the same.
 */
public final class ActivationKind implements LayerKind {

    @Override
    public String type() {
        return "activation";
    }

    @Override
    public List<String> keys() {
        return List.of("activation");
    }

    @Override
    public KindResult read(LayerFields fields) {
        Optional<Activation> given = fields.activation("activation");
        if (fields.has("activation") && given.isEmpty()) {
            return KindResult.failed(fields.inputRows());
        }
        if (fields.inputRows().isEmpty()) {
            return KindResult.failed();
        }
        Activation activation = given.orElse(fields.last() ? Activation.LINEAR : Activation.RELU);
        return KindResult.of(new ActivationLayer(fields.name(), activation), fields.inputRows().getAsInt());
    }

    /** activation (its key), a. */
    @Override
    public void traceFields(StageTrace trace, JsonWriter json) {
        ActivationTrace t = (ActivationTrace) trace;
        json.name("activation").value(t.stage().activation().key());
        json.name("a").value(t.a());
    }

    /** The function's name, as the dense layers' shape line writes it: "GELU", "softmax". */
    @Override
    public String label(Stage stage) {
        return BlockViews.activationName(((ActivationLayer) stage).activation());
    }

    /** longhand-math.js first where the function needs exp, tanh or erf. */
    @Override
    public List<String> scripts(Stage stage) {
        Activation f = ((ActivationLayer) stage).activation();
        boolean exact = f == Activation.SIGMOID || f == Activation.TANH || f == Activation.GELU
                || f == Activation.SOFTMAX;
        return exact ? List.of("longhand-math.js", "longhand-activation.js") : List.of("longhand-activation.js");
    }

    /** What the activation's partial draws. */
    public record View(String index, String title, String activation, MatrixView input, MatrixView a,
                       List<WorkGroupView> work) {
    }

    @Override
    public String section(SheetContext context) {
        ActivationTrace t = (ActivationTrace) context.trace();
        Activation f = t.stage().activation();
        Matrix x = t.input();
        List<String> rows = context.inputNames();
        List<String> cols = context.sampleNames();
        MatrixView a = context.computed(context.matrices().shown("A" + context.sub(), "the input after " + BlockViews.activationName(f),
                "a", t.a(), rows, cols, (r, c) -> context.key("a", r, c), new MatrixViews.Marks() {
                    @Override
                    public String cssClass(int r, int c) {
                        return ReluMark.of(f, x.get(r, c)).cssClass();
                    }

                    @Override
                    public String clampedFrom(int r, int c) {
                        return ReluMark.of(f, x.get(r, c)) == ReluMark.CLAMPED ? context.display(x.get(r, c)) : "";
                    }
                }), "a", "a", context.inputMatrix());
        String lineKey = context.prefix().substring("layers.".length());
        List<WorkGroupView> work = new ArrayList<>();
        // As dense layers and residuals: lines for the rows and columns a large matrix shows.
        for (int c : MatrixViews.shownIndices(x.cols())) {
            List<WorkLineView> lines = new ArrayList<>();
            for (int r : MatrixViews.shownIndices(x.rows())) {
                ReluMark mark = ReluMark.of(f, x.get(r, c));
                lines.add(context.line(lineKey + ".a." + r + "." + c, line(context, t, r, c),
                        context.key("a", r, c), mark.cssClass(), mark == ReluMark.CLAMPED));
            }
            work.add(WorkGroupView.step(context.columnHeading(c), lines));
        }
        return context.render("layer-activation", new View(lineKey, context.title(), BlockViews.activationName(f),
                context.input(context.inputSymbol(), "the input of the activation"), a, work));
    }

    /**
     * "a₂ = ReLU(−1) = 0", "a₁ = x₁ = 2", "a₁ = exp(1) / (exp(1) + exp(2)) ≈ 0.2689"; on a
     * worksheet "?" for an input the layer before hides.
     */
    static String line(SheetContext context, ActivationTrace t, int r, int c) {
        Matrix x = t.input();
        double xi = x.get(r, c);
        String in = context.inputKey(r, c);
        String unit = Figures.subscript(r + 1);
        Line line = new Line(context.precision()).text("a" + unit + " = ");
        switch (t.stage().activation()) {
            case RELU -> context.figure(line.text("ReLU("), xi, in).text(")");
            case LINEAR -> line.text("x" + unit).uses(xi);
            case SIGMOID -> context.figure(line.text("σ("), xi, in).text(")");
            case TANH -> context.figure(line.text("tanh("), xi, in).text(")");
            case LEAKY_RELU -> context.figure(line.text("LeakyReLU("), xi, in).text(")");
            case GELU -> context.figure(line.text("GELU("), xi, in).text(")");
            case SOFTMAX -> {
                context.figure(line.text("exp("), xi, in).text(") / (");
                line.terms(x.rows(), j -> context.figure(line.text("exp("), x.get(j, c), context.inputKey(j, c))
                        .text(")"));
                line.text(")");
            }
        }
        return line.result(t.a().get(r, c));
    }

    /**
     * Each entry of ∂L/∂X as a dense layer's ∂L/∂Z ({@link GradientSheet#delta}: "∂L/∂z₁ = 3·ReLU′(2) =
     * 3·1 = 3", ReLU's blocked entries marked), or, for a softmax ending the network under cross
     * entropy, {@link GradientSheet#softmaxCrossEntropyDelta}; per column, keyed {@code dZ.R.C}.
     */
    @Override
    public List<GradientGroupView> gradientLines(StageTrace trace, StageGradients gradients, GradientContext context) {
        ActivationTrace t = (ActivationTrace) trace;
        Activation activation = t.stage().activation();
        GradientSheet sheet = new GradientSheet(context.precision());
        Matrix dA = ((ActivationGradients) gradients).dA();
        Matrix dInput = gradients.dInput();
        boolean straight = context.last() && context.loss() == Loss.CROSS_ENTROPY && activation == Activation.SOFTMAX;
        String formula = straight ? "softmax and cross entropy together, ∂L/∂z = (a − t) / m"
                : "∂L/∂z = ∂L/∂a·f′(z), with z the input";
        List<GradientGroupView> groups = new ArrayList<>();
        for (int c : MatrixViews.shownIndices(dA.cols())) {
            List<GradientLineView> lines = new ArrayList<>();
            for (int r : MatrixViews.shownIndices(dA.rows())) {
                String key = context.key("dZ", r, c);
                if (straight) {
                    lines.add(new GradientLineView(key,
                            sheet.softmaxCrossEntropyDelta(context.output(), context.target(), dInput, r, c), false));
                } else {
                    lines.add(new GradientLineView(key, sheet.delta(activation, t.input(), t.a(), dA, dInput, r, c),
                            GradientSheet.blocked(activation, t.input().get(r, c))));
                }
            }
            String column = context.columnHeading(c);
            groups.add(new GradientGroupView(column.isEmpty() ? formula : column + ": " + formula, lines));
        }
        return groups;
    }

    @Override
    public List<Object> exports() {
        return List.of(new ActivationNumpy(), new ActivationTorch(), new ActivationWorkbook());
    }
}
