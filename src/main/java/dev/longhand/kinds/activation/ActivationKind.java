package dev.longhand.kinds.activation;

import dev.longhand.kinds.LayerKind;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.BlockViews;
import dev.longhand.render.JsonWriter;
import dev.longhand.render.MatrixView;
import dev.longhand.render.MatrixViews;
import dev.longhand.render.SheetContext;
import dev.longhand.render.WorkGroupView;
import dev.longhand.render.WorkLineView;
import dev.longhand.spec.KindResult;
import dev.longhand.spec.LayerFields;
import dev.longhand.worked.Figures;
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
        MatrixView a = context.matrices().shown("A" + context.sub(), "the input after " + BlockViews.activationName(f),
                "a", t.a(), rows, cols, (r, c) -> context.key("a", r, c), new MatrixViews.Marks() {
                    @Override
                    public String cssClass(int r, int c) {
                        return ReluMark.of(f, x.get(r, c)).cssClass();
                    }

                    @Override
                    public String clampedFrom(int r, int c) {
                        return ReluMark.of(f, x.get(r, c)) == ReluMark.CLAMPED ? context.display(x.get(r, c)) : "";
                    }
                });
        String lineKey = context.prefix().substring("layers.".length());
        List<WorkGroupView> work = new ArrayList<>();
        // As dense layers and residuals: lines for the rows and columns a large matrix shows.
        for (int c : MatrixViews.shownIndices(x.cols())) {
            List<WorkLineView> lines = new ArrayList<>();
            for (int r : MatrixViews.shownIndices(x.rows())) {
                ReluMark mark = ReluMark.of(f, x.get(r, c));
                lines.add(new WorkLineView(lineKey + ".a." + r + "." + c, line(context.precision(), t, r, c), "",
                        mark.cssClass(), mark == ReluMark.CLAMPED, "", ""));
            }
            work.add(WorkGroupView.step(context.columnHeading(c), lines));
        }
        return context.render("layer-activation", new View(lineKey, context.title(), BlockViews.activationName(f),
                context.input(context.inputSymbol(), "the input of the activation"), a, work));
    }

    /** "a₂ = ReLU(−1) = 0", "a₁ = x₁ = 2", "a₁ = exp(1) / (exp(1) + exp(2)) ≈ 0.2689". */
    static String line(int precision, ActivationTrace t, int r, int c) {
        Matrix x = t.input();
        double xi = x.get(r, c);
        String unit = Figures.subscript(r + 1);
        Line line = new Line(precision).text("a" + unit + " = ");
        switch (t.stage().activation()) {
            case RELU -> line.text("ReLU(").figure(xi).text(")");
            case LINEAR -> line.text("x" + unit).uses(xi);
            case SIGMOID -> line.text("σ(").figure(xi).text(")");
            case TANH -> line.text("tanh(").figure(xi).text(")");
            case LEAKY_RELU -> line.text("LeakyReLU(").figure(xi).text(")");
            case GELU -> line.text("GELU(").figure(xi).text(")");
            case SOFTMAX -> {
                line.text("exp(").figure(xi).text(") / (");
                line.terms(x.rows(), j -> line.text("exp(").figure(x.get(j, c)).text(")"));
                line.text(")");
            }
        }
        return line.result(t.a().get(r, c));
    }
}
