package dev.longhand.render;

import dev.longhand.nn.Activation;
import dev.longhand.nn.LayerGradients;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.NestedGradients;
import dev.longhand.nn.NestedTrace;
import dev.longhand.nn.Network;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.StageGradients;
import dev.longhand.nn.StageTrace;
import dev.longhand.nn.Training;
import dev.longhand.nn.TrainingTrace;
import dev.longhand.worked.Figures;
import dev.longhand.worked.GradientSheet;
import dev.longhand.worked.Line;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The training part of a network with kinds beyond dense layers: per layer, last first, ∂L/∂A of
 * its output, the gradient of each of its parameters in the first step, its dense layers worked
 * out, its other kinds' lines where they are short ({@link KindSheet#gradientLines}) and a
 * residual's ∂L/∂X, skip plus branch; then every parameter after training,
 * with each update written out when there is one step. Cells are keyed by their paths in the
 * trace ({@code layers.2.gradients.heads.0.query.1.0}, {@code layers.0.after.layers.1.bias.2}) or,
 * for what the trace does not hold, as dense networks key them ({@code layers.1.dA.0.2},
 * {@code layers.0.layers.1.dZ.1.0}), so that longhand-training.js rewrites them after an edit.
 */
final class KindTrainingViews {

    private KindTrainingViews() {
    }

    /**
     * Every layer, last first (the order of the backward pass): ∂L/∂A of its output, ∂L/∂p of
     * each parameter, and its dense layers worked out.
     */
    static List<KindBackwardView> gradients(Block block, Training training, TrainingTrace trained,
                                            MatrixViews matrices) {
        List<KindBackwardView> views = new ArrayList<>();
        List<StageTrace> stages = block.forward().stages();
        List<StageGradients> all = trained.firstStep().layers();
        List<String> samples = MatrixViews.columns(block.forward().output().cols(), block.batch(), block.columnNoun());
        Work work = new Work(block, training, new GradientSheet(block.precision()), matrices, samples);
        for (int i = stages.size() - 1; i >= 0; i--) {
            StageGradients g = all.get(i);
            String prefix = "layers." + i;
            MatrixView dA = matrices.shown("∂L/∂A" + Figures.subscript(i + 1),
                    "gradient of the loss with respect to the outputs of layer " + (i + 1), "grad", g.dA(),
                    MatrixViews.numbered(g.dA().rows()), samples, (r, c) -> prefix + ".dA." + r + "." + c,
                    MatrixViews.NO_MARKS);
            List<MatrixView> shown = new ArrayList<>();
            for (Parameters.Entry e : g.gradients().entries()) {
                Name name = Name.of(i, e.path());
                shown.add(matrix(matrices, "∂L/∂" + name.symbol(), "gradient with respect to " + name.what(),
                        "grad", e, prefix + ".gradients." + e.path()));
            }
            List<DenseWorkView> dense = new ArrayList<>();
            work.collect(stages, all, i, prefix, String.valueOf(i + 1), true, dense);
            List<MatrixView> skip = new ArrayList<>();
            List<GradientGroupView> sums = new ArrayList<>();
            if (g instanceof NestedGradients nested) {
                skip(i, g, nested.inner().get(0).dInput(), block, matrices, samples, skip, sums);
            }
            List<KindWorkView> kinds = new ArrayList<>();
            kindWork(block, training, stages, all, i, prefix, String.valueOf(i + 1), true, kinds);
            views.add(new KindBackwardView(i, BlockViews.title(stages.get(i).stage().name(), i + 1), dA, shown, dense,
                    kinds, skip, sums));
        }
        return views;
    }

