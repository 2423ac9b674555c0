package dev.longhand.render;

import java.util.List;
import java.util.Optional;

/** The sheets of the layer kinds beyond dense layers, by {@code type}. */
public interface KindSheets {

    Optional<KindSheet> find(String type);

    /** Dense layers only. */
    KindSheets NONE = type -> Optional.empty();

    static KindSheets of(List<KindSheet> sheets) {
        List<KindSheet> all = List.copyOf(sheets);
        return type -> all.stream().filter(s -> s.type().equals(type)).findFirst();
    }

    /** The sheet of {@code type}; a block holds only kinds its build could read. */
    default KindSheet get(String type) {
        return find(type).orElseThrow(() -> new IllegalStateException("no sheet for layer type " + type));
    }
}
