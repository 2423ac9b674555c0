package dev.longhand.export.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longhand.kinds.Kinds;
import dev.longhand.render.Block;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a PyTorch script holds and computes, against numbers worked out by hand. */
class TorchScriptTest {

    @TempDir
    Path temp;

    private static Block block(String yaml) {
        return ExportBlocks.valid(yaml);
    }

    private static String script(String yaml) {
        return TorchScript.of(block(yaml), Kinds.exports());
    }

    /** Runs the script with python3 + torch (skipping the test without them) and gives its variables. */
    private JsonNode run(String script) throws Exception {
        Optional<String> missing = Python3.missing("torch");
        Assumptions.assumeTrue(missing.isEmpty(), () -> missing.get() + ": the PyTorch script is not run");
        Path file = temp.resolve("block.py");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        JsonNode result = Python3.runAll(temp, List.of(file)).get(0);
        assertFalse(result.has("error"), () -> result.get("error").asText());
        return result;
    }

    @Test
    void theClassicHandExerciseGivesFive() throws Exception {
        // z1 = W1·x = [2 − 1 + 0, 0 + 1 + 3] = [1, 4], ReLU keeps both; output = 1 + 4 = 5.
        String script = script("""
                input: [2, 1, 3]
                layers:
                  - weights: [[1, -1, 0], [0, 1, 1]]
                  - weights: [[1, 1]]
                """);
        assertTrue(script.contains("torch.set_default_dtype(torch.float64)"), script);
        assertTrue(script.contains("nn.Linear(weights.shape[1], weights.shape[0])"), script);
        assertTrue(script.contains("activation=nn.ReLU()"), script);
        assertTrue(script.contains("activation=nn.Identity()"), script);
        assertFalse(script.contains("loss"), "no training, no loss: " + script);
        JsonNode result = run(script);
        assertEquals("[[5.0]]", result.get("output").toString());
        assertFalse(result.has("loss"));
    }

    @Test
    void aBatchKeepsThePagesRowsAndColumns() throws Exception {
        // Two samples (columns): W = [[1, 2]], b = 1: 1·1 + 2·0 + 1 = 2 and 1·0 + 2·3 + 1 = 7.
        JsonNode result = run(script("""
                input:
                  - [1, 0]
                  - [0, 3]
                layers:
                  - weights: [[1, 2]]
                    bias: [1]
                """));
        assertEquals("[[2.0,7.0]]", result.get("output").toString());
    }

    @Test
    void oneTrainingStepByHand() throws Exception {
        // a = 2·1 = 2, loss = (2 − 1)² = 1; dW = 2(a − t)·x = 2, W ← 2 − 0.1·2 = 1.8; db = 2, b ← −0.2;
        // then a = 1.8 − 0.2 = 1.6 and the loss (1.6 − 1)² = 0.36.
        String script = script("""
                input: [1]
                target: [1]
                learning_rate: 0.1
                layers:
                  - weights: [[2]]
                """);
        assertTrue(script.contains("nn.MSELoss()"), script);
        assertTrue(script.contains("torch.optim.SGD(model.parameters(), lr=learning_rate)"), script);
        assertTrue(script.contains("current.backward()"), script);
        JsonNode result = run(script);
        assertEquals(1.0, result.get("loss").asDouble());
        assertEquals(2, result.get("losses").size());
        assertEquals(1.0, result.get("losses").get(0).asDouble());
        assertEquals(0.36, result.get("losses").get(1).asDouble(), 1e-15);
    }

    @Test
    void crossEntropyIsTheMeanOverSamplesOfMinusTLogA() throws Exception {
        // z = [0, 0] in both samples: a softmax of [0.5, 0.5]; each sample's loss is −log 0.5 = log 2.
        JsonNode result = run(script("""
                input: [[1], [2]]
                target: [[1, 0], [0, 1]]
                loss: cross_entropy
                layers:
                  - weights: [[0], [0]]
                    activation: softmax
                """));
        assertEquals(Math.log(2), result.get("loss").asDouble(), 1e-15);
        assertEquals("[[0.5,0.5],[0.5,0.5]]", result.get("output").toString());
    }

    @Test
    void normsArePyTorchsLayersWhereTheSettingsArePyTorchs() {
        String pytorch = script("""
                input: [[1, 2], [3, 5]]
                layers:
                  - type: layer_norm
                  - type: batch_norm
                """);
        assertTrue(pytorch.contains("nn.LayerNorm(2, eps=0.00001)"), pytorch);
        assertTrue(pytorch.contains("nn.BatchNorm1d(2, eps=0.00001)"), pytorch);
        assertFalse(pytorch.contains("class Normalization"), pytorch);
        String written = script("""
                input: [[1, 2], [3, 5]]
                layers:
                  - type: layer_norm
                    variance: unbiased
                  - type: batch_norm
                    epsilon_added_to: std
                """);
        assertTrue(written.contains("variance divided by n − 1"), written);
        assertTrue(written.contains("ε added to the standard deviation"), written);
        assertFalse(written.contains("nn.LayerNorm("), written);
    }

