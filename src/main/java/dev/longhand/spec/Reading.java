package dev.longhand.spec;

import dev.longhand.nn.Drawn;
import dev.longhand.nn.Matrix;
import java.util.IdentityHashMap;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.Position;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads typed values out of YAML nodes for the spec reader, reporting each problem at the
 * node it concerns. Every method either returns a value or reports why there is none.
 */
final class Reading {

    private final BlockSource source;
    private final Diagnostics diagnostics;
    private int errors;
    /** The matrices drawn from a seed, by identity: the same object goes on into the network and its trace. */
    private final Map<Matrix, Drawn> drawn = new IdentityHashMap<>();

    Reading(BlockSource source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** Notes how {@code matrix} was drawn, and returns it. */
    Matrix drawn(Matrix matrix, Drawn how) {
        drawn.put(matrix, how);
        return matrix;
    }

    /** Every matrix drawn from a seed so far, by identity. */
    Map<Matrix, Drawn> drawn() {
        return drawn;
    }

    int errorCount() {
        return errors;
    }

    Position opening() {
        return source.opening();
    }

    Position at(Node node) {
        return node.getStartMark()
                .map(m -> source.position(m.getLine(), m.getColumn()))
                .orElse(source.opening());
    }

    void error(Node node, String message) {
        error(at(node), message);
    }

    void error(Position position, String message) {
        errors++;
        diagnostics.add(source.error(position, message));
    }

    /** A mapping's fields; unknown keys (with a suggestion) and repeated keys are reported. */
    Optional<Fields> mapping(Node node, String what, List<String> known) {
        return mapping(node, what, known, Map.of());
    }

    /**
     * A mapping's fields, where a key that belongs somewhere else (a layer's {@code activation}
     * at the top of a block) is reported with where it belongs instead of the list of keys.
     *
     * @param elsewhere for such keys, the advice that ends the message
     */
    Optional<Fields> mapping(Node node, String what, List<String> known, Map<String, String> elsewhere) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, what + " should be a mapping of keys (" + String.join(", ", known)
                    + "), but it is " + describe(node));
            return Optional.empty();
        }
        Fields fields = new Fields(node);
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                error(keyNode, "a key in " + what + " should be a plain name, but it is " + describe(keyNode));
                continue;
            }
            String key = keyScalar.getValue();
            if (!known.contains(key) && elsewhere.containsKey(key)) {
                error(keyNode, "unknown key '" + key + "' in " + what + "; " + elsewhere.get(key));
                continue;
            }
            if (!known.contains(key)) {
                error(keyNode, "unknown key '" + shown(key) + "' in " + what + NearestName.hintOrList(key, known, "known keys:"));
                NearestName.among(key, known).ifPresent(fields::misspelling);
                continue;
            }
            if (!seen.add(key)) {
                error(keyNode, "key '" + shown(key) + "' appears twice in " + what);
                continue;
            }
            fields.put(key, tuple.getValueNode());
        }
        return Optional.of(fields);
    }

    OptionalDouble number(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            String text = scalar.getValue();
            boolean plain = scalar.getScalarStyle() == ScalarStyle.PLAIN;
            if (plain) {
                OptionalDouble value = Scalars.number(text);
                if (value.isPresent()) {
                    return value;
                }
                if (Scalars.isNonFinite(text)) {
                    // 1e999 is a decimal number to an author; say why it is refused, unlike .inf.
                    error(node, what + " should be a finite number, but "
                            + (Scalars.isDecimal(text) ? shown(text) + " is too large to compute with" : "it is " + text));
                    return OptionalDouble.empty();
                }
            }
            if (!plain && Scalars.number(text).isPresent()) {
                error(node, what + " should be a number, but it is the quoted text \"" + shown(text)
                        + "\"; remove the quotes");
                return OptionalDouble.empty();
            }
        }
        error(node, what + " should be a number, but it is " + describe(node));
        return OptionalDouble.empty();
    }

    OptionalInt wholeNumber(Node node, String what, int min, int max) {
        OptionalDouble value = number(node, what);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        double v = value.getAsDouble();
        if (v != Math.rint(v) || v < min || v > max) {
            error(node, what + " should be a whole number from " + min + " to " + max + ", but it is "
                    + shown(((ScalarNode) node).getValue()));
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v);
    }

    /** A seed for generated numbers: any whole number that fits in 64 bits. */
    Optional<Long> seed(Node node, String what) {
        if (node instanceof ScalarNode scalar && scalar.getScalarStyle() == ScalarStyle.PLAIN) {
            try {
                return Optional.of(Long.parseLong(scalar.getValue()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(node, what + " should be a whole number (the seed), but it is " + describe(node));
        return Optional.empty();
    }

    Optional<Boolean> flag(Node node, String what) {
        if (node instanceof ScalarNode scalar && scalar.getScalarStyle() == ScalarStyle.PLAIN) {
            String v = scalar.getValue();
            if (v.equals("true") || v.equals("false")) {
                return Optional.of(v.equals("true"));
            }
        }
        error(node, what + " should be true or false, but it is " + describe(node));
        return Optional.empty();
    }

    Optional<String> text(Node node, String what) {
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            return Optional.of(scalar.getValue());
        }
        error(node, what + " should be text, but it is " + describe(node));
        return Optional.empty();
    }

    Optional<List<Node>> list(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        error(node, what + " should be a list, but it is " + describe(node));
        return Optional.empty();
    }

    /** A list of numbers; every bad entry is reported, and the list is returned only if all are good. */
    Optional<double[]> numbers(Node node, String what) {
        Optional<List<Node>> items = list(node, what);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<Node> nodes = items.get();
        double[] values = new double[nodes.size()];
        boolean ok = true;
        for (int i = 0; i < nodes.size(); i++) {
            OptionalDouble v = number(nodes.get(i), what + " value " + (i + 1));
            if (v.isPresent()) {
                values[i] = v.getAsDouble();
            } else {
                ok = false;
            }
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    /** A list of lists of numbers (rows), not yet checked for equal lengths. */
    Optional<List<double[]>> rows(Node node, String what, String rowWord) {
        Optional<List<Node>> items = list(node, what);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<double[]> rows = new ArrayList<>();
        boolean ok = true;
        int index = 0;
        for (Node row : items.get()) {
            index++;
            Optional<double[]> values = numbers(row, what + " " + rowWord + " " + index);
            if (values.isPresent()) {
                rows.add(values.get());
            } else {
                ok = false;
            }
        }
        return ok ? Optional.of(rows) : Optional.empty();
    }

    /**
     * The decimal an author probably meant where a list holds two small whole numbers joined by
     * a comma without a space ({@code [0, 1,5, 1]}: "1.5", written with a decimal comma, which
     * YAML reads as the two values 1 and 5). Only worth saying when the list has one value too
     * many, which the caller knows.
     */
    static Optional<String> decimalComma(Node node) {
        List<Node> items = items(node);
        for (int i = 0; i + 1 < items.size(); i++) {
            if (smallWholeNumber(items.get(i)) && smallWholeNumber(items.get(i + 1))) {
                var end = items.get(i).getEndMark();
                var next = items.get(i + 1).getStartMark();
                if (end.isPresent() && next.isPresent() && next.get().getIndex() == end.get().getIndex() + 1) {
                    return Optional.of(((ScalarNode) items.get(i)).getValue() + "."
                            + ((ScalarNode) items.get(i + 1)).getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** "; did you mean 1.5? ..." for {@link #decimalComma}, or "". */
    static String decimalCommaHint(Node node) {
        return decimalCommaHint(node, "");
    }

    /** @param where where the list is, when the message is about another one: " in the input" */
    static String decimalCommaHint(Node node, String where) {
        return decimalComma(node).map(d -> "; did you mean " + d + where
                + "? A comma separates values: write decimals with a point").orElse("");
    }

    private static boolean smallWholeNumber(Node node) {
        return node instanceof ScalarNode scalar && scalar.getScalarStyle() == ScalarStyle.PLAIN
                && scalar.getValue().matches("[0-9]{1,3}");
    }

    static boolean isList(Node node) {
        return node instanceof SequenceNode;
    }

    static boolean isMapping(Node node) {
        return node instanceof MappingNode;
    }

    static List<Node> items(Node node) {
        return node instanceof SequenceNode s ? s.getValue() : List.of();
    }

    /** How a node looks to an author: "a list", "a mapping", "the number 2", "the text 'abc'", "empty". */
    static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof ScalarNode scalar) {
            if (Tag.NULL.equals(scalar.getTag()) && scalar.getScalarStyle() == ScalarStyle.PLAIN) {
                return "empty";
            }
            String value = scalar.getValue();
            if (scalar.getScalarStyle() == ScalarStyle.PLAIN && Scalars.number(value).isPresent()) {
                return "the number " + shown(value);
            }
            return "the text '" + shown(value) + "'";
        }
        return "something else";
    }

    /**
     * Author text as a message quotes it: on one line (a line break or other control character
     * is written as a space), and at most 40 characters, so that a 1,000-digit number or a
     * pasted paragraph does not become the message.
     */
    static String shown(String text) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length() && count < 40; count++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean control = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029;
            out.appendCodePoint(control ? ' ' : cp);
        }
        if (text.codePointCount(0, text.length()) > 40) {
            out.setLength(out.offsetByCodePoints(0, 37));
            out.append("...");
        }
        return out.toString();
    }
}
