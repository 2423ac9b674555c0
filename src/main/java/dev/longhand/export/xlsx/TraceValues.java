package dev.longhand.export.xlsx;

import dev.longhand.render.Block;
import dev.longhand.render.TraceJson;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The block's trace, read back by defined name, so that every named formula cell carries the
 * value the page shows as its cached result: what a spreadsheet shows before it recalculates and
 * what a program reading the file's values (not its formulas) gets.
 */
final class TraceValues {

    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

    private final Map<?, ?> trace;

    private TraceValues(Map<?, ?> trace) {
        this.trace = trace;
    }

    /**
     * The trace of {@code block}, as the page holds it but with every number written out: the
     * cells need the numbers, not how they were drawn.
     */
    static TraceValues of(Block block) {
        return new TraceValues((Map<?, ?>) TraceJsonReader.read(TraceJson.spelledOut(block)));
    }

    /**
     * Entry {@code k} (row by row) of the trace's matrix, vector or number that the defined name
     * {@code name} stands for; empty for a null (a masked score) or a name the trace lacks.
     */
    Optional<List<Object>> flat(String name) {
        Object node = resolve(trace, name.split("_"), 0);
        if (node instanceof Number n) {
            return Optional.of(List.of(n));
        }
        if (!(node instanceof List<?> list) || list.isEmpty()) {
            return Optional.empty();
        }
        if (list.get(0) instanceof List<?>) {
            return Optional.of(list.stream().flatMap(row -> ((List<?>) row).stream()).map(o -> (Object) o).toList());
        }
        return Optional.of(list.stream().map(o -> (Object) o).toList());
    }

    /** Longest key first, so that {@code weights_after} is one key and {@code layers_0_a} a path. */
    private static Object resolve(Object node, String[] parts, int from) {
        if (from == parts.length) {
            return node;
        }
        for (int to = parts.length; to > from; to--) {
            String key = String.join("_", Arrays.copyOfRange(parts, from, to));
            Object child = null;
            if (node instanceof List<?> list && INDEX.matcher(key).matches() && Integer.parseInt(key) < list.size()) {
                child = list.get(Integer.parseInt(key));
            } else if (node instanceof Map<?, ?> map) {
                child = map.get(key);
            }
            if (child != null) {
                Object found = resolve(child, parts, to);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
