package dev.longhand.spec;

import dev.longhand.diag.Diagnostics;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.Stage;
import dev.longhand.nn.Network;
import dev.longhand.nn.Training;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Turns one {@code mlp} block into a validated {@link MlpSpec}. Reading goes on after a
 * problem, so that an author sees every problem of a block in one build.
 */
public final class SpecReader {

    static final List<String> KEYS = List.of(
            "caption", "input", "labels", "layers", "precision", "layout",
            "target", "loss", "learning_rate", "steps", "practice");

    /** A layer's keys, which an author may write at the top of the block by mistake. */
    private static final Map<String, String> LAYER_KEYS = Map.of(
            "activation", inLayer("activation"), "weights", inLayer("weights"),
            "bias", inLayer("bias"), "units", inLayer("units"));

    private static String inLayer(String key) {
        return "'" + key + "' belongs inside a layer: indent it under the entry of 'layers' it is for";
    }

    private final BlockSource source;
    private final Reading reading;
    private final Optional<PracticeDefault> sitePractice;
    private final KindReaders kinds;

    private SpecReader(BlockSource source, Optional<PracticeDefault> sitePractice, KindReaders kinds,
                       Diagnostics diagnostics) {
        this.source = source;
        this.kinds = kinds;
        this.reading = new Reading(source, diagnostics);
        this.sitePractice = sitePractice;
    }

    /** The spec, or empty when the block has errors (all of them added to {@code diagnostics}). */
    public static Optional<MlpSpec> read(BlockSource source, Diagnostics diagnostics) {
        return read(source, Optional.empty(), diagnostics);
    }

    /**
     * The spec, or empty when the block has errors (all of them added to {@code diagnostics}).
     *
     * @param sitePractice the site's practice default ({@code longhand.yml}), if it sets one: then
     *                     a block without {@code practice} and without training is a worksheet with
     *                     these settings, and a block's own {@code practice} starts from them
     */
    public static Optional<MlpSpec> read(BlockSource source, Optional<PracticeDefault> sitePractice,
                                         Diagnostics diagnostics) {
        return read(source, sitePractice, KindReaders.NONE, diagnostics);
    }

    /** As above, with the layer kinds beyond dense layers that this build computes. */
    public static Optional<MlpSpec> read(BlockSource source, Optional<PracticeDefault> sitePractice,
                                         KindReaders kinds, Diagnostics diagnostics) {
        return new SpecReader(source, sitePractice, kinds, diagnostics).read();
    }

    private Optional<MlpSpec> read() {
        int before = reading.errorCount();
        Optional<Node> root = YamlTree.parse(source, reading::error);
        if (root.isEmpty()) {
            if (reading.errorCount() == before) {
                reading.error(source.opening(), "this mlp block is empty; it needs at least 'input' and 'layers'");
            }
            return Optional.empty();
        }
        Optional<Fields> maybe = reading.mapping(root.get(), "an mlp block", KEYS, LAYER_KEYS);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = maybe.get();

        String caption = fields.get("caption").flatMap(n -> reading.text(n, "caption")).orElse("");
        Optional<InputReader.Input> input = fields.get("input").flatMap(n -> new InputReader(reading).read(n));
        if (!fields.has("input") && !fields.missingByTypo("input")) {
            reading.error(source.opening(), "this mlp block has no 'input'; give one sample, e.g. input: [2, 1, 3]");
        }
        OptionalInt inputUnits = input.map(i -> OptionalInt.of(i.units())).orElse(OptionalInt.empty());

        List<String> labels = fields.get("labels").map(n -> labels(n, inputUnits)).orElse(List.of());
        int precision = fields.get("precision")
                .map(n -> reading.wholeNumber(n, "precision", 0, SpecLimits.MAX_PRECISION))
                .orElse(OptionalInt.of(MlpSpec.DEFAULT_PRECISION))
                .orElse(MlpSpec.DEFAULT_PRECISION);
        Layout layout = fields.get("layout").flatMap(this::layout).orElse(Layout.STANDARD);

        List<Stage> layers = new ArrayList<>();
        OptionalInt outputUnits = OptionalInt.empty();
        if (fields.get("layers").isEmpty()) {
            if (!fields.missingByTypo("layers")) {
                reading.error(source.opening(), "this mlp block has no 'layers'; give a list with at least one layer");
            }
        } else {
            outputUnits = layers(fields.get("layers").get(), input, layers);
        }
        Optional<Activation> outputActivation = layers.isEmpty()
                ? Optional.empty()
                : Optional.of(layers.get(layers.size() - 1).finalActivation());

        Optional<Training> training = new TrainingReader(reading)
                .read(fields, input.map(InputReader.Input::samples).orElse(-1), outputUnits, outputActivation);

        boolean trains = training.isPresent() || fields.has("target");
        Optional<Practice> practice = fields.get("practice").isPresent()
                ? practice(fields.get("practice").get(), layers.isEmpty() ? -1 : layers.size(), trains)
                : siteDefault(layers.size(), trains);
        practice = practice.flatMap(p -> newNumbersFor(p, layers, fields.get("practice")));

        if (reading.errorCount() > before || input.isEmpty()) {
            return Optional.empty();
        }
        Network network = new Network(layers);
        if (!withinWork(network, input.get(), training, fields)) {
            return Optional.empty();
        }
        return Optional.of(new MlpSpec(caption, input.get().values(), input.get().batch(), labels, network,
                precision, training, layout, practice, source.opening(), reading.drawn()));
    }

