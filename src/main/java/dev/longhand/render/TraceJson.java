package dev.longhand.render;

import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.LayerGradients;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Training;
import dev.longhand.nn.TrainingTrace;
import java.util.List;
import java.util.Optional;

/**
 * The trace a block leaves in the page ({@code <script type="application/json"
 * class="mlp-trace">}), full precision, as the lesson format fixes it. Tests, tools and the
 * page's own script read it, so the key names are a public contract.
 */
public final class TraceJson {

    private TraceJson() {
    }

    public static String of(Block block) {
        return write(block.forward(), block.training(), block.trained());
    }

    public static String write(ForwardTrace forward, Optional<Training> training, Optional<TrainingTrace> trained) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("input").value(forward.input());
        json.name("layers").beginArray();
        List<LayerTrace> layers = forward.denseLayers();
        for (int i = 0; i < layers.size(); i++) {
            LayerTrace layer = layers.get(i);
            json.beginObject();
            json.name("name").value(layer.layer().name());
            json.name("activation").value(layer.layer().activation().key());
            json.name("weights").value(layer.layer().weights());
            json.name("bias").flat(layer.layer().bias());
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
        return json.endObject().toString();
    }
}
