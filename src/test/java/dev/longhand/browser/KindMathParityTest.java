package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.kinds.activation.ActivationGradients;
import dev.longhand.kinds.activation.ActivationLayer;
import dev.longhand.kinds.activation.ActivationTrace;
import dev.longhand.kinds.dropout.Dropout;
import dev.longhand.kinds.dropout.DropoutTrace;
import dev.longhand.kinds.norm.EpsilonPlacement;
import dev.longhand.kinds.norm.NormAxis;
import dev.longhand.kinds.norm.NormGradients;
import dev.longhand.kinds.norm.NormSettings;
import dev.longhand.kinds.norm.NormTrace;
import dev.longhand.kinds.norm.Normalization;
import dev.longhand.kinds.norm.VarianceMode;
import dev.longhand.nn.Activation;
import dev.longhand.kinds.Lists;
import dev.longhand.nn.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page script's files of the activation, norm and dropout kinds compute, bit for bit, what
 * their Java stages compute: for a few hundred random layers of each kind (fixed seeds), the
 * layer in the trace's form and its input and dA go to the page as JSON, its forward and
 * backward results come back as JSON, and every number's bits are compared with the Java
 * trace's and gradients'. Numbers travel as text both ways (Java's Double.toString and
 * JavaScript's shortest form both read back exactly); −0, NaN and the infinities, which JSON
 * cannot hold, travel as strings.
 */
@ExtendWith(BrowserAvailable.class)
class KindMathParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = 200;

    /** Runs every case through its kind's forward and backward (and backwardFromLogits if asked). */
    private static final String RUN = """
            var cases = JSON.parse(arguments[0]);
            var out = cases.map(function (c) {
              var kind = Longhand.kinds[c.layer.type];
              var trace = kind.forward(c.layer, c.input);
              var result = { forward: trace, backward: kind.backward(c.layer, trace, c.dA) };
              if (c.dLogits) {
                result.endsInSoftmax = kind.endsInSoftmax(c.layer);
                result.logits = kind.logits(c.layer, trace);
                result.fromLogits = kind.backwardFromLogits(c.layer, trace, c.dA, c.dLogits);
              }
              return result;
            });
            return JSON.stringify(out, function (key, v) {
              if (typeof v !== 'number') { return v; }
              return Object.is(v, -0) ? '-0' : isFinite(v) ? v : String(v);
            });
            """;

    private static Browser browser;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        browser.open(TestSite.withExactMath(temp));
        assertEquals(Boolean.TRUE, browser.js("return typeof window.LonghandMath === 'object';"));
        Path assets = Path.of(System.getProperty("longhand.repo", ".")).resolve("templates/assets");
        for (String file : List.of("longhand-activation.js", "longhand-norm.js", "longhand-dropout.js")) {
            browser.js(Files.readString(assets.resolve(file)));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyKindRegistersItself() {
        assertEquals(List.of("activation", "batch_norm", "dropout", "layer_norm"), browser.js(
                "return ['activation', 'batch_norm', 'dropout', 'layer_norm'].filter(function (k) {"
                        + " return typeof Longhand.kinds[k].forward === 'function'"
                        + " && typeof Longhand.kinds[k].backward === 'function'; });"));
    }

    // ---- cases ---------------------------------------------------------------------------------

    /** One layer for the page, and what the Java stage says about it. */
    private record Case(Map<String, Object> json, BiConsumer<JsonNode, Bits> check) {
    }

    /** The differing numbers of a run, by where they are. */
    private static final class Bits {
        final List<String> wrong = new ArrayList<>();
        int compared;
        String where = "";

        void same(Matrix expected, JsonNode actual, String what) {
            if (actual == null || actual.size() != expected.rows()) {
                wrong.add(where + what + ": expected " + expected.shape() + ", the page gave " + actual);
                return;
            }
            for (int r = 0; r < expected.rows(); r++) {
                JsonNode row = actual.get(r);
                if (row.size() != expected.cols()) {
                    wrong.add(where + what + " row " + r + ": " + row.size() + " values, expected " + expected.cols());
                    continue;
                }
                for (int c = 0; c < expected.cols(); c++) {
                    same(expected.get(r, c), row.get(c), what + " (" + r + ", " + c + ")");
                }
            }
        }

        void sameFlat(Matrix column, JsonNode actual, String what) {
            if (actual == null || actual.size() != column.rows()) {
                wrong.add(where + what + ": expected " + column.rows() + " values, the page gave " + actual);
                return;
            }
            for (int r = 0; r < column.rows(); r++) {
                same(column.get(r, 0), actual.get(r), what + " " + r);
            }
        }

        private void same(double expected, JsonNode actual, String what) {
            compared++;
            double got = actual.isNumber() ? actual.doubleValue() : Double.parseDouble(actual.asText());
            if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(got)) {
                wrong.add(where + what + ": Java " + expected + ", page " + actual);
            }
        }
    }

    private static void assertPageAgrees(List<Case> cases) throws JsonProcessingException {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Case c : cases) {
            json.add(c.json());
        }
        JsonNode results = JSON.readTree((String) browser.js(RUN, JSON.writeValueAsString(json)));
        assertEquals(cases.size(), results.size());
        Bits bits = new Bits();
        for (int i = 0; i < cases.size(); i++) {
            bits.where = "case " + i + " " + cases.get(i).json().get("layer") + ": ";
            cases.get(i).check().accept(results.get(i), bits);
        }
        assertTrue(bits.compared > 1000, "compared only " + bits.compared + " numbers");
        assertTrue(bits.wrong.isEmpty(), bits.wrong.size() + " of " + bits.compared + " numbers differ, e.g. "
                + bits.wrong.subList(0, Math.min(4, bits.wrong.size())));
    }

    private static List<List<Double>> rows(Matrix m) {
        return Lists.rows(m);
    }

    private static List<Double> flat(Matrix column) {
        return Lists.flat(column);
    }

    /** A number a lesson or a training step may give: mostly real, some whole, some signed zeros and extremes. */
    private static double number(Random random, double scale) {
        return switch (random.nextInt(12)) {
            case 0 -> random.nextInt(7) - 3;
            case 1 -> random.nextBoolean() ? 0.0 : -0.0;
            case 2 -> (random.nextDouble() - 0.5) * 1e-9;
            case 3 -> (random.nextDouble() - 0.5) * 1600;
            default -> (random.nextDouble() - 0.5) * 2 * scale;
        };
    }

    private static Matrix matrix(Random random, int rows, int cols, double scale) {
        double[][] values = new double[rows][cols];
        for (double[] row : values) {
            for (int c = 0; c < cols; c++) {
                row[c] = number(random, scale);
            }
        }
        return Matrix.of(values);
    }

    private static Map<String, Object> caseJson(Map<String, Object> layer, Matrix input, Matrix dA) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("layer", layer);
        json.put("input", rows(input));
        json.put("dA", rows(dA));
        return json;
    }

    // ---- the kinds -----------------------------------------------------------------------------

    @Test
    void activationLayersOfEveryFunction() throws JsonProcessingException {
        Random random = new Random(202612061);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Activation f = Activation.values()[i % Activation.values().length];
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(5);
            Matrix x = matrix(random, rows, cols, 6);
            Matrix dA = matrix(random, rows, cols, 2);
            ActivationLayer layer = new ActivationLayer("Layer " + i, f);
            ActivationTrace t = layer.forward(x);
            ActivationGradients g = layer.backward(t, dA);
            Map<String, Object> json = caseJson(Map.of("type", "activation", "name", layer.name(), "activation", f.key()), x, dA);
            Matrix dLogits = f == Activation.SOFTMAX ? matrix(random, rows, cols, 1) : null;
            if (dLogits != null) {
                json.put("dLogits", rows(dLogits));
            }
            cases.add(new Case(json, (page, bits) -> {
                bits.same(t.a(), page.get("forward").get("a"), "a");
                bits.same(t.input(), page.get("forward").get("input"), "input");
                bits.same(g.dInput(), page.get("backward").get("dInput"), "dInput");
                if (dLogits != null) {
                    assertTrue(page.get("endsInSoftmax").asBoolean());
                    bits.same(t.logits(), page.get("logits"), "logits");
                    bits.same(layer.backwardFromLogits(t, dA, dLogits).dInput(), page.get("fromLogits").get("dInput"),
                            "dInput from the logits");
                }
            }));
        }
        assertPageAgrees(cases);
    }

    @Test
    void batchNormLayersInEveryMode() throws JsonProcessingException {
        assertPageAgrees(normCases(NormAxis.BATCH, new Random(202612062)));
    }

    @Test
    void layerNormLayersInEveryMode() throws JsonProcessingException {
        assertPageAgrees(normCases(NormAxis.LAYER, new Random(202612063)));
    }

    private static List<Case> normCases(NormAxis axis, Random random) {
        List<Case> cases = new ArrayList<>();
        double[] epsilons = {1e-5, 0.001, 0.5, 2, 0};
        for (int i = 0; i < CASES; i++) {
            VarianceMode variance = VarianceMode.values()[i % 2];
            EpsilonPlacement placement = EpsilonPlacement.values()[(i / 2) % 2];
            double epsilon = epsilons[random.nextInt(epsilons.length)];
            int least = variance == VarianceMode.UNBIASED ? 2 : 1;
            int rows = (axis == NormAxis.LAYER ? least : 1) + random.nextInt(6);
            int cols = (axis == NormAxis.BATCH ? least : 1) + random.nextInt(6);
            double[][] x = matrix(random, rows, cols, 4).toArrays();
            if (i % 7 == 0) {
                // a group of equal numbers: variance 0, the denominator ε alone
                for (int k = 0; k < (axis == NormAxis.BATCH ? cols : rows); k++) {
                    if (axis == NormAxis.BATCH) {
                        x[0][k] = 2.5;
                    } else {
                        x[k][0] = 2.5;
                    }
                }
            }
            Matrix input = Matrix.of(x);
            Matrix dA = matrix(random, rows, cols, 2);
            Normalization norm = new Normalization(axis, "Norm " + i, matrix(random, rows, 1, 2), matrix(random, rows, 1, 2),
                    new NormSettings(epsilon, variance, placement));
            NormTrace t = norm.forward(input);
            NormGradients g = norm.backward(t, dA);
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("type", axis.type());
            layer.put("name", norm.name());
            layer.put("gamma", flat(norm.gamma()));
            layer.put("beta", flat(norm.beta()));
            layer.put("epsilon", epsilon);
            layer.put("variance_mode", variance.key());
            layer.put("epsilon_added_to", placement.key());
            cases.add(new Case(caseJson(layer, input, dA), (page, bits) -> {
                JsonNode forward = page.get("forward");
                bits.sameFlat(t.mean(), forward.get("mean"), "mean");
                bits.sameFlat(t.variance(), forward.get("variance"), "variance");
                bits.same(t.normalized(), forward.get("normalized"), "normalized");
                bits.same(t.a(), forward.get("a"), "a");
                JsonNode backward = page.get("backward");
                bits.same(g.dInput(), backward.get("dInput"), "dInput");
                bits.same(g.dA(), backward.get("dA"), "dA");
                bits.sameFlat(g.dGamma(), backward.get("gradients").get("gamma"), "dgamma");
                bits.sameFlat(g.dBeta(), backward.get("gradients").get("beta"), "dbeta");
            }));
        }
        return cases;
    }

    @Test
    void dropoutLayers() throws JsonProcessingException {
        Random random = new Random(202612064);
        double[] ps = {0.0, 0.1, 0.2, 0.25, 0.5, 0.9};
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            double p = i % 3 == 0 ? random.nextDouble() * 0.99 : ps[random.nextInt(ps.length)];
            long seed = random.nextLong();
            Dropout dropout = Dropout.seeded("Dropout " + i, p, seed, rows, cols);
            Matrix x = matrix(random, rows, cols, 5);
            Matrix dA = matrix(random, rows, cols, 2);
            DropoutTrace t = dropout.forward(x);
            Matrix dInput = dropout.backward(t, dA).dInput();
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("type", "dropout");
            layer.put("name", dropout.name());
            layer.put("p", p);
            layer.put("mask", rows(dropout.mask()));
            layer.put("seed", seed);
            cases.add(new Case(caseJson(layer, x, dA), (page, bits) -> {
                bits.same(t.a(), page.get("forward").get("a"), "a");
                bits.same(t.mask(), page.get("forward").get("mask"), "mask");
                bits.same(dInput, page.get("backward").get("dInput"), "dInput");
            }));
        }
        assertPageAgrees(cases);
    }
}
