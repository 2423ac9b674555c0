package dev.longhand.spec;

import dev.longhand.diag.Diagnostics;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.Network;
import dev.longhand.nn.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import org.snakeyaml.engine.v2.nodes.Node;

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

    private SpecReader(BlockSource source, Optional<PracticeDefault> sitePractice, Diagnostics diagnostics) {
        this.source = source;
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
        return new SpecReader(source, sitePractice, diagnostics).read();
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

        List<Layer> layers = new ArrayList<>();
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
                : Optional.of(layers.get(layers.size() - 1).activation());

        Optional<Training> training = new TrainingReader(reading)
                .read(fields, input.map(InputReader.Input::samples).orElse(-1), outputUnits, outputActivation);

        boolean trains = training.isPresent() || fields.has("target");
        Optional<Practice> practice = fields.get("practice").isPresent()
                ? practice(fields.get("practice").get(), layers.isEmpty() ? -1 : layers.size(), trains)
                : siteDefault(layers.size(), trains);

        if (reading.errorCount() > before || input.isEmpty()) {
            return Optional.empty();
        }
        Network network = Network.dense(layers);
        if (!withinWork(network, input.get(), training, fields)) {
            return Optional.empty();
        }
        return Optional.of(new MlpSpec(caption, input.get().values(), input.get().batch(), labels, network,
                precision, training, layout, practice, source.opening()));
    }

    /** Reads every layer into {@code out}; returns the output layer's unit count when known. */
    private OptionalInt layers(Node node, Optional<InputReader.Input> input, List<Layer> out) {
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
        OptionalInt units = inputUnits;
        String previous = "the input";
        boolean complete = true;
        long weights = 0;
        for (int i = 0; i < items.get().size(); i++) {
            boolean last = i == items.get().size() - 1;
            IntFunction<String> advice = i == 0 && input.isPresent() ? input.get()::shapeAdvice : length -> "";
            LayerReader.Result result = new LayerReader(reading)
                    .read(items.get().get(i), i + 1, units.orElse(-1), previous, last, weights, advice);
            result.layer().ifPresent(out::add);
            complete &= result.layer().isPresent();
            if (units.isPresent() && result.units().isPresent()) {
                weights += (long) units.getAsInt() * result.units().getAsInt();
            }
            units = result.units();
            previous = "layer " + (i + 1);
            if (weights > SpecLimits.MAX_WEIGHTS) {
                // Reported by this layer; the layers after it would only repeat it.
                complete = false;
                break;
            }
        }
        if (!complete) {
            out.clear();
        }
        return units;
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
        for (Layer layer : network.denseLayers()) {
            weights += (long) layer.units() * layer.inputs();
        }
        if (weights > SpecLimits.MAX_WEIGHTS) {
            reading.error(fields.get("layers").get(), "this network has " + weights + " weights; the limit is "
                    + SpecLimits.MAX_WEIGHTS);
            return false;
        }
        long units = 0;
        for (Layer layer : network.denseLayers()) {
            units += layer.units();
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
