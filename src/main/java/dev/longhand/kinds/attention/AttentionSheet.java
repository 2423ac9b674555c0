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
 *
 * <p>On a worksheet (see {@link SheetContext#computed}) Q, K, V, the scores, the weights and,
 * before an output projection, each head's Z are the layer's part "z"; its output A (the head's
 * Z when there is no projection) is part "a". Each matrix drawn again (V and the weights in
 * V·A, the stacked Z) shows "?" where its values are hidden, and so does every worked line.
 */
final class AttentionSheet {

    /** One matrix product of the worksheet: W · X = R. */
    record Product(String label, MatrixView weights, MatrixView input, MatrixView result) {
    }

    /** One head: its products, scores, weights and Z, and its worked lines. */
    record HeadView(String name, boolean named, String title, List<Product> projections, MatrixView scores,
                    String scaled, MatrixView weights, MatrixView values, MatrixView weighting, MatrixView z,
                    List<WorkGroupView> work) {
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
            MatrixViews.Keys stackedKeys = stackedKeys(context, t);
            stacked = context.seen(m.shown("Z", "the heads' Z stacked, first head on top", "input", t.stacked(),
                    MatrixViews.numbered(t.stacked().rows()), context.sampleNames(), stackedKeys,
                    MatrixViews.NO_MARKS));
            Matrix wo = layer.output().get();
            output = new Product("the output projection: W_o times the stacked Z gives A",
                    m.editable("W_o", "the output projection", "weights", wo, MatrixViews.numbered(wo.rows()),
                            MatrixViews.numbered(wo.cols()), (r, c) -> context.key("output", r, c)),
                    stacked,
                    context.computed(m.shown("A" + context.sub(), "the layer's output", "a", t.a(),
                            MatrixViews.numbered(t.a().rows()), context.sampleNames(),
                            (r, c) -> context.key("a", r, c), MatrixViews.NO_MARKS), "a", "a"));
            work.add(WorkGroupView.step("A = W_o · Z", products(context, "a", wo, NOT_HIDDEN, t.stacked(),
                    stackedKeys, t.a(), (r, c) -> context.key("a", r, c), lineKey + ".a")));
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

    /** The keys of a parameter's cells, for worked lines: never hidden. */
    private static final MatrixViews.Keys NOT_HIDDEN = (r, c) -> "";

    private static HeadView head(SheetContext context, AttentionTrace t, int h, MatrixView input, String lineKey) {
        MatrixViews m = context.matrices();
        HeadTrace head = t.heads().get(h);
        MatrixViews.Keys inputKeys = context::inputKey;
        // Without an output projection the heads' Z are the layer's output A, stacked: part "a",
        // whose boxes ask for A's values; with one, each head's Z is on the way (part "z").
        boolean projected = t.stage() instanceof SelfAttention p && p.output().isPresent();
        int offset = 0;
        for (int before = 0; before < h; before++) {
            offset += t.heads().get(before).z().rows();
        }
        int rowOffset = offset;
        MatrixViews.Keys zKeys = projected ? (r, c) -> context.key("heads." + h + ".z", r, c)
                : (r, c) -> context.key("a", rowOffset + r, c);
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
        boolean given = head instanceof HeadTrace.Given;
        MatrixView weights = given
                ? m.editable("A", "the given attention weights: rows keys, columns queries", "a", head.weights(),
                        tokenRows, tokens, (r, c) -> context.key("weights", r, c))
                : m.shown("A" + hs, "the attention weights: rows keys, columns queries; each column sums to 1", "a",
                        head.weights(), tokenRows, tokens, (r, c) -> context.key(at + "weights", r, c),
                        (r, c) -> shade(head.weights().get(r, c)));
        // Registered before the lines that use them. The weights are drawn twice: where the softmax gives them (a box each), and again in V·A.
        MatrixView drawn = weights;
        weights = given ? weights : context.computed(weights, at + "weights", "z");
        MatrixView weighting = context.seen(drawn);
        if (head instanceof HeadTrace.Scored s) {
            SelfAttention layer = (SelfAttention) t.stage();
            String[] names = {"query", "key", "value"};
            Matrix[] parameters = {s.head().query(), s.head().key(), s.head().value()};
            Matrix[] results = {s.q(), s.k(), s.v()};
            String[] symbols = {"Q", "K", "V"};
            for (int i = 0; i < 3; i++) {
                String field = names[i];
                String small = symbols[i].toLowerCase();
                Matrix w = parameters[i];
                projections.add(new Product(symbols[i] + hs + " = W_" + small + " · X",
                        m.editable("W_" + small + hs, "the " + field + " projection", "weights", w,
                                MatrixViews.numbered(w.rows()), context.inputNames(),
                                (r, c) -> context.key(at + field, r, c)),
                        input,
                        context.computed(m.shown(symbols[i] + hs, "the " + field + " of every token", "z", results[i],
                                MatrixViews.numbered(results[i].rows()), tokens,
                                (r, c) -> context.key(at + small, r, c), MatrixViews.NO_MARKS), at + small, "z")));
                work.add(WorkGroupView.step(symbols[i] + hs + " = W_" + small + " · X",
                        products(context, small, w, NOT_HIDDEN, t.input(), inputKeys, results[i],
                                (r, c) -> context.key(at + small, r, c), key + small)));
            }
            double factor = layer.factor(s.head());
            scaled = layer.scale().scales() ? " × " + (layer.scale().form() == Scale.Form.ROOT
                    ? "1/√" + s.head().keySize() : Figures.display(factor, context.precision())) : "";
            scores = context.computed(m.shown("S" + hs, "the scores Kᵀ·Q" + scaled
                    + ": rows keys, columns queries", "z", s.scores(), tokenRows, tokens,
                    (r, c) -> s.masked(r, c) ? "" : context.key(at + "scores", r, c),
                    (r, c) -> s.masked(r, c) ? "masked" : ""), at + "scores", "z");
            work.add(WorkGroupView.step("S" + hs + " = Kᵀ · Q" + scaled, scoreLines(context, s, factor,
                    layer.scale().scales(), key + "scores", at)));
            work.add(WorkGroupView.step("A" + hs + " = softmax of each column of S" + hs,
                    softmaxLines(context, s, key + "weights", at)));
        } else {
            HeadTrace.Given g = (HeadTrace.Given) head;
            GivenWeightsAttention layer = (GivenWeightsAttention) t.stage();
            if (layer.value().isPresent()) {
                Matrix w = layer.value().get();
                projections.add(new Product("V = W_v · X",
                        m.editable("W_v", "the value projection", "weights", w, MatrixViews.numbered(w.rows()),
                                context.inputNames(), (r, c) -> context.key("value", r, c)),
                        input,
                        context.computed(m.shown("V", "the value of every token", "z", g.v(),
                                MatrixViews.numbered(g.v().rows()), tokens, (r, c) -> context.key(at + "v", r, c),
                                MatrixViews.NO_MARKS), at + "v", "z")));
                work.add(WorkGroupView.step("V = W_v · X", products(context, "v", w, NOT_HIDDEN, t.input(), inputKeys,
                        g.v(), (r, c) -> context.key(at + "v", r, c), key + "v")));
            }
        }
        boolean valuesGiven = given && ((GivenWeightsAttention) t.stage()).value().isEmpty();
        MatrixView values = valuesGiven
                ? input
                : context.seen(m.shown("V" + hs, "the value of every token", "input", head.v(),
                        MatrixViews.numbered(head.v().rows()), tokens, (r, c) -> context.key(at + "v", r, c),
                        MatrixViews.NO_MARKS));
        boolean output = !projected;
        boolean asked = output && context.blank("a");
        MatrixView z = m.shown(output ? "A" + context.sub() : "Z" + hs, "each token's weighted sum of value columns",
                "a", head.z(), MatrixViews.numbered(head.z().rows()), tokens,
                asked ? zKeys : (r, c) -> context.key(at + "z", r, c), MatrixViews.NO_MARKS);
        z = output ? context.computed(z, "a", "a") : context.computed(z, at + "z", "z");
        MatrixViews.Keys vKeys = valuesGiven ? inputKeys : (r, c) -> context.key(at + "v", r, c);
        MatrixViews.Keys weightKeys = given ? NOT_HIDDEN : (r, c) -> context.key(at + "weights", r, c);
        work.add(WorkGroupView.step("Z" + hs + " = V · A", products(context, "z", head.v(), vKeys, head.weights(),
                weightKeys, head.z(), zKeys, key + "z")));
        return new HeadView(name, several, context.title() + (several ? ", " + name.toLowerCase() : ""), projections,
                scores, scaled, weights, values, weighting, z, work);
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

    /**
     * One line per entry of R = W · X: "q₁,₂ = 1·0 + 0·2 + 1·1 = 1", grouped as one list; a figure
     * whose value is hidden (by its key) is "?", and the line of a hidden entry waits behind "show how".
     */
    static List<WorkLineView> products(SheetContext context, String symbol, Matrix w, MatrixViews.Keys wKeys, Matrix x,
                                       MatrixViews.Keys xKeys, Matrix result, MatrixViews.Keys resultKeys, String key) {
        List<WorkLineView> lines = new ArrayList<>();
        // A large matrix shows its first and last rows and columns; so do its lines.
        for (int c : MatrixViews.shownIndices(result.cols())) {
            for (int r : MatrixViews.shownIndices(result.rows())) {
                int row = r;
                int col = c;
                Line line = new Line(context.precision()).text(symbol + at(r, c) + " = ");
                line.terms(w.cols(), k -> context.factor(context.factor(line, w.get(row, k), wKeys.at(row, k))
                        .text("·"), x.get(k, col), xKeys.at(k, col)));
                lines.add(context.line(key + "." + r + "." + c, line.result(result.get(r, c)),
                        resultKeys.at(r, c)));
            }
        }
        return lines;
    }

    /** "s₂,₁ = (0·1 + 1·0) × 0.7071 = 0"; a masked score "s₃,₁ = −∞ (masked: token 3 comes after token 1)". */
    static List<WorkLineView> scoreLines(SheetContext context, HeadTrace.Scored s, double factor, boolean scaled,
                                         String key, String head) {
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
                    line.terms(k.rows(), i -> context.factor(context.factor(line, k.get(i, row),
                            context.key(head + "k", i, row)).text("·"), q.get(i, col), context.key(head + "q", i, col)));
                    if (scaled) {
                        line.text(") × ").factor(factor);
                    }
                    text = line.result(s.scores().get(r, c));
                }
                lines.add(context.line(key + "." + r + "." + c, text,
                        s.masked(r, c) ? "" : context.key(head + "scores", r, c)));
            }
        }
        return lines;
    }

    /** "a₁,₂ = exp(1) / (exp(2) + exp(1) + exp(0)) ≈ 0.2447"; masked keys are left out of the sum. */
    static List<WorkLineView> softmaxLines(SheetContext context, HeadTrace.Scored s, String key, String head) {
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
                    Line line = new Line(context.precision()).text("a" + at(r, c) + " = exp(");
                    context.figure(line, scores.get(r, c), context.key(head + "scores", r, c)).text(") / (");
                    line.terms(shown.size(), i -> context.figure(line.text("exp("), scores.get(shown.get(i), col),
                            context.key(head + "scores", shown.get(i), col)).text(")"));
                    text = line.text(")").result(s.weights().get(r, c));
                }
                lines.add(context.line(key + "." + r + "." + c, text, context.key(head + "weights", r, c)));
            }
        }
        return lines;
    }
}
