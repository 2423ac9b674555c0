package dev.longhand.spec;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.Matrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One entry of {@code layers}. Shapes are checked against the layer before it, and every
 * message names both sides, since an author fixes a shape error by comparing the two.
 */
final class LayerReader {

    static final List<String> KEYS = List.of("name", "weights", "bias", "activation", "units", "type");

    /** Every layer type of the lesson contract; this version computes the first. */
    static final List<String> TYPES = List.of("dense", "activation", "batch_norm", "layer_norm", "dropout",
            "residual", "attention", "conv2d", "conv1d", "max_pool", "avg_pool", "flatten", "rnn", "lstm", "gru");
    static final List<String> RANDOM_KEYS = List.of("random", "min", "max", "integers", "decimals");

    /** The block's own keys, which an author may indent into a layer by mistake. */
    private static final Map<String, String> BLOCK_KEYS = blockKeys();

    private static Map<String, String> blockKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : SpecReader.KEYS) {
            keys.put(key, "'" + key + "' belongs to the whole block: write it at the top level, not inside a layer");
        }
        return Map.copyOf(keys);
    }

    /**
     * What one layer entry gave: the layer when it is valid, and its unit count whenever it
     * can be known, so that the next layer's shape can still be checked after an error here.
     */
    record Result(Optional<Layer> layer, OptionalInt units) {
        static Result failed(OptionalInt units) {
            return new Result(Optional.empty(), units);
        }
    }

    private final Reading reading;

    LayerReader(Reading reading) {
        this.reading = reading;
    }

    /**
     * @param number     1-based position of the layer
     * @param inputs     units of the layer before (or of the input); -1 when unknown
     * @param previous   how to name the layer before in messages: "layer 2" or "the input"
     * @param last       whether this is the output layer (its default activation is linear)
     * @param weightsBefore weights of the layers before, so that the network's total is checked
     *                   before this layer's weights are drawn
     * @param shapeAdvice for a weight row of this length that does not match {@code inputs}, what
     *                   the side before may have meant (the input's other orientation), or ""
     */
    Result read(Node node, int number, String what, int inputs, String previous, boolean last, long weightsBefore,
                IntFunction<String> shapeAdvice) {
        Optional<Fields> maybe = reading.mapping(node, what, KEYS, BLOCK_KEYS);
        if (maybe.isEmpty()) {
            return Result.failed(OptionalInt.empty());
        }
        Fields fields = maybe.get();
        int errorsBefore = reading.errorCount();
        if (fields.get("type").isPresent() && reading.text(fields.get("type").get(), what + " type").isEmpty()) {
            return Result.failed(OptionalInt.empty());
        }

        String name = fields.get("name").flatMap(n -> reading.text(n, what + " name")).orElse("Layer " + number);
        Activation activation = fields.get("activation")
                .flatMap(n -> activation(n, what))
                .orElse(last ? Activation.LINEAR : Activation.RELU);
        OptionalInt declaredUnits = fields.get("units")
                .map(n -> reading.wholeNumber(n, what + " units", 1, SpecLimits.MAX_UNITS))
                .orElse(OptionalInt.empty());

        if (fields.get("weights").isEmpty()) {
            if (fields.missingByTypo("weights")) {
                return Result.failed(declaredUnits);
            }
            reading.error(fields.node(), what + " has no 'weights'; give one row per unit, "
                    + "each with one value per unit of " + previous);
            return Result.failed(declaredUnits);
        }
        Node weightsNode = fields.get("weights").get();
        Optional<Matrix> weights = Reading.isMapping(weightsNode)
                ? generatedWeights(weightsNode, fields, declaredUnits, what, inputs, previous, weightsBefore)
                : literalWeights(weightsNode, what, inputs, previous, shapeAdvice)
                        .filter(w -> withinTotal(weightsNode, what, w.rows() * (long) w.cols(), weightsBefore));
        OptionalInt units = weights.map(w -> OptionalInt.of(w.rows())).orElse(declaredUnits);
        if (weights.isPresent() && declaredUnits.isPresent() && declaredUnits.getAsInt() != weights.get().rows()) {
            reading.error(fields.get("units").get(), what + " has units: " + declaredUnits.getAsInt()
                    + " but its weights have " + InputReader.count(weights.get().rows(), "row"));
        }

        Optional<Matrix> bias = Optional.empty();
        if (fields.get("bias").isPresent() && Reading.isMapping(fields.get("bias").get())) {
            bias = generatedBias(fields.get("bias").get(), units, what);
        } else if (fields.get("bias").isPresent()) {
            Node biasNode = fields.get("bias").get();
            Optional<double[]> values = reading.numbers(biasNode, what + " bias");
            if (values.isPresent() && units.isPresent() && values.get().length != units.getAsInt()) {
                reading.error(biasNode, what + " bias has " + InputReader.count(values.get().length, "value")
                        + "; " + what + " has " + InputReader.count(units.getAsInt(), "unit")
                        + (values.get().length == units.getAsInt() + 1 ? Reading.decimalCommaHint(biasNode) : ""));
            } else if (values.isPresent() && values.get().length == 0) {
                reading.error(biasNode, what + " bias is empty");
            } else {
                bias = values.map(Matrix::column);
            }
        } else if (units.isPresent()) {
            bias = Optional.of(Matrix.filled(units.getAsInt(), 1, 0));
        }

        if (reading.errorCount() > errorsBefore || weights.isEmpty() || bias.isEmpty()) {
            return Result.failed(units);
        }
        return new Result(Optional.of(new Layer(name, weights.get(), bias.get(), activation)), units);
    }

    private Optional<Activation> activation(Node node, String what) {
        Optional<String> key = reading.text(node, what + " activation");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<Activation> activation = Activation.byKey(key.get());
        if (activation.isEmpty()) {
            reading.error(node, "unknown activation '" + Reading.shown(key.get()) + "'"
                    + NearestName.hintOrList(key.get(), Activation.keys(), "the activations are"));
        }
        return activation;
    }

    /** Whether this layer keeps the whole network within the weight limit; reports it if not. */
    private boolean withinTotal(Node at, String what, long count, long weightsBefore) {
        if (weightsBefore + count <= SpecLimits.MAX_WEIGHTS) {
            return true;
        }
        reading.error(at, what + " would bring the network to " + (weightsBefore + count) + " weights ("
                + weightsBefore + " in the layers before it); the limit is " + SpecLimits.MAX_WEIGHTS);
        return false;
    }

    /**
     * Generated biases, {@code {random: SEED, min, max, integers, decimals}}: one number per unit,
     * drawn as a units × 1 column the way weights are drawn row by row.
     */
    private Optional<Matrix> generatedBias(Node node, OptionalInt units, String what) {
        Optional<Fields> maybe = reading.mapping(node, what + " bias", RANDOM_KEYS);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = maybe.get();
        if (!fields.has("random")) {
            reading.error(node, what + " bias should be a list of numbers (one per unit), or {random: SEED}");
            return Optional.empty();
        }
        Optional<Long> seed = reading.seed(fields.get("random").get(), "random");
        Optional<Range> range = Range.read(reading, fields, -1, 1);
        if (seed.isEmpty() || range.isEmpty() || units.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(range.get().draw(seed.get(), units.getAsInt(), 1, reading));
    }

    private Optional<Matrix> literalWeights(Node node, String what, int inputs, String previous,
                                            IntFunction<String> shapeAdvice) {
        if (oneFlatRow(node)) {
            reading.error(node, what + " weights should be a list of rows; write " + asRows(node, inputs)
                    + ": one row per unit, one value per unit of " + previous);
            return Optional.empty();
        }
        Optional<List<double[]>> rows = reading.rows(node, what + " weights", "row");
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Node> rowNodes = Reading.items(node);
        if (rows.get().isEmpty()) {
            reading.error(node, what + " weights is empty; give one row per unit");
            return Optional.empty();
        }
        if (rows.get().size() > SpecLimits.MAX_UNITS) {
            reading.error(node, what + " has " + rows.get().size() + " units; the limit is " + SpecLimits.MAX_UNITS);
            return Optional.empty();
        }
        boolean ok = true;
        int expected = inputs >= 0 ? inputs : rows.get().get(0).length;
        for (int r = 0; r < rows.get().size(); r++) {
            int length = rows.get().get(r).length;
            if (length == expected && length > 0) {
                continue;
            }
            String row = what + " weights row " + (r + 1);
            String comma = length == expected + 1 ? Reading.decimalCommaHint(rowNodes.get(r)) : "";
            if (length == 0) {
                reading.error(rowNodes.get(r), row + " is empty");
            } else if (inputs >= 0) {
                // The advice about the side before is the same for every row: given once.
                reading.error(rowNodes.get(r), row + " has " + InputReader.count(length, "value") + "; "
                        + previous + " has " + InputReader.count(inputs, "unit")
                        + (comma.isEmpty() && ok ? shapeAdvice.apply(length) : comma));
            } else {
                reading.error(rowNodes.get(r), row + " has " + InputReader.count(length, "value")
                        + "; row 1 has " + expected + comma);
            }
            ok = false;
        }
        return ok ? Optional.of(Matrix.of(rows.get().toArray(new double[0][]))) : Optional.empty();
    }

    /** {@code weights: [1, -1]}: numbers where rows should be, which reads as rows that are not lists. */
    private static boolean oneFlatRow(Node node) {
        List<Node> items = Reading.items(node);
        return !items.isEmpty() && items.stream().allMatch(item -> item instanceof ScalarNode);
    }

    /**
     * The author's numbers as rows, to quote in the message: {@code [[1, -1]]}, or split into
     * rows of {@code inputs} values when they divide evenly ({@code [[1, -1], [2, 0]]}); a long
     * list is cut short.
     */
    private static String asRows(Node node, int inputs) {
        List<String> values = Reading.items(node).stream()
                .map(item -> Reading.shown(((ScalarNode) item).getValue())).toList();
        int perRow = inputs > 0 && values.size() % inputs == 0 ? inputs : values.size();
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i += perRow) {
            rows.add("[" + String.join(", ", values.subList(i, i + perRow)) + "]");
        }
        String all = "[" + String.join(", ", rows) + "]";
        if (all.length() <= 60) {
            return all;
        }
        String first = "[" + String.join(", ", values.subList(0, Math.min(3, perRow))) + (perRow > 3 ? ", ...]" : "]");
        return "[" + first + (rows.size() > 1 ? ", ...]" : "]");
    }

    /**
     * @param units the layer's {@code units}, already read (and reported if wrong) by the caller
     */
    private Optional<Matrix> generatedWeights(Node node, Fields layer, OptionalInt units, String what, int inputs,
                                              String previous, long weightsBefore) {
        Optional<Fields> maybe = reading.mapping(node, what + " weights", RANDOM_KEYS);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = maybe.get();
        if (!fields.has("random")) {
            reading.error(node, what + " weights should be a list of rows, or {random: SEED} with units: N");
            return Optional.empty();
        }
        if (!layer.has("units")) {
            reading.error(node, what + " has generated weights, so it needs 'units' (how many rows to draw)");
            return Optional.empty();
        }
        Optional<Long> seed = reading.seed(fields.get("random").get(), "random");
        Optional<Range> range = Range.read(reading, fields, -1, 1);
        if (seed.isEmpty() || units.isEmpty() || range.isEmpty() || inputs < 0) {
            return Optional.empty();
        }
        long count = (long) units.getAsInt() * inputs;
        if (count > SpecLimits.MAX_WEIGHTS) {
            reading.error(layer.get("units").get(), what + " would have " + count + " weights ("
                    + units.getAsInt() + " units × " + inputs + " units of " + previous + "); the limit is "
                    + SpecLimits.MAX_WEIGHTS);
            return Optional.empty();
        }
        if (!withinTotal(layer.get("units").get(), what, count, weightsBefore)) {
            return Optional.empty();
        }
        return Optional.of(range.get().draw(seed.get(), units.getAsInt(), inputs, reading));
    }
}