    @Test
    void layerNormByHand() throws Exception {
        // Column [1, 3]: mean 2, variance 1, ε = 0: x̂ = [−1, 1]; γ = [2, 1], β = [0, 1] → [−2, 2].
        JsonNode result = run(script("""
                input: [1, 3]
                layers:
                  - type: layer_norm
                    epsilon: 0
                    gamma: [2, 1]
                    beta: [0, 1]
                """));
        assertEquals("[[-2.0],[2.0]]", result.get("output").toString());
    }

    @Test
    void dropoutAppliesThePagesMaskAndSaysWhyNotNnDropout() throws Exception {
        // p = 0.5: kept entries are doubled, dropped ones are 0.
        String script = script("""
                input: [3, 4]
                layers:
                  - type: dropout
                    p: 0.5
                    mask: [[1], [0]]
                """);
        assertTrue(script.contains("nn.Dropout(p) computes the same in training mode, but with a mask it draws at random"),
                script);
        assertEquals("[[6.0],[0.0]]", run(script).get("output").toString());
    }

    @Test
    void givenAttentionWeightsMixTheTokens() throws Exception {
        // V = X = [[1, 3]]; weights (rows keys, columns queries) [[1, 0.5], [0, 0.5]]:
        // z_0 = 1·1 + 3·0 = 1, z_1 = 1·0.5 + 3·0.5 = 2.
        JsonNode result = run(script("""
                input: [[1], [3]]
                layers:
                  - type: attention
                    weights: [[1, 0.5], [0, 0.5]]
                """));
        assertEquals("[[1.0,2.0]]", result.get("output").toString());
    }

    @Test
    void aCausalTokenAttendsOnlyToItselfAndEarlierOnes() throws Exception {
        // Token 0 sees only itself: z_0 = v_0 = 1. Token 1 scores keys with q = 0, so both weigh 1/2: (1 + 3)/2 = 2.
        JsonNode result = run(script("""
                input: [[1], [3]]
                layers:
                  - type: attention
                    query: [[0]]
                    key: [[1]]
                    value: [[1]]
                    causal: true
                """));
        assertEquals("[[1.0,2.0]]", result.get("output").toString());
    }

    @Test
    void aResidualAddsItsInput() throws Exception {
        // x + ReLU(2x) = 1 + 2 = 3 for x = 1; −1 + 0 = −1 for x = −1.
        JsonNode result = run(script("""
                input: [[1], [-1]]
                layers:
                  - type: residual
                    layers:
                      - weights: [[2]]
                        activation: relu
                """));
        assertEquals("[[3.0,-1.0]]", result.get("output").toString());
    }

    @Test
    void aLargeGeneratedNetworkIsDrawnAgainFromItsSeedsNotWrittenOut() throws Exception {
        String yaml = """
                input: {random: 7, units: 784, samples: 7, min: 0, max: 1, decimals: 2}
                layers:
                  - units: 128
                    weights: {random: 11, min: -0.1, max: 0.1, decimals: 2}
                  - units: 64
                    weights: {random: 12, min: -3, max: 3, integers: true}
                  - units: 80
                    weights: {random: -13, min: -0.5, max: 0.5}
                  - units: 10
                    weights: {random: 14, min: -0.5, max: 0.5}
                    activation: softmax
                """;
        Block block = block(yaml);
        String script = TorchScript.of(block, Kinds.exports());
        assertTrue(script.length() < 60_000, "the script has " + script.length() + " characters");
        assertTrue(script.contains("x = drawn(seed=7, rows=7, cols=784, low=0, high=1, decimals=2)\n"), script);
        assertTrue(script.contains("drawn(seed=11, rows=128, cols=784, low=-0.1, high=0.1, decimals=2)"), script);
        assertTrue(script.contains("drawn(seed=12, rows=64, cols=128, low=-3, high=3, integers=True)"), script);
        assertTrue(script.contains("drawn(seed=-13, rows=80, cols=64, low=-0.5, high=0.5)"), script);
        JsonNode output = run(script).get("output");
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 7; c++) {
                assertEquals(block.forward().output().get(r, c), output.get(r).get(c).asDouble(), 1e-12);
            }
        }
    }

    @Test
    void namesAndCaptionsCannotBreakTheScript() throws Exception {
        Assumptions.assumeTrue(Python3.missing("sys").isEmpty(), "no python3");
        String script = script("""
                caption: 'Ends in three quotes and a backslash \"\"\" \\\\'
                input: [1]
                layers:
                  - name: "a \\" quote, a \\\\ backslash\\nand a line break"
                    weights: [[1]]
                """);
        Path file = temp.resolve("names.py");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        assertEquals("", Python3.compile(new ArrayList<>(List.of(file))));
    }
}
