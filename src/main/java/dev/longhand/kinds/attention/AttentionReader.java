package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import dev.longhand.spec.Dim;
import dev.longhand.spec.KindResult;
import dev.longhand.spec.LayerFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code type: attention}: one head ({@code query}, {@code key}, {@code value}), several
 * ({@code heads} and usually {@code output}), or given {@code weights} with an optional
 * {@code value}; {@code scale} and {@code causal} for scored heads.
 */
final class AttentionReader {

    static final List<String> KEYS = List.of("query", "key", "value", "heads", "output", "scale", "causal", "weights");
    private static final List<String> HEAD_KEYS = List.of("query", "key", "value");

    private AttentionReader() {
    }

    static KindResult read(LayerFields fields) {
        if (fields.has("weights")) {
            return given(fields);
        }
        if (fields.inputRows().isEmpty()) {
            return KindResult.failed();
        }
        int features = fields.inputRows().getAsInt();
        List<AttentionHead> heads = new ArrayList<>();
        boolean ok = true;
        if (fields.has("heads")) {
            for (String key : HEAD_KEYS) {
                if (fields.has(key)) {
                    fields.error(key, fields.what() + " has heads, so its '" + key + "' belongs inside each head");
                    ok = false;
                }
            }
            Optional<List<LayerFields>> list = fields.mappings("heads", "head", HEAD_KEYS);
            if (list.isEmpty()) {
                return KindResult.failed();
            }
            for (LayerFields head : list.get()) {
                Optional<AttentionHead> h = head(head, features);
                ok &= h.isPresent();
                h.ifPresent(heads::add);
            }
        } else {
            Optional<AttentionHead> h = head(fields, features);
            ok &= h.isPresent();
            h.ifPresent(heads::add);
        }
        Scale scale = scale(fields);
        boolean causal = fields.flag("causal").orElse(false);
        int stacked = heads.stream().mapToInt(AttentionHead::valueSize).sum();
        Optional<Matrix> output = fields.matrix("output", "output", Dim.any(), ok
                ? Dim.of(stacked, "the heads' values stack to " + stacked + " rows") : Dim.any());
        if (!ok || (fields.has("output") && output.isEmpty())) {
            return KindResult.failed(output.map(m -> OptionalInt.of(m.rows()))
                    .orElse(ok ? OptionalInt.of(stacked) : OptionalInt.empty()));
        }
        SelfAttention layer = new SelfAttention(fields.name(), heads, output, scale, causal);
        return KindResult.of(layer, features);
    }

    /** One head's projections: each takes the tokens' features; query and key give d_k rows. */
    private static Optional<AttentionHead> head(LayerFields fields, int features) {
        Dim columns = Dim.of(features, "the tokens have " + features + " features ("
                + fields.previous() + " gives " + features + " rows)");
        for (String key : HEAD_KEYS) {
            if (!fields.has(key)) {
                fields.missing(key, "give W_" + key.charAt(0) + ": one row per " + (key.equals("value") ? "value"
                        : "query and key") + " feature, one column per feature of the tokens (" + features + ")");
            }
        }
        Optional<Matrix> query = fields.matrix("query", "query", Dim.any(), columns);
        Optional<Matrix> key = fields.matrix("key", "key", query.map(q -> Dim.of(q.rows(), "the query has "
                + q.rows() + " rows, and scores take a dot product of a query and a key")).orElse(Dim.any()), columns);
        Optional<Matrix> value = fields.matrix("value", "value", Dim.any(), columns);
        if (query.isEmpty() || key.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AttentionHead(query.get(), key.get(), value.get()));
    }

    private static Scale scale(LayerFields fields) {
        Optional<Object> scale = fields.flagOrNumber("scale");
        if (scale.isEmpty()) {
            return Scale.ROOT;
        }
        return scale.get() instanceof Boolean b ? Scale.of(b) : Scale.of((Double) scale.get());
    }

    /** Given attention weights: tokens × tokens, the value projection optional. */
    private static KindResult given(LayerFields fields) {
        for (String key : List.of("query", "key", "heads", "output")) {
            if (fields.has(key)) {
                fields.error(key, fields.what() + " has given weights, so it has no '" + key
                        + "'; remove it, or remove 'weights' to score the tokens");
            }
        }
        if (fields.has("causal")) {
            fields.error("causal", fields.what() + " has given weights, which a causal mask cannot hide; "
                    + "write 0 in weights for each key a query must not see");
        }
        if (fields.has("scale")) {
            fields.error("scale", fields.what() + " has given weights, which are not scores to scale; remove 'scale'");
        }
        int tokens = fields.samples();
        Dim size = Dim.ofKnown(tokens, "the block has " + tokens + (tokens == 1 ? " token" : " tokens"));
        Optional<Matrix> weights = fields.matrix("weights", "weights", size, size);
        Optional<Matrix> value = fields.inputRows().isPresent()
                ? fields.matrix("value", "value", Dim.any(), Dim.of(fields.inputRows().getAsInt(), "the tokens have "
                        + fields.inputRows().getAsInt() + " features"))
                : Optional.empty();
        OptionalInt rows = value.map(v -> OptionalInt.of(v.rows())).orElse(fields.has("value") ? OptionalInt.empty()
                : fields.inputRows());
        if (weights.isEmpty() || (fields.has("value") && value.isEmpty()) || fields.inputRows().isEmpty()) {
            return KindResult.failed(rows);
        }
        GivenWeightsAttention layer = new GivenWeightsAttention(fields.name(), weights.get(), value);
        return KindResult.of(layer, fields.inputRows().getAsInt());
    }
}