    /** Reads every layer into {@code out}; returns the output layer's rows when known. */
    private OptionalInt layers(Node node, Optional<InputReader.Input> input, List<Stage> out) {
        OptionalInt inputUnits = input.map(i -> OptionalInt.of(i.units())).orElse(OptionalInt.empty());
        Optional<List<Node>> items = reading.list(node, "layers");
        if (items.isEmpty()) {
            return OptionalInt.empty();
        }
        if (items.get().isEmpty()) {
            reading.error(node, "layers is empty; give at least one layer");
            return OptionalInt.empty();
        }
        if (items.get().size() > SpecLimits.MAX_LAYERS) {
            reading.error(node, "this block has " + items.get().size() + " layers; the limit is " + SpecLimits.MAX_LAYERS);
            return OptionalInt.empty();
        }
        IntFunction<String> advice = input.isPresent() ? input.get()::shapeAdvice : length -> "";
        int samples = input.map(InputReader.Input::samples).orElse(-1);
        return new LayerList(samples).read(items.get(), "", inputUnits, "the input", true, 0, advice, out);
    }

    /** Reads a list of layers, the block's or a residual's, checking each against the one before. */
    private final class LayerList {
        private final int samples;

        LayerList(int samples) {
            this.samples = samples;
        }

        /**
         * @param within      "" for the block's layers, "layer 3 (residual) " for nested ones
         * @param lastIsLinear whether the list's last layer defaults to linear (the block's output,
         *                    or what a residual adds to its input)
         * @return the rows of the list's output, when known
         */
        OptionalInt read(List<Node> items, String within, OptionalInt rows, String previous, boolean lastIsLinear,
                         long parametersBefore, IntFunction<String> advice, List<Stage> out) {
            boolean complete = true;
            long parameters = parametersBefore;
            for (int i = 0; i < items.size(); i++) {
                boolean last = i == items.size() - 1 && lastIsLinear;
                Node item = items.get(i);
                Optional<String> type = typeOf(item);
                String what = within + "layer " + (i + 1);
                KindResult result;
                if (type.isEmpty() || type.get().equals("dense")) {
                    LayerReader.Result dense = new LayerReader(reading)
                            .read(item, i + 1, what, rows.orElse(-1), previous, last, parameters,
                                    i == 0 && within.isEmpty() ? advice : length -> "");
                    result = new KindResult(dense.layer().map(l -> l), dense.units());
                } else {
                    result = kind(item, type.get(), what, i + 1, rows, previous, last, parameters);
                }
                result.stage().ifPresent(out::add);
                complete &= result.stage().isPresent();
                long count = result.stage().map(SpecReader::size)
                        .orElse(type.isEmpty() && rows.isPresent() && result.rows().isPresent()
                                ? (long) rows.getAsInt() * result.rows().getAsInt() : 0L);
                parameters += count;
                rows = result.rows();
                previous = what;
                if (parameters > SpecLimits.MAX_WEIGHTS) {
                    // Reported by this layer; the layers after it would only repeat it.
                    complete = false;
                    break;
                }
            }
            if (!complete) {
                out.clear();
            }
            return rows;
        }

