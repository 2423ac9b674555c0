package dev.longhand.render;

import dev.longhand.nn.Activation;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.worked.Figures;
import dev.longhand.worked.ReluMark;
import dev.longhand.worked.WorkedLine;
import dev.longhand.worked.Worksheet;
import java.util.ArrayList;
import java.util.List;

/** Builds the view of one computed block: every matrix, every mark, every worked line. */
public final class BlockViews {

    private static final String SINGLE_SAMPLE = "value";

    private BlockViews() {
    }

    public static BlockView of(Block block) {
        Worksheet worksheet = new Worksheet(block.precision());
        List<LayerTrace> traces = block.forward().layers();
        List<LayerView> layers = new ArrayList<>();
        boolean anyRelu = false;
        for (int i = 0; i < traces.size(); i++) {
            layers.add(layer(block, traces, i, worksheet));
            anyRelu |= traces.get(i).layer().activation() == Activation.RELU;
        }
        int samples = block.forward().input().cols();
        return new BlockView(block.id(), block.caption(), shape(block), samplesText(samples, block.batch()),
                block.precision(), layers, TraceJson.of(block), anyRelu);
    }

    public static String activationName(Activation activation) {
        return switch (activation) {
            case RELU -> "ReLU";
            case LINEAR -> "linear";
            case SIGMOID -> "sigmoid";
            case TANH -> "tanh";
            case LEAKY_RELU -> "leaky ReLU";
            case SOFTMAX -> "softmax";
        };
    }

    private static String shape(Block block) {
        StringBuilder text = new StringBuilder().append(block.forward().input().rows());
        for (LayerTrace layer : block.forward().layers()) {
            text.append(" → ").append(layer.layer().units()).append(' ')
                    .append(activationName(layer.layer().activation()));
        }
        return text.toString();
    }

    private static String samplesText(int samples, boolean batch) {
        if (!batch) {
            return "one sample";
        }
        return "a batch of " + samples + (samples == 1 ? " sample" : " samples") + ", one column each";
    }

    private static LayerView layer(Block block, List<LayerTrace> traces, int index, Worksheet worksheet) {
        LayerTrace trace = traces.get(index);
        int number = index + 1;
        int p = block.precision();
        Activation activation = trace.layer().activation();
        String name = trace.layer().name();
        String title = name.equals("Layer " + number) ? name : "Layer " + number + " · " + name;
        String sub = Figures.subscript(number);
        String prefix = "layers." + index;
        int samples = trace.z().cols();

        List<String> inputNames = index == 0 ? inputNames(block) : unitNumbers(traces.get(index - 1).layer().units());
        List<String> unitNames = unitNumbers(trace.layer().units());
        List<String> sampleNames = sampleNames(samples, block.batch());

        MatrixView weights = matrix("W" + sub, "weights of " + name, "weights", trace.layer().weights(), unitNames,
                inputNames, p, (r, c) -> prefix + ".weights." + r + "." + c, true,
                (r, c) -> "layer " + number + " weight row " + (r + 1) + " column " + (c + 1), null);
        MatrixView input = index == 0
                ? matrix("X", "input, one column per sample", "input", block.forward().input(), inputNames,
                        sampleNames, p, (r, c) -> "input." + r + "." + c, true,
                        (r, c) -> "input unit " + (r + 1) + " sample " + (c + 1), null)
                : matrix("A" + Figures.subscript(index), "output of layer " + index, "input", trace.input(),
                        inputNames, sampleNames, p, (r, c) -> "layers." + (index - 1) + ".a." + r + "." + c, false,
                        null, null);
        MatrixView bias = matrix("b" + sub, "biases of " + name, "bias", trace.layer().bias(), unitNames,
                List.of("b"), p, (r, c) -> prefix + ".bias." + r, true,
                (r, c) -> "layer " + number + " bias row " + (r + 1), null);
        MatrixView z = matrix("Z" + sub, "weighted sums of " + name, "z", trace.z(), unitNames, sampleNames, p,
                (r, c) -> prefix + ".z." + r + "." + c, false, null,
                (r, c) -> ReluMark.of(activation, trace.z().get(r, c)));
        MatrixView a = activationMatrix("A" + sub, "outputs of " + name + " after " + activationName(activation),
                trace, unitNames, sampleNames, p, prefix);

        List<WorkGroupView> work = new ArrayList<>();
        List<WorkedLine> lines = worksheet.lines(trace);
        for (int s = 0; s < samples; s++) {
            List<WorkLineView> group = new ArrayList<>();
            for (WorkedLine line : lines) {
                if (line.sample() == s) {
                    group.add(new WorkLineView(index + "." + line.unit() + "." + s, line.sum(), line.result(),
                            line.mark().cssClass(), line.mark() == ReluMark.CLAMPED));
                }
            }
            work.add(new WorkGroupView(block.batch() ? "Sample " + (s + 1) : "", group));
        }
        return new LayerView(index, title, activationName(activation), activation == Activation.RELU,
                weights, input, bias, z, a, work);
    }

