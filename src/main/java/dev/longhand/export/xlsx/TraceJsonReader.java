package dev.longhand.export.xlsx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the trace JSON that {@link dev.longhand.render.TraceJson} writes back into maps, lists,
 * doubles, strings, booleans and nulls. It reads JSON as JsonWriter writes it (no whitespace
 * needed, strings with the escapes it uses), and nothing more general: a YAML loader did this
 * before and was the largest part of writing a workbook.
 */
final class TraceJsonReader {

    private final String json;
    private int at;

    private TraceJsonReader(String json) {
        this.json = json;
    }

    static Object read(String json) {
        TraceJsonReader reader = new TraceJsonReader(json);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.at != json.length()) {
            throw reader.problem("more after the trace");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (at >= json.length()) {
            throw problem("the trace ends too early");
        }
        char c = json.charAt(at);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 'n' -> literal("null", null);
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new HashMap<>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (true) {
            if (at >= json.length()) {
                throw problem("a string that never ends");
            }
            char c = json.charAt(at++);
            if (c == '"') {
                return s.toString();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = json.charAt(at++);
            switch (e) {
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'u' -> {
                    s.append((char) Integer.parseInt(json.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> s.append(e);
            }
        }
    }

    private Double number() {
        int start = at;
        while (at < json.length() && "+-0123456789.eE".indexOf(json.charAt(at)) >= 0) {
            at++;
        }
        if (start == at) {
            throw problem("a value was expected");
        }
        return Double.valueOf(json.substring(start, at));
    }

    private Object literal(String word, Object value) {
        if (!json.startsWith(word, at)) {
            throw problem("a value was expected");
        }
        at += word.length();
        return value;
    }

    private char peek() {
        return at < json.length() ? json.charAt(at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw problem("'" + c + "' was expected");
        }
        at++;
    }

    private void skipSpace() {
        while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
            at++;
        }
    }

    private IllegalStateException problem(String what) {
        return new IllegalStateException("the trace JSON at character " + at + ": " + what);
    }
}
