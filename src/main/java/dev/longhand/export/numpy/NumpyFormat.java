package dev.longhand.export.numpy;

import dev.longhand.export.ExportFormat;
import dev.longhand.export.KindExports;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Loss;
import dev.longhand.nn.StageTrace;
import dev.longhand.nn.Training;
import dev.longhand.render.Block;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The {@code numpy} download: the block as a Python 3 script that needs only NumPy. It reads top
 * to bottom as a learner would work: the helpers, one function per layer kind the block uses,
 * the block's numbers, the forward pass printed layer by layer, then for a training block the
 * loss, the gradients of the first step and the losses of every step. The module-level
 * {@code output}, {@code loss} and {@code losses} are the contract's.
 */
public final class NumpyFormat implements ExportFormat {

    @Override
    public String key() {
        return "numpy";
    }

    @Override
    public String suffix() {
        return ".numpy.py";
    }

    @Override
    public String linkText() {
        return "NumPy";
    }

    @Override
    public String description() {
        return "this network as a Python script using NumPy";
    }

    @Override
    public byte[] write(Block block, KindExports kinds) {
        return script(block, kinds).getBytes(StandardCharsets.UTF_8);
    }

    /** The script's text. */
    public static String script(Block block, KindExports kinds) {
        List<StageTrace> traces = block.forward().stages();
        NumpyScript script = new NumpyScript(kinds, block.training().isPresent(), new GeneratedNumbers(block.drawn()));
        script.define("matrix", """
                def matrix(rows):
                    \"""A matrix as the page draws it, a list of rows: rows are units, columns are samples.\"""
                    return np.array(rows, dtype=float)
                """);
        script.define("column", """
                def column(values):
                    \"""A vector as a column (one value per unit), so that it adds to every column of a matrix.\"""
                    return np.array(values, dtype=float).reshape(-1, 1)
                """);
        script.defineKinds(traces);
        // The numbers are written before the functions are assembled: a generated matrix defines draw().
        String input = script.matrix(block.forward().input());
        String layers = script.layers(traces);
        String target = block.training().map(t -> script.matrix(t.target())).orElse("");
        defineRunning(script, traces);

        StringBuilder out = new StringBuilder();
        out.append("#!/usr/bin/env python3\n");
        out.append("# ").append(title(block)).append('\n');
        out.append("#\n");
        out.append("# Written by Longhand from the page's block ").append(block.id())
                .append(". Rows are units (features), columns are ").append(block.columnNoun()).append("s,\n");
        out.append("# as on the page. Needs Python 3 and NumPy only: python3 this-file.py\n");
        out.append("# Afterwards `output` holds the network's output");
        out.append(block.training().isPresent()
                ? ", `loss` the loss before training and\n# `losses` the loss before each step and after the last.\n"
                : ".\n");
        out.append('\n');
        // Standard library first, then NumPy, as PEP 8 orders imports.
        script.imports().stream().filter(i -> i.startsWith("import ")).forEach(i -> out.append(i).append('\n'));
        script.imports().stream().filter(i -> i.startsWith("from ")).forEach(i -> out.append(i).append('\n'));
        out.append(script.imports().isEmpty() ? "" : "\n").append("import numpy as np\n\n");
        out.append("np.set_printoptions(precision=").append(block.precision())
                .append(", suppress=True, linewidth=120)\n\n");
        for (String code : script.functions().values()) {
            out.append('\n').append(code).append('\n');
        }
        out.append(activations(script));
        out.append(dispatch(script, traces));
        out.append("\n# The block's numbers ----------------------------------------------------------\n\n");
        out.append("X = ").append(input).append("\n\n");
        out.append("LAYERS = ").append(layers).append("\n\n");
        out.append("""
                # The forward pass ---------------------------------------------------------------

                output, caches = run(LAYERS, X)
                show("X (the input)", X)
                show_layers(LAYERS, caches)
                show("output", output)
                """);
        block.training().ifPresent(t -> out.append(training(t, target, traces)));
        return out.toString();
    }

    /** The caption, or what the block is, on one line. */
    private static String title(Block block) {
        String caption = block.caption().replaceAll("[\\r\\n\\u2028\\u2029\\u0085]+", " ").strip();
        return caption.isEmpty() ? "The network of block " + block.id() : caption;
    }

