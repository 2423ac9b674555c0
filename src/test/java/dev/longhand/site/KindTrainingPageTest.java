package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training a network with kinds beyond dense layers, on the page: the gradient of every
 * parameter and its values after training, keyed by their trace paths, and the trace's
 * {@code gradients} and {@code after}. The numbers are worked out by hand in the comments.
 */
class KindTrainingPageTest {

    /*
     * x = 1; the residual's branch is one linear unit, f = 2·1 + 1 = 3, so a = 1 + 3 = 4.
     * Target 0, mse: L = (4 − 0)² = 16, dL/da = 2·4 = 8; through the branch dL/dw = 8·x = 8 and
     * dL/db = 8. One step of η = 0.1: w = 2 − 0.8 = 1.2, b = 1 − 0.8 = 0.2.
     */
    private static final String LESSON = """
            ---
            title: Residual training
            order: 10
            ---
            ```network
            input: [1]
            target: [0]
            steps: 1
            layers:
              - type: residual
                layers:
                  - weights: [[2]]
                    bias: [1]
                    activation: linear
            ```

            Three steps of the same:

            ```network
            input: [1]
            target: [0]
            steps: 3
            layers:
              - type: residual
                layers:
                  - weights: [[2]]
                    bias: [1]
                    activation: linear
            ```
            """;

    @TempDir
    static Path temp;
    private static Document page;

    @BeforeAll
    static void build() throws IOException {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "01-residual.md", LESSON);
        Path site = temp.resolve("site");
        assertTrue(SiteFiles.build(content, site).succeeded());
        page = Jsoup.parse(Files.readString(site.resolve("residual.html"), StandardCharsets.UTF_8));
    }

    private static String value(String block, String key) {
        Element cell = page.selectFirst("#" + block + " [data-v=\"" + key + "\"]");
        assertNotNull(cell, "no cell " + key + " in " + block);
        return cell.text();
    }

    @Test
    void everyGradientIsShownKeyedByItsPathInTheTrace() {
        assertEquals("8", value("mlp-1", "layers.0.gradients.layers.0.weights.0.0"));
        assertEquals("8", value("mlp-1", "layers.0.gradients.layers.0.bias.0"));
    }

    @Test
    void theGradientReachingEachLayerAndTheDenseLayersInsideAResidualAreWorkedOut() {
        assertEquals("8", value("mlp-1", "layers.0.dA.0.0"));
        assertEquals("8", value("mlp-1", "layers.0.layers.0.dZ.0.0"));
        assertEquals("∂L/∂z₁ = 8·linear′(3) = 8·1 = 8", line("mlp-1", "layers.0.layers.0.dZ.0.0"));
        assertEquals("∂L/∂w₁,₁ = 8·1 = 8", line("mlp-1", "layers.0.layers.0.dW.0.0"));
        assertEquals("∂L/∂b₁ = ∂L/∂z₁ = 8", line("mlp-1", "layers.0.layers.0.db.0"));
    }

    @Test
    void aResidualsInputGradientIsTheSkipsPlusTheBranchs() {
        // Through the branch ∂L/∂x = w·∂L/∂z = 2·8 = 16; through the skip 8; in all 24.
        assertEquals("16", value("mlp-1", "layers.0.layers.0.dInput.0.0"));
        assertEquals("24", value("mlp-1", "layers.0.dInput.0.0"));
        assertEquals("∂L/∂x₁ = 8 + 16 = 24", line("mlp-1", "layers.0.skip.0.0"));
    }

    private static String line(String block, String key) {
        Element li = page.selectFirst("#" + block + " [data-work=\"" + key + "\"]");
        assertNotNull(li, "no line " + key + " in " + block);
        return li.text();
    }

    @Test
    void oneStepShowsEveryParameterAfterItWithItsUpdateWrittenOut() {
        assertEquals("1.2", value("mlp-1", "layers.0.after.layers.0.weights.0.0"));
        assertEquals("0.2", value("mlp-1", "layers.0.after.layers.0.bias.0"));
        Element line = page.selectFirst("#mlp-1 [data-work=\"layers.0.after.layers.0.weights.0.0\"]");
        assertNotNull(line);
        assertEquals("w₁,₁ ← 2 − 0.1·8 = 1.2", line.text());
        // In doubles 1 − 0.8 is 0.19999999999999996: shown 0.2, but "≈", as dense layers' updates say.
        assertEquals("b₁ ← 1 − 0.1·8 ≈ 0.2",
                page.selectFirst("#mlp-1 [data-work=\"layers.0.after.layers.0.bias.0\"]").text());
    }

    @Test
    void severalStepsShowTheLossesAndEveryParameterAfterTheLast() {
        // Step 2 from w = 1.2, b = 0.2: a = 1 + 1.4 = 2.4, L = 5.76, dL/da = 4.8; w = 1.2 − 0.48 = 0.72, b = 0.2 − 0.48 = −0.28.
        // Step 3: a = 1 + 0.44 = 1.44, L = 2.0736, dL/da = 2.88; w = 0.72 − 0.288 = 0.432, b = −0.28 − 0.288 = −0.568.
        assertEquals("5.76", value("mlp-2", "losses.1"));
        assertEquals("0.432", value("mlp-2", "layers.0.after.layers.0.weights.0.0"));
        assertEquals("−0.568", value("mlp-2", "layers.0.after.layers.0.bias.0"));
        assertTrue(page.select("#mlp-2 [data-work^=\"layers.0.after.\"]").isEmpty(),
                "the updates written out are those of one step, shown when there is one step");
        assertNotNull(page.selectFirst("#mlp-2 figure.loss-figure svg"), "the loss plot");
    }

    @Test
    void theTraceHoldsGradientsAndValuesAfterShapedAsTheResidualsLayers() throws IOException {
        JsonNode trace = new ObjectMapper().readTree(page.selectFirst("#mlp-1 script.mlp-trace").data());
        JsonNode layer = trace.get("layers").get(0);
        assertEquals(new ObjectMapper().readTree("{\"layers\":[{\"weights\":[[8]],\"bias\":[8]}]}"), layer.get("gradients"));
        JsonNode after = layer.get("after").get("layers").get(0);
        assertEquals(List.of("weights", "bias"), List.copyOf(iterable(after.fieldNames())));
        assertEquals(1.2, after.get("weights").get(0).get(0).asDouble(), 1e-15);
        assertEquals(0.2, after.get("bias").get(0).asDouble(), 1e-15);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
