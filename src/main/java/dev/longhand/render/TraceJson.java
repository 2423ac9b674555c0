package dev.longhand.render;

import dev.longhand.nn.Drawn;
import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.LayerGradients;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.NestedTrace;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.StageTrace;
import dev.longhand.nn.Training;
import dev.longhand.nn.TrainingTrace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trace a block leaves in the page ({@code <script type="application/json"
 * class="mlp-trace">}), full precision, as the lesson format fixes it. Tests, tools and the
 * page's own script read it, so the key names are a public contract. The block's input and
 * parameters are written with {@link JsonWriter#given}: a large matrix drawn from a seed as how it
 * was drawn, which a reader draws again ({@link dev.longhand.nn.Drawn#matrix()}).
 */
public final class TraceJson {

    private TraceJson() {
    }

    /** The trace as the page holds it: a large matrix drawn from a seed written as how it was drawn. */
    public static String of(Block block) {
        return write(block.forward(), block.training(), block.trained(), block.sheets(), block.drawn());
    }

    /** The trace with every number written out, for a reader in this program that wants only numbers. */
    public static String spelledOut(Block block) {
        return write(block.forward(), block.training(), block.trained(), block.sheets(), Map.of());
    }

    public static String write(ForwardTrace forward, Optional<Training> training, Optional<TrainingTrace> trained) {
        return write(forward, training, trained, KindSheets.NONE, Map.of());
    }

    /** The trace of a computed block with nothing drawn from a seed. */
    public static String write(ForwardTrace forward, Optional<Training> training, Optional<TrainingTrace> trained,
                               KindSheets sheets) {
        return write(forward, training, trained, sheets, Map.of());
    }

    /**
     * The trace of a computed block.
     *
     * @param drawn the matrices drawn from a seed, by identity: the input and parameters among them
     *              that are large are written as how they were drawn ({@link JsonWriter#given})
     */
    public static String write(ForwardTrace forward, Optional<Training> training, Optional<TrainingTrace> trained,
                               KindSheets sheets, Map<Matrix, Drawn> drawn) {
        if (!forward.allDense()) {
            return writeKinds(forward, training, trained, sheets, drawn);
        }
        JsonWriter json = new JsonWriter(drawn).beginObject();
        json.name("input").given(forward.input());
        json.name("layers").beginArray();
        List<LayerTrace> layers = forward.denseLayers();
        for (int i = 0; i < layers.size(); i++) {
            LayerTrace layer = layers.get(i);
            json.beginObject();
            json.name("name").value(layer.layer().name());
            json.name("activation").value(layer.layer().activation().key());
            json.name("weights").given(layer.layer().weights());
            json.name("bias").givenFlat(layer.layer().bias());
            json.name("z").value(layer.z());
            json.name("a").value(layer.a());
            if (trained.isPresent()) {
                LayerGradients gradients = trained.get().firstStep().dense(i);
                json.name("dW").value(gradients.dW());
                json.name("db").flat(gradients.db());
                json.name("weights_after").value(trained.get().after().dense(i).weights());
                json.name("bias_after").flat(trained.get().after().dense(i).bias());
            }
            json.endObject();
        }
        json.endArray();
        json.name("output").value(forward.output());
        trainingFields(json, training, trained);
        return json.endObject().toString();
    }

    /**
     * A network with kinds beyond dense layers: every layer says its {@code type}, and with
     * training every layer with parameters holds {@code gradients} and {@code after}, shaped like
     * its parameters (dense layers keep dW, db, weights_after and bias_after as well).
     */
    private static String writeKinds(ForwardTrace forward, Optional<Training> training,
                                     Optional<TrainingTrace> trained, KindSheets sheets, Map<Matrix, Drawn> drawn) {
        JsonWriter json = new JsonWriter(drawn).beginObject();
        json.name("input").given(forward.input());
        json.name("layers").beginArray();
        List<StageTrace> stages = forward.stages();
        for (int i = 0; i < stages.size(); i++) {
            int index = i;
            stage(json, stages.get(i), sheets, trained.map(t -> new Trained(t.firstStep().layers().get(index).gradients(),
                    t.after().layers().get(index).parameters())));
        }
        json.endArray();
        json.name("output").value(forward.output());
        trainingFields(json, training, trained);
        return json.endObject().toString();
    }

    /** A layer's gradients of the first step and its parameters after every step. */
    public record Trained(Parameters gradients, Parameters after) {
    }

    /** One layer's trace object, of any kind; a residual writes its inner layers with it. */
    public static void stage(JsonWriter json, StageTrace trace, KindSheets sheets, Optional<Trained> trained) {
        json.beginObject();
        json.name("type").value(trace.stage().type());
        json.name("name").value(trace.stage().name());
        if (trace instanceof LayerTrace layer) {
            json.name("activation").value(layer.layer().activation().key());
            json.name("weights").given(layer.layer().weights());
            json.name("bias").givenFlat(layer.layer().bias());
            json.name("z").value(layer.z());
            json.name("a").value(layer.a());
            trained.ifPresent(t -> {
                json.name("dW").value(t.gradients().get("weights"));
                json.name("db").flat(t.gradients().get("bias"));
                json.name("weights_after").value(t.after().get("weights"));
                json.name("bias_after").flat(t.after().get("bias"));
            });
        } else {
            sheets.get(trace.stage().type()).traceFields(trace, json);
        }
        if (trained.isPresent() && !trained.get().gradients().isEmpty()) {
            json.name("gradients");
            shaped(json, trace, trained.get().gradients());
            json.name("after");
            shaped(json, trace, trained.get().after());
        }
        json.endObject();
    }

    /**
     * Parameters shaped like the layer's: a residual's as {@code {"layers": [one object per inner
     * layer, {} for a layer without parameters]}}, any other layer's by {@link #nested}.
     */
    private static void shaped(JsonWriter json, StageTrace trace, Parameters parameters) {
        if (!(trace instanceof NestedTrace nested)) {
            nested(json, parameters);
            return;
        }
        json.beginObject().name("layers").beginArray();
        for (int i = 0; i < nested.inner().size(); i++) {
            shaped(json, nested.inner().get(i), parameters.under("layers." + i));
        }
        json.endArray().endObject();
    }

    /**
     * Parameters by path as nested JSON: {@code heads.0.query} and {@code output} become
     * {@code {"heads": [{"query": …}], "output": …}}; vectors are flat lists.
     */
    static void nested(JsonWriter json, Parameters parameters) {
        writeNode(json, tree(parameters));
    }

    private static Map<String, Object> tree(Parameters parameters) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Parameters.Entry e : parameters.entries()) {
            String[] parts = e.path().split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
                node = child;
            }
            node.put(parts[parts.length - 1], e);
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void writeNode(JsonWriter json, Object node) {
        if (node instanceof Parameters.Entry e) {
            if (e.vector()) {
                json.flat(e.value());
            } else {
                json.value(e.value());
            }
            return;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        boolean list = !map.isEmpty() && map.keySet().stream().allMatch(k -> k.matches("\\d+"));
        if (list) {
            json.beginArray();
            for (int i = 0; i < map.size(); i++) {
                writeNode(json, map.get(String.valueOf(i)));
            }
            json.endArray();
            return;
        }
        json.beginObject();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            json.name(entry.getKey());
            writeNode(json, entry.getValue());
        }
        json.endObject();
    }

    private static void trainingFields(JsonWriter json, Optional<Training> training, Optional<TrainingTrace> trained) {
        if (training.isPresent() && trained.isPresent()) {
            json.name("target").value(training.get().target());
            json.name("loss").value(trained.get().firstStep().loss());
            json.name("losses").beginArray();
            for (double loss : trained.get().losses()) {
                json.value(loss);
            }
            json.endArray();
            json.name("loss_function").value(training.get().loss().key());
            json.name("learning_rate").value(training.get().learningRate());
            json.name("steps").value(training.get().steps());
        }
    }
}
