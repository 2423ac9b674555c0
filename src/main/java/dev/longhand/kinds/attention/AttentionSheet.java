package dev.longhand.kinds.attention;

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
 * The worksheet of an attention layer, as a teacher writes it on the board: per head Q = W_q·X,
 * K = W_k·X and V = W_v·X as matrix products; the scores Kᵀ·Q with each dot product and the
 * scale written out, a masked score as −∞; the softmax of each column with its exponentials and
 * their sum; Z = V·A, each column a weighted sum of value columns; with several heads their Z
 * stacked and the output projection. The attention weights are shaded by size (six steps, the
 * number always written in the cell). longhand-attention.js writes the same lines and marks.
 */
final class AttentionSheet {

    /** One matrix product of the worksheet: W · X = R. */
    record Product(String label, MatrixView weights, MatrixView input, MatrixView result) {
    }

    /** One head: its products, scores, weights and Z, and its worked lines. */
    record HeadView(String name, boolean named, String title, List<Product> projections, MatrixView scores,
                    String scaled, MatrixView weights, MatrixView values, MatrixView z, List<WorkGroupView> work) {
    }

    /** The layer: its heads, then (with several heads or an output) the stacking and projection. */
    record View(String index, String title, String label, List<HeadView> heads, boolean projected, MatrixView stacked,
                Product output, List<WorkGroupView> work) {
        public boolean hasWork() {
            return !work.isEmpty();
        }
    }

    private AttentionSheet() {
    }

    static String section(SheetContext context) {
        AttentionTrace t = (AttentionTrace) context.trace();
        String lineKey = context.prefix().substring("layers.".length());
        List<HeadView> heads = new ArrayList<>();
        MatrixView input = context.input(context.inputSymbol(), "the tokens, one column each");
        for (int h = 0; h < t.heads().size(); h++) {
            heads.add(head(context, t, h, input, lineKey));
        }
        boolean projected = t.stage() instanceof SelfAttention s && s.output().isPresent();
        MatrixView stacked = null;
        Product output = null;
        List<WorkGroupView> work = new ArrayList<>();
        if (projected) {
            SelfAttention layer = (SelfAttention) t.stage();
            MatrixViews m = context.matrices();
            stacked = m.shown("Z", "the heads' Z stacked, first head on top", "input", t.stacked(),
                    MatrixViews.numbered(t.stacked().rows()), context.sampleNames(), stackedKeys(context, t),
                    MatrixViews.NO_MARKS);
            Matrix wo = layer.output().get();
            output = new Product("the output projection: W_o times the stacked Z gives A",
                    m.editable("W_o", "the output projection", "weights", wo, MatrixViews.numbered(wo.rows()),
                            MatrixViews.numbered(wo.cols()), (r, c) -> context.key("output", r, c)),
                    stacked,
                    m.shown("A" + context.sub(), "the layer's output", "a", t.a(), MatrixViews.numbered(t.a().rows()),
                            context.sampleNames(), (r, c) -> context.key("a", r, c), MatrixViews.NO_MARKS));
            work.add(WorkGroupView.step("A = W_o · Z", products(context, "a", wo, t.stacked(), t.a(),
                    lineKey + ".a")));
        }
        String label = new AttentionKind().label(t.stage());
        return context.render("layer-attention", new View(lineKey, context.title(), label, heads, projected,
                stacked, output, work));
    }

    private static MatrixViews.Keys stackedKeys(SheetContext context, AttentionTrace t) {
        int[] headOf = new int[t.stacked().rows()];
        int[] rowOf = new int[t.stacked().rows()];
        int at = 0;
        for (int h = 0; h < t.heads().size(); h++) {
            for (int r = 0; r < t.heads().get(h).z().rows(); r++, at++) {
                headOf[at] = h;
                rowOf[at] = r;
            }
        }
        return (r, c) -> context.key("heads." + headOf[r] + ".z", rowOf[r], c);
    }

