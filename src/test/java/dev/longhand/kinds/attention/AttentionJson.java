package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import java.util.StringJoiner;

/**
 * An attention layer as the trace JSON's canonical form writes it, for the reference script and
 * the page script in tests. Numbers are Java's {@link Double#toString}, which reads back to the
 * same double in JSON.parse and in Python ({@code -0.0} keeps its sign).
 */
public final class AttentionJson {

    private AttentionJson() {
    }

    public static String layer(Attention layer) {
        StringBuilder json = new StringBuilder("{\"type\":\"attention\",\"name\":\"").append(layer.name()).append('"');
        if (layer instanceof SelfAttention s) {
            StringJoiner heads = new StringJoiner(",", "[", "]");
            for (AttentionHead h : s.heads()) {
                heads.add("{\"query\":" + matrix(h.query()) + ",\"key\":" + matrix(h.key())
                        + ",\"value\":" + matrix(h.value()) + "}");
            }
            json.append(",\"heads\":").append(heads);
            s.output().ifPresent(o -> json.append(",\"output\":").append(matrix(o)));
            json.append(",\"scale\":").append(s.scale().canonical()).append(",\"causal\":").append(s.causal());
        } else if (layer instanceof GivenWeightsAttention g) {
            json.append(",\"weights\":").append(matrix(g.weights()));
            g.value().ifPresent(v -> json.append(",\"value\":").append(matrix(v)));
        }
        return json.append('}').toString();
    }

    public static String matrix(Matrix m) {
        StringJoiner rows = new StringJoiner(",", "[", "]");
        for (int r = 0; r < m.rows(); r++) {
            StringJoiner row = new StringJoiner(",", "[", "]");
            for (int c = 0; c < m.cols(); c++) {
                double v = m.get(r, c);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("JSON has no " + v);
                }
                row.add(Double.toString(v));
            }
            rows.add(row.toString());
        }
        return rows.toString();
    }
}
