package dev.longhand.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a block's layers are laid out on the page. The computation and the trace are the
 * same for both; only the picture differs.
 */
public enum Layout {
    /** W · A + b = Z, the bias as its own column. */
    STANDARD("standard"),
    /** The hand-exercise form: b as the last column of W and a row of 1s under A, so [W b] · [A; 1] = Z. */
    AUGMENTED("augmented");

    private final String key;

    Layout(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Layout> byKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Layout::key).toList();
    }
}
