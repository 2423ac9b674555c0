package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.kinds.attention.AttentionGradients;
import dev.longhand.kinds.attention.AttentionJson;
import dev.longhand.kinds.attention.AttentionTrace;
import dev.longhand.kinds.attention.GivenWeightsAttention;
import dev.longhand.kinds.attention.HeadGradients;
import dev.longhand.kinds.attention.HeadTrace;
import dev.longhand.kinds.attention.RandomAttention;
import dev.longhand.kinds.attention.SelfAttention;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page script's attention ({@code templates/assets/longhand-attention.js}) gives, bit for bit,
 * what the build's {@code dev.longhand.kinds.attention} gives: the forward pass (q, k, v, scores
 * with null where masked, weights, z, stacked, a) and the backward pass (dInput, every head's
 * intermediate gradients, every parameter's gradient) of 204 random layers of every form.
 * Numbers travel as text both ways, so nothing on the way rounds them and −0 keeps its sign.
 */
@ExtendWith(BrowserAvailable.class)
class AttentionMathParityTest {

    private static Browser browser;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        browser.open(TestSite.withExactMath(temp));
        Path script = Path.of(System.getProperty("longhand.repo", ".")).resolve("templates/assets/longhand-attention.js");
        browser.js(Files.readString(script, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** Runs every case's forward and backward pass in the page; odd cases get a trace read back from JSON. */
    private static final String RUN = """
            const show = v => Object.is(v, -0) ? '-0' : String(v);
            const attention = window.Longhand.kinds.attention;
            const cases = JSON.parse(arguments[0]);
            return JSON.stringify(cases.map((c, i) => {
              const trace = attention.forward(c.layer, c.input);
              const given = i % 2 === 1 ? JSON.parse(JSON.stringify(trace)) : trace;
              if (i % 2 === 1) { delete given.stacked; }
              return { forward: trace, backward: attention.backward(c.layer, given, c.dA) };
            }), (key, v) => typeof v === 'number' ? show(v) : v);
            """;

    @Test
    void theScriptRegistersTheAttentionKindOnAPageWithExactMath() {
        assertEquals(Boolean.TRUE, browser.js("return typeof window.LonghandMath === 'object'"
                + " && typeof window.Longhand.kinds.attention.forward === 'function'"
                + " && typeof window.Longhand.kinds.attention.backward === 'function';"));
    }

    @Test
    void forwardAndBackwardOfRandomLayersMatchTheBuildBitForBit() throws IOException {
        List<RandomAttention.Case> cases = new RandomAttention(20261206).cases(204);
        Random random = new Random(77);
        List<Matrix> dAs = new ArrayList<>();
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (RandomAttention.Case c : cases) {
            Matrix a = c.layer().forward(c.input()).a();
            Matrix dA = dA(random, a.rows(), a.cols());
            dAs.add(dA);
            json.add("{\"layer\":" + AttentionJson.layer(c.layer()) + ",\"input\":" + AttentionJson.matrix(c.input())
                    + ",\"dA\":" + AttentionJson.matrix(dA) + "}");
        }
        JsonNode page = new ObjectMapper().readTree((String) browser.js(RUN, json.toString()));

        List<String> wrong = new ArrayList<>();
        int numbers = 0;
        for (int i = 0; i < cases.size(); i++) {
            RandomAttention.Case c = cases.get(i);
            AttentionTrace trace = c.layer().forward(c.input());
            AttentionGradients g = c.layer().backward(trace, dAs.get(i));
            Checker check = new Checker("case " + i + " " + AttentionJson.layer(c.layer()), wrong);
            JsonNode forward = page.get(i).get("forward");
            JsonNode backward = page.get(i).get("backward");

            check.matrix("input", c.input(), forward.get("input"));
            for (int h = 0; h < trace.heads().size(); h++) {
                HeadTrace head = trace.heads().get(h);
                JsonNode js = forward.get("heads").get(h);
                if (head instanceof HeadTrace.Scored s) {
                    check.matrix("heads." + h + ".query", s.head().query(), js.get("query"));
                    check.matrix("heads." + h + ".key", s.head().key(), js.get("key"));
                    check.matrix("heads." + h + ".value", s.head().value(), js.get("value"));
                    check.matrix("heads." + h + ".q", s.q(), js.get("q"));
                    check.matrix("heads." + h + ".k", s.k(), js.get("k"));
                    check.matrix("heads." + h + ".scores", s.scores(), js.get("scores"));
                }
                if (head instanceof HeadTrace.Given given) {
                    assertEquals(given.value().isPresent(), js.has("value"), "given weights' head has value when given");
                    given.value().ifPresent(value -> check.matrix("heads.0.value", value, js.get("value")));
                }
                check.matrix("heads." + h + ".v", head.v(), js.get("v"));
                check.matrix("heads." + h + ".weights", head.weights(), js.get("weights"));
                check.matrix("heads." + h + ".z", head.z(), js.get("z"));

                HeadGradients hg = g.heads().get(h);
                JsonNode jg = backward.get("heads").get(h);
                check.matrix("dheads." + h + ".dZ", hg.dZ(), jg.get("dZ"));
                check.matrix("dheads." + h + ".dWeights", hg.dWeights(), jg.get("dWeights"));
                check.matrix("dheads." + h + ".dV", hg.dV(), jg.get("dV"));
                if (hg.dScores().isPresent()) {
                    check.matrix("dheads." + h + ".dScores", hg.dScores().get(), jg.get("dScores"));
                    check.matrix("dheads." + h + ".dQ", hg.dQ().get(), jg.get("dQ"));
                    check.matrix("dheads." + h + ".dK", hg.dK().get(), jg.get("dK"));
                }
            }
            assertEquals(trace.heads().size(), forward.get("heads").size());
            check.matrix("stacked", trace.stacked(), forward.get("stacked"));
            check.matrix("a", trace.a(), forward.get("a"));
            check.matrix("dInput", g.dInput(), backward.get("dInput"));
            check.matrix("dStacked", g.dStacked(), backward.get("dStacked"));
            check.gradients(g.gradients(), backward.get("gradients"), c.layer() instanceof SelfAttention);
            numbers += check.numbers;
            if (c.layer() instanceof GivenWeightsAttention) {
                assertEquals(1, forward.get("heads").size());
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " numbers differ, e.g. " + wrong.subList(0, Math.min(5, wrong.size())));
        assertTrue(numbers > 20_000, "compared " + numbers + " numbers");
    }

    /** dA with whole numbers in some entries (products that cancel exactly) and −0 in a few. */
    private static Matrix dA(Random random, int rows, int cols) {
        double[][] d = new double[rows][cols];
        for (double[] row : d) {
            for (int c = 0; c < cols; c++) {
                int kind = random.nextInt(8);
                row[c] = kind == 0 ? -0.0 : kind == 1 ? random.nextInt(3) - 1 : (random.nextDouble() - 0.5) * 2;
            }
        }
        return Matrix.of(d);
    }

    /** Compares the build's numbers with the page's text, bit for bit; −∞ must be the trace's null. */
    private static final class Checker {
        private final String where;
        private final List<String> wrong;
        int numbers;

        Checker(String where, List<String> wrong) {
            this.where = where;
            this.wrong = wrong;
        }

        void matrix(String field, Matrix expected, JsonNode actual) {
            if (actual == null || actual.size() != expected.rows() || actual.get(0).size() != expected.cols()) {
                wrong.add(where + " " + field + ": the page has " + actual + ", the build " + expected.shape());
                return;
            }
            for (int r = 0; r < expected.rows(); r++) {
                for (int c = 0; c < expected.cols(); c++) {
                    numbers++;
                    double e = expected.get(r, c);
                    JsonNode a = actual.get(r).get(c);
                    boolean same = e == Double.NEGATIVE_INFINITY ? a.isNull()
                            : a.isTextual() && Double.doubleToLongBits(e) == Double.doubleToLongBits(Double.parseDouble(a.asText()));
                    if (!same) {
                        wrong.add(where + " " + field + "[" + r + "][" + c + "]: page " + a + ", build " + e);
                    }
                }
            }
        }

        /** Paths like heads.1.value or output, looked up in the page's nested gradients. */
        void gradients(Parameters expected, JsonNode actual, boolean scored) {
            TreeSet<String> pagePaths = new TreeSet<>();
            collect("", actual, pagePaths);
            TreeSet<String> buildPaths = new TreeSet<>();
            expected.entries().forEach(e -> buildPaths.add(e.path()));
            if (!pagePaths.equals(buildPaths)) {
                wrong.add(where + " gradients: page " + pagePaths + ", build " + buildPaths);
                return;
            }
            for (Parameters.Entry e : expected.entries()) {
                JsonNode node = actual;
                for (String part : e.path().split("\\.")) {
                    node = node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
                }
                matrix("gradients." + e.path(), e.value(), node);
            }
            if (scored != buildPaths.stream().anyMatch(p -> p.startsWith("heads."))) {
                wrong.add(where + " gradients " + buildPaths);
            }
        }

        /** The paths of the matrices (arrays of arrays of numbers) in a nested object. */
        private static void collect(String prefix, JsonNode node, TreeSet<String> paths) {
            if (node.isArray() && node.size() > 0 && node.get(0).isArray()) {
                paths.add(prefix);
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collect(prefix.isEmpty() ? "" + i : prefix + "." + i, node.get(i), paths);
                }
            } else if (node.isObject()) {
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    collect(prefix.isEmpty() ? name : prefix + "." + name, node.get(name), paths);
                }
            }
        }
    }
}
