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

    /** Records that an unknown key (already reported) was probably a typo of this known one. */
    void misspelling(String key) {
        misspelt.add(key);
    }

    /**
     * Whether a key is missing because it was misspelt: then "did you mean" has already said
     * everything, and "missing key" would report the same typo twice.
     */
    boolean missingByTypo(String key) {
        return !values.containsKey(key) && misspelt.contains(key);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }
}
