package dev.longhand.export.numpy;

import dev.longhand.export.KindExports;
import dev.longhand.nn.Activation;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.NestedTrace;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a block's script is made of while it is written: the Python functions the layer kinds
 * define (each once), the activations they use, and how matrices are written. One per script.
 */
public final class NumpyScript {

    private final KindExports kinds;
    private final boolean trains;
    private final Map<String, String> functions = new LinkedHashMap<>();
    private final Set<Activation> activations = EnumSet.noneOf(Activation.class);
    private final GeneratedNumbers generated;
    private final Set<String> imports = new TreeSet<>();

    NumpyScript(KindExports kinds, boolean trains, GeneratedNumbers generated) {
        this.kinds = kinds;
        this.trains = trains;
        this.generated = generated;
    }

    /** Whether the block trains: then the kinds define their backward functions too. */
    public boolean trains() {
        return trains;
    }

    /** Defines a Python function (or any top-level statement) once, under its name; later calls with the same name are ignored. */
    public void define(String name, String code) {
        functions.putIfAbsent(name, code);
    }

    /** Whether {@code name} is defined already. */
    public boolean defines(String name) {
        return functions.containsKey(name);
    }

    /** The script needs {@code activate(name, z)} (and its backward) to know this activation. */
    public void activation(Activation f) {
        activations.add(f);
        if (f == Activation.GELU) {
            needsImport("import math");
        }
        if (f == Activation.SOFTMAX) {
            define("softmax_columns", SOFTMAX);
        }
    }

    /** {@code softmax_columns(z)}, for any kind that takes a softmax of each column (define it under that name). */
    public static final String SOFTMAX = """
            def softmax_columns(z):
                \"""Softmax of each column: exp(z - the column's largest), over the column's sum.\"""
                e = np.exp(z - z.max(axis=0))
                return e / e.sum(axis=0)
            """;

    /** A line the script's imports need besides NumPy's: {@code import math}. */
    public void needsImport(String line) {
        imports.add(line);
    }

    /**
     * A matrix as a Python expression: its numbers written out, rows as the page's rows, or, when it
     * is large and was drawn from a seed, the call that draws the same numbers again.
     */
    public String matrix(Matrix m) {
        return generated.call(m, this).orElseGet(() -> Python.matrixLiteral(m));
    }

    /** A vector (one value per row) as a column: {@code column([1, 2])}, or drawn again when large and generated. */
    public String column(Matrix m) {
        return generated.call(m, this).orElseGet(() -> Python.columnLiteral(m));
    }

    /** The layers' Python list, each layer a dict its kind fills in. */
    public String layers(List<StageTrace> traces) {
        StringBuilder out = new StringBuilder("[\n");
        for (StageTrace trace : traces) {
            out.append("    ").append(layer(trace).write(4)).append(",\n");
        }
        return out.append(']').toString();
    }

    private PyDict layer(StageTrace trace) {
        Stage stage = trace.stage();
        PyDict dict = new PyDict().put("type", Python.string(stage.type())).put("name", Python.string(stage.name()));
        if (trace instanceof LayerTrace dense) {
            DenseNumpy.entries(dense, dict, this);
        } else {
            kinds.get(stage.type(), NumpyKind.class).entries(trace, dict, this);
        }
        return dict;
    }

    /** Every stage of the network, inner ones after their residual, grouped by type in order of first use. */
    static Map<String, List<Stage>> byType(List<StageTrace> traces) {
        Map<String, List<Stage>> byType = new LinkedHashMap<>();
        collect(traces, byType);
        return byType;
    }

    private static void collect(List<StageTrace> traces, Map<String, List<Stage>> byType) {
        for (StageTrace trace : traces) {
            byType.computeIfAbsent(trace.stage().type(), t -> new ArrayList<>()).add(trace.stage());
            if (trace instanceof NestedTrace nested) {
                collect(nested.inner(), byType);
            }
        }
    }

    /** Asks each kind of the network for its functions. */
    void defineKinds(List<StageTrace> traces) {
        byType(traces).forEach((type, stages) -> {
            if (type.equals(DenseNumpy.TYPE)) {
                DenseNumpy.functions(stages, this);
            } else {
                kinds.get(type, NumpyKind.class).functions(stages, this);
            }
        });
    }

    Set<String> imports() {
        return imports;
    }

    Map<String, String> functions() {
        return functions;
    }

    Set<Activation> activations() {
        return activations;
    }
}
