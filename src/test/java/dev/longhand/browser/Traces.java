package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares two mlp traces as numbers rather than strings: the same keys, lists and texts,
 * and every number within a tolerance (relative to the number once it is larger than 1).
 */
final class Traces {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Traces() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static void assertClose(String expected, String actual, double tolerance, String where) {
        List<String> problems = new ArrayList<>();
        compare(parse(expected), parse(actual), tolerance, "$", problems);
        if (!problems.isEmpty()) {
            fail(where + ": " + problems.size() + " differences, first " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    static void assertClose(List<String> expected, List<String> actual, double tolerance, String where) {
        assertEquals(expected.size(), actual.size(), where + ": number of traces");
        for (int i = 0; i < expected.size(); i++) {
            assertClose(expected.get(i), actual.get(i), tolerance, where + ", trace " + (i + 1));
        }
    }

    private static void compare(JsonNode e, JsonNode a, double tolerance, String path, List<String> problems) {
        if (e.isNumber() && a.isNumber()) {
            double x = e.doubleValue();
            double y = a.doubleValue();
            if (!(Math.abs(x - y) <= tolerance * Math.max(1, Math.max(Math.abs(x), Math.abs(y))))) {
                problems.add(path + ": " + x + " vs " + y);
            }
        } else if (e.isArray() && a.isArray()) {
            if (e.size() != a.size()) {
                problems.add(path + ": " + e.size() + " vs " + a.size() + " entries");
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                compare(e.get(i), a.get(i), tolerance, path + "[" + i + "]", problems);
            }
        } else if (e.isObject() && a.isObject()) {
            List<String> keys = new ArrayList<>();
            e.fieldNames().forEachRemaining(keys::add);
            List<String> other = new ArrayList<>();
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                other.add(it.next());
            }
            if (!keys.equals(other)) {
                problems.add(path + ": keys " + keys + " vs " + other);
                return;
            }
            for (String key : keys) {
                compare(e.get(key), a.get(key), tolerance, path + "." + key, problems);
            }
        } else if (!e.equals(a)) {
            problems.add(path + ": " + e + " vs " + a);
        }
    }
}
