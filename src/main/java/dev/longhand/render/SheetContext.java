package dev.longhand.render;

import dev.longhand.nn.StageTrace;
import dev.longhand.worked.Figures;
import dev.longhand.worked.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link KindSheet} draws one layer with: where the layer sits, what it received, how
 * numbers are shown, and the theme to render its partial.
 *
 * <p>On a worksheet it also applies the practice blanks, the same way for every kind: a kind
 * draws each matrix it computes through {@link #computed} (answer boxes when practice blanks
 * it, "?" while it repeats a hidden value), each later appearance of a matrix through
 * {@link #seen}, each figure of a worked line through {@link #factor} or {@link #figure} ("?"
 * while hidden) and each worked line through {@link #line} (behind "show how" when it works out
 * a hidden value). longhand.js gives a kind's page script the same hooks in its shelf.
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
    private final Hiding hiding;

    SheetContext(Block block, StageTrace trace, String prefix, String number, MatrixViews.Keys inputKeys,
                 String inputSymbol, List<String> inputNames, Renderer renderer, KindSheets sheets, Hiding hiding) {
        this.hiding = hiding;
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
        return subscripts(number);
    }

    /** A layer's number as subscripts: "3.1" as "₃.₁". */
    static String subscripts(String number) {
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
                : seen(matrices().shown(symbol, caption, "input", trace.input(), inputNames, sampleNames(), inputKeys,
                        MatrixViews.NO_MARKS));
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
                    renderer, sheets, hiding);
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

    Hiding hiding() {
        return hiding;
    }

    // ---- practice: the worksheet's blanks, one rule for every kind ---------------------------

    /**
     * Whether practice blanks part {@code part} of this layer: "z", the values the layer works
     * out on its way (a dense layer's Z; attention's Q, K, V, scores, weights and, before an
     * output projection, each head's Z; a norm's mean, variance and x̂), or "a", its output.
     */
    public boolean blank(String part) {
        return block.blanks().blank(prefix, part);
    }

    /**
     * A matrix the layer computes, as the worksheet draws it: every cell an empty answer box when
     * practice blanks {@code part} of this layer; every cell "?" while it repeats, entry by entry,
     * a hidden matrix ({@code repeats}: an A that is its Z with a function applied, γ·x̂ + β after
     * a hidden x̂), until the reader reveals that one; else {@code view} as it is. It records what
     * it hides, for the layers after it and the page's script.
     *
     * @param view    the matrix with every figure, its cells keyed {@code key(field, row, col)}
     * @param field   the matrix's path in the layer's trace: "a", "heads.0.scores", "normalized"
     * @param part    "z" or "a", as {@link #blank}
     * @param repeats the whole trace paths of the matrices it repeats entry by entry
     *                ({@code key("z")}, {@link #inputMatrix()}); it waits for the first hidden one
     */
    public MatrixView computed(MatrixView view, String field, String part, String... repeats) {
        follows(field, part, repeats);
        return shownAs(view, blank(part));
    }

    /**
     * Records what {@link #computed} records, for a matrix the sheet draws by other means (a
     * dense layer's) or not as a table of its own.
     */
    public void follows(String field, String part, String... repeats) {
        String matrix = key(field);
        if (blank(part)) {
            hiding.hide(matrix, matrix);
            return;
        }
        for (String repeated : repeats) {
            if (!hiding.gate(repeated).isEmpty()) {
                hiding.hide(matrix, hiding.gate(repeated));
                return;
            }
        }
    }

    /** The trace path of the layer's input: "input", "layers.1.a". */
    public String inputMatrix() {
        return Hiding.matrixOf(inputKeys.at(0, 0));
    }

    /**
     * A matrix drawn again (V in V·A, the heads' Z stacked, the branch of a residual, the input
     * of the next layer): "?" in each cell whose value is hidden, until the reader reveals it.
     */
    public MatrixView seen(MatrixView view) {
        return shownAs(view, false);
    }

    private MatrixView shownAs(MatrixView view, boolean boxes) {
        List<RowView> rows = new ArrayList<>();
        boolean any = false;
        for (RowView row : view.rows()) {
            List<CellView> cells = new ArrayList<>();
            for (CellView cell : row.cells()) {
                if (!cell.keyed() || cell.cssClass().equals("gap") || !hiding.hidden(cell.key())) {
                    cells.add(cell);
                    continue;
                }
                any = true;
                String key = cell.key();
                cells.add(boxes && hiding.gateOf(key).equals(key) ? CellView.answerBox(key, "layer " + number + " "
                        + spoken(key)) : CellView.blankCopy(key));
            }
            rows.add(new RowView(row.header(), cells));
        }
        return any ? new MatrixView(view.symbol(), view.caption(), view.role(), view.columns(), rows, view.quiet())
                : view;
    }

    /** Whether the value at {@code key} (a whole trace key) is hidden until the reader reveals it. */
    public boolean hidden(String key) {
        return hiding.hidden(key);
    }

    /** A factor of a worked line: the value's figure, or "?" while the value at {@code key} is hidden. */
    public Line factor(Line line, double value, String key) {
        return hidden(key) ? line.unknown(value) : line.factor(value);
    }

    /** A figure standing alone in a worked line (in brackets, first): or "?" while hidden. */
    public Line figure(Line line, double value, String key) {
        return hidden(key) ? line.unknown(value) : line.figure(value);
    }

    /**
     * A worked line that works out the value at {@code valueKey}: behind a closed "show how" while
     * that value is hidden (opening it reveals the blank the value waits for), else as it is.
     */
    public WorkLineView line(String lineKey, String text, String valueKey) {
        return line(lineKey, text, valueKey, "", false);
    }

    /** {@link #line(String, String, String)} with the line's mark ("clamped", "dropped") and ReLU's note. */
    public WorkLineView line(String lineKey, String text, String valueKey, String cssClass, boolean clamped) {
        String gate = hiding.gateOf(valueKey);
        return new WorkLineView(lineKey, text, "", cssClass, clamped, gate,
                gate.isEmpty() ? "" : "Show how: " + spoken(valueKey));
    }

    /**
     * A value of this layer in words, for answer boxes and "show how": "head 1 scores, row 2,
     * token 3"; "mean 2" for one of a list; "layer 1 z, row 1" inside a residual's own key.
     */
    String spoken(String key) {
        String rest = key.startsWith(prefix + ".") ? key.substring(prefix.length() + 1) : key;
        String matrix = Hiding.matrixOf(rest);
        String[] parts = matrix.split("\\.");
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            boolean numbered = i + 1 < parts.length && parts[i + 1].chars().allMatch(Character::isDigit);
            words.append(words.length() == 0 ? "" : " ");
            if (numbered) {
                String name = parts[i].endsWith("s") ? parts[i].substring(0, parts[i].length() - 1) : parts[i];
                words.append(name).append(' ').append(Integer.parseInt(parts[i + 1]) + 1);
                i++;
            } else {
                words.append(parts[i].equals("a") ? "output" : parts[i].replace('_', ' '));
            }
        }
        String[] at = rest.substring(matrix.length()).split("\\.");
        if (at.length == 2) {
            return words + " " + (Integer.parseInt(at[1]) + 1);
        }
        if (at.length == 3) {
            return words + ", row " + (Integer.parseInt(at[1]) + 1)
                    + (block.batch() ? ", " + block.columnNoun() + " " + (Integer.parseInt(at[2]) + 1) : "");
        }
        return words.toString();
    }
}
