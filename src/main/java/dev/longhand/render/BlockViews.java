package dev.longhand.render;

import dev.longhand.nn.Activation;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.NestedTrace;
import dev.longhand.nn.StageTrace;
import dev.longhand.worked.Figures;
import dev.longhand.worked.ReluMark;
import dev.longhand.worked.Unknowns;
import dev.longhand.worked.WorkedLine;
import dev.longhand.worked.Worksheet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Builds the view of one computed block: every matrix, every mark, every worked line. */
public final class BlockViews {

    private BlockViews() {
    }

    /** The theme's partial that draws one dense layer. */
    static final String DENSE_TEMPLATE = "layer-dense";

    /**
     * @param answersHref where a worksheet's answer key is, relative to its page
     * @param renderer    the theme, which draws each layer's section with its kind's partial
     */
    public static BlockView of(Block block, String answersHref, SheetContext.Renderer renderer) {
        return of(block, answersHref, List.of(), renderer);
    }

    /**
     * @param answersHref where a worksheet's answer key is, relative to its page
     * @param exports     the block's download links ("Take it with you"), relative to its page
     * @param renderer    the theme, which draws each layer's section with its kind's partial
     */
    public static BlockView of(Block block, String answersHref, List<ExportLinkView> exports,
                               SheetContext.Renderer renderer) {
        return of(block, answersHref, false, exports, renderer);
    }

    /** A worksheet's answer key: the block with every value shown. */
    public static BlockView answerKey(Block block, SheetContext.Renderer renderer) {
        return answerKey(block, List.of(), renderer);
    }

    /** A worksheet's answer key, with the block's download links (the answer key sits beside its page). */
    public static BlockView answerKey(Block block, List<ExportLinkView> exports, SheetContext.Renderer renderer) {
        return of(block.answered(), "", block.blanks().newNumbers().isPresent(), exports, renderer);
    }

    private static BlockView of(Block block, String answersHref, boolean keyOfDraw, List<ExportLinkView> exports,
                                SheetContext.Renderer renderer) {
        List<StageTrace> traces = block.forward().stages();
        List<SectionView> layers = new ArrayList<>();
        boolean anyRelu = false;
        // What the worksheet hides, filled in layer by layer as the sections are drawn.
        Hiding hiding = new Hiding();
        for (int i = 0; i < traces.size(); i++) {
            final int index = i;
            MatrixViews.Keys inputKeys = i == 0 ? (r, c) -> "input." + r + "." + c
                    : (r, c) -> "layers." + (index - 1) + ".a." + r + "." + c;
            SheetContext context = new SheetContext(block, traces.get(i), "layers." + i, String.valueOf(i + 1),
                    inputKeys, i == 0 ? "X" : "A" + Figures.subscript(i), layerInputNames(block, i), renderer,
                    block.sheets(), hiding);
            layers.add(new SectionView(withoutLastNewline(section(context, block.sheets()))));
            anyRelu |= usesRelu(traces.get(i));
        }
        int samples = block.forward().input().cols();
        TrainingView training = block.trained().isPresent() ? TrainingViews.of(block, new MatrixViews(block.precision())) : null;
        return new BlockView(block.id(), block.caption(), shape(block), samplesText(samples, block.batch(), block.columnNoun()),
                block.forward().allDense() ? Diagram.svg(block, 0, block.precision()) : LayerStrip.svg(block), block.precision(), block.augmented(), layers, training,
                TraceJson.of(block), anyRelu, block.practice() ? answersHref + "#" + block.id() : "",
                block.practice() ? block.blanks().newNumbers().stream()
                        .mapToObj(seed -> HexFormat.of().toHexDigits(seed)).findFirst().orElse("") : "",
                keyOfDraw, block.practice() ? hiding.hiddenUntil() : "", exports);
    }

    /** Whether a stage, or a layer inside it, clamps with ReLU (then the legend is shown). */
    private static boolean usesRelu(StageTrace trace) {
        if (trace instanceof LayerTrace dense) {
            return dense.layer().activation() == Activation.RELU;
        }
        return trace.stage().finalActivation() == Activation.RELU
                || trace instanceof NestedTrace nested && nested.inner().stream().anyMatch(BlockViews::usesRelu);
    }