    private static void defineRunning(NumpyScript script, List<StageTrace> traces) {
        script.define("show", """
                def show(title, m):
                    print(title, "=")
                    print(m)
                    print()
                """);
        script.define("show_layers", """
                def show_layers(layers, caches, prefix="layer "):
                    \"""What the page shows of each layer: z and a, an attention head's weights, a norm's x̂,
                    and the layers inside a residual before its sum.\"""
                    for number, (layer, cache) in enumerate(zip(layers, caches), start=1):
                        title = f"{prefix}{number} ({layer['name']})"
                        if "inner" in cache:
                            show_layers(layer["layers"], cache["inner"], f"{title}, inner layer ")
                        for h, head in enumerate(cache.get("heads", []), start=1):
                            show(f"{title}: head {h} weights", head["weights"])
                        if "normalized" in cache:
                            show(f"{title}: normalized", cache["normalized"])
                        if "z" in cache and cache["z"] is not cache.get("x"):
                            show(f"{title}: z", cache["z"])
                        show(f"{title}: a", cache["a"])
                """);
        script.define("run", """
                def run(layers, x):
                    \"""Each layer on the one before's output: the network's output and what each layer kept (its cache).\"""
                    caches = []
                    for layer in layers:
                        x, cache = FORWARD[layer["type"]](layer, x)
                        caches.append(cache)
                    return x, caches
                """);
        if (script.trains()) {
            script.define("run_backward", """
                    def run_backward(layers, caches, dA, dZ=None):
                        \"""From the last layer to the first: each layer's gradients, and dL/d(its input) passed on.
                        dZ, when given, is the gradient at the last layer's logits (cross-entropy after a softmax).\"""
                        gradients = [None] * len(layers)
                        for i in reversed(range(len(layers))):
                            backward = BACKWARD[layers[i]["type"]]
                            if dZ is not None and i == len(layers) - 1:
                                dA, gradients[i] = backward(layers[i], caches[i], dA, dZ=dZ)
                            else:
                                dA, gradients[i] = backward(layers[i], caches[i], dA)
                        return dA, gradients
                    """);
            script.define("update", """
                    def update(parameters, gradients, rate):
                        \"""One step of gradient descent in place: each parameter p with a gradient g becomes p - rate * g.\"""
                        for key, g in gradients.items():
                            if isinstance(g, list):  # attention heads, the layers inside a residual
                                for inner, inner_g in zip(parameters[key], g):
                                    update(inner, inner_g, rate)
                            else:
                                parameters[key] = parameters[key] - rate * g
                    """);
            script.define("show_gradients", """
                    def show_gradients(path, gradients):
                        \"""Every gradient, named by its path in the page's trace (layers.0.weights).\"""
                        items = enumerate(gradients) if isinstance(gradients, list) else gradients.items()
                        for key, g in items:
                            if isinstance(g, (list, dict)):
                                show_gradients(f"{path}.{key}", g)
                            else:
                                show(f"dL/d {path}.{key}", g)
                    """);
        }
    }