    /**
     * A residual's ∂L/∂X: through the skip ∂L/∂A comes back unchanged, through the branch as its
     * first layer's ∂L/∂X; each entry is the two added, {@code ∂L/∂x₁ = 8 + 16 = 24}.
     */
    private static void skip(int i, StageGradients g, Matrix branch, Block block, MatrixViews matrices,
                             List<String> samples, List<MatrixView> skip, List<GradientGroupView> sums) {
        String prefix = "layers." + i;
        String sub = Figures.subscript(i + 1);
        List<String> rows = MatrixViews.numbered(g.dInput().rows());
        skip.add(matrices.shown("∂L/∂X" + sub + " through f", "gradient with respect to the input of layer " + (i + 1)
                + " through its branch", "grad", branch, rows, samples, (r, c) -> prefix + ".layers.0.dInput." + r + "." + c,
                MatrixViews.NO_MARKS));
        skip.add(matrices.shown("∂L/∂X" + sub, "gradient with respect to the input of layer " + (i + 1)
                + ", through the skip and the branch", "grad", g.dInput(), rows, samples,
                (r, c) -> prefix + ".dInput." + r + "." + c, MatrixViews.NO_MARKS));
        List<Integer> shownRows = MatrixViews.shown(g.dInput().rows()).stream().filter(r -> r >= 0).toList();
        for (int c = 0; c < g.dInput().cols(); c++) {
            List<GradientLineView> lines = new ArrayList<>();
            for (int r : shownRows) {
                lines.add(new GradientLineView(prefix + ".skip." + r + "." + c, new Line(block.precision())
                        .text("∂L/∂x" + Figures.subscript(r + 1) + " = ").figure(g.dA().get(r, c)).text(" + ")
                        .factor(branch.get(r, c)).result(g.dInput().get(r, c)), false));
            }
            sums.add(new GradientGroupView(heading(block, c), lines));
        }
    }

    /**
     * The written-out gradients of the kinds in stage {@code i} (itself, then a residual's inner
     * layers, last first), each from its sheet's {@link KindSheet#gradientLines}; dense layers are
     * {@link Work}'s.
     */
    private static void kindWork(Block block, Training training, List<StageTrace> stages,
                                 List<StageGradients> gradients, int i, String prefix, String number, boolean top,
                                 List<KindWorkView> out) {
        StageTrace trace = stages.get(i);
        StageGradients g = gradients.get(i);
        if (trace instanceof LayerTrace) {
            return;
        }
        boolean last = top && i == stages.size() - 1;
        List<GradientGroupView> groups = block.sheets().get(trace.stage().type())
                .gradientLines(trace, g, new GradientContext(block, training, prefix, number, last));
        if (!groups.isEmpty()) {
            out.add(new KindWorkView("Layer " + number, groups));
        }
        if (trace instanceof NestedTrace nested && g instanceof NestedGradients ng) {
            for (int j = nested.inner().size() - 1; j >= 0; j--) {
                kindWork(block, training, nested.inner(), ng.inner(), j, prefix + ".layers." + j, number + "." + (j + 1),
                        false, out);
            }
        }
    }

