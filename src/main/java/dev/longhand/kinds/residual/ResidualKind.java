package dev.longhand.kinds.residual;

import dev.longhand.kinds.LayerKind;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.JsonWriter;
import dev.longhand.render.MatrixView;
import dev.longhand.render.MatrixViews;
import dev.longhand.render.SheetContext;
import dev.longhand.render.TraceJson;
import dev.longhand.render.WorkGroupView;
import dev.longhand.render.WorkLineView;
import dev.longhand.spec.KindResult;
import dev.longhand.spec.LayerFields;
import dev.longhand.worked.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code type: residual}: x + (the inner layers applied to x). */
public final class ResidualKind implements LayerKind {

    @Override
    public String type() {
        return "residual";
    }

    @Override
    public List<String> keys() {
        return List.of("layers");
    }

    @Override
    public KindResult read(LayerFields fields) {
        if (!fields.has("layers")) {
            fields.missing("layers", "give the layers of the branch, e.g. layers: [{type: layer_norm}]");
            return KindResult.failed(fields.inputRows());
        }
        if (fields.inputRows().isEmpty()) {
            return KindResult.failed();
        }
        int rows = fields.inputRows().getAsInt();
        Optional<List<Stage>> inner = fields.layers("layers", rows);
        if (inner.isEmpty()) {
            return KindResult.failed(fields.inputRows());
        }
        Residual residual = new Residual(fields.name(), inner.get());
        if (residual.outputRows(rows) < 0) {
            int given = rows;
            for (Stage stage : inner.get()) {
                given = given < 0 ? -1 : stage.outputRows(given);
            }
            fields.error("layers", fields.what() + ": its layers give " + given + " rows but its input has " + rows
                    + "; x + f(x) needs f(x) in the shape of x");
            return KindResult.failed(fields.inputRows());
        }
        return KindResult.of(residual, rows);
    }

    @Override
    public void traceFields(StageTrace trace, JsonWriter json) {
        Residual.ResidualTrace t = (Residual.ResidualTrace) trace;
        json.name("layers").beginArray();
        for (StageTrace inner : t.inner()) {
            TraceJson.stage(json, inner, dev.longhand.kinds.Kinds.sheets(), Optional.empty());
        }
        json.endArray();
        json.name("a").value(t.a());
    }

    @Override
    public String label(Stage stage) {
        return "residual";
    }

    @Override
    public List<String> scripts(Stage stage) {
        return List.of("longhand-residual.js");
    }

    /** What the residual's partial draws. */
    public record View(String index, String title, String inner, MatrixView input, MatrixView branch, MatrixView a,
                       List<WorkGroupView> work) {
    }

    /**
     * The inner layers first (so that on a worksheet they have recorded what they hide: a chosen
     * residual blanks its inner layers as well), then x + f(x). A is the residual's part "a"; with
     * x shown it repeats f(x) entry by entry (and with f(x) shown, x), so it waits for whichever
     * of them is hidden.
     */
    @Override
    public String section(SheetContext context) {
        Residual.ResidualTrace t = (Residual.ResidualTrace) context.trace();
        String inner = context.sections(t.inner());
        MatrixViews matrices = context.matrices();
        List<String> rows = context.inputNames();
        List<String> cols = context.sampleNames();
        String lastField = "layers." + (t.inner().size() - 1) + ".a";
        String last = context.prefix() + "." + lastField;
        String sub = context.sub();
        MatrixView branch = context.seen(matrices.shown("F" + sub, "what the branch gave, f(x)", "input", t.branch(),
                rows, cols, (r, c) -> last + "." + r + "." + c, MatrixViews.NO_MARKS));
        MatrixView a = context.computed(matrices.shown("A" + sub, "the input plus the branch, x + f(x)", "a", t.a(),
                rows, cols, (r, c) -> context.key("a", r, c), MatrixViews.NO_MARKS), "a", "a", last,
                context.inputMatrix());
        String lineKey = context.prefix().substring("layers.".length());
        List<WorkGroupView> work = new ArrayList<>();
        for (int c : MatrixViews.shownIndices(t.a().cols())) {
            List<WorkLineView> lines = new ArrayList<>();
            for (int r : MatrixViews.shownIndices(t.a().rows())) {
                Line line = new Line(context.precision());
                context.figure(line, t.input().get(r, c), context.inputKey(r, c)).text(" + ");
                String sum = context.factor(line, t.branch().get(r, c), last + "." + r + "." + c)
                        .result(t.a().get(r, c));
                lines.add(context.line(lineKey + ".sum." + r + "." + c, sum, context.key("a", r, c)));
            }
            work.add(WorkGroupView.step(context.columnHeading(c), lines));
        }
        return context.render("layer-residual", new View(lineKey, context.title(), inner,
                context.input(context.inputSymbol(), "the input of the residual, x"), branch, a, work));
    }

    @Override
    public List<Object> exports() {
        return List.of(new ResidualNumpy(), new ResidualTorch(), new ResidualWorkbook());
    }
}
