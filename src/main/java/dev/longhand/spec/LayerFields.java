package dev.longhand.spec;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One layer's mapping (or a mapping inside it, such as one head), as a kind's reader sees it:
 * typed values by key, each problem reported at the value with the layer named, so that every
 * kind's messages read alike ({@code layer 4 (attention) head 2 query has 3 columns; the tokens
 * have 4 features}).
 */
public final class LayerFields {

    static final List<String> RANDOM_KEYS = List.of("random", "min", "max", "integers", "decimals", "shape");

    /** Reads nested layers (a residual's), starting from a number of rows. */
    interface Nested {
        Optional<List<Stage>> read(Node list, String what, int inputRows, long parametersBefore);
    }

    private final Reading reading;
    private final Fields fields;
    private final String what;
    private final OptionalInt inputRows;
    private final int samples;
    private final String previous;
    private final boolean last;
    private final long parametersBefore;
    private final Nested nested;
    private final String defaultName;

    LayerFields(Reading reading, Fields fields, String what, String defaultName, OptionalInt inputRows, int samples,
                String previous, boolean last, long parametersBefore, Nested nested) {
        this.reading = reading;
        this.defaultName = defaultName;
        this.fields = fields;
        this.what = what;
        this.inputRows = inputRows;
        this.samples = samples;
        this.previous = previous;
        this.last = last;
        this.parametersBefore = parametersBefore;
        this.nested = nested;
    }

    /** How messages name this layer or part: "layer 4 (attention)", "layer 4 (attention) head 2". */
    public String what() {
        return what;
    }

    /** The rows (features) of what the layer receives, when known. */
    public OptionalInt inputRows() {
        return inputRows;
    }

    /** The columns (samples, tokens) of the block's input, or -1 when unknown. */
    public int samples() {
        return samples;
    }

    /** How messages name what the layer receives: "the input" or "layer 3". */
    public String previous() {
        return previous;
    }

    /** Whether this is the output layer (its default activation is linear). */
    public boolean last() {
        return last;
    }

    /** The layer's {@code name}, or "Layer N". */
    public String name() {
        return text("name").orElse(defaultName);
    }

    public boolean has(String key) {
        return fields.has(key);
    }

    /** Whether {@code key} is missing because the author misspelt it (already reported). */
    public boolean missingByTypo(String key) {
        return fields.missingByTypo(key);
    }

    /** The number of errors reported so far in the block, to tell whether this layer added any. */
    public int errorCount() {
        return reading.errorCount();
    }

    /** Reports a problem at {@code key}'s value (or at the mapping when the key is absent). */
    public void error(String key, String message) {
        reading.error(fields.get(key).orElse(fields.node()), message);
    }

    /** Reports a problem with the mapping as a whole, e.g. a missing key. */
    public void error(String message) {
        reading.error(fields.node(), message);
    }

    /** Reports that {@code key} is required (unless it was misspelt, which is already said). */
    public void missing(String key, String advice) {
        if (!fields.missingByTypo(key)) {
            error(what + " has no '" + key + "'; " + advice);
        }
    }

    public Optional<String> text(String key) {
        return fields.get(key).flatMap(n -> reading.text(n, what + " " + key));
    }

    /** One of {@code options}, with "did you mean" for anything else. */
    public Optional<String> choice(String key, List<String> options) {
        Optional<String> value = text(key);
        if (value.isPresent() && !options.contains(value.get())) {
            error(key, what + " " + key + " should be " + String.join(" or ", options) + ", not '"
                    + Reading.shown(value.get()) + "'" + NearestName.hint(value.get(), options));
            return Optional.empty();
        }
        return value;
    }

    public Optional<Boolean> flag(String key) {
        return fields.get(key).flatMap(n -> reading.flag(n, what + " " + key));
    }

    /** A number from {@code min} to {@code max}, both included. */
    public OptionalDouble number(String key, double min, double max, String range) {
        if (!fields.has(key)) {
            return OptionalDouble.empty();
        }
        OptionalDouble value = reading.number(fields.get(key).get(), what + " " + key);
        if (value.isPresent() && !(value.getAsDouble() >= min && value.getAsDouble() <= max)) {
            error(key, what + " " + key + " should be " + range + ", but it is "
                    + Reading.shown(((ScalarNode) fields.get(key).get()).getValue()));
            return OptionalDouble.empty();
        }
        return value;
    }