    /** {@code activate} and its backward, with a branch for each activation the block uses. */
    private static String activations(NumpyScript script) {
        if (script.activations().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (script.activations().contains(Activation.GELU)) {
            out.append("\nerf = np.vectorize(math.erf)\n\n");
        }
        out.append("""

                def activate(name, z):
                    \"""The activation, entry by entry (softmax: each column).\"""
                """);
        for (Activation f : script.activations()) {
            out.append("    if name == \"").append(f.key()).append("\":\n        return ").append(forward(f)).append('\n');
        }
        out.append("    raise ValueError(name)\n\n");
        if (script.trains()) {
            out.append("""

                    def activate_backward(name, z, a, dA):
                        \"""dL/dz from dL/da: times the derivative, entry by entry (softmax: its Jacobian, each column).\"""
                    """);
            for (Activation f : script.activations()) {
                out.append("    if name == \"").append(f.key()).append("\":\n        return ").append(backward(f)).append('\n');
            }
            out.append("    raise ValueError(name)\n\n");
        }
        return out.toString();
    }

    private static String forward(Activation f) {
        return switch (f) {
            case RELU -> "np.where(z > 0, z, 0.0)";
            case LINEAR -> "z";
            case SIGMOID -> "1.0 / (1.0 + np.exp(-z))";
            case TANH -> "np.tanh(z)";
            case LEAKY_RELU -> "np.where(z > 0, z, 0.01 * z)";
            case GELU -> "0.5 * z * (1.0 + erf(z / math.sqrt(2.0)))";
            case SOFTMAX -> "softmax_columns(z)";
        };
    }

    private static String backward(Activation f) {
        return switch (f) {
            case RELU -> "dA * (z > 0)";
            case LINEAR -> "dA";
            case SIGMOID -> "dA * a * (1.0 - a)";
            case TANH -> "dA * (1.0 - a * a)";
            case LEAKY_RELU -> "dA * np.where(z > 0, 1.0, 0.01)";
            case GELU -> "dA * (0.5 * (1.0 + erf(z / math.sqrt(2.0))) + z * np.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi))";
            case SOFTMAX -> "a * (dA - (dA * a).sum(axis=0))";
        };
    }

    /** The tables from a layer's type to its functions. */
    private static String dispatch(NumpyScript script, List<StageTrace> traces) {
        Map<String, ?> types = NumpyScript.byType(traces);
        StringBuilder out = new StringBuilder("\nFORWARD = {");
        types.keySet().forEach(t -> out.append("\"").append(t).append("\": ").append(t).append(", "));
        out.setLength(out.length() - 2);
        out.append("}\n");
        if (script.trains()) {
            out.append("BACKWARD = {");
            types.keySet().forEach(t -> out.append("\"").append(t).append("\": ").append(t).append("_backward, "));
            out.setLength(out.length() - 2);
            out.append("}\n");
        }
        return out.toString();
    }

    private static String training(Training t, String target, List<StageTrace> traces) {
        boolean fromLogits = t.loss() == Loss.CROSS_ENTROPY && traces.get(traces.size() - 1).stage().endsInSoftmax();
        StringBuilder out = new StringBuilder("\n# Training -------------------------------------------------------------------------\n\n");
        out.append("TARGET = ").append(target).append('\n');
        out.append("LEARNING_RATE = ").append(Python.number(t.learningRate())).append('\n');
        out.append("STEPS = ").append(t.steps()).append("\n\n\n");
        if (t.loss() == Loss.MSE) {
            out.append("""
                    def loss_of(output, caches):
                        \"""Mean squared error, the mean over every output unit and sample of (a - t)²
                        (PyTorch's MSELoss), and its gradient dL/da.\"""
                        return ((output - TARGET) ** 2).mean(), 2.0 * (output - TARGET) / output.size, None
                    """);
        } else if (fromLogits) {
            out.append("""
                    def loss_of(output, caches):
                        \"""Cross-entropy, the mean over samples of -Σ t log a over the output units, from the softmax's
                        logits z as PyTorch's CrossEntropyLoss: log a = z - max - log Σ exp(z - max). Its gradient at the
                        logits is (a Σt - t) / samples.\"""
                        z = caches[-1]["z"]
                        shifted = z - z.max(axis=0)
                        log_a = shifted - np.log(np.exp(shifted).sum(axis=0))
                        loss = -np.where(TARGET != 0, TARGET * log_a, 0.0).sum(axis=0).mean()
                        return loss, None, (output * TARGET.sum(axis=0) - TARGET) / output.shape[1]
                    """);
        } else {
            out.append("""
                    def loss_of(output, caches):
                        \"""Cross-entropy, the mean over samples of -Σ t log a over the output units, and its gradient
                        dL/da = -t / (a · samples) (0 where t is 0).\"""
                        samples = output.shape[1]
                        with np.errstate(divide="ignore", invalid="ignore"):
                            terms = np.where(TARGET != 0, TARGET * np.log(output), 0.0)
                            dA = np.where(TARGET != 0, -TARGET / (output * samples), 0.0)
                        return -terms.sum(axis=0).mean(), dA, None
                    """);
        }
        out.append("""


                losses = []
                for step in range(STEPS):
                    step_output, step_caches = run(LAYERS, X)
                    value, dA, dZ = loss_of(step_output, step_caches)
                    losses.append(float(value))
                    _, gradients = run_backward(LAYERS, step_caches, dA, dZ)
                    if step == 0:
                        print("loss =", losses[0])
                        print()
                        show_gradients("layers", gradients)
                    for layer, g in zip(LAYERS, gradients):
                        update(layer, g, LEARNING_RATE)
                losses.append(float(loss_of(*run(LAYERS, X))[0]))
                loss = losses[0]
                print("losses =", losses)
                """);
        return out.toString();
    }
}
