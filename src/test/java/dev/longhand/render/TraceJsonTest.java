package dev.longhand.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import dev.longhand.nn.Trainer;
import dev.longhand.nn.Training;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Network contractExample(String name) {
        return new Network(List.of(new Layer(name, Matrix.of(new double[][] {{1, -1, 0}, {0, 1, 1}}),
                Matrix.column(0, 0), Activation.RELU)));
    }

    @Test
    void writesTheContractExampleExactly() {
        var forward = contractExample("Hidden 1").forward(Matrix.column(2, 1, 3));
        String json = TraceJson.write(forward, Optional.empty(), Optional.empty());
        assertEquals("{\"input\":[[2],[1],[3]],\"layers\":[{\"name\":\"Hidden 1\",\"activation\":\"relu\","
                + "\"weights\":[[1,-1,0],[0,1,1]],\"bias\":[0,0],\"z\":[[1],[4]],\"a\":[[1],[4]]}],"
                + "\"output\":[[1],[4]]}", json);
    }

    @Test
    void keepsFullPrecision() throws Exception {
        Network net = new Network(List.of(new Layer("s", Matrix.of(new double[][] {{1}}), Matrix.column(0.0),
                Activation.SIGMOID)));
        JsonNode trace = JSON.readTree(TraceJson.write(net.forward(Matrix.column(1.0)), Optional.empty(),
                Optional.empty()));
        assertEquals(1 / (1 + Math.exp(-1)), trace.at("/output/0/0").asDouble(), 1e-16);
    }

    @Test
    void aNameCannotCloseTheScriptElement() {
        var forward = contractExample("</script><script>alert(1)</script>").forward(Matrix.column(2, 1, 3));
        String json = TraceJson.write(forward, Optional.empty(), Optional.empty());
        assertFalse(json.contains("<"));
        assertFalse(json.contains(">"));
        assertTrue(json.contains("\\u003c/script\\u003e"));
    }

    @Test
    void trainingAddsTheContractFields() throws Exception {
        Network net = new Network(List.of(new Layer("o", Matrix.of(new double[][] {{1}}), Matrix.column(0.0),
                Activation.LINEAR)));
        Training training = new Training(Matrix.column(0.0), Loss.MSE, 0.25, 2);
        var trained = Trainer.train(net, Matrix.column(1.0), training);
        JsonNode trace = JSON.readTree(TraceJson.write(trained.forward(), Optional.of(training), Optional.of(trained)));
        // a = w·x = 1, t = 0: L = 1; dW = 2(a − t)·x = 2; db = 2.
        assertEquals(1.0, trace.get("loss").asDouble());
        assertEquals(3, trace.get("losses").size());
        assertEquals(2.0, trace.at("/layers/0/dW/0/0").asDouble());
        assertEquals(2.0, trace.at("/layers/0/db/0").asDouble());
        assertEquals(0.0, trace.at("/target/0/0").asDouble());
        // Step 1: w = 1 − 0.25·2 = 0.5, b = −0.5; then a = 0, dW = 0: step 2 changes nothing.
        assertEquals(0.5, trace.at("/layers/0/weights_after/0/0").asDouble());
        assertEquals(-0.5, trace.at("/layers/0/bias_after/0").asDouble());
    }
}