    private static HeadView head(SheetContext context, AttentionTrace t, int h, MatrixView input, String lineKey) {
        MatrixViews m = context.matrices();
        HeadTrace head = t.heads().get(h);
        boolean several = t.heads().size() > 1;
        String hs = several ? Figures.subscript(h + 1) : "";
        String name = several ? "Head " + (h + 1) : "";
        String at = "heads." + h + ".";
        String key = lineKey + ".heads." + h + ".";
        List<String> tokens = context.sampleNames();
        List<String> tokenRows = MatrixViews.numbered(head.weights().rows());
        List<Product> projections = new ArrayList<>();
        List<WorkGroupView> work = new ArrayList<>();
        MatrixView scores = null;
        String scaled = "";
        if (head instanceof HeadTrace.Scored s) {
            SelfAttention layer = (SelfAttention) t.stage();
            String[] names = {"query", "key", "value"};
            Matrix[] weights = {s.head().query(), s.head().key(), s.head().value()};
            Matrix[] results = {s.q(), s.k(), s.v()};
            String[] symbols = {"Q", "K", "V"};
            for (int i = 0; i < 3; i++) {
                String field = names[i];
                String small = symbols[i].toLowerCase();
                Matrix w = weights[i];
                projections.add(new Product(symbols[i] + hs + " = W_" + small + " · X",
                        m.editable("W_" + small + hs, "the " + field + " projection", "weights", w,
                                MatrixViews.numbered(w.rows()), context.inputNames(),
                                (r, c) -> context.key(at + field, r, c)),
                        input,
                        m.shown(symbols[i] + hs, "the " + field + " of every token", "z", results[i],
                                MatrixViews.numbered(results[i].rows()), tokens,
                                (r, c) -> context.key(at + small, r, c), MatrixViews.NO_MARKS)));
                work.add(WorkGroupView.step(symbols[i] + hs + " = W_" + small + " · X",
                        products(context, small, w, t.input(), results[i], key + small)));
            }
            double factor = layer.factor(s.head());
            scaled = layer.scale().scales() ? " × " + (layer.scale().form() == Scale.Form.ROOT
                    ? "1/√" + s.head().keySize() : Figures.display(factor, context.precision())) : "";
            scores = m.shown("S" + hs, "the scores Kᵀ·Q" + scaled + ": rows keys, columns queries", "z", s.scores(),
                    tokenRows, tokens, (r, c) -> s.masked(r, c) ? "" : context.key(at + "scores", r, c),
                    (r, c) -> s.masked(r, c) ? "masked" : "");
            work.add(WorkGroupView.step("S" + hs + " = Kᵀ · Q" + scaled, scoreLines(context, s, factor,
                    layer.scale().scales(), key + "scores")));
            work.add(WorkGroupView.step("A" + hs + " = softmax of each column of S" + hs,
                    softmaxLines(context, s, key + "weights")));
        } else {
            HeadTrace.Given g = (HeadTrace.Given) head;
            GivenWeightsAttention layer = (GivenWeightsAttention) t.stage();
            if (layer.value().isPresent()) {
                Matrix w = layer.value().get();
                projections.add(new Product("V = W_v · X",
                        m.editable("W_v", "the value projection", "weights", w, MatrixViews.numbered(w.rows()),
                                context.inputNames(), (r, c) -> context.key("value", r, c)),
                        input,
                        m.shown("V", "the value of every token", "z", g.v(), MatrixViews.numbered(g.v().rows()),
                                tokens, (r, c) -> context.key(at + "v", r, c), MatrixViews.NO_MARKS)));
                work.add(WorkGroupView.step("V = W_v · X", products(context, "v", w, t.input(), g.v(), key + "v")));
            }
        }
        boolean given = head instanceof HeadTrace.Given;
        MatrixView weights = given
                ? m.editable("A", "the given attention weights: rows keys, columns queries", "a", head.weights(),
                        tokenRows, tokens, (r, c) -> context.key("weights", r, c))
                : m.shown("A" + hs, "the attention weights: rows keys, columns queries; each column sums to 1", "a",
                        head.weights(), tokenRows, tokens, (r, c) -> context.key(at + "weights", r, c),
                        (r, c) -> shade(head.weights().get(r, c)));
        MatrixView values = given && ((GivenWeightsAttention) t.stage()).value().isEmpty()
                ? input
                : m.shown("V" + hs, "the value of every token", "input", head.v(), MatrixViews.numbered(head.v().rows()),
                        tokens, (r, c) -> context.key(at + "v", r, c), MatrixViews.NO_MARKS);
        boolean output = !(t.stage() instanceof SelfAttention s && s.output().isPresent());
        MatrixView z = m.shown(output ? "A" + context.sub() : "Z" + hs, "each token's weighted sum of value columns",
                "a", head.z(), MatrixViews.numbered(head.z().rows()), tokens,
                (r, c) -> context.key(at + "z", r, c), MatrixViews.NO_MARKS);
        work.add(WorkGroupView.step("Z" + hs + " = V · A", products(context, "z", head.v(), head.weights(), head.z(),
                key + "z")));
        return new HeadView(name, several, context.title() + (several ? ", " + name.toLowerCase() : ""), projections,
                scores, scaled, weights, values, z, work);
    }