    /** Writes out the dense layers of a backward pass, wherever they sit. */
    private record Work(Block block, Training training, GradientSheet sheet, MatrixViews matrices,
                        List<String> samples) {

        /**
         * The dense layers of stage {@code i} of {@code stages} (itself, or a residual's inner
         * layers, last first) into {@code out}.
         */
        void collect(List<StageTrace> stages, List<StageGradients> gradients, int i, String prefix, String number,
                     boolean top, List<DenseWorkView> out) {
            StageTrace trace = stages.get(i);
            StageGradients g = gradients.get(i);
            if (trace instanceof LayerTrace dense && g instanceof LayerGradients lg) {
                boolean last = top && i == stages.size() - 1;
                Optional<LayerTrace> above = i + 1 < stages.size() && stages.get(i + 1) instanceof LayerTrace next
                        ? Optional.of(next) : Optional.empty();
                Optional<LayerGradients> aboveGradients = above.map(a -> (LayerGradients) gradients.get(i + 1));
                out.add(dense(dense, lg, last, above, aboveGradients, prefix, number));
            } else if (trace instanceof NestedTrace nested && g instanceof NestedGradients ng) {
                for (int j = nested.inner().size() - 1; j >= 0; j--) {
                    collect(nested.inner(), ng.inner(), j, prefix + ".layers." + j, number + "." + (j + 1), false, out);
                }
            }
        }

        private DenseWorkView dense(LayerTrace trace, LayerGradients g, boolean last, Optional<LayerTrace> above,
                                    Optional<LayerGradients> aboveGradients, String prefix, String number) {
            Activation activation = trace.layer().activation();
            Matrix output = block.forward().output();
            boolean straight = last && training.loss() == Loss.CROSS_ENTROPY && activation == Activation.SOFTMAX;
            String sub = SheetContext.subscripts(number);
            MatrixView dZ = matrices.shown("∂L/∂Z" + sub, "gradient with respect to the weighted sums of layer "
                    + number, "grad", g.dZ(), MatrixViews.numbered(g.dZ().rows()), samples,
                    (r, c) -> prefix + ".dZ." + r + "." + c,
                    (r, c) -> GradientSheet.blocked(activation, trace.z().get(r, c)) ? "blocked" : "");
            List<Integer> units = MatrixViews.shown(g.dZ().rows()).stream().filter(u -> u >= 0).toList();
            List<Integer> inputs = MatrixViews.shown(g.dW().cols()).stream().filter(k -> k >= 0).toList();
            List<GradientGroupView> perSample = new ArrayList<>();
            for (int s = 0; s < g.dZ().cols(); s++) {
                List<GradientLineView> dALines = new ArrayList<>();
                List<GradientLineView> dZLines = new ArrayList<>();
                for (int u : units) {
                    String at = "." + u + "." + s;
                    if (straight) {
                        dZLines.add(new GradientLineView(prefix + ".dZ" + at,
                                sheet.softmaxCrossEntropyDelta(output, training.target(), g.dZ(), u, s), false));
                        continue;
                    }
                    if (last) {
                        dALines.add(new GradientLineView(prefix + ".dA" + at,
                                sheet.outputGradient(training.loss(), output, training.target(), g.dA(), u, s), false));
                    } else if (above.isPresent()) {
                        dALines.add(new GradientLineView(prefix + ".dA" + at, sheet.hiddenGradient(
                                above.get().layer().weights(), aboveGradients.get().dZ(), g.dA(), u, s), false));
                    }
                    boolean blocked = GradientSheet.blocked(activation, trace.z().get(u, s));
                    dZLines.add(new GradientLineView(prefix + ".dZ" + at,
                            sheet.delta(activation, trace.z(), trace.a(), g.dA(), g.dZ(), u, s), blocked));
                }
                List<GradientLineView> lines = new ArrayList<>(dALines);
                lines.addAll(dZLines);
                perSample.add(new GradientGroupView(heading(block, s), lines));
            }
            List<GradientLineView> dWLines = new ArrayList<>();
            List<GradientLineView> dbLines = new ArrayList<>();
            for (int u : units) {
                for (int k : inputs) {
                    dWLines.add(new GradientLineView(prefix + ".dW." + u + "." + k,
                            sheet.weightGradient(g.dZ(), trace.input(), g.dW(), u, k), false));
                }
                dbLines.add(new GradientLineView(prefix + ".db." + u, sheet.biasGradient(g.dZ(), g.db(), u), false));
            }
            return new DenseWorkView("Layer " + number, dZ, perSample,
                    block.batch() ? "Weights and biases, summed over the " + block.columnNoun() + "s" : "Weights and biases",
                    dWLines, dbLines);
        }
    }

    /** "Sample 2" or "Token 2" over the lines of one column of a batch; nothing for a single column. */
    private static String heading(Block block, int column) {
        return block.batch() ? BlockViews.capitalized(block.columnNoun()) + " " + (column + 1) : "";
    }