        private KindResult kind(Node item, String type, String number, int index, OptionalInt rows, String previous,
                                boolean last, long parametersBefore) {
            Optional<KindReader> reader = kinds.find(type);
            Node typeNode = typeNode(item).orElseThrow();
            if (reader.isEmpty()) {
                if (LayerReader.TYPES.contains(type)) {
                    reading.error(typeNode, number + " has type '" + type + "', which this version of Longhand does "
                            + "not compute yet; it computes " + String.join(", ", computed()));
                } else {
                    reading.error(typeNode, "unknown layer type '" + Reading.shown(type) + "'"
                            + NearestName.hintOrList(type, LayerReader.TYPES, "the layer types are"));
                }
                return KindResult.failed();
            }
            String what = number + " (" + type + ")";
            List<String> keys = new ArrayList<>(List.of("name", "type"));
            keys.addAll(reader.get().keys());
            Optional<Fields> fields = reading.mapping(item, what, keys, elsewhere(reader.get()));
            if (fields.isEmpty()) {
                return KindResult.failed();
            }
            LayerFields layer = new LayerFields(reading, fields.get(), what, "Layer " + index, rows, samples, previous,
                    last, parametersBefore, (list, inside, inputRows, before) -> nested(list, inside, inputRows, before));
            int errorsBefore = reading.errorCount();
            KindResult result = reader.get().read(layer);
            return reading.errorCount() > errorsBefore ? KindResult.failed(result.rows()) : result;
        }