    /** A whole number that fits in 64 bits (a seed). */
    public Optional<Long> seed(String key) {
        return fields.get(key).flatMap(n -> reading.seed(n, what + " " + key));
    }

    /** {@code true}, {@code false} or a number: a Boolean or a Double. */
    public Optional<Object> flagOrNumber(String key) {
        Optional<Node> node = fields.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof ScalarNode s && (s.getValue().equals("true") || s.getValue().equals("false"))) {
            return reading.flag(node.get(), what + " " + key).map(b -> b);
        }
        if (node.get() instanceof ScalarNode s && Scalars.number(s.getValue()).isPresent()) {
            OptionalDouble v = reading.number(node.get(), what + " " + key);
            return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
        }
        error(key, what + " " + key + " should be true, false or a number, but it is " + Reading.describe(node.get()));
        return Optional.empty();
    }

    public Optional<Activation> activation(String key) {
        Optional<String> name = text(key);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Activation> activation = Activation.byKey(name.get());
        if (activation.isEmpty()) {
            error(key, "unknown activation '" + Reading.shown(name.get()) + "'"
                    + NearestName.hintOrList(name.get(), Activation.keys(), "the activations are"));
        }
        return activation;
    }

    /**
     * A matrix: a list of rows, or generated numbers {@code {random: SEED, min, max, integers,
     * decimals, shape: [rows, cols]}} ({@code shape} may be left out when both sizes are known).
     *
     * @param label how messages name it after the layer: "head 2 query", "mask"
     */
    public Optional<Matrix> matrix(String key, String label, Dim rows, Dim cols) {
        Optional<Node> node = fields.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        String name = what + " " + label;
        if (Reading.isMapping(node.get())) {
            return generated(node.get(), name, rows, cols);
        }
        Optional<List<double[]>> values = reading.rows(node.get(), name, "row");
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Node> rowNodes = Reading.items(node.get());
        if (values.get().isEmpty()) {
            reading.error(node.get(), name + " is empty; give a list of rows");
            return Optional.empty();
        }
        if (rowNodes.stream().anyMatch(n -> n instanceof ScalarNode)) {
            reading.error(node.get(), name + " should be a list of rows, each a list of numbers");
            return Optional.empty();
        }
        if (rows.known() && values.get().size() != rows.size()) {
            reading.error(node.get(), name + " has " + InputReader.count(values.get().size(), "row") + "; " + rows.why());
            return Optional.empty();
        }
        int expected = cols.known() ? cols.size() : values.get().get(0).length;
        boolean ok = true;
        for (int r = 0; r < values.get().size(); r++) {
            int length = values.get().get(r).length;
            if (length == expected && length > 0) {
                continue;
            }
            String row = name + " row " + (r + 1);
            if (length == 0) {
                reading.error(rowNodes.get(r), row + " is empty");
            } else if (cols.known()) {
                reading.error(rowNodes.get(r), row + " has " + InputReader.count(length, "value") + "; " + cols.why()
                        + (length == expected + 1 ? Reading.decimalCommaHint(rowNodes.get(r)) : ""));
            } else {
                reading.error(rowNodes.get(r), row + " has " + InputReader.count(length, "value")
                        + "; row 1 has " + expected);
            }
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return within(node.get(), name, (long) values.get().size() * expected)
                ? Optional.of(Matrix.of(values.get().toArray(new double[0][]))) : Optional.empty();
    }

    /** A vector: a list of numbers ({@code [1, 0.5]}) or generated numbers; an n × 1 matrix. */
    public Optional<Matrix> vector(String key, String label, Dim length) {
        Optional<Node> node = fields.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        String name = what + " " + label;
        if (Reading.isMapping(node.get())) {
            return generated(node.get(), name, length, Dim.of(1, "")).map(m -> m);
        }
        Optional<double[]> values = reading.numbers(node.get(), name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.get().length == 0) {
            reading.error(node.get(), name + " is empty");
            return Optional.empty();
        }
        if (length.known() && values.get().length != length.size()) {
            reading.error(node.get(), name + " has " + InputReader.count(values.get().length, "value") + "; "
                    + length.why() + (values.get().length == length.size() + 1 ? Reading.decimalCommaHint(node.get()) : ""));
            return Optional.empty();
        }
        return Optional.of(Matrix.column(values.get()));
    }

    private Optional<Matrix> generated(Node node, String name, Dim rows, Dim cols) {
        Optional<Fields> maybe = reading.mapping(node, name, RANDOM_KEYS);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields random = maybe.get();
        if (!random.has("random")) {
            reading.error(node, name + " should be a list of rows, or generated numbers {random: SEED, shape: [ROWS, COLUMNS]}");
            return Optional.empty();
        }
        Optional<Long> seed = reading.seed(random.get("random").get(), "random");
        Optional<Range> range = Range.read(reading, random, -1, 1);
        int r = rows.size();
        int c = cols.size();
        if (random.has("shape")) {
            Optional<double[]> shape = reading.numbers(random.get("shape").get(), name + " shape");
            if (shape.isEmpty()) {
                return Optional.empty();
            }
            boolean vector = cols.known() && cols.size() == 1 && shape.get().length == 1;
            if (!vector && shape.get().length != 2) {
                reading.error(random.get("shape").get(), name + " shape should be [rows, columns]");
                return Optional.empty();
            }
            int[] sizes = new int[2];
            for (int i = 0; i < (vector ? 1 : 2); i++) {
                double v = shape.get()[i];
                if (v != Math.rint(v) || v < 1 || v > SpecLimits.MAX_UNITS) {
                    reading.error(random.get("shape").get(), name + " shape should hold whole numbers from 1 to "
                            + SpecLimits.MAX_UNITS);
                    return Optional.empty();
                }
                sizes[i] = (int) v;
            }
            sizes[1] = vector ? 1 : sizes[1];
            for (int i = 0; i < 2; i++) {
                Dim dim = i == 0 ? rows : cols;
                if (dim.known() && dim.size() != sizes[i]) {
                    reading.error(random.get("shape").get(), name + " shape gives " + InputReader.count(sizes[i],
                            i == 0 ? "row" : "column") + "; " + dim.why());
                    return Optional.empty();
                }
            }
            r = sizes[0];
            c = sizes[1];
        } else if (r < 0 || c < 0) {
            reading.error(node, name + " is generated, so it needs its size: shape: [ROWS, COLUMNS]");
            return Optional.empty();
        }
        if (seed.isEmpty() || range.isEmpty() || !within(node, name, (long) r * c)) {
            return Optional.empty();
        }
        return Optional.of(range.get().draw(seed.get(), r, c, reading));
    }

    private boolean within(Node node, String name, long count) {
        if (parametersBefore + count <= SpecLimits.MAX_WEIGHTS) {
            return true;
        }
        reading.error(node, name + " would bring the network to " + (parametersBefore + count)
                + " numbers; the limit is " + SpecLimits.MAX_WEIGHTS);
        return false;
    }

    /** Each entry of a list of mappings (heads), as fields of their own, named "head 1", "head 2". */
    public Optional<List<LayerFields>> mappings(String key, String itemName, List<String> keys) {
        Optional<Node> node = fields.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<Node>> items = reading.list(node.get(), what + " " + key);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            reading.error(node.get(), what + " " + key + " is empty");
            return Optional.empty();
        }
        List<LayerFields> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.get().size(); i++) {
            String name = what + " " + itemName + " " + (i + 1);
            Optional<Fields> item = reading.mapping(items.get().get(i), name, keys);
            if (item.isPresent()) {
                out.add(new LayerFields(reading, item.get(), name, defaultName, inputRows, samples, previous, last,
                        parametersBefore, nested));
            } else {
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** A list of layers inside this one (a residual's), read from {@code inputRows} rows. */
    public Optional<List<Stage>> layers(String key, int rows) {
        return fields.get(key).flatMap(n -> nested.read(n, what, rows, parametersBefore));
    }
}
