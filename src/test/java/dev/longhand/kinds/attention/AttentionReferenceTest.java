package dev.longhand.kinds.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.nn.Matrix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The attention kind gives the numbers of the contract's reference, {@code attention(L, x)} in
 * {@code shared/reference/network.py} (NumPy), for random layers of every form: every head's
 * q, k, v, scores, weights and z, and a, each within 1e-12 of the reference relative to the
 * largest entry of its matrix (NumPy's products may add in another order). Masked scores are
 * −∞ in both. Skipped, saying why, where python3, NumPy or the reference is missing.
 *
 * <p>The reference is found through {@code -Dlonghand.reference=PATH}, or as
 * {@code shared/reference/network.py} beside the working directory or one of its parents.
 */
class AttentionReferenceTest {

    private static final String DRIVER = """
            import json, math, sys
            sys.path.insert(0, sys.argv[1])
            import numpy as np
            import network

            def rows(m):
                return [[None if v == -math.inf else float(v) for v in row] for row in np.asarray(m, float).tolist()]

            out = []
            for case in json.load(sys.stdin):
                r = network.attention(case["layer"], np.asarray(case["input"], float))
                out.append({"heads": [{k: rows(v) for k, v in h.items()} for h in r["heads"]], "a": rows(r["a"])})
            json.dump(out, sys.stdout)
            """;

    private static Optional<Path> reference() {
        String given = System.getProperty("longhand.reference");
        return Optional.of(given != null ? Path.of(given) : dev.longhand.kinds.Reference.network())
                .filter(Files::isRegularFile);
    }

    /** Runs the driver on the cases; empty when python3 or NumPy cannot run at all. */
    private static Optional<JsonNode> runReference(Path network, String casesJson) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c", DRIVER, network.getParent().toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(casesJson.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the reference finishes");
        if (process.exitValue() != 0 && err.contains("No module named 'numpy'")) {
            return Optional.empty();
        }
        assertEquals(0, process.exitValue(), () -> "the reference failed: " + err);
        return Optional.of(new ObjectMapper().readTree(out));
    }

    @Test
    void randomLayersOfEveryFormGiveTheReferencesNumbers() throws Exception {
        dev.longhand.kinds.Reference.assumePythonWithNumpy();
        Optional<Path> network = reference();
        assumeTrue(network.isPresent(), "no reference network.py found (set -Dlonghand.reference=PATH)");
        List<RandomAttention.Case> cases = new RandomAttention(2026).cases(240);
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (RandomAttention.Case c : cases) {
            json.add("{\"layer\":" + AttentionJson.layer(c.layer()) + ",\"input\":" + AttentionJson.matrix(c.input()) + "}");
        }
        Optional<JsonNode> result = runReference(network.get(), json.toString());
        assumeTrue(result.isPresent(), "python3 with NumPy is needed to run the reference");

        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            RandomAttention.Case c = cases.get(i);
            AttentionTrace trace = c.layer().forward(c.input());
            JsonNode expected = result.get().get(i);
            String where = "case " + i + " " + AttentionJson.layer(c.layer()) + " on " + AttentionJson.matrix(c.input());
            assertEquals(expected.get("heads").size(), trace.heads().size(), where);
            for (int h = 0; h < trace.heads().size(); h++) {
                for (Map.Entry<String, Matrix> field : fields(trace.heads().get(h)).entrySet()) {
                    compare(expected.get("heads").get(h).get(field.getKey()), field.getValue(),
                            where + " head " + h + " " + field.getKey(), wrong);
                }
            }
            compare(expected.get("a"), trace.a(), where + " a", wrong);
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " differ, e.g. " + wrong.subList(0, Math.min(3, wrong.size())));
    }

    private static Map<String, Matrix> fields(HeadTrace head) {
        if (head instanceof HeadTrace.Scored s) {
            return Map.of("q", s.q(), "k", s.k(), "v", s.v(), "scores", s.scores(), "weights", s.weights(), "z", s.z());
        }
        return Map.of("v", head.v(), "weights", head.weights(), "z", head.z());
    }

    private static void compare(JsonNode expected, Matrix actual, String where, List<String> wrong) {
        if (expected == null) {
            wrong.add(where + ": not in the reference's result");
            return;
        }
        if (expected.size() != actual.rows() || expected.get(0).size() != actual.cols()) {
            wrong.add(where + ": reference " + expected.size() + "×" + expected.get(0).size() + ", Java " + actual.shape());
            return;
        }
        double largest = 1;
        for (JsonNode row : expected) {
            for (JsonNode v : row) {
                if (!v.isNull()) {
                    largest = Math.max(largest, Math.abs(v.asDouble()));
                }
            }
        }
        for (int r = 0; r < actual.rows(); r++) {
            for (int c = 0; c < actual.cols(); c++) {
                JsonNode e = expected.get(r).get(c);
                double a = actual.get(r, c);
                boolean same = e.isNull() ? a == Double.NEGATIVE_INFINITY
                        : Math.abs(e.asDouble() - a) <= 1e-12 * largest;
                if (!same) {
                    wrong.add(where + "[" + r + "][" + c + "]: reference " + e + ", Java " + a);
                }
            }
        }
    }
}
