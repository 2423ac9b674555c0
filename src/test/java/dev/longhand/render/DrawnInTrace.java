package dev.longhand.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.longhand.nn.Drawn;
import dev.longhand.nn.Matrix;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a trace as the lesson format writes it, for tests that want its numbers: a generated
 * matrix ({@code {"random": SEED, "min": A, "max": B, "integers": false, "decimals": null,
 * "shape": [ROWS, COLS], "transposed": false}}) stands for the numbers {@link Drawn#matrix()}
 * draws, wherever it stands.
 */
public final class DrawnInTrace {

    private DrawnInTrace() {
    }

    /** Whether {@code node} is a generated matrix: an object with "random". */
    public static boolean isDrawn(JsonNode node) {
        return node != null && node.isObject() && node.has("random");
    }

    /** How a generated matrix of a trace was drawn, read by the contract's keys. */
    public static Drawn drawn(JsonNode form) {
        JsonNode shape = form.get("shape");
        JsonNode seed = form.get("random");
        return new Drawn(seed.isTextual() ? Long.parseLong(seed.asText()) : seed.longValue(),
                shape.get(0).intValue(), shape.size() == 1 ? 1 : shape.get(1).intValue(),
                form.get("min").doubleValue(), form.get("max").doubleValue(), form.get("integers").booleanValue(),
                form.get("decimals").isNull() ? -1 : form.get("decimals").intValue(),
                form.get("transposed").booleanValue());
    }

    /** A copy of {@code trace} with every generated matrix replaced by its numbers (rows, or a flat list for shape [N]). */
    public static JsonNode drawnAgain(JsonNode trace) {
        if (isDrawn(trace)) {
            return numbers(trace);
        }
        if (trace.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            trace.forEach(item -> out.add(drawnAgain(item)));
            return out;
        }
        if (trace.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = trace.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.set(field.getKey(), drawnAgain(field.getValue()));
            }
            return out;
        }
        return trace;
    }

    private static JsonNode numbers(JsonNode form) {
        Matrix m = drawn(form).matrix();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        boolean flat = form.get("shape").size() == 1;
        for (int r = 0; r < m.rows(); r++) {
            if (flat) {
                out.add(m.get(r, 0));
                continue;
            }
            ArrayNode row = out.addArray();
            for (int c = 0; c < m.cols(); c++) {
                row.add(m.get(r, c));
            }
        }
        return out;
    }
}