    private static String withoutLastNewline(String html) {
        return html.endsWith("\n") ? html.substring(0, html.length() - 1) : html;
    }

    /** One layer's section: a dense layer by the dense partial, any other kind by its sheet. */
    static String section(SheetContext context, KindSheets sheets) {
        if (context.trace() instanceof LayerTrace) {
            return context.render(DENSE_TEMPLATE, denseLayer(context));
        }
        return sheets.get(context.trace().stage().type()).section(context);
    }

    public static String activationName(Activation activation) {
        return switch (activation) {
            case RELU -> "ReLU";
            case LINEAR -> "linear";
            case SIGMOID -> "sigmoid";
            case TANH -> "tanh";
            case LEAKY_RELU -> "leaky ReLU";
            case GELU -> "GELU";
            case SOFTMAX -> "softmax";
        };
    }

    /** "Layer 2 · Hidden 2", or just "Layer 2" when the author gave no name. */
    static String title(String name, int number) {
        return name.equals("Layer " + number) ? name : "Layer " + number + " · " + name;
    }

    /** Names of the input units: the author's labels, or x₁, x₂, ... */
    static List<String> inputNames(Block block) {
        if (!block.inputLabels().isEmpty()) {
            return block.inputLabels();
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= block.forward().input().rows(); i++) {
            names.add("x" + Figures.subscript(i));
        }
        return names;
    }

    /** Column headers of a layer's input: the input's names for layer 1, unit numbers after. */
    static List<String> layerInputNames(Block block, int index) {
        return index == 0 ? inputNames(block)
                : MatrixViews.numbered(block.forward().stages().get(index - 1).a().rows());
    }

    private static String shape(Block block) {
        StringBuilder text = new StringBuilder().append(block.forward().input().rows());
        for (StageTrace stage : block.forward().stages()) {
            text.append(" → ");
            if (stage instanceof LayerTrace layer) {
                text.append(layer.layer().units()).append(' ').append(activationName(layer.layer().activation()));
            } else {
                text.append(block.sheets().get(stage.stage().type()).label(stage.stage())).append(' ')
                        .append(stage.a().rows());
            }
        }
        return text.toString();
    }

    private static String samplesText(int samples, boolean batch, String noun) {
        if (!batch) {
            return "one " + noun;
        }
        if (noun.equals("token")) {
            return samples + (samples == 1 ? " token" : " tokens") + ", one column each";
        }
        return "a batch of " + samples + (samples == 1 ? " sample" : " samples") + ", one column each";
    }

