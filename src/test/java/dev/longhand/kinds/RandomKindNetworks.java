package dev.longhand.kinds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Random network blocks with layers of every kind, for tests that compare the build with the
 * page or with finite differences. A block is plain data (maps and lists) written as JSON, which
 * YAML reads as it is; every parameter sits at the path the trace gives it, so an edit of the
 * number at {@code layers.1.heads.0.query.1.0} is a change of the same path in the data. A new
 * kind adds its generator to {@link #KINDS}.
 */
public final class RandomKindNetworks {

    /** One random layer taking {@code rows} rows: the layer's data and the rows it gives. */
    public record Layer(Map<String, Object> data, int rows) {
    }

    /** A layer generator: (random, rows in) → layer. */
    public interface Kind extends BiFunction<Random, Integer, Layer> {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kinds drawn from, by type; dense is drawn as often as any other. */
    public static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("dense", RandomKindNetworks::dense);
        KINDS.put("residual", RandomKindNetworks::residual);
        KINDS.put("attention", RandomKindNetworks::attention);
        KINDS.put("activation", RandomKindNetworks::activation);
        KINDS.put("batch_norm", (random, rows) -> norm(random, rows, "batch_norm"));
        KINDS.put("layer_norm", (random, rows) -> norm(random, rows, "layer_norm"));
        KINDS.put("dropout", RandomKindNetworks::dropout);
    }

    /**
     * The tokens (samples) of the block being drawn, which a layer whose shape depends on them
     * (given attention weights) reads; {@link #network} sets it. Tests draw on one thread.
     */
    static int tokens = 1;

    /** Attention: one head (scale true, false or a number; causal or not), several heads with an output, or given weights. */
    static Layer attention(Random random, int rows) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("type", "attention");
        int form = random.nextInt(4);
        if (form == 3) {
            List<List<Double>> weights = matrix(random, tokens, tokens);
            layer.put("weights", weights);
            int out = rows;
            if (random.nextBoolean()) {
                out = 1 + random.nextInt(3);
                layer.put("value", matrix(random, out, rows));
            }
            return new Layer(layer, out);
        }
        int heads = form == 2 ? 2 : 1;
        int dk = 1 + random.nextInt(3);
        List<Map<String, Object>> list = new ArrayList<>();
        int stacked = 0;
        for (int h = 0; h < heads; h++) {
            int dv = 1 + random.nextInt(3);
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("query", matrix(random, dk, rows));
            head.put("key", matrix(random, dk, rows));
            head.put("value", matrix(random, dv, rows));
            list.add(head);
            stacked += dv;
        }
        if (heads == 1 && random.nextBoolean()) {
            layer.putAll(list.get(0));
        } else {
            layer.put("heads", list);
        }
        int out = stacked;
        if (heads > 1 || random.nextBoolean()) {
            out = 1 + random.nextInt(3);
            layer.put("output", matrix(random, out, stacked));
        }
        switch (random.nextInt(3)) {
            case 0 -> layer.put("scale", false);
            case 1 -> layer.put("scale", 0.5 + random.nextInt(4) / 4.0);
            default -> { }
        }
        if (random.nextBoolean()) {
            layer.put("causal", true);
        }
        return new Layer(layer, out);
    }

    private RandomKindNetworks() {
    }

    /** A number with at most two decimals from −2 to 2, as an author would write. */
    public static double number(Random random) {
        return (random.nextInt(401) - 200) / 100.0;
    }

    public static List<List<Double>> matrix(Random random, int rows, int cols) {
        List<List<Double>> m = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Double> row = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                row.add(number(random));
            }
            m.add(row);
        }
        return m;
    }

    public static List<Double> vector(Random random, int n) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            v.add(number(random));
        }
        return v;
    }

    static final List<String> ACTIVATIONS = List.of("relu", "linear", "sigmoid", "tanh", "leaky_relu", "gelu");

    static Layer dense(Random random, int rows) {
        int units = 1 + random.nextInt(3);
        return dense(random, rows, units);
    }

    static Layer dense(Random random, int rows, int units) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("type", "dense");
        layer.put("weights", matrix(random, units, rows));
        layer.put("bias", vector(random, units));
        layer.put("activation", ACTIVATIONS.get(random.nextInt(ACTIVATIONS.size())));
        return new Layer(layer, units);
    }

    /** An activation layer of any function, softmax included; sometimes the default rule. */
    static Layer activation(Random random, int rows) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("type", "activation");
        int f = random.nextInt(ACTIVATIONS.size() + 2);
        if (f < ACTIVATIONS.size()) {
            layer.put("activation", ACTIVATIONS.get(f));
        } else if (f == ACTIVATIONS.size()) {
            layer.put("activation", "softmax");
        }
        return new Layer(layer, rows);
    }

    /**
     * A norm layer: γ and β given or left to their defaults, ε given or not, ε under the root or
     * added to the standard deviation, and the unbiased variance where each group has two values
     * or more (layer norm over two rows or more, batch norm over two tokens or more).
     */
    static Layer norm(Random random, int rows, String type) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("type", type);
        if (random.nextInt(4) > 0) {
            layer.put("gamma", vector(random, rows));
        }
        if (random.nextInt(4) > 0) {
            layer.put("beta", vector(random, rows));
        }
        if (random.nextBoolean()) {
            layer.put("epsilon", List.of(0.001, 0.1, 1e-5, 0.5).get(random.nextInt(4)));
        }
        if ((type.equals("layer_norm") ? rows : tokens) >= 2 && random.nextBoolean()) {
            layer.put("variance", "unbiased");
        } else if (random.nextBoolean()) {
            layer.put("variance", "biased");
        }
        if (random.nextBoolean()) {
            layer.put("epsilon_added_to", random.nextBoolean() ? "std" : "variance");
        }
        return new Layer(layer, rows);
    }

    /**
     * A dropout layer with a mask of 0s and 1s (written out, or generated numbers 0 and 1) or a
     * seed, sometimes one beyond 2^53 (which the trace writes as text).
     */
    static Layer dropout(Random random, int rows) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("type", "dropout");
        layer.put("p", List.of(0.0, 0.25, 0.5, 0.1, 0.3).get(random.nextInt(5)));
        int form = random.nextInt(3);
        if (form == 0) {
            List<List<Integer>> mask = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                List<Integer> row = new ArrayList<>();
                for (int c = 0; c < tokens; c++) {
                    row.add(random.nextInt(2));
                }
                mask.add(row);
            }
            layer.put("mask", mask);
        } else if (form == 1) {
            Map<String, Object> mask = new LinkedHashMap<>();
            mask.put("random", random.nextInt(1000));
            mask.put("min", 0);
            mask.put("max", 1);
            mask.put("integers", true);
            layer.put("mask", mask);
        } else {
            layer.put("seed", random.nextBoolean() ? (long) random.nextInt(1000) : random.nextLong());
        }
        return new Layer(layer, rows);
    }

    /** A residual around one or two layers of any kind that give back the rows they take. */
    static Layer residual(Random random, int rows) {
        List<Map<String, Object>> inner = new ArrayList<>();
        if (random.nextBoolean()) {
            inner.add(dense(random, rows, rows).data());
        } else {
            Layer first = any(random, rows, false);
            inner.add(first.data());
            inner.add(dense(random, first.rows(), rows).data());
        }
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("type", "residual");
        layer.put("layers", inner);
        return new Layer(layer, rows);
    }

    /** A layer of a random kind; {@code nested} false keeps residuals out (no residual in a residual). */
    public static Layer any(Random random, int rows, boolean nested) {
        List<String> types = new ArrayList<>(KINDS.keySet());
        if (!nested) {
            types.remove("residual");
        }
        return KINDS.get(types.get(random.nextInt(types.size()))).apply(random, rows);
    }

    /**
     * A block: {@code features} rows of input, {@code tokens} samples (written one list per
     * sample), then {@code layers} random layers.
     */
    public static Map<String, Object> network(Random random, int features, int tokens, int layers) {
        RandomKindNetworks.tokens = tokens;
        List<List<Double>> samples = matrix(random, tokens, features);
        List<Map<String, Object>> list = new ArrayList<>();
        int rows = features;
        for (int i = 0; i < layers; i++) {
            Layer layer = any(random, rows, true);
            list.add(layer.data());
            rows = layer.rows();
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("input", samples);
        block.put("layers", list);
        return block;
    }

    /** Keys whose numbers are not parameters a reader edits. */
    static final java.util.Set<String> NOT_EDITABLE = java.util.Set.of("mask", "epsilon", "p", "scale", "seed");

    /** The trace path of every number a reader may edit: input, then every layer's parameters. */
    public static List<String> editable(Map<String, Object> block) {
        List<String> paths = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<List<Double>> input = (List<List<Double>>) block.get("input");
        for (int r = 0; r < input.get(0).size(); r++) {
            for (int c = 0; c < input.size(); c++) {
                paths.add("input." + r + "." + c);
            }
        }
        collect(block.get("layers"), "layers", paths);
        return paths;
    }

    private static void collect(Object node, String path, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            // One head written without `heads` is heads.0 in the trace.
            boolean oneHead = "attention".equals(map.get("type")) && map.containsKey("query");
            map.forEach((k, v) -> {
                if (!NOT_EDITABLE.contains((String) k)) {
                    boolean head = oneHead && List.of("query", "key", "value").contains(k);
                    collect(v, path + (head ? ".heads.0." : ".") + k, out);
                }
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path + "." + i, out);
            }
        } else if (node instanceof Number && path.matches(".*\\.\\d+$")) {
            out.add(path);
        }
    }

    /** The block as Markdown, fenced {@code network}. */
    public static String markdown(Map<String, Object> block) {
        try {
            return "```network\n" + JSON.writeValueAsString(block) + "\n```\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The number at a trace path ("layers.1.weights.0.2", "input.2.0") in the block's data;
     * {@code input} is written one list per sample, so its path is read the other way round.
     */
    @SuppressWarnings("unchecked")
    public static double get(Map<String, Object> block, String path) {
        Object node = block;
        String[] parts = path.split("\\.");
        if (parts[0].equals("input")) {
            return ((List<List<Double>>) block.get("input")).get(Integer.parseInt(parts[2])).get(Integer.parseInt(parts[1]));
        }
        for (String part : parts) {
            node = node instanceof List<?> list ? list.get(Integer.parseInt(part)) : ((Map<String, Object>) node).get(part);
        }
        return ((Number) node).doubleValue();
    }

    /** A deep copy of the block with the number at {@code path} replaced. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> block, String path, double value) {
        Map<String, Object> copy = JSON.convertValue(block, Map.class);
        String[] parts = path.split("\\.");
        if (parts[0].equals("input")) {
            ((List<List<Object>>) copy.get("input")).get(Integer.parseInt(parts[2])).set(Integer.parseInt(parts[1]), value);
            return copy;
        }
        Object node = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            if (part.equals("heads") && node instanceof Map<?, ?> map && !map.containsKey("heads")) {
                i++; // heads.0 of a layer that writes its one head without `heads`
                continue;
            }
            node = node instanceof List<?> list ? list.get(Integer.parseInt(part)) : ((Map<String, Object>) node).get(part);
        }
        ((List<Object>) node).set(Integer.parseInt(parts[parts.length - 1]), value);
        return copy;
    }
}
