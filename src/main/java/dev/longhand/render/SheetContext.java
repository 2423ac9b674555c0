package dev.longhand.render;

import dev.longhand.nn.StageTrace;
import dev.longhand.worked.Figures;
import java.util.List;

/**
 * What a {@link KindSheet} draws one layer with: where the layer sits, what it received, how
 * numbers are shown, and the theme to render its partial.
 */
public final class SheetContext {

    /** Renders a template of the theme with a view: the partial of a kind. */
    public interface Renderer {
        String render(String template, Object view);
    }

    private final Block block;
    private final StageTrace trace;
    private final String prefix;
    private final String number;
    private final MatrixViews.Keys inputKeys;
    private final String inputSymbol;
    private final List<String> inputNames;
    private final Renderer renderer;
    private final KindSheets sheets;

    SheetContext(Block block, StageTrace trace, String prefix, String number, MatrixViews.Keys inputKeys,
                 String inputSymbol, List<String> inputNames, Renderer renderer, KindSheets sheets) {
        this.inputSymbol = inputSymbol;
        this.block = block;
        this.trace = trace;
        this.prefix = prefix;
        this.number = number;
        this.inputKeys = inputKeys;
        this.inputNames = inputNames;
        this.renderer = renderer;
        this.sheets = sheets;
    }

    public StageTrace trace() {
        return trace;
    }

    /** The layer's path in the trace: "layers.2", or "layers.2.layers.0" inside a residual. */
    public String prefix() {
        return prefix;
    }

    /** The key of a number of the layer: {@code key("gamma", 1)} is "layers.2.gamma.1". */
    public String key(String field, int... at) {
        StringBuilder key = new StringBuilder(prefix).append('.').append(field);
        for (int i : at) {
            key.append('.').append(i);
        }
        return key.toString();
    }

    /** How the page numbers the layer: "3", or "3.1" inside a residual. */
    public String number() {
        return number;
    }

    /** The number as a subscript, for symbols: "₃", "₃.₁". */
    public String sub() {
        StringBuilder s = new StringBuilder();
        for (String part : number.split("\\.")) {
            if (s.length() > 0) {
                s.append('.');
            }
            s.append(Figures.subscript(Integer.parseInt(part)));
        }
        return s.toString();
    }

    /** "Layer 3 · Norm", or just "Layer 3" when the author gave no name. */
    public String title() {
        String name = trace.stage().name();
        String plain = "Layer " + number;
        return name.equals(plain) || name.equals("Layer " + number.substring(number.lastIndexOf('.') + 1))
                ? plain : plain + " · " + name;
    }

    public int precision() {
        return block.precision();
    }

    public String display(double value) {
        return Figures.display(value, block.precision());
    }

    public MatrixViews matrices() {
        return new MatrixViews(block.precision());
    }

    public boolean batch() {
        return block.batch();
    }

    /** "Sample 2" or "Token 2", for headings of worked lines grouped by column. */
    public String columnHeading(int column) {
        return block.batch() ? BlockViews.capitalized(block.columnNoun()) + " " + (column + 1) : "";
    }

    /** Column headers of the layer's matrices: one per sample (or token). */
    public List<String> sampleNames() {
        return MatrixViews.columns(trace.a().cols(), block.batch(), block.columnNoun());
    }

    /** Row headers of the layer's input. */
    public List<String> inputNames() {
        return inputNames;
    }

    /**
     * The layer's input as the worksheet shows it: the block's X (editable) for the first
     * layer, or the output of the layer before, keyed to it so that the page updates it.
     */
    public MatrixView input(String symbol, String caption) {
        boolean first = inputKeys.at(0, 0).startsWith("input.");
        return first
                ? matrices().editable(symbol, caption, "input", trace.input(), inputNames, sampleNames(), inputKeys)
                : matrices().shown(symbol, caption, "input", trace.input(), inputNames, sampleNames(), inputKeys,
                        MatrixViews.NO_MARKS);
    }

    /** The worksheet's name for the layer's input: "X", "A₂", "A₃.₁". */
    public String inputSymbol() {
        return inputSymbol;
    }

    /** The key of the input's cell (row, column). */
    public String inputKey(int row, int col) {
        return inputKeys.at(row, col);
    }

    /** Renders the kind's partial of the theme. */
    public String render(String template, Object view) {
        return renderer.render(template, view);
    }

    /** The sections of layers inside this one (a residual's), numbered "3.1", "3.2", ... */
    public String sections(List<StageTrace> inner) {
        StringBuilder html = new StringBuilder();
        MatrixViews.Keys keys = inputKeys;
        String symbol = inputSymbol;
        List<String> names = inputNames;
        for (int i = 0; i < inner.size(); i++) {
            StageTrace t = inner.get(i);
            String innerPrefix = prefix + ".layers." + i;
            SheetContext context = new SheetContext(block, t, innerPrefix, number + "." + (i + 1), keys, symbol, names,
                    renderer, sheets);
            html.append(BlockViews.section(context, sheets));
            keys = (r, c) -> innerPrefix + ".a." + r + "." + c;
            symbol = "A" + context.sub();
            names = MatrixViews.numbered(t.a().rows());
        }
        return html.toString();
    }

    Block block() {
        return block;
    }
}
