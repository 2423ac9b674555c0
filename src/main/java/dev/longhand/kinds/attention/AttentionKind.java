package dev.longhand.kinds.attention;

import dev.longhand.kinds.LayerKind;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageGradients;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.GradientContext;
import dev.longhand.render.GradientGroupView;
import dev.longhand.render.JsonWriter;
import dev.longhand.render.SheetContext;
import dev.longhand.spec.KindResult;
import dev.longhand.spec.LayerFields;
import java.util.List;

/**
 * {@code type: attention}: self-attention over the tokens (columns), one head or several with
 * the output projection, or given weights. The numbers are {@link SelfAttention}'s and
 * {@link GivenWeightsAttention}'s; the worksheet is {@link AttentionSheet}'s.
 */
public final class AttentionKind implements LayerKind {

    @Override
    public String type() {
        return "attention";
    }

    @Override
    public List<String> keys() {
        return AttentionReader.KEYS;
    }

    @Override
    public KindResult read(LayerFields fields) {
        return AttentionReader.read(fields);
    }

    /**
     * Scored heads: scale, causal, heads (each its query, key, value, then q, k, v, scores with
     * null where masked, weights, z), output when given, a. Given weights: weights, value when
     * given, heads ([{v, weights, z}]), a. Parameters are written as {@link JsonWriter#given}.
     */
    @Override
    public void traceFields(StageTrace trace, JsonWriter json) {
        AttentionTrace t = (AttentionTrace) trace;
        if (t.stage() instanceof SelfAttention layer) {
            Object scale = layer.scale().canonical();
            json.name("scale");
            if (scale instanceof Boolean b) {
                json.value(b);
            } else {
                json.value((Double) scale);
            }
            json.name("causal").value(layer.causal());
            json.name("heads").beginArray();
            for (var head : t.heads()) {
                HeadTrace.Scored h = (HeadTrace.Scored) head;
                json.beginObject();
                json.name("query").given(h.head().query());
                json.name("key").given(h.head().key());
                json.name("value").given(h.head().value());
                json.name("q").value(h.q());
                json.name("k").value(h.k());
                json.name("v").value(h.v());
                json.name("scores");
                scores(json, h);
                json.name("weights").value(h.weights());
                json.name("z").value(h.z());
                json.endObject();
            }
            json.endArray();
            layer.output().ifPresent(o -> json.name("output").given(o));
        } else {
            GivenWeightsAttention layer = (GivenWeightsAttention) t.stage();
            json.name("weights").given(layer.weights());
            layer.value().ifPresent(v -> json.name("value").given(v));
            HeadTrace.Given h = (HeadTrace.Given) t.heads().get(0);
            json.name("heads").beginArray().beginObject();
            json.name("v").value(h.v());
            json.name("weights").value(h.weights());
            json.name("z").value(h.z());
            json.endObject().endArray();
        }
        json.name("a").value(t.a());
    }

    /** The scores, a masked one as null. */
    private static void scores(JsonWriter json, HeadTrace.Scored h) {
        Matrix s = h.scores();
        json.beginArray();
        for (int r = 0; r < s.rows(); r++) {
            json.beginArray();
            for (int c = 0; c < s.cols(); c++) {
                if (h.masked(r, c)) {
                    json.nullValue();
                } else {
                    json.value(s.get(r, c));
                }
            }
            json.endArray();
        }
        json.endArray();
    }

    @Override
    public String section(SheetContext context) {
        return AttentionSheet.section(context);
    }

    @Override
    public String label(Stage stage) {
        if (stage instanceof SelfAttention layer) {
            int heads = layer.heads().size();
            return "attention" + (heads > 1 ? " · " + heads + " heads" : "") + (layer.causal() ? " · causal" : "");
        }
        return "attention · given weights";
    }

    @Override
    public boolean tokens() {
        return true;
    }

    @Override
    public List<String> scripts(Stage stage) {
        return List.of("longhand-math.js", "longhand-attention.js");
    }

    /** The softmax of each column backward, for up to {@link AttentionGradientSheet#MAX_TOKENS} tokens. */
    @Override
    public List<GradientGroupView> gradientLines(StageTrace trace, StageGradients gradients, GradientContext context) {
        return AttentionGradientSheet.lines((AttentionTrace) trace, (AttentionGradients) gradients, context);
    }

    @Override
    public List<Object> exports() {
        return List.of(new AttentionNumpy(), new AttentionTorch(), new AttentionWorkbook());
    }
}