        private Optional<List<Stage>> nested(Node list, String inside, int inputRows, long parametersBefore) {
            Optional<List<Node>> items = reading.list(list, inside + " layers");
            if (items.isEmpty()) {
                return Optional.empty();
            }
            if (items.get().isEmpty()) {
                reading.error(list, inside + " layers is empty; give at least one layer");
                return Optional.empty();
            }
            List<Stage> inner = new ArrayList<>();
            read(items.get(), inside + " ", OptionalInt.of(inputRows), "its input", true, parametersBefore,
                    length -> "", inner);
            return inner.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(inner));
        }
    }

    /** Every type this build computes, dense first. */
    private List<String> computed() {
        List<String> types = new ArrayList<>(List.of("dense"));
        types.addAll(kinds.types());
        return types;
    }

    /** For a kind, the keys of the other kinds, each with advice to use the right kind. */
    private Map<String, String> elsewhere(KindReader reader) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : SpecReader.KEYS) {
            keys.put(key, "'" + key + "' belongs to the whole block: write it at the top level, not inside a layer");
        }
        for (String key : LayerReader.KEYS) {
            if (!reader.keys().contains(key) && !key.equals("name") && !key.equals("type")) {
                keys.put(key, "'" + key + "' is a key of dense layers; " + article(reader.type()) + " " + reader.type()
                        + " layer takes " + String.join(", ", reader.keys()));
            }
        }
        for (String type : kinds.types()) {
            kinds.find(type).ifPresent(other -> {
                for (String key : other.keys()) {
                    if (!reader.keys().contains(key)) {
                        keys.putIfAbsent(key, "'" + key + "' is a key of " + type + " layers; " + article(reader.type())
                                + " " + reader.type() + " layer takes " + String.join(", ", reader.keys()));
                    }
                }
            });
        }
        return keys;
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static Optional<Node> typeNode(Node item) {
        if (item instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("type")) {
                    return Optional.of(tuple.getValueNode());
                }
            }
        }
        return Optional.empty();
    }

    /** The layer's {@code type} when it is plain text; dense layers leave it out. */
    private static Optional<String> typeOf(Node item) {
        return typeNode(item).filter(n -> n instanceof ScalarNode).map(n -> ((ScalarNode) n).getValue());
    }

    /** How many numbers a stage's parameters hold, towards the network's limit. */
    static long size(Stage stage) {
        if (stage instanceof Layer dense) {
            return (long) dense.units() * dense.inputs(); // the limit has always counted a dense layer's weights
        }
        long n = 0;
        for (Parameters.Entry e : stage.parameters().entries()) {
            n += (long) e.value().rows() * e.value().cols();
        }
        return n;
    }

    private Optional<Practice> practice(Node node, int layerCount, boolean trains) {
        Optional<Practice> practice = new PracticeReader(reading)
                .read(node, layerCount, sitePractice.orElse(PracticeDefault.BUILT_IN));
        if (practice.isPresent() && trains) {
            // The loss, gradients and updates would give the blanked values away.
            reading.error(node, "practice cannot be combined with training (target); practise the forward pass"
                    + " in a block without 'target'");
            return Optional.empty();
        }
        return practice;
    }

    /**
     * New numbers are drawn for the input, weights and biases of dense layers (longhand-practice.js
     * and the "New numbers" section of the Writing lessons page); a network with other kinds has
     * parameters a draw of whole numbers from −3 to 3 would not suit (a norm's γ, given attention
     * weights, a mask) and answers the page could not keep meaningful. A block that asks for them
     * itself gets an error at its {@code new_numbers}; one that has them from the site's default
     * is a worksheet without the button.
     */
    private Optional<Practice> newNumbersFor(Practice practice, List<Stage> layers, Optional<Node> own) {
        Optional<Stage> kind = layers.stream().filter(l -> !l.type().equals("dense")).findFirst();
        if (!practice.newNumbers() || kind.isEmpty()) {
            return Optional.of(practice);
        }
        Optional<Node> asked = own.filter(Reading::isMapping).flatMap(n -> valueOf(n, PracticeReader.NEW_NUMBERS));
        if (asked.isPresent()) {
            reading.error(asked.get(), "new numbers are drawn for dense layers only, and layer "
                    + (layers.indexOf(kind.get()) + 1) + " is " + kind.get().type() + "; leave new_numbers out"
                    + " (the worksheet's blanks work for every kind)");
            return Optional.empty();
        }
        return Optional.of(new Practice(practice.z(), practice.a(), practice.layers(), false));
    }

    /** The value of {@code key} in a mapping node, if it holds that key. */
    private static Optional<Node> valueOf(Node mapping, String key) {
        for (NodeTuple tuple : ((MappingNode) mapping).getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return Optional.of(tuple.getValueNode());
            }
        }
        return Optional.empty();
    }

    /**
     * A block that says nothing about practice follows the site: a worksheet when the site sets a
     * practice default, unless it trains (its loss and gradients would give the answers away, and
     * a site default must not make every training block an error).
     */
    private Optional<Practice> siteDefault(int layerCount, boolean trains) {
        if (trains || layerCount == 0) {
            return Optional.empty();
        }
        return sitePractice.map(d -> new Practice(d.z(), d.a(), PracticeReader.all(layerCount), d.newNumbers()));
    }

    private static String passes(long n) {
        return n + (n == 1 ? " pass" : " passes");
    }

    private List<String> labels(Node node, OptionalInt inputUnits) {
        Optional<List<Node>> items = reading.list(node, "labels");
        if (items.isEmpty()) {
            return List.of();
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            reading.text(items.get().get(i), "label " + (i + 1)).ifPresent(labels::add);
        }
        if (inputUnits.isPresent() && items.get().size() != inputUnits.getAsInt()) {
            reading.error(node, "labels has " + InputReader.count(items.get().size(), "name")
                    + "; the input has " + InputReader.count(inputUnits.getAsInt(), "unit"));
        }
        return labels;
    }

    private Optional<Layout> layout(Node node) {
        Optional<String> key = reading.text(node, "layout");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<Layout> layout = Layout.byKey(key.get());
        if (layout.isEmpty()) {
            reading.error(node, "unknown layout '" + Reading.shown(key.get()) + "'"
                    + NearestName.hintOrList(key.get(), Layout.keys(), "the layouts are"));
        }
        return layout;
    }

    /** Refuses a block whose page would be too large, or whose computation would take more than about a second. */
    private boolean withinWork(Network network, InputReader.Input input, Optional<Training> training, Fields fields) {
        long weights = 0;
        for (Stage stage : network.layers()) {
            weights += size(stage);
        }
        if (weights > SpecLimits.MAX_WEIGHTS) {
            reading.error(fields.get("layers").get(), "this network has " + weights + " weights; the limit is "
                    + SpecLimits.MAX_WEIGHTS);
            return false;
        }
        long units = 0;
        int rows = input.units();
        for (Stage stage : network.layers()) {
            rows = stage.outputRows(rows);
            units += rows;
        }
        long written = units * input.samples() * (training.isPresent() ? 3 : 1);
        if (written > SpecLimits.MAX_WRITTEN) {
            reading.error(fields.get("layers").get(), "this block would write out " + written + " worked lines ("
                    + units + " units × " + InputReader.count(input.samples(), "sample")
                    + (training.isPresent() ? " × 3 with the backward pass" : "") + "); the limit is "
                    + SpecLimits.MAX_WRITTEN + "; use fewer units or samples");
            return false;
        }
        long passes = 1 + training.map(t -> 2L * t.steps() + 1).orElse(0L);
        double work = (double) weights * input.samples() * passes;
        if (work > SpecLimits.MAX_WORK) {
            Node at = training.isPresent() && fields.has("steps") ? fields.get("steps").get() : fields.get("layers").get();
            reading.error(at, "this block is too large to compute: " + weights + " weights × "
                    + InputReader.count(input.samples(), "sample") + " × " + passes(passes) + " is over " + SpecLimits.MAX_WORK
                    + " multiply-adds; use fewer units, samples or steps");
            return false;
        }
        return true;
    }
}
