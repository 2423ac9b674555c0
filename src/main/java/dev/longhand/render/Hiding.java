package dev.longhand.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one worksheet keeps hidden, matrix by matrix, filled in as its layers are drawn (input
 * side first, so a layer knows what the layers before it hide). A matrix is named by its trace
 * path ("layers.0.z", "layers.2.heads.0.scores", "layers.1.layers.0.a") and waits for a gate:
 * itself when it is blank, or the blank it repeats entry by entry (an A waits for its blank Z).
 * The value at (row, column) of a hidden matrix waits for the gate's value at the same place.
 * The page's script reads the same pairs ({@link #hiddenUntil()}), so the build and the browser
 * hide and show by one rule.
 */
final class Hiding {

    private final Map<String, String> gates = new LinkedHashMap<>();

    /** Records that {@code matrix} waits for {@code gate}. */
    void hide(String matrix, String gate) {
        gates.put(matrix, gate);
    }

    /** The gate a matrix waits for, or "" when it is shown. */
    String gate(String matrix) {
        return gates.getOrDefault(matrix, "");
    }

    /** Whether the value at {@code key} ("layers.0.z.1.0", "layers.3.mean.1") is hidden until revealed. */
    boolean hidden(String key) {
        return !gates.isEmpty() && !key.isEmpty() && gates.containsKey(matrixOf(key));
    }

    /** The blank the value at {@code key} waits for ("layers.0.z.1.0"), or "" when it is shown. */
    String gateOf(String key) {
        if (key.isEmpty()) {
            return "";
        }
        String matrix = matrixOf(key);
        String gate = gates.get(matrix);
        return gate == null ? "" : gate + key.substring(matrix.length());
    }

    /** A value's key without its indices: the trailing numbers are the row (and column). */
    static String matrixOf(String key) {
        int end = key.length();
        while (true) {
            int dot = key.lastIndexOf('.', end - 1);
            if (dot < 0 || !isIndex(key.substring(dot + 1, end))) {
                return key.substring(0, end);
            }
            end = dot;
        }
    }

    private static boolean isIndex(String part) {
        return !part.isEmpty() && part.chars().allMatch(Character::isDigit);
    }

    /** "matrix:gate" pairs for data-hidden-until, in the order the layers registered them. */
    String hiddenUntil() {
        StringBuilder text = new StringBuilder();
        gates.forEach((matrix, gate) -> text.append(text.length() == 0 ? "" : " ").append(matrix).append(':')
                .append(gate));
        return text.toString();
    }
}
