package dev.longhand.render;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.StageTrace;
import dev.longhand.nn.TrainingTrace;
import dev.longhand.worked.Figures;
import dev.longhand.worked.GradientSheet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training part of a network with kinds beyond dense layers: per layer with parameters, the
 * gradient of every parameter in the first step and every parameter after training, each cell
 * keyed by its path in the trace ({@code layers.2.gradients.heads.0.query.1.0},
 * {@code layers.0.after.layers.1.bias.2}) so that the page script rewrites it.
 */
final class KindTrainingViews {

    private KindTrainingViews() {
    }

    /** The layers with parameters, last first: the order of the backward pass. */
    static List<ParametersView> gradients(Block block, TrainingTrace trained, MatrixViews matrices) {
        List<ParametersView> views = new ArrayList<>();
        List<StageTrace> stages = block.forward().stages();
        for (int i = stages.size() - 1; i >= 0; i--) {
            Parameters gradients = trained.firstStep().layers().get(i).gradients();
            if (gradients.isEmpty()) {
                continue;
            }
            List<MatrixView> shown = new ArrayList<>();
            for (Parameters.Entry e : gradients.entries()) {
                Name name = Name.of(i, e.path());
                shown.add(matrix(matrices, "∂L/∂" + name.symbol(), "gradient with respect to " + name.what(),
                        "grad", e, "layers." + i + ".gradients." + e.path()));
            }
            views.add(new ParametersView(i, BlockViews.title(stages.get(i).stage().name(), i + 1), shown, List.of()));
        }
        return views;
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
                case "query", "key", "value" -> "the " + leaf + " weights";
                case "output" -> "the output projection";
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