    private interface Keys {
        String at(int row, int col);
    }

    private interface Marks {
        ReluMark at(int row, int col);
    }

    private static MatrixView matrix(String symbol, String what, String role, Matrix m, List<String> rowNames,
                                     List<String> colNames, int precision, Keys keys, boolean editable,
                                     Keys labels, Marks marks) {
        List<RowView> rows = new ArrayList<>();
        for (int r = 0; r < m.rows(); r++) {
            List<CellView> cells = new ArrayList<>();
            for (int c = 0; c < m.cols(); c++) {
                String key = keys.at(r, c);
                String css = marks == null ? "" : marks.at(r, c).cssClass();
                cells.add(new CellView(Figures.display(m.get(r, c), precision), key, editable ? key : "", css, "",
                        labels == null ? "" : labels.at(r, c)));
            }
            rows.add(new RowView(rowNames.get(r), cells));
        }
        return new MatrixView(symbol, what + " (" + m.rows() + " × " + m.cols() + ")", role, colNames, rows,
                isSingleSampleHeader(colNames));
    }

    private static MatrixView activationMatrix(String symbol, String what, LayerTrace trace, List<String> rowNames,
                                               List<String> colNames, int precision, String prefix) {
        Activation activation = trace.layer().activation();
        List<RowView> rows = new ArrayList<>();
        for (int r = 0; r < trace.a().rows(); r++) {
            List<CellView> cells = new ArrayList<>();
            for (int c = 0; c < trace.a().cols(); c++) {
                double z = trace.z().get(r, c);
                ReluMark mark = ReluMark.of(activation, z);
                String from = mark == ReluMark.CLAMPED ? Figures.display(z, precision) : "";
                cells.add(new CellView(Figures.display(trace.a().get(r, c), precision), prefix + ".a." + r + "." + c,
                        "", mark.cssClass(), from, ""));
            }
            rows.add(new RowView(rowNames.get(r), cells));
        }
        Matrix a = trace.a();
        return new MatrixView(symbol, what + " (" + a.rows() + " × " + a.cols() + ")", "a", colNames, rows,
                isSingleSampleHeader(colNames));
    }

    private static boolean isSingleSampleHeader(List<String> columns) {
        return columns.equals(List.of(SINGLE_SAMPLE)) || columns.equals(List.of("b"));
    }

    private static List<String> inputNames(Block block) {
        int units = block.forward().input().rows();
        if (!block.inputLabels().isEmpty()) {
            return block.inputLabels();
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= units; i++) {
            names.add("x" + Figures.subscript(i));
        }
        return names;
    }

    private static List<String> unitNumbers(int units) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= units; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    private static List<String> sampleNames(int samples, boolean batch) {
        List<String> names = new ArrayList<>();
        for (int s = 1; s <= samples; s++) {
            names.add(batch ? "sample " + s : SINGLE_SAMPLE);
        }
        return names;
    }
}
