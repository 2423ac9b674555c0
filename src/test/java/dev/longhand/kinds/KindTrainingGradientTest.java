package dev.longhand.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.kinds.residual.Residual;
import dev.longhand.nn.BackwardTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.Stage;
import dev.longhand.nn.Trainer;
import dev.longhand.nn.Training;
import dev.longhand.render.TraceJson;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Training through every kind: the gradients nn's backpropagation gives random networks of
 * dense, attention, batch and layer norm, dropout, activation and residual layers (residuals
 * around any of them; mse, or cross entropy after a softmax of a dense or an activation layer) equal central finite differences of the loss, for every parameter and the
 * input; and the trace's {@code gradients} of every layer have the shape of the contract
 * reference's ({@code gradients(net, target, kind)} in network.py, run through {@link Reference}) and
 * its numbers.
 */
class KindTrainingGradientTest {

    private static final double H = 1e-6;

    /** |analytic − numeric| ≤ 1e-6 · (1 + |analytic|): far above a central difference's own error here. */
    private static boolean near(double analytic, double numeric) {
        return Math.abs(analytic - numeric) <= 1e-6 * (1 + Math.abs(analytic));
    }

    private static Matrix nudged(Matrix m, int r, int c, double by) {
        double[][] d = m.toArrays();
        d[r][c] += by;
        return Matrix.of(d);
    }

    private static Parameters nudged(Parameters parameters, String path, int r, int c, double by) {
        Parameters.Builder b = Parameters.builder();
        for (Parameters.Entry e : parameters.entries()) {
            Matrix value = e.path().equals(path) ? nudged(e.value(), r, c, by) : e.value();
            if (e.vector()) {
                b.vector(e.path(), value);
            } else {
                b.matrix(e.path(), value);
            }
        }
        return b.build();
    }

    private static double centralDifference(Function<Double, Double> lossAt) {
        return (lossAt.apply(H) - lossAt.apply(-H)) / (2 * H);
    }

    private static double loss(RandomStages.Case c, Network network, Matrix input) {
        return c.loss().value(network.forward(input), c.target());
    }

