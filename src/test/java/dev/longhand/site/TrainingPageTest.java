package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.worked.Figures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backpropagation and gradient descent on the page: a site built from one lesson with the
 * repository's theme, read back with jsoup and Jackson. Expected numbers are worked out by
 * hand in the comments, or come from the plain-loop reference at the bottom of this file.
 */
class TrainingPageTest {

    private static final String LESSON = """
            ---
            title: Training
            order: 10
            ---
            ## One step by hand

            ```mlp
            input: [1, 2]
            target: [1]
            loss: mse
            learning_rate: 0.1
            steps: 1
            layers:
              - weights:
                  - [1, 1]
                  - [1, -1]
                bias: [0, 0]
                activation: relu
              - weights: [[1, 1]]
                bias: [0]
                activation: linear
            ```

            ## One linear unit, five steps

            ```mlp
            input: [1]
            target: [3]
            learning_rate: 0.1
            steps: 5
            layers:
              - weights: [[1]]
                activation: linear
            ```

            ## A hidden layer and a batch, five steps

            ```mlp
            input:
              - [1, 2]
              - [2, 1]
            target:
              - [1]
              - [0]
            learning_rate: 0.05
            steps: 5
            layers:
              - weights:
                  - [0.5, -0.5]
                  - [0.25, 0.5]
                bias: [0, 0.1]
              - weights: [[1, -1]]
            ```

            ## Cross-entropy on a softmax output

            ```mlp
            input:
              - [1, 0]
              - [0, 2]
            target:
              - [1, 0, 0]
              - [0, 0, 1]
            loss: cross_entropy
            layers:
              - weights:
                  - [1, 0]
                  - [0, 1]
                bias: [0, -1]
              - weights:
                  - [1, 0]
                  - [0, 1]
                  - [-1, -1]
                activation: softmax
            ```
            """;

    private static final double EPS = 1e-12;

    @TempDir
    static Path temp;
    static Document page;

