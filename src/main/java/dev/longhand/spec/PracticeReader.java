package dev.longhand.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code practice}: {@code true} blanks every Z and A of every layer;
 * {@code {blank: [z, a], layers: [2, 3]}} chooses which (both keys optional).
 */
final class PracticeReader {

    static final List<String> KEYS = List.of("blank", "layers");

    private final Reading reading;

    PracticeReader(Reading reading) {
        this.reading = reading;
    }

    /**
     * @param layerCount the block's number of layers, or -1 when the layers had errors
     * @return the practice settings; empty for {@code practice: false} or after an error
     */
    Optional<Practice> read(Node node, int layerCount) {
        if (!Reading.isMapping(node)) {
            Optional<Boolean> flag = reading.flag(node, "practice");
            return flag.filter(b -> b).map(b -> new Practice(true, true, all(layerCount)));
        }
        Optional<Fields> maybe = reading.mapping(node, "practice", KEYS);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = maybe.get();
        boolean ok = true;
        boolean z = true;
        boolean a = true;
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
        List<Integer> layers = all(layerCount);
        if (fields.has("layers")) {
            Optional<List<Node>> items = reading.list(fields.get("layers").get(), "practice layers");
            ok &= items.isPresent();
            if (items.isPresent()) {
                layers = new ArrayList<>();
                if (items.get().isEmpty()) {
                    reading.error(fields.get("layers").get(), "practice layers is empty; give at least one layer number");
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
            }
        }
        return ok ? Optional.of(new Practice(z, a, layers)) : Optional.empty();
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

    private static List<Integer> all(int layerCount) {
        List<Integer> layers = new ArrayList<>();
        for (int i = 1; i <= layerCount; i++) {
            layers.add(i);
        }
        return layers;
    }
}