    private static List<RandomStages.Case> cases(long seed, int count, List<String> kinds) {
        Random random = new Random(seed);
        List<RandomStages.Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(new RandomStages(random, 1 + random.nextInt(3), kinds).next(1 + random.nextInt(3)));
        }
        return cases;
    }

    @Test
    void gradientsOfRandomNetworksOfEveryKindEqualCentralFiniteDifferences() {
        List<String> wrong = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        int checked = 0;
        for (RandomStages.Case c : cases(1606, 150, RandomStages.KINDS)) {
            Network network = c.network();
            BackwardTrace backward = network.forward(c.input()).backward(c.target(), c.loss());
            String where = c.loss().key() + " " + c.json();
            for (int s = 0; s < network.layers().size(); s++) {
                Stage stage = network.layers().get(s);
                kinds.add(stage.type());
                if (stage instanceof Residual residual) {
                    residual.layers().forEach(inner -> kinds.add("residual(" + inner.type() + ")"));
                }
                Parameters analytic = backward.layers().get(s).gradients();
                assertEquals(stage.parameters().toString(), analytic.toString(), "the gradients' paths are the parameters'");
                for (Parameters.Entry e : stage.parameters().entries()) {
                    for (int r = 0; r < e.value().rows(); r++) {
                        for (int col = 0; col < e.value().cols(); col++) {
                            int index = s;
                            int row = r;
                            int column = col;
                            double numeric = centralDifference(by -> {
                                List<Stage> changed = new ArrayList<>(network.layers());
                                changed.set(index, stage.withParameters(nudged(stage.parameters(), e.path(), row, column, by)));
                                return loss(c, network.withLayers(changed), c.input());
                            });
                            double a = analytic.get(e.path()).get(r, col);
                            checked++;
                            if (!near(a, numeric)) {
                                wrong.add("layer " + s + " " + e.path() + "[" + r + "][" + col + "]: backprop " + a
                                        + ", finite difference " + numeric + " in " + where);
                            }
                        }
                    }
                }
            }
            Matrix dInput = backward.layers().get(0).dInput();
            for (int r = 0; r < c.input().rows(); r++) {
                for (int col = 0; col < c.input().cols(); col++) {
                    int row = r;
                    int column = col;
                    double numeric = centralDifference(by -> loss(c, network, nudged(c.input(), row, column, by)));
                    if (!near(dInput.get(r, col), numeric)) {
                        wrong.add("input[" + r + "][" + col + "]: backprop " + dInput.get(r, col)
                                + ", finite difference " + numeric + " in " + where);
                    }
                }
            }
        }
        assertTrue(checked > 1000, "only " + checked + " gradients checked");
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + checked + " differ, e.g.\n"
                + String.join("\n", wrong.subList(0, Math.min(3, wrong.size()))));
        List<String> expected = new ArrayList<>(List.of("dense", "residual", "residual(dense)", "residual(attention)",
                "residual(layer_norm)"));
        expected.addAll(RandomStages.KINDS);
        for (String kind : expected) {
            assertTrue(kinds.contains(kind), "no random network has " + kind + " among " + kinds);
        }
    }

    // ---- the trace against the reference -------------------------------------------------------

    private static final String DRIVER = """
            import json, sys
            sys.path.insert(0, sys.argv[1])
            import numpy as np
            import network

            def plain(x):
                if isinstance(x, np.ndarray):
                    return x.tolist()
                if isinstance(x, dict):
                    return {k: plain(v) for k, v in x.items()}
                if isinstance(x, list):
                    return [plain(v) for v in x]
                return x

            out = [plain(network.gradients(c["net"], c["target"], c["loss"])) for c in json.load(sys.stdin)]
            json.dump(out, sys.stdout)
            """;

    /** The reference's gradients of every case. */
    private static JsonNode runReference(String casesJson) throws Exception {
        Process process = new ProcessBuilder("python3", "-c", DRIVER, Reference.network().getParent().toString()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(casesJson.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the reference finishes");
        assertEquals(0, process.exitValue(), () -> "the reference failed: " + err);
        return new ObjectMapper().readTree(out);
    }

    @Test
    void theTracesGradientsHaveTheReferencesShapeAndNumbers() throws Exception {
        Reference.assumePythonWithNumpy();
        // A kind joins when the trace writer knows it (kinds.Kinds lists it).
        List<String> known = RandomStages.KINDS.stream().filter(k -> Kinds.sheets().find(k).isPresent()).toList();
        List<RandomStages.Case> cases = cases(2612, 40, known);
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (RandomStages.Case c : cases) {
            json.add("{\"net\":" + c.json() + ",\"target\":" + dev.longhand.kinds.attention.AttentionJson.matrix(c.target())
                    + ",\"loss\":\"" + c.loss().key() + "\"}");
        }
        JsonNode result = runReference(json.toString());
        ObjectMapper mapper = new ObjectMapper();
        List<String> wrong = new ArrayList<>();
        Set<String> compared = new TreeSet<>();
        for (int i = 0; i < cases.size(); i++) {
            RandomStages.Case c = cases.get(i);
            Training training = new Training(c.target(), c.loss(), 0.1, 1);
            String trace = TraceJson.write(c.network().forward(c.input()), Optional.of(training),
                    Optional.of(Trainer.train(c.network(), c.input(), training)), Kinds.sheets());
            JsonNode layers = mapper.readTree(trace).get("layers");
            JsonNode expected = result.get(i);
            assertEquals(expected.size(), layers.size());
            for (int l = 0; l < layers.size(); l++) {
                String where = "case " + i + " layer " + l + " " + c.json();
                JsonNode gradients = layers.get(l).get("gradients");
                if (gradients == null && layers.get(l).has("dW")) {
                    // A network of dense layers only keeps the trace of the first lessons: dW and db.
                    gradients = mapper.createObjectNode().set("weights", layers.get(l).get("dW"));
                    ((com.fasterxml.jackson.databind.node.ObjectNode) gradients).set("bias", layers.get(l).get("db"));
                    compare(expected.get(l), gradients, where + " dW, db", wrong);
                    continue;
                }
                if (gradients == null) {
                    assertTrue(!hasTensor(expected.get(l)), where + ": the reference has gradients, the trace none");
                    continue;
                }
                compare(expected.get(l), gradients, where + " gradients", wrong);
                compared.add(layers.get(l).get("type").asText());
                sameShape(gradients, layers.get(l).get("after"), where + " after", wrong);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " differ, e.g.\n" + String.join("\n", wrong.subList(0, Math.min(5, wrong.size()))));
        List<String> expected = new ArrayList<>(List.of("dense", "residual"));
        known.stream().filter(k -> !k.equals("dropout") && !k.equals("activation")).forEach(expected::add);
        for (String kind : expected) {
            assertTrue(compared.contains(kind), "no " + kind + " layer's gradients compared, only " + compared);
        }
    }

    private static boolean isTensor(JsonNode node) {
        return node.isArray() && node.size() > 0 && (node.get(0).isNumber() || node.get(0).isArray());
    }

    private static boolean hasTensor(JsonNode node) {
        if (isTensor(node)) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasTensor(child)) {
                return true;
            }
        }
        return false;
    }

    /** The same tree (keys in any order), tensors of one shape whose entries agree to 1e-5 · (1 + |reference|). */
    private static void compare(JsonNode expected, JsonNode actual, String where, List<String> wrong) {
        if (isTensor(expected) || expected.isNumber()) {
            if (expected.isNumber()) {
                if (!actual.isNumber() || Math.abs(expected.asDouble() - actual.asDouble()) > 1e-5 * (1 + Math.abs(expected.asDouble()))) {
                    wrong.add(where + ": reference " + expected + ", trace " + actual);
                }
                return;
            }
            if (!actual.isArray() || actual.size() != expected.size()) {
                wrong.add(where + ": reference " + expected + ", trace " + actual);
                return;
            }
            for (int k = 0; k < expected.size(); k++) {
                compare(expected.get(k), actual.get(k), where + "[" + k + "]", wrong);
            }
            return;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                wrong.add(where + ": reference " + expected + ", trace " + actual);
                return;
            }
            for (int k = 0; k < expected.size(); k++) {
                compare(expected.get(k), actual.get(k), where + "." + k, wrong);
            }
            return;
        }
        Set<String> keys = new TreeSet<>();
        expected.fieldNames().forEachRemaining(keys::add);
        Set<String> got = new TreeSet<>();
        actual.fieldNames().forEachRemaining(got::add);
        if (!keys.equals(got)) {
            wrong.add(where + ": reference keys " + keys + ", trace " + got);
            return;
        }
        for (String k : keys) {
            compare(expected.get(k), actual.get(k), where + "." + k, wrong);
        }
    }

    /** Two trees of one form: the same keys in the same order, lists of the same lengths. */
    private static void sameShape(JsonNode a, JsonNode b, String where, List<String> wrong) {
        if (b == null || a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            wrong.add(where + ": " + a + " and " + b);
            return;
        }
        if (a.isObject()) {
            Iterator<String> x = a.fieldNames();
            Iterator<String> y = b.fieldNames();
            while (x.hasNext()) {
                String k = x.next();
                if (!k.equals(y.next())) {
                    wrong.add(where + ": keys " + a.fieldNames() + " and " + b.fieldNames());
                    return;
                }
                sameShape(a.get(k), b.get(k), where + "." + k, wrong);
            }
        } else if (a.isArray()) {
            for (int k = 0; k < a.size(); k++) {
                sameShape(a.get(k), b.get(k), where + "." + k, wrong);
            }
        }
    }
}
