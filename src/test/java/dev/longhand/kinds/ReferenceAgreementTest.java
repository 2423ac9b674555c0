package dev.longhand.kinds;

import static dev.longhand.kinds.CentralDifferences.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.kinds.activation.ActivationLayer;
import dev.longhand.kinds.activation.ActivationTrace;
import dev.longhand.kinds.dropout.Dropout;
import dev.longhand.kinds.dropout.DropoutTrace;
import dev.longhand.kinds.norm.EpsilonPlacement;
import dev.longhand.kinds.norm.NormAxis;
import dev.longhand.kinds.norm.NormSettings;
import dev.longhand.kinds.norm.NormTrace;
import dev.longhand.kinds.norm.Normalization;
import dev.longhand.kinds.norm.VarianceMode;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Matrix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kinds compute the numbers of the contract's reference, {@code ../shared/reference/network.py}
 * (NumPy): random layers of each kind go to the script on its stdin as layers in the block's
 * form, and every number it gives back agrees with ours to 1e-12, relative. Skipped, saying
 * why, where python3, NumPy or the script is missing.
 */
class ReferenceAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-12;

    /** Runs each case's layer through the reference's function for its type. */
    private static final String DRIVER = """
            import json, sys
            sys.path.insert(0, sys.argv[1])
            import numpy as np
            import network as ref
            out = []
            for case in json.load(sys.stdin):
                result = ref.KINDS[case["layer"]["type"]](case["layer"], np.asarray(case["input"], float))
                out.append({key: np.asarray(value, float).tolist() for key, value in result.items()})
            json.dump(out, sys.stdout)
            """;

    private static Path reference;

    @TempDir
    static Path temp;

    @BeforeAll
    static void findTheReference() throws InterruptedException {
        reference = Reference.network();
        Reference.assumePythonWithNumpy();
    }

    /** One layer in the block's form and the input it gets. */
    private record Case(Map<String, Object> layer, Matrix input) {
    }

    private static List<List<Double>> rows(Matrix m) {
        return Lists.rows(m);
    }

    private static List<Double> flat(Matrix column) {
        return Lists.flat(column);
    }

    private static JsonNode runReference(List<Case> cases) throws IOException, InterruptedException {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Case c : cases) {
            json.add(Map.of("layer", c.layer(), "input", rows(c.input())));
        }
        Path errors = temp.resolve("stderr.txt");
        Process python = new ProcessBuilder("python3", "-c", DRIVER, reference.getParent().toString())
                .redirectError(errors.toFile()).start();
        try (OutputStream in = python.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(json));
        }
        byte[] out = python.getInputStream().readAllBytes();
        assertTrue(python.waitFor(120, TimeUnit.SECONDS), "the reference did not finish");
        assertEquals(0, python.exitValue(), () -> "the reference failed: " + read(errors));
        return JSON.readTree(new String(out, StandardCharsets.UTF_8));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void assertAgrees(JsonNode expected, Matrix actual, String what, List<String> wrong) {
        if (expected.size() != actual.rows() || expected.get(0).size() != actual.cols()) {
            wrong.add(what + ": the reference gives " + expected.size() + "×" + expected.get(0).size() + ", we " + actual.shape());
            return;
        }
        for (int r = 0; r < actual.rows(); r++) {
            for (int c = 0; c < actual.cols(); c++) {
                agree(expected.get(r).get(c).doubleValue(), actual.get(r, c), what + " (" + r + ", " + c + ")", wrong);
            }
        }
    }

    private static void assertAgreesFlat(JsonNode expected, Matrix column, String what, List<String> wrong) {
        if (expected.size() != column.rows()) {
            wrong.add(what + ": the reference gives " + expected.size() + " values, we " + column.rows());
            return;
        }
        for (int r = 0; r < column.rows(); r++) {
            agree(expected.get(r).doubleValue(), column.get(r, 0), what + " " + r, wrong);
        }
    }

    private static void agree(double expected, double actual, String what, List<String> wrong) {
        if (!(Math.abs(expected - actual) <= TOLERANCE * Math.abs(expected)) && expected != actual) {
            wrong.add(what + ": reference " + expected + ", ours " + actual);
        }
    }

    private static void assertNothingWrong(List<String> wrong, int cases) {
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " numbers of " + cases + " layers disagree, e.g. " + wrong.subList(0, Math.min(5, wrong.size())));
        }
    }

    @Test
    void normLayersInEveryModeAgree() throws Exception {
        Random random = new Random(1206);
        List<Case> cases = new ArrayList<>();
        List<Normalization> layers = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            NormAxis axis = NormAxis.values()[i % 2];
            VarianceMode variance = VarianceMode.values()[(i / 2) % 2];
            EpsilonPlacement placement = EpsilonPlacement.values()[(i / 4) % 2];
            double epsilon = new double[] {1e-5, 0.001, 0.5, 2}[(i / 8) % 4];
            int rows = 2 + random.nextInt(5);
            int cols = 2 + random.nextInt(5);
            Normalization norm = new Normalization(axis, "N", uniform(random, rows, 1, -2, 2), uniform(random, rows, 1, -2, 2),
                    new NormSettings(epsilon, variance, placement));
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("type", axis.type());
            layer.put("gamma", flat(norm.gamma()));
            layer.put("beta", flat(norm.beta()));
            layer.put("epsilon", epsilon);
            layer.put("variance", variance.key());
            layer.put("epsilon_added_to", placement.key());
            cases.add(new Case(layer, uniform(random, rows, cols, -5, 5)));
            layers.add(norm);
        }
        JsonNode results = runReference(cases);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            NormTrace t = layers.get(i).forward(cases.get(i).input());
            JsonNode r = results.get(i);
            Map<String, Object> layer = cases.get(i).layer();
            String what = "layer " + i + " (" + layer.get("type") + ", " + layer.get("variance") + ", ε " + layer.get("epsilon")
                    + " added to " + layer.get("epsilon_added_to") + ")";
            assertAgreesFlat(r.get("mean"), t.mean(), what + " mean", wrong);
            assertAgreesFlat(r.get("variance"), t.variance(), what + " variance", wrong);
            assertAgrees(r.get("normalized"), t.normalized(), what + " normalized", wrong);
            assertAgrees(r.get("a"), t.a(), what + " a", wrong);
        }
        assertNothingWrong(wrong, cases.size());
    }

    @Test
    void dropoutLayersAgree() throws Exception {
        Random random = new Random(1207);
        List<Case> cases = new ArrayList<>();
        List<Dropout> layers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            double p = i % 4 == 0 ? 0.5 : random.nextDouble() * 0.95;
            Dropout dropout = Dropout.seeded("D", p, random.nextLong(), rows, cols);
            cases.add(new Case(Map.of("type", "dropout", "p", p, "mask", rows(dropout.mask())), uniform(random, rows, cols, -5, 5)));
            layers.add(dropout);
        }
        JsonNode results = runReference(cases);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            DropoutTrace t = layers.get(i).forward(cases.get(i).input());
            assertAgrees(results.get(i).get("a"), t.a(), "layer " + i + " a", wrong);
            assertAgrees(results.get(i).get("mask"), t.mask(), "layer " + i + " mask", wrong);
        }
        assertNothingWrong(wrong, cases.size());
    }

    @Test
    void activationLayersOfEveryFunctionAgree() throws Exception {
        Random random = new Random(1208);
        List<Case> cases = new ArrayList<>();
        List<ActivationLayer> layers = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            Activation f = Activation.values()[i % Activation.values().length];
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            cases.add(new Case(Map.of("type", "activation", "activation", f.key()), uniform(random, rows, cols, -6, 6)));
            layers.add(new ActivationLayer("F", f));
        }
        JsonNode results = runReference(cases);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ActivationTrace t = layers.get(i).forward(cases.get(i).input());
            assertAgrees(results.get(i).get("a"), t.a(), "layer " + i + " " + cases.get(i).layer(), wrong);
        }
        assertNothingWrong(wrong, cases.size());
    }
}