    static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * A dense layer's view. At the top level its keys are "layers.I..." and its lines "I.u.s";
     * inside a residual "layers.I.layers.J..." and "I.layers.J.u.s". Worksheet blanks apply to
     * the chosen layers and to the layers inside a chosen residual.
     */
    private static LayerView denseLayer(SheetContext context) {
        Block block = context.block();
        LayerTrace trace = (LayerTrace) context.trace();
        Worksheet worksheet = new Worksheet(block.precision(), block.augmented());
        MatrixViews matrices = context.matrices();
        boolean top = !context.number().contains(".");
        int index = top ? Integer.parseInt(context.number()) - 1 : -1;
        String number = context.number();
        Activation activation = trace.layer().activation();
        String name = trace.layer().name();
        String sub = context.sub();
        String prefix = context.prefix();
        String lineKey = prefix.substring("layers.".length());
        int samples = trace.z().cols();
        Hiding hiding = context.hiding();
        boolean blankZ = context.blank("z");
        boolean blankA = context.blank("a");
        // Z waits for its own boxes; A for its own, or for its Z, which it repeats unit by unit.
        context.follows("z", "z");
        context.follows("a", "a", context.key("z"));

        List<String> inputNames = context.inputNames();
        List<String> unitNames = MatrixViews.numbered(trace.layer().units());
        List<String> sampleNames = MatrixViews.columns(samples, block.batch(), block.columnNoun());

        MatrixView weights = matrices.editable("W" + sub, "weights of " + name, "weights", trace.layer().weights(),
                unitNames, inputNames, (r, c) -> prefix + ".weights." + r + "." + c);
        MatrixView input = index == 0
                ? matrices.editable("X", "input, one column per sample", "input", block.forward().input(),
                        inputNames, sampleNames, (r, c) -> "input." + r + "." + c)
                : top ? MatrixViews.blanked(matrices.shown("A" + Figures.subscript(index), "output of layer " + index,
                        "input", trace.input(), inputNames, sampleNames,
                        (r, c) -> "layers." + (index - 1) + ".a." + r + "." + c,
                        MatrixViews.NO_MARKS), hiding.hidden("layers." + (index - 1) + ".a.0.0"), true,
                        (r, c) -> "layers." + (index - 1) + ".a." + r + "." + c, (r, c) -> "")
                : context.input(context.inputSymbol(), "input of layer " + number);
        MatrixView bias = matrices.editable("b" + sub, "biases of " + name, "bias", trace.layer().bias(), unitNames,
                List.of("b"), (r, c) -> prefix + ".bias." + r);
        if (block.augmented()) {
            weights = MatrixViews.withColumn(weights, "b", bias, "weights of " + name
                    + " with the biases as the last column (" + trace.layer().units() + " × "
                    + (trace.layer().inputs() + 1) + ")");
            input = MatrixViews.withConstantRow(input, "1", "1");
        }
        MatrixView z = matrices.shown("Z" + sub, "weighted sums of " + name, "z", trace.z(), unitNames, sampleNames,
                (r, c) -> prefix + ".z." + r + "." + c,
                (r, c) -> ReluMark.of(activation, trace.z().get(r, c)).cssClass());
        MatrixView a = matrices.shown("A" + sub, "outputs of " + name + " after " + activationName(activation), "a",
                trace.a(), unitNames, sampleNames, (r, c) -> prefix + ".a." + r + "." + c,
                new MatrixViews.Marks() {
                    @Override
                    public String cssClass(int r, int c) {
                        return ReluMark.of(activation, trace.z().get(r, c)).cssClass();
                    }

                    @Override
                    public String clampedFrom(int r, int c) {
                        double zv = trace.z().get(r, c);
                        return ReluMark.of(activation, zv) == ReluMark.CLAMPED
                                ? Figures.display(zv, block.precision()) : "";
                    }
                });

        z = MatrixViews.blanked(z, blankZ, false, (r, c) -> prefix + ".z." + r + "." + c,
                (r, c) -> "layer " + number + " z row " + (r + 1) + " " + block.columnNoun() + " " + (c + 1));
        // An A not asked for but worked out from a blank Z shows "?" until that Z is revealed.
        a = MatrixViews.blanked(a, hiding.hidden(prefix + ".a.0.0"), !blankA, (r, c) -> prefix + ".a." + r + "." + c,
                (r, c) -> "layer " + number + " a row " + (r + 1) + " " + block.columnNoun() + " " + (c + 1));

        List<WorkGroupView> work = new ArrayList<>();
        // Nothing is revealed yet when the page is built: every hidden figure of another unit is "?".
        // A whole matrix is hidden or shown, so one look per matrix (not one per term of 400,000).
        Unknowns unknown = Unknowns.of(context.hidden(context.inputKey(0, 0)), context.hidden(prefix + ".z.0.0"));
        for (int s = 0; s < samples; s++) {
            List<WorkLineView> group = new ArrayList<>();
            for (int u = 0; u < trace.z().rows(); u++) {
                WorkedLine line = worksheet.line(trace, u, s, unknown);
                String hiddenFor = blankZ ? prefix + ".z." + u + "." + s
                        : blankA ? prefix + ".a." + u + "." + s : "";
                group.add(new WorkLineView(lineKey + "." + u + "." + s, line.sum(), line.result(),
                        line.mark().cssClass(), line.mark() == ReluMark.CLAMPED, hiddenFor,
                        "Show how: unit " + (u + 1) + (block.batch() ? ", sample " + (s + 1) : "")));
            }
            work.add(WorkGroupView.of(block.batch() ? capitalized(block.columnNoun()) + " " + (s + 1) : "", group));
        }
        return new LayerView(lineKey, context.title(), activationName(activation),
                activation == Activation.RELU, block.augmented(), weights, input, bias, z, a, work);
    }
}