    /** The six steps of shading of an attention weight, by tenths of 1/6 (the number is always shown). */
    static String shade(double weight) {
        int step = (int) Math.floor(weight * 6);
        return "shade-" + Math.max(0, Math.min(5, step));
    }

    /** Two indices as subscripts: "₁,₂". */
    static String at(int r, int c) {
        return Figures.subscript(r + 1) + "," + Figures.subscript(c + 1);
    }

    /** One line per entry of R = W · X: "q₁,₂ = 1·0 + 0·2 + 1·1 = 1", grouped as one list. */
    static List<WorkLineView> products(SheetContext context, String symbol, Matrix w, Matrix x, Matrix result,
                                       String key) {
        List<WorkLineView> lines = new ArrayList<>();
        // A large matrix shows its first and last rows and columns; so do its lines.
        for (int c : MatrixViews.shownIndices(result.cols())) {
            for (int r : MatrixViews.shownIndices(result.rows())) {
                int row = r;
                int col = c;
                Line line = new Line(context.precision()).text(symbol + at(r, c) + " = ");
                line.terms(w.cols(), k -> line.factor(w.get(row, k)).text("·").factor(x.get(k, col)));
                lines.add(new WorkLineView(key + "." + r + "." + c, line.result(result.get(r, c)), "", "", false, "",
                        ""));
            }
        }
        return lines;
    }

    /** "s₂,₁ = (0·1 + 1·0) × 0.7071 = 0"; a masked score "s₃,₁ = −∞ (masked: token 3 comes after token 1)". */
    static List<WorkLineView> scoreLines(SheetContext context, HeadTrace.Scored s, double factor, boolean scaled,
                                         String key) {
        List<WorkLineView> lines = new ArrayList<>();
        Matrix k = s.k();
        Matrix q = s.q();
        for (int c : MatrixViews.shownIndices(s.scores().cols())) {
            for (int r : MatrixViews.shownIndices(s.scores().rows())) {
                String text;
                if (s.masked(r, c)) {
                    text = "s" + at(r, c) + " = −∞ (masked: token " + (r + 1) + " comes after token " + (c + 1) + ")";
                } else {
                    int row = r;
                    int col = c;
                    Line line = new Line(context.precision()).text("s" + at(r, c) + " = ");
                    line.text(scaled ? "(" : "");
                    line.terms(k.rows(), i -> line.factor(k.get(i, row)).text("·").factor(q.get(i, col)));
                    if (scaled) {
                        line.text(") × ").factor(factor);
                    }
                    text = line.result(s.scores().get(r, c));
                }
                lines.add(new WorkLineView(key + "." + r + "." + c, text, "", "", false, "", ""));
            }
        }
        return lines;
    }

    /** "a₁,₂ = exp(1) / (exp(2) + exp(1) + exp(0)) ≈ 0.2447"; masked keys are left out of the sum. */
    static List<WorkLineView> softmaxLines(SheetContext context, HeadTrace.Scored s, String key) {
        List<WorkLineView> lines = new ArrayList<>();
        Matrix scores = s.scores();
        for (int c : MatrixViews.shownIndices(scores.cols())) {
            int col = c;
            List<Integer> shown = new ArrayList<>();
            for (int r = 0; r < scores.rows(); r++) {
                if (!s.masked(r, c)) {
                    shown.add(r);
                }
            }
            for (int r : MatrixViews.shownIndices(scores.rows())) {
                String text;
                if (s.masked(r, c)) {
                    text = "a" + at(r, c) + " = 0 (masked)";
                } else {
                    Line line = new Line(context.precision()).text("a" + at(r, c) + " = exp(")
                            .figure(scores.get(r, c)).text(") / (");
                    line.terms(shown.size(), i -> line.text("exp(").figure(scores.get(shown.get(i), col)).text(")"));
                    text = line.text(")").result(s.weights().get(r, c));
                }
                lines.add(new WorkLineView(key + "." + r + "." + c, text, "", "", false, "", ""));
            }
        }
        return lines;
    }
}
