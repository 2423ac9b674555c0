package dev.longhand.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** The values of a YAML mapping by key, after unknown and repeated keys were reported. */
final class Fields {

    private final Node mapping;
    private final Map<String, Node> values = new LinkedHashMap<>();

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

    boolean has(String key) {
        return values.containsKey(key);
    }
}
