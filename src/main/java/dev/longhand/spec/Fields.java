package dev.longhand.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** The values of a YAML mapping by key, after unknown and repeated keys were reported. */
final class Fields {

    private final Node mapping;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final java.util.Set<String> misspelt = new java.util.HashSet<>();

    Fields(Node mapping) {
        this.mapping = mapping;
    }

    void put(String key, Node value) {
        values.put(key, value);
    }

    Node node() {
        return mapping;
    }

    Optional<Node> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Records that an unknown key looked like this known one (already reported). */
    void misspelling(String key) {
        misspelt.add(key);
    }

    /** Whether a missing key was probably typed wrongly, so "missing" would say the same twice. */
    boolean misspelt(String key) {
        return misspelt.contains(key);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }
}
