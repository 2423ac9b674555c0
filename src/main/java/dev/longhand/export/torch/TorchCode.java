package dev.longhand.export.torch;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Drawn;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.JsonNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The script being written: the helpers it defines (each once, in the order first used) and the
 * statements that build its layers. Kinds write through it ({@link TorchLayer}); it writes dense
 * layers itself.
 */
public final class TorchCode {

    /** Matrices with more numbers than this are drawn again from their seed, where they were drawn from one. */
    static final int LARGEST_WRITTEN = 5_000;

    private final TorchLayers kinds;
    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final java.util.SortedSet<String> imports = new java.util.TreeSet<>();
    private final StringBuilder statements = new StringBuilder();

    /** The block's matrices drawn from a seed, by identity. */
    private final Map<Matrix, Drawn> drawn;

    TorchCode(TorchLayers kinds, Map<Matrix, Drawn> drawn) {
        this.kinds = kinds;
        this.drawn = drawn;
    }

    /**
     * Defines a helper function or class {@code name} with the Python {@code source} (a whole
     * {@code def} or {@code class}, at the left margin), once however often it is asked for.
     */
    public void define(String name, String source) {
        definitions.putIfAbsent(name, source.strip());
    }

    /** Imports the standard module {@code module} (e.g. "math") at the top of the script. */
    public void require(String module) {
        imports.add(module);
    }

    /** A comment line before the next statement. */
    public void comment(String text) {
        statements.append("# ").append(text.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", " ")).append('\n');
    }

    /** {@code name = function(key=value, ...)}, one argument a line when they are long. */
    public void call(String name, String function, List<Arg> args) {
        StringJoiner inline = new StringJoiner(", ");
        args.forEach(a -> inline.add(a.key() + "=" + a.value()));
        String oneLine = name + " = " + function + "(" + inline + ")";
        if (oneLine.length() <= 100 && !oneLine.contains("\n")) {
            statements.append(oneLine).append('\n');
            return;
        }
        statements.append(name).append(" = ").append(function).append("(\n");
        for (Arg a : args) {
            statements.append("    ").append(a.key()).append('=').append(a.value()).append(",\n");
        }
        statements.append(")\n");
    }

    /** A statement as it is. */
    public void line(String statement) {
        statements.append(statement).append('\n');
    }

    /** One keyword argument of {@link #call}. */
    public record Arg(String key, String value) {
    }

    public static Arg arg(String key, String value) {
        return new Arg(key, value);
    }

    /**
     * The Python expression of a matrix as the page writes it (rows = features, columns = samples
     * or tokens), written as an argument of {@link #call}: {@code page([[1, -1], [0, 2]])}.
     */
    public String matrix(Matrix m) {
        return matrix(m, false);
    }

    /** The Python expression of a vector (one column on the page) as a 1-D tensor. */
    public String vector(Matrix column) {
        return matrix(column.transpose(), true);
    }

    private String matrix(Matrix m, boolean flat) {
        definePage();
        if (!flat && (long) m.rows() * m.cols() > LARGEST_WRITTEN) {
            Drawn how = drawn.get(m);
            return how != null ? drawn(how) : rows(m, false);
        }
        return rows(m, flat);
    }

    private String rows(Matrix m, boolean flat) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < m.rows(); r++) {
            StringJoiner row = new StringJoiner(", ", "[", "]");
            for (int c = 0; c < m.cols(); c++) {
                row.add(JsonNumber.format(m.get(r, c)));
            }
            rows.add(row.toString());
        }
        if (flat) {
            return "page(" + rows.get(0) + ")";
        }
        String inline = "page([" + String.join(", ", rows) + "])";
        if (inline.length() <= 60 || m.rows() == 1) {
            return inline;
        }
        StringBuilder b = new StringBuilder("page([\n");
        for (String row : rows) {
            b.append("        ").append(row).append(",\n");
        }
        return b.append("    ])").toString();
    }

    /** The call drawing the numbers again; {@code .T} for an input drawn a sample at a time (a sample a row). */
    private String drawn(Drawn origin) {
        define("drawn", PythonHelpers.DRAWN);
        require("decimal");
        require("math");
        StringBuilder b = new StringBuilder("drawn(seed=").append(origin.seed())
                .append(", rows=").append(origin.rows()).append(", cols=").append(origin.cols())
                .append(", low=").append(JsonNumber.format(origin.min()))
                .append(", high=").append(JsonNumber.format(origin.max()));
        if (origin.integers()) {
            b.append(", integers=True");
        } else if (origin.decimals() >= 0) {
            b.append(", decimals=").append(origin.decimals());
        }
        return b.append(origin.transposed() ? ").T" : ")").toString();
    }

    private void definePage() {
        define("page", PythonHelpers.PAGE);
    }

    /** "Layer 3", or "Layer 3: Hidden 2" when the block names it. */
    public static String title(int number, String name) {
        String plain = "Layer " + number;
        return name.strip().equals(plain) ? plain : plain + ": " + name.strip();
    }

    /** "1 head", "3 heads". */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The PyTorch module of an activation, e.g. {@code nn.ReLU()}; softmax over the features. */
    public static String activation(Activation activation) {
        return switch (activation) {
            case RELU -> "nn.ReLU()";
            case LINEAR -> "nn.Identity()";
            case SIGMOID -> "nn.Sigmoid()";
            case TANH -> "nn.Tanh()";
            case LEAKY_RELU -> "nn.LeakyReLU(0.01)";
            case GELU -> "nn.GELU()";
            case SOFTMAX -> "nn.Softmax(dim=1)";
        };
    }

    /** A comment saying what {@link #activation} does where it needs saying. */
    public static String activationNote(Activation activation) {
        return switch (activation) {
            case SOFTMAX -> "; softmax over the features: dim 1 in PyTorch's layout, each column on the page";
            case GELU -> "; nn.GELU() is the exact erf form, as the page";
            case LINEAR -> "; nn.Identity() for linear";
            default -> "";
        };
    }

    /**
     * Writes {@code name = ...} for a layer of any kind: dense layers here, every other kind
     * through its {@link TorchLayer} (a residual calls this for its inner layers).
     */
    public void layer(StageTrace trace, String name) {
        if (trace instanceof LayerTrace dense) {
            writeDense(dense, name);
            return;
        }
        String type = trace.stage().type();
        kinds.get(type).orElseThrow(() -> new IllegalArgumentException("no PyTorch writer for layer type " + type))
                .write(trace, name, this);
    }

    private void writeDense(LayerTrace trace, String name) {
        define("dense", PythonHelpers.DENSE);
        var layer = trace.layer();
        comment("dense, " + layer.inputs() + " inputs → " + layer.units() + " units, "
                + layer.activation().key() + activationNote(layer.activation()));
        call(name, "dense", List.of(
                arg("weights", matrix(layer.weights())),
                arg("bias", vector(layer.bias())),
                arg("activation", activation(layer.activation()))));
    }

    /** The helper definitions, in the order first used, each followed by two blank lines. */
    String definitions() {
        StringBuilder b = new StringBuilder();
        definitions.values().forEach(d -> b.append(d).append("\n\n\n"));
        return b.toString();
    }

    java.util.SortedSet<String> imports() {
        return imports;
    }

    String statements() {
        return statements.toString();
    }
}