    @BeforeAll
    static void buildSite() throws IOException {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "01-training.md", LESSON);
        Path site = temp.resolve("site");
        BuildReport report = SiteFiles.build(content, site);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        page = Jsoup.parse(Files.readString(site.resolve("training.html"), StandardCharsets.UTF_8));
    }

    private static Element block(int index) {
        Elements blocks = page.select("figure.mlp");
        assertEquals(4, blocks.size(), "mlp blocks on the page");
        return blocks.get(index);
    }

    private static String figure(Element block, String key) {
        Elements found = block.select("[data-v=" + key + "]");
        assertEquals(1, found.size(), "elements with data-v=" + key);
        return found.first().text();
    }

    private static String work(Element block, String key) {
        Elements found = block.select("[data-work=" + key + "]");
        assertEquals(1, found.size(), "elements with data-work=" + key);
        return found.first().text();
    }

    private static JsonNode trace(Element block) throws IOException {
        Elements traces = block.select("script.mlp-trace");
        assertEquals(1, traces.size(), "one trace per block");
        return new ObjectMapper().readTree(traces.first().data());
    }

    private static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int r = 0; r < node.size(); r++) {
            m[r] = new double[node.get(r).size()];
            for (int c = 0; c < node.get(r).size(); c++) {
                m[r][c] = node.get(r).get(c).doubleValue();
            }
        }
        return m;
    }

    private static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).doubleValue();
        }
        return v;
    }

    private static void assertMatrix(double[][] expected, JsonNode actual, String what) {
        double[][] m = matrix(actual);
        assertEquals(expected.length, m.length, what + " rows");
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r].length, m[r].length, what + " row " + r);
            for (int c = 0; c < expected[r].length; c++) {
                assertEquals(expected[r][c], m[r][c], EPS, what + "[" + r + "][" + c + "]");
            }
        }
    }

    private static void assertVector(double[] expected, JsonNode actual, String what) {
        double[] v = vector(actual);
        assertEquals(expected.length, v.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], v[i], EPS, what + "[" + i + "]");
        }
    }

    // ---- block 1: one step worked by hand ----------------------------------------------------
    //
    // x = (1, 2); W1 = [[1, 1], [1, −1]], b1 = (0, 0), ReLU; W2 = [[1, 1]], b2 = (0), linear;
    // target 1, MSE, η = 0.1.
    //   z1 = (1·1 + 1·2, 1·1 + (−1)·2) = (3, −1); a1 = (3, 0): unit 2 is clamped
    //   z2 = 1·3 + 1·0 = 3 = a2;  L = (3 − 1)² / 1 = 4
    //   ∂L/∂a2 = 2·(3 − 1) / 1 = 4;  ∂L/∂z2 = 4·1 = 4
    //   ∂L/∂W2 = 4·(3, 0) = (12, 0);  ∂L/∂b2 = 4
    //   ∂L/∂a1 = W2ᵀ·4 = (4, 4);  ∂L/∂z1 = (4·1, 4·0) = (4, 0): unit 2 blocked, z = −1
    //   ∂L/∂W1 = (4, 0)ᵀ·(1, 2) = [[4, 8], [0, 0]];  ∂L/∂b1 = (4, 0)
    //   new W1 = [[1 − 0.4, 1 − 0.8], [1, −1]] = [[0.6, 0.2], [1, −1]];  new b1 = (−0.4, 0)
    //   new W2 = [[1 − 1.2, 1 − 0]] = [[−0.2, 1]];  new b2 = (−0.4)
    // After the step: z1 = (0.6·1 + 0.2·2 − 0.4, 1·1 − 1·2 + 0) = (0.6, −1), a1 = (0.6, 0),
    //   z2 = −0.2·0.6 + 1·0 − 0.4 = −0.52, L = (−0.52 − 1)² = 1.52² = 2.3104.

    @Test
    void lossIsWrittenOut() {
        Element b = block(0);
        assertEquals("L = ((3 − 1)²) / 1 = 4", work(b, "loss"));
        assertEquals("1", figure(b, "target.0.0"));
    }

    @Test
    void backwardPassRunsFromTheLastLayerToTheFirst() {
        assertEquals(List.of("1", "0"), block(0).select("section.mlp-backward").eachAttr("data-layer"));
    }

    @Test
    void outputLayerGradientsMatchTheHandWork() {
        Element b = block(0);
        assertEquals("4", figure(b, "layers.1.dA.0.0"));
        assertEquals("4", figure(b, "layers.1.dZ.0.0"));
        assertEquals("12", figure(b, "layers.1.dW.0.0"));
        assertEquals("0", figure(b, "layers.1.dW.0.1"));
        assertEquals("4", figure(b, "layers.1.db.0"));
        assertEquals("∂L/∂a₁ = 2·(3 − 1) / 1 = 4", work(b, "layers.1.dA.0.0"));
        assertEquals("∂L/∂z₁ = 4·linear′(3) = 4·1 = 4", work(b, "layers.1.dZ.0.0"));
        assertEquals("∂L/∂w₁,₁ = 4·3 = 12", work(b, "layers.1.dW.0.0"));
        assertEquals("∂L/∂w₁,₂ = 4·0 = 0", work(b, "layers.1.dW.0.1"));
        assertEquals("∂L/∂b₁ = ∂L/∂z₁ = 4", work(b, "layers.1.db.0"));
    }

    @Test
    void hiddenLayerGradientsMatchTheHandWork() {
        Element b = block(0);
        assertEquals(List.of("4", "4", "4", "0"), List.of(figure(b, "layers.0.dA.0.0"), figure(b, "layers.0.dA.1.0"),
                figure(b, "layers.0.dZ.0.0"), figure(b, "layers.0.dZ.1.0")));
        assertEquals(List.of("4", "8", "0", "0"), List.of(figure(b, "layers.0.dW.0.0"), figure(b, "layers.0.dW.0.1"),
                figure(b, "layers.0.dW.1.0"), figure(b, "layers.0.dW.1.1")));
        assertEquals(List.of("4", "0"), List.of(figure(b, "layers.0.db.0"), figure(b, "layers.0.db.1")));
        assertEquals("∂L/∂a₁ = 1·4 = 4", work(b, "layers.0.dA.0.0"));
        assertEquals("∂L/∂a₂ = 1·4 = 4", work(b, "layers.0.dA.1.0"));
        assertEquals("∂L/∂z₁ = 4·ReLU′(3) = 4·1 = 4", work(b, "layers.0.dZ.0.0"));
        assertEquals("∂L/∂w₁,₁ = 4·1 = 4", work(b, "layers.0.dW.0.0"));
        assertEquals("∂L/∂w₁,₂ = 4·2 = 8", work(b, "layers.0.dW.0.1"));
        assertEquals("∂L/∂w₂,₁ = 0·1 = 0", work(b, "layers.0.dW.1.0"));
        assertEquals("∂L/∂w₂,₂ = 0·2 = 0", work(b, "layers.0.dW.1.1"));
        assertEquals("∂L/∂b₁ = ∂L/∂z₁ = 4", work(b, "layers.0.db.0"));
        assertEquals("∂L/∂b₂ = ∂L/∂z₂ = 0", work(b, "layers.0.db.1"));
    }

    @Test
    void reluBlocksExactlyTheGradientOfTheClampedUnit() {
        Element b = block(0);
        Elements blocked = b.select("section.mlp-backward td.blocked");
        assertEquals(1, blocked.size(), "one blocked gradient");
        assertNotNull(blocked.first().selectFirst("[data-v=layers.0.dZ.1.0]"), blocked.first().outerHtml());
        assertNotNull(blocked.first().closest("table.matrix-grad"));

        Element line = b.selectFirst("[data-work=layers.0.dZ.1.0]");
        assertTrue(line.hasClass("blocked"), line.outerHtml());
        assertEquals("∂L/∂z₂ = 4·ReLU′(−1) = 4·0 = 0", line.selectFirst(".work-sum").text());
        assertEquals(1, b.select("li.blocked").size(), "only that worked line is blocked");
        assertTrue(!b.selectFirst("[data-work=layers.0.dZ.0.0]").hasClass("blocked"));
    }

    @Test
    void inputIsShownTransposedBesideTheGradients() {
        // layer 1's input X = (1, 2) as a row; layer 2's input A1 = (3, 0) as a row
        Element first = block(0).selectFirst("section.mlp-backward[data-layer=0]");
        Element xT = first.selectFirst("table.matrix-input");
        assertEquals("Xᵀ", xT.selectFirst(".matrix-symbol").text());
        assertEquals(List.of("1", "2"), xT.select("tbody td").eachText());
        Element second = block(0).selectFirst("section.mlp-backward[data-layer=1]");
        assertEquals(List.of("3", "0"), second.selectFirst("table.matrix-input").select("tbody td").eachText());
    }

    @Test
    void oneUpdateStepMatchesTheHandWork() {
        Element b = block(0);
        assertEquals(List.of("0.6", "0.2", "1", "−1"), List.of(
                figure(b, "layers.0.step.weights.0.0"), figure(b, "layers.0.step.weights.0.1"),
                figure(b, "layers.0.step.weights.1.0"), figure(b, "layers.0.step.weights.1.1")));
        assertEquals(List.of("−0.4", "0"), List.of(figure(b, "layers.0.step.bias.0"), figure(b, "layers.0.step.bias.1")));
        assertEquals(List.of("−0.2", "1", "−0.4"), List.of(figure(b, "layers.1.step.weights.0.0"),
                figure(b, "layers.1.step.weights.0.1"), figure(b, "layers.1.step.bias.0")));

        assertEquals("w₁,₁ ← 1 − 0.1·4 = 0.6", work(b, "layers.0.step.weights.0.0"));
        // In binary floating point 1 − 0.1·8 is 0.19999999999999996 and 1 − 0.1·12 is
        // −0.2000000000000002: the figure shown is rounded, so the line says "≈".
        assertEquals(0.19999999999999996, 1 - 0.1 * 8);
        assertEquals("w₁,₂ ← 1 − 0.1·8 ≈ 0.2", work(b, "layers.0.step.weights.0.1"));
        assertEquals("w₂,₁ ← 1 − 0.1·0 = 1", work(b, "layers.0.step.weights.1.0"));
        assertEquals("w₂,₂ ← −1 − 0.1·0 = −1", work(b, "layers.0.step.weights.1.1"));
        assertEquals("b₁ ← 0 − 0.1·4 = −0.4", work(b, "layers.0.step.bias.0"));
        assertEquals("b₂ ← 0 − 0.1·0 = 0", work(b, "layers.0.step.bias.1"));
        assertEquals("w₁,₁ ← 1 − 0.1·12 ≈ −0.2", work(b, "layers.1.step.weights.0.0"));
        assertEquals("w₁,₂ ← 1 − 0.1·0 = 1", work(b, "layers.1.step.weights.0.1"));
        assertEquals("b₁ ← 0 − 0.1·4 = −0.4", work(b, "layers.1.step.bias.0"));
    }

    @Test
    void oneStepShowsNoLossTableOrPlot() {
        Element b = block(0);
        assertTrue(b.select("table.loss-table, svg.loss-plot, [data-v^=losses.]").isEmpty());
    }

    @Test
    void traceHoldsTheTrainingOfTheHandExample() throws IOException {
        JsonNode t = trace(block(0));
        assertMatrix(new double[][] {{1}}, t.get("target"), "target");
        assertEquals(4, t.get("loss").doubleValue(), EPS);
        assertVector(new double[] {4, 2.3104}, t.get("losses"), "losses");
        JsonNode l0 = t.at("/layers/0");
        assertMatrix(new double[][] {{4, 8}, {0, 0}}, l0.get("dW"), "dW1");
        assertVector(new double[] {4, 0}, l0.get("db"), "db1");
        assertMatrix(new double[][] {{0.6, 0.2}, {1, -1}}, l0.get("weights_after"), "W1 after");
        assertVector(new double[] {-0.4, 0}, l0.get("bias_after"), "b1 after");
        JsonNode l1 = t.at("/layers/1");
        assertMatrix(new double[][] {{12, 0}}, l1.get("dW"), "dW2");
        assertVector(new double[] {4}, l1.get("db"), "db2");
        assertMatrix(new double[][] {{-0.2, 1}}, l1.get("weights_after"), "W2 after");
        assertVector(new double[] {-0.4}, l1.get("bias_after"), "b2 after");
    }

    // ---- block 2: one linear unit, closed form -----------------------------------------------
    //
    // z = w·1 + b, target 3, η = 0.1, w = 1, b = 0: the error e = z − 3 starts at −2.
    // ∂L/∂w = 2e·1 and ∂L/∂b = 2e, so one step changes z by −0.1·2e − 0.1·2e = −0.4e: e ← 0.6e
    // and L = e² ← 0.36·L. The losses are 4·0.36^k: 4, 1.44, 0.5184, 0.186624, 0.06718464,
    // 0.0241864704, shown with 4 decimals as 4, 1.44, 0.5184, 0.1866, 0.0672, 0.0242.

    @Test
    void lossOfOneLinearUnitFallsByTheFactorWorkedOutByHand() throws IOException {
        Element b = block(1);
        JsonNode losses = trace(b).get("losses");
        assertEquals(6, losses.size());
        for (int k = 0; k <= 5; k++) {
            assertEquals(4 * Math.pow(0.36, k), losses.get(k).doubleValue(), EPS, "loss " + k);
        }
        assertEquals(List.of("4", "1.44", "0.5184", "0.1866", "0.0672", "0.0242"),
                b.select("table.loss-table [data-v^=losses.]").eachText());
        assertEquals("Over 5 steps of gradient descent the loss goes from 4 to 0.0242.",
                b.selectFirst("svg.loss-plot desc").text());
        // e after 5 steps = −2·0.6⁵; each step moved w and b by the same amount, so both
        // moved by half of the total change 2 − 2·0.6⁵ of z.
        double moved = (2 - 2 * Math.pow(0.6, 5)) / 2;
        assertMatrix(new double[][] {{1 + moved}}, trace(b).at("/layers/0/weights_after"), "w after");
        assertVector(new double[] {moved}, trace(b).at("/layers/0/bias_after"), "b after");
    }

    // ---- block 3: a hidden layer and a batch, against a plain-loop reference ------------------

    private static final double[][] X3 = {{1, 2}, {2, 1}}; // inputs × samples: samples (1, 2) and (2, 1)
    private static final double[][] T3 = {{1, 0}};

    private static Reference block3Reference() {
        return new Reference(X3, T3, 0.05, List.of(
                new RefLayer(new double[][] {{0.5, -0.5}, {0.25, 0.5}}, new double[] {0, 0.1}, true),
                new RefLayer(new double[][] {{1, -1}}, new double[] {0}, false)));
    }

    @Test
    void severalStepsLossesFallAndMatchTheReference() throws IOException {
        Element b = block(2);
        JsonNode losses = trace(b).get("losses");
        assertEquals(6, losses.size(), "steps + 1 losses");
        Reference ref = block3Reference();
        for (int k = 0; k <= 5; k++) {
            assertEquals(ref.loss(), losses.get(k).doubleValue(), EPS, "loss " + k);
            if (k > 0) {
                assertTrue(losses.get(k).doubleValue() < losses.get(k - 1).doubleValue(),
                        "loss " + k + " is below loss " + (k - 1) + ": " + losses);
            }
            if (k < 5) {
                ref.step();
            }
        }
        // The first loss by hand: sample 1 a1 = (ReLU(−0.5), ReLU(1.35)) = (0, 1.35), z2 = −1.35;
        // sample 2 a1 = (0.5, 1.1), z2 = −0.6. L = ((−1.35 − 1)² + (−0.6 − 0)²) / 2 = (5.5225 + 0.36) / 2
        assertEquals(2.94125, losses.get(0).doubleValue(), EPS);
    }

    @Test
    void lossTableShowsEveryLossOfTheTrace() throws IOException {
        Element b = block(2);
        JsonNode losses = trace(b).get("losses");
        Elements rows = b.select("table.loss-table tbody tr");
        assertEquals(6, rows.size());
        for (int k = 0; k < 6; k++) {
            Element row = rows.get(k);
            assertEquals(Integer.toString(k), row.selectFirst("th").text());
            Element value = row.selectFirst("[data-v=losses." + k + "]");
            assertNotNull(value, row.outerHtml());
            assertEquals(Figures.display(losses.get(k).doubleValue(), 4), value.text());
        }
    }

    @Test
    void lossPlotHasAMarkerPerStepAndALine() throws IOException {
        Element b = block(2);
        JsonNode losses = trace(b).get("losses");
        Elements plots = b.select("svg.loss-plot");
        assertEquals(1, plots.size());
        Element svg = plots.first();
        assertNotNull(svg.selectFirst("title"));
        assertEquals(6, svg.select("circle").size());
        String[] points = svg.selectFirst("polyline").attr("points").trim().split(" ");
        assertEquals(6, points.length);
        // The lower the loss, the lower the point: y grows downwards in SVG.
        for (int k = 1; k < 6; k++) {
            assertTrue(Double.parseDouble(points[k].split(",")[1]) > Double.parseDouble(points[k - 1].split(",")[1]),
                    String.join(" ", points));
        }
        String desc = svg.selectFirst("desc").text();
        assertTrue(desc.contains(Figures.display(losses.get(0).doubleValue(), 4)), desc);
        assertTrue(desc.contains(Figures.display(losses.get(5).doubleValue(), 4)), desc);
        assertTrue(desc.contains("5 steps"), desc);
    }

    @Test
    void weightsAfterSeveralStepsEqualAsManySingleStepsOfTheReference() throws IOException {
        Reference ref = block3Reference();
        for (int k = 0; k < 5; k++) {
            ref.step();
        }
        JsonNode t = trace(block(2));
        for (int l = 0; l < 2; l++) {
            assertMatrix(ref.layers.get(l).w, t.at("/layers/" + l + "/weights_after"), "W" + (l + 1) + " after");
            assertVector(ref.layers.get(l).b, t.at("/layers/" + l + "/bias_after"), "b" + (l + 1) + " after");
        }
        // and the page shows them after all the steps
        Element b = block(2);
        assertEquals(Figures.display(ref.layers.get(0).w[1][0], 4), figure(b, "layers.0.weights_after.1.0"));
        assertEquals(Figures.display(ref.layers.get(1).b[0], 4), figure(b, "layers.1.bias_after.0"));
    }

    @Test
    void gradientsOfTheFirstStepOfABatchMatchTheReference() throws IOException {
        Reference ref = block3Reference();
        List<double[][]> grads = ref.gradients();
        JsonNode t = trace(block(2));
        for (int l = 0; l < 2; l++) {
            assertMatrix(grads.get(2 * l), t.at("/layers/" + l + "/dW"), "dW" + (l + 1));
            assertVector(grads.get(2 * l + 1)[0], t.at("/layers/" + l + "/db"), "db" + (l + 1));
        }
        // A batch's weight gradient is summed over the samples, each sample a term.
        Element b = block(2);
        assertEquals(2, work(b, "layers.1.dW.0.0").split(" \\+ ").length, work(b, "layers.1.dW.0.0"));
    }

    // ---- block 4: cross-entropy on a softmax output ------------------------------------------

    @Test
    void crossEntropyGoesStraightToTheGradientOfZ() throws IOException {
        Element b = block(3);
        Element output = b.selectFirst("section.mlp-backward[data-layer=1]");
        assertTrue(output.select("[data-v^=layers.1.dA.], [data-work^=layers.1.dA.]").isEmpty(),
                "no ∂L/∂A for a softmax output under cross entropy");
        assertEquals(List.of("∂L/∂Z₂", "∂L/∂W₂", "∂L/∂b₂"), output.select("table.matrix-grad .matrix-symbol").eachText());
        // the hidden layer still goes through ∂L/∂A
        Element hidden = b.selectFirst("section.mlp-backward[data-layer=0]");
        assertEquals(4, hidden.select("[data-v^=layers.0.dA.]").size());

        JsonNode t = trace(b);
        double[][] a = matrix(t.at("/layers/1/a"));
        double[][] target = {{1, 0}, {0, 0}, {0, 1}};
        int m = 2;
        for (int r = 0; r < 3; r++) {
            for (int s = 0; s < m; s++) {
                double dz = (a[r][s] - target[r][s]) / m;
                String key = "layers.1.dZ." + r + "." + s;
                assertEquals(Figures.display(dz, 4), figure(b, key), key);
                String line = work(b, key);
                assertTrue(line.startsWith("∂L/∂z" + "₁₂₃".charAt(r) + " = (" + Figures.display(a[r][s], 4)
                        + " − " + (int) target[r][s] + ") / 2 "), line);
                assertTrue(line.endsWith(" " + Figures.display(dz, 4)), line);
            }
        }
    }

    @Test
    void crossEntropyTraceMatchesTheLossAndGradientsComputedFromItsActivations() throws IOException {
        JsonNode t = trace(block(3));
        double[][] a1 = matrix(t.at("/layers/0/a"));
        double[][] a2 = matrix(t.at("/layers/1/a"));
        // sample 1: z1 = (1, 0 − 1) = (1, −1), a1 = (1, 0); sample 2: z1 = (0, 2 − 1) = (0, 1), a1 = (0, 1)
        assertMatrix(new double[][] {{1, 0}, {0, 1}}, t.at("/layers/0/a"), "a1");
        // L = −(log a2[class 1, sample 1] + log a2[class 3, sample 2]) / 2
        assertEquals(-(Math.log(a2[0][0]) + Math.log(a2[2][1])) / 2, t.get("loss").doubleValue(), EPS);
        double[][] target = {{1, 0}, {0, 0}, {0, 1}};
        double[][] dW = new double[3][2];
        double[] db = new double[3];
        for (int u = 0; u < 3; u++) {
            for (int s = 0; s < 2; s++) {
                double dz = (a2[u][s] - target[u][s]) / 2;
                db[u] += dz;
                for (int k = 0; k < 2; k++) {
                    dW[u][k] += dz * a1[k][s];
                }
            }
        }
        assertMatrix(dW, t.at("/layers/1/dW"), "dW2");
        assertVector(db, t.at("/layers/1/db"), "db2");
        assertEquals("cross_entropy", t.get("loss_function").asText());
    }

    // ---- an independent reference: dense layers, ReLU or linear, MSE, plain loops ------------

    private static final class RefLayer {
        final double[][] w;
        final double[] b;
        final boolean relu;

        RefLayer(double[][] w, double[] b, boolean relu) {
            this.w = w;
            this.b = b;
            this.relu = relu;
        }
    }

    /** Full-batch gradient descent with MSE, written out with nothing from the main code. */
    private static final class Reference {
        final double[][] x;
        final double[][] t;
        final double eta;
        final List<RefLayer> layers;

        Reference(double[][] x, double[][] t, double eta, List<RefLayer> layers) {
            this.x = x;
            this.t = t;
            this.eta = eta;
            this.layers = layers;
        }

        /** The inputs of every layer, then the output: [in0, z0, a0, z1, a1, ...]. */
        private List<double[][]> forward() {
            List<double[][]> out = new ArrayList<>();
            double[][] in = x;
            int samples = x[0].length;
            for (RefLayer layer : layers) {
                double[][] z = new double[layer.w.length][samples];
                double[][] a = new double[layer.w.length][samples];
                for (int u = 0; u < layer.w.length; u++) {
                    for (int s = 0; s < samples; s++) {
                        double sum = layer.b[u];
                        for (int k = 0; k < in.length; k++) {
                            sum += layer.w[u][k] * in[k][s];
                        }
                        z[u][s] = sum;
                        a[u][s] = layer.relu ? Math.max(0, sum) : sum;
                    }
                }
                out.add(in);
                out.add(z);
                in = a;
            }
            out.add(in);
            return out;
        }

        double loss() {
            List<double[][]> f = forward();
            double[][] a = f.get(f.size() - 1);
            double sum = 0;
            for (int u = 0; u < a.length; u++) {
                for (int s = 0; s < a[0].length; s++) {
                    sum += (a[u][s] - t[u][s]) * (a[u][s] - t[u][s]);
                }
            }
            return sum / (a.length * a[0].length);
        }

        /** [dW0, {db0}, dW1, {db1}, ...] */
        List<double[][]> gradients() {
            List<double[][]> f = forward();
            double[][] a = f.get(f.size() - 1);
            int samples = a[0].length;
            double n = a.length * samples;
            double[][] dA = new double[a.length][samples];
            for (int u = 0; u < a.length; u++) {
                for (int s = 0; s < samples; s++) {
                    dA[u][s] = 2 * (a[u][s] - t[u][s]) / n;
                }
            }
            double[][][] grads = new double[2 * layers.size()][][];
            for (int l = layers.size() - 1; l >= 0; l--) {
                RefLayer layer = layers.get(l);
                double[][] in = f.get(2 * l);
                double[][] z = f.get(2 * l + 1);
                double[][] dZ = new double[z.length][samples];
                double[][] dW = new double[z.length][in.length];
                double[] db = new double[z.length];
                for (int u = 0; u < z.length; u++) {
                    for (int s = 0; s < samples; s++) {
                        dZ[u][s] = layer.relu && z[u][s] <= 0 ? 0 : dA[u][s];
                        db[u] += dZ[u][s];
                        for (int k = 0; k < in.length; k++) {
                            dW[u][k] += dZ[u][s] * in[k][s];
                        }
                    }
                }
                double[][] below = new double[in.length][samples];
                for (int k = 0; k < in.length; k++) {
                    for (int s = 0; s < samples; s++) {
                        for (int u = 0; u < z.length; u++) {
                            below[k][s] += layer.w[u][k] * dZ[u][s];
                        }
                    }
                }
                grads[2 * l] = dW;
                grads[2 * l + 1] = new double[][] {db};
                dA = below;
            }
            return List.of(grads);
        }

        void step() {
            List<double[][]> grads = gradients();
            for (int l = 0; l < layers.size(); l++) {
                RefLayer layer = layers.get(l);
                for (int u = 0; u < layer.w.length; u++) {
                    for (int k = 0; k < layer.w[u].length; k++) {
                        layer.w[u][k] -= eta * grads.get(2 * l)[u][k];
                    }
                    layer.b[u] -= eta * grads.get(2 * l + 1)[0][u];
                }
            }
        }
    }
}
