package dev.longhand.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code practice}, in a block or as the site's default in {@code longhand.yml}:
 * {@code true} is a worksheet with the default settings; {@code {blank: [z, a], layers: [2, 3],
 * new_numbers: true}} chooses (every key optional, the ones left out come from the default).
 * The site's default cannot name layers, whose numbers differ from block to block.
 */
final class PracticeReader {

    static final String NEW_NUMBERS = "new_numbers";
    static final List<String> KEYS = List.of("blank", "layers", NEW_NUMBERS);

    private final Reading reading;

    PracticeReader(Reading reading) {
        this.reading = reading;
    }

    /**
     * A block's {@code practice}.
     *
     * @param layerCount the block's number of layers, or -1 when the layers had errors
     * @param base       the settings the keys the block leaves out come from
     * @return the practice settings; empty for {@code practice: false} or after an error
     */
    Optional<Practice> read(Node node, int layerCount, PracticeDefault base) {
        if (!Reading.isMapping(node)) {
            Optional<Boolean> flag = reading.flag(node, "practice");
            return flag.filter(b -> b).map(b -> new Practice(base.z(), base.a(), all(layerCount), base.newNumbers()));
        }
        Optional<Fields> maybe = reading.mapping(node, "practice", KEYS);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = maybe.get();
        Optional<PracticeDefault> settings = settings(fields, base);
        Optional<List<Integer>> layers = fields.get("layers").isPresent()
                ? layers(fields.get("layers").get(), layerCount)
                : Optional.of(all(layerCount));
        if (settings.isEmpty() || layers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Practice(settings.get().z(), settings.get().a(), layers.get(), settings.get().newNumbers()));
    }

    /**
     * The site's {@code practice} in {@code longhand.yml}.
     *
     * @return the settings every block without training starts from; empty for {@code false} or
     *         after an error (reported)
     */
    Optional<PracticeDefault> readDefault(Node node) {
        if (!Reading.isMapping(node)) {
            return reading.flag(node, "practice").filter(b -> b).map(b -> PracticeDefault.BUILT_IN);
        }
        Optional<Fields> maybe = reading.mapping(node, "practice", KEYS);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Optional<PracticeDefault> settings = settings(maybe.get(), PracticeDefault.BUILT_IN);
        if (maybe.get().get("layers").isPresent()) {
            reading.error(maybe.get().get("layers").get(), "practice layers cannot be chosen for the whole site,"
                    + " since blocks have different layers; give layers in a block's own practice");
            return Optional.empty();
        }
        return settings;
    }

    /** {@code blank} and {@code new_numbers}, the keys a block and the site share. */
    private Optional<PracticeDefault> settings(Fields fields, PracticeDefault base) {
        boolean ok = true;
        boolean z = base.z();
        boolean a = base.a();
        if (fields.has("blank")) {
            Optional<List<Node>> kinds = reading.list(fields.get("blank").get(), "practice blank");
            ok &= kinds.isPresent();
            if (kinds.isPresent()) {
                z = false;
                a = false;
                if (kinds.get().isEmpty()) {
                    reading.error(fields.get("blank").get(), "practice blank is empty; name z, a or both");
                    ok = false;
                }
                for (Node kindNode : kinds.get()) {
                    Optional<String> kind = reading.text(kindNode, "a practice blank kind");
                    if (kind.isEmpty()) {
                        ok = false;
                    } else if (kind.get().equals("z")) {
                        z = true;
                    } else if (kind.get().equals("a")) {
                        a = true;
                    } else {
                        reading.error(kindNode, "unknown blank kind '" + Reading.shown(kind.get()) + "'"
                                + NearestName.hintOrList(kind.get(), Practice.KINDS, "the kinds are"));
                        ok = false;
                    }
                }
            }
        }
        boolean newNumbers = base.newNumbers();
        if (fields.has(NEW_NUMBERS)) {
            Optional<Boolean> flag = reading.flag(fields.get(NEW_NUMBERS).get(), "practice new_numbers");
            ok &= flag.isPresent();
            newNumbers = flag.orElse(false);
        }
        return ok ? Optional.of(new PracticeDefault(z, a, newNumbers)) : Optional.empty();
    }

    /** The layers a block names, checked against its layer count, sorted and without repeats. */
    private Optional<List<Integer>> layers(Node node, int layerCount) {
        Optional<List<Node>> items = reading.list(node, "practice layers");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        List<Integer> layers = new ArrayList<>();
        if (items.get().isEmpty()) {
            reading.error(node, "practice layers is empty; give at least one layer number");
            ok = false;
        }
        int max = layerCount < 0 ? SpecLimits.MAX_LAYERS : layerCount;
        for (Node item : items.get()) {
            OptionalInt number = wholeNumber(item);
            if (number.isEmpty()) {
                ok = false;
            } else if (number.getAsInt() < 1 || number.getAsInt() > max) {
                reading.error(item, "practice layer " + number.getAsInt() + " is out of range; "
                        + (layerCount < 0 ? "layers are numbered from 1"
                        : "this block's layers are 1 to " + layerCount));
                ok = false;
            } else if (!layers.contains(number.getAsInt())) {
                layers.add(number.getAsInt());
            }
        }
        layers.sort(null);
        return ok ? Optional.of(layers) : Optional.empty();
    }

    /** A layer number; any whole number here, so that the range gets its own message. */
    private OptionalInt wholeNumber(Node node) {
        OptionalDouble value = reading.number(node, "a practice layer");
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        double v = value.getAsDouble();
        if (v != Math.rint(v) || Math.abs(v) > 1_000_000) {
            reading.error(node, "a practice layer should be a layer number (1, 2, ...), but it is " + Reading.describe(node));
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v);
    }

    /** Every layer of a block, 1-based. */
    static List<Integer> all(int layerCount) {
        List<Integer> layers = new ArrayList<>();
        for (int i = 1; i <= layerCount; i++) {
            layers.add(i);
        }
        return layers;
    }
}