    /**
     * The layers with parameters, first first: their values after one step, each update written out
     * ({@code after} is {@code firstStep} when there is one step), or after every step.
     */
    static List<ParametersView> after(Block block, TrainingTrace trained, Network after, double learningRate,
                                      boolean withLines, MatrixViews matrices) {
        List<ParametersView> views = new ArrayList<>();
        List<StageTrace> stages = block.forward().stages();
        GradientSheet sheet = new GradientSheet(block.precision());
        for (int i = 0; i < stages.size(); i++) {
            Parameters gradients = trained.firstStep().layers().get(i).gradients();
            if (gradients.isEmpty()) {
                continue;
            }
            Parameters before = stages.get(i).stage().parameters();
            Parameters values = after.layers().get(i).parameters();
            List<MatrixView> shown = new ArrayList<>();
            List<GradientLineView> lines = new ArrayList<>();
            for (Parameters.Entry e : values.entries()) {
                Name name = Name.of(i, e.path());
                String prefix = "layers." + i + ".after." + e.path();
                shown.add(matrix(matrices, name.symbol(), name.what(), name.role(), e, prefix));
                if (withLines) {
                    Matrix g = gradients.get(e.path());
                    Matrix was = before.get(e.path());
                    for (int r : MatrixViews.shown(was.rows())) {
                        for (int c : MatrixViews.shown(was.cols())) {
                            if (r < 0 || c < 0) {
                                continue;
                            }
                            String at = e.vector() ? "." + r : "." + r + "." + c;
                            lines.add(new GradientLineView(prefix + at, sheet.update(name.entry(r, c, e.vector()),
                                    was.get(r, c), learningRate, g.get(r, c), e.value().get(r, c)), false));
                        }
                    }
                }
            }
            views.add(new ParametersView(i, BlockViews.title(stages.get(i).stage().name(), i + 1), shown, lines));
        }
        return views;
    }

    private static MatrixView matrix(MatrixViews matrices, String symbol, String what, String role,
                                     Parameters.Entry e, String prefix) {
        Matrix m = e.value();
        return e.vector()
                ? matrices.shown(symbol, what, role, m, MatrixViews.numbered(m.rows()), List.of(MatrixViews.SINGLE_SAMPLE),
                        (r, c) -> prefix + "." + r, MatrixViews.NO_MARKS)
                : matrices.shown(symbol, what, role, m, MatrixViews.numbered(m.rows()), MatrixViews.numbered(m.cols()),
                        (r, c) -> prefix + "." + r + "." + c, MatrixViews.NO_MARKS);
    }

    /**
     * How the worksheet names a parameter by its path: {@code weights} of layer 2 is W₂,
     * {@code layers.1.bias} of residual 3 is b₃.₂, {@code heads.0.query} of layer 2 is W_q₂ of head 1.
     */
    record Name(String symbol, String what, String role, String letter) {

        static Name of(int layer, String path) {
            String[] parts = path.split("\\.");
            StringBuilder sub = new StringBuilder(Figures.subscript(layer + 1));
            StringBuilder number = new StringBuilder().append(layer + 1);
            int at = 0;
            while (at + 1 < parts.length && parts[at].equals("layers")) {
                int inner = Integer.parseInt(parts[at + 1]) + 1;
                sub.append('.').append(Figures.subscript(inner));
                number.append('.').append(inner);
                at += 2;
            }
            String head = "";
            String ofHead = "";
            if (at + 1 < parts.length && parts[at].equals("heads")) {
                int h = Integer.parseInt(parts[at + 1]) + 1;
                head = " (head " + h + ")";
                ofHead = " of head " + h;
                at += 2;
            }
            String leaf = String.join(".", Arrays.copyOfRange(parts, at, parts.length));
            String letter = switch (leaf) {
                case "weights" -> "W";
                case "bias" -> "b";
                case "gamma" -> "γ";
                case "beta" -> "β";
                case "query" -> "W_q";
                case "key" -> "W_k";
                case "value" -> "W_v";
                case "output" -> "W_o";
                default -> leaf;
            };
            String words = switch (leaf) {
                case "weights" -> "the weights";
                case "bias" -> "the biases";
                case "gamma" -> "the scale γ";
                case "beta" -> "the shift β";
                case "query", "key", "value", "output" -> "the " + leaf + " projection";
                default -> leaf.replace('_', ' ');
            };
            return new Name(letter + sub + head, words + ofHead + " of layer " + number,
                    leaf.equals("bias") ? "bias" : "weights", letter);
        }

        /** One entry's name in an update line: w₁,₂ of W, w_q₁,₂ of W_q, b₂ of b, γ₁ of γ. */
        String entry(int row, int col, boolean vector) {
            String base = letter.startsWith("W") ? "w" + letter.substring(1) : letter;
            return base + Figures.subscript(row + 1) + (vector ? "" : "," + Figures.subscript(col + 1));
        }
    }
}
