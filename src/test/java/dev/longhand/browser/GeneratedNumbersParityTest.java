package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longhand.nn.Drawn;
import dev.longhand.nn.Matrix;
import dev.longhand.render.DrawnInTrace;
import dev.longhand.site.LargeNetworks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A large generated matrix reaches the page as how it was drawn ({@code {"random": …}} in the
 * trace) and the page script draws it again: exactly Java's doubles, bit for bit, for every
 * setting a draw has; the 784-128-64-10 block recomputes to exactly the build's trace; and every
 * weight of a matrix drawn again stays editable.
 */
@ExtendWith(BrowserAvailable.class)
class GeneratedNumbersParityTest {

    /** The block of the issue: full-precision generated weights, no decimals. */
    static final String BIG = LargeNetworks.FULL_PRECISION_784;

    /** Large generated parameters of kinds beyond dense layers, and inside a residual. */
    static final String KINDS = """
            input: {random: 5, units: 1100, samples: 2, min: -1, max: 1}
            layers:
              - type: layer_norm
                gamma: {random: 6, min: 0.5, max: 1.5}
                beta: {random: 7, min: -0.1, max: 0.1, decimals: 2}
              - units: 40
                weights: {random: 8, min: -0.05, max: 0.05}
              - type: attention
                query: {random: 9, shape: [40, 40]}
                key: {random: 10, shape: [40, 40]}
                value: {random: 11, shape: [40, 40], integers: true}
              - type: residual
                layers:
                  - units: 40
                    weights: {random: 12, min: -0.1, max: 0.1}
                    activation: linear
            """;

    @TempDir
    static Path temp;

    private static Browser browser;
    private static Path site;

    @BeforeAll
    static void buildAndStart() throws IOException {
        site = TestSite.build(temp, Map.of(
                "big.md", TestSite.lesson("Big", 1, "```mlp\n" + BIG + "```\n"),
                "kinds.md", TestSite.lesson("Kinds", 3, "```mlp\n" + KINDS + "```\n"),
                "small.md", TestSite.lesson("Small", 2, """
                        ```mlp
                        input: [1, 2]
                        layers:
                          - weights: [[1, -1]]
                        ```
                        """)));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    // ---- the generator, number for number ---------------------------------------------------

    /** One draw, and whether the trace writes it as a flat list (shape [N]). */
    record Case(Drawn drawn, boolean flat) {

        /** The generated matrix as the lesson format writes it in a trace. */
        String json() {
            Drawn d = drawn;
            // A number up to 2^53 either way, which JSON holds exactly; text beyond.
            String seed = d.seed() >= -(1L << 53) && d.seed() <= 1L << 53 ? Long.toString(d.seed()) : "\"" + d.seed() + "\"";
            return "{\"random\":" + seed + ",\"min\":" + number(d.min()) + ",\"max\":" + number(d.max())
                    + ",\"integers\":" + d.integers() + ",\"decimals\":"
                    + (d.decimals() < 0 || d.integers() ? "null" : Integer.toString(d.decimals()))
                    + ",\"shape\":[" + d.rows() + (flat ? "" : "," + d.cols()) + "],\"transposed\":" + d.transposed() + "}";
        }

        /** Java's numbers in the trace's order (rows of the held matrix, or the flat list), as raw bits in hex. */
        String bits() {
            Matrix m = drawn.matrix();
            StringBuilder out = new StringBuilder();
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) {
                    out.append(String.format(Locale.ROOT, "%016x", Double.doubleToRawLongBits(m.get(r, c))));
                }
            }
            return out.toString();
        }

        private static String number(double v) {
            // JSON reads any round-trip decimal back as the same double; the browser parses it.
            return Double.toString(v);
        }
    }

    /** Draws each case in the page and says where its bits differ from Java's; empty when none do. */
    private static final String DRAW_AND_COMPARE = """
            const forms = arguments[0];
            const expected = arguments[1];
            const view = new DataView(new ArrayBuffer(8));
            const hex = v => { view.setFloat64(0, v);
              return view.getUint32(0).toString(16).padStart(8, '0') + view.getUint32(4).toString(16).padStart(8, '0'); };
            const problems = [];
            forms.forEach((form, i) => {
              let numbers;
              try {
                numbers = window.Longhand.internals.drawnNumbers(JSON.parse(form));
              } catch (e) {
                problems.push(form + ': ' + e.message);
                return;
              }
              const flat = numbers.flat();
              const want = expected[i];
              if (flat.length * 16 !== want.length) {
                problems.push(form + ': ' + flat.length + ' numbers, Java drew ' + want.length / 16);
                return;
              }
              for (let k = 0; k < flat.length; k++) {
                const got = hex(flat[k]);
                if (got !== want.substring(16 * k, 16 * k + 16)) {
                  problems.push(form + ': number ' + k + ' is ' + got + ' (' + flat[k] + '), Java drew '
                    + want.substring(16 * k, 16 * k + 16));
                  return;
                }
              }
            });
            return problems;
            """;

    private static List<String> drawInPage(List<Case> cases) {
        browser.open(site.resolve("small.html"));
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) browser.js(DRAW_AND_COMPARE,
                cases.stream().map(Case::json).toList(), cases.stream().map(Case::bits).toList());
        return problems;
    }

    private static Case matrix(long seed, int rows, int cols, double min, double max, boolean integers, int decimals,
                               boolean transposed) {
        return new Case(new Drawn(seed, rows, cols, min, max, integers, decimals, transposed), false);
    }

    private static Case flat(long seed, int n, double min, double max, boolean integers, int decimals) {
        return new Case(new Drawn(seed, n, 1, min, max, integers, decimals, false), true);
    }

    @Test
    void thePageDrawsJavasDoublesForEdgeSeedsRangesAndRoundings() {
        List<Case> cases = new ArrayList<>();
        long gamma = 0x9E3779B97F4A7C15L;
        for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, (1L << 53) + 1,
                -(1L << 53) - 1, 1L << 32, (1L << 32) - 1, -gamma, -2 * gamma, gamma}) {
            // -gamma: the first state is 0, so the first u is exactly 0 and the number exactly min.
            cases.add(matrix(seed, 3, 5, -1, 1, false, -1, false));
        }
        // Every number a tie or near one, which Java rounds through BigDecimal: ties go to even.
        cases.add(matrix(1, 2, 3, 0.125, 0.125, false, 2, false));
        cases.add(matrix(1, 2, 3, -0.125, -0.125, false, 2, false));
        cases.add(matrix(1, 2, 3, 2.5, 2.5, false, 0, false));
        cases.add(matrix(1, 2, 3, 3.5, 3.5, false, 0, false));
        cases.add(matrix(1, 2, 3, 1.005, 1.005, false, 2, false));
        cases.add(matrix(1, 2, 3, 0.0005, 0.0005, false, 3, false));
        cases.add(matrix(1, 2, 3, -2.675, -2.675, false, 2, false));
        // Large numbers (|v·10^d| ≥ 10^9, Java's exact way), tiny ones, subnormals, negative zero rounded.
        cases.add(matrix(5, 4, 4, 1e12, 1e13, false, 3, false));
        cases.add(matrix(5, 4, 4, -1e300, 1e300, false, 5, false));
        cases.add(matrix(5, 4, 4, 1e-300, 2e-300, false, 12, false));
        cases.add(matrix(5, 4, 4, -1e-20, 0, false, 3, false));
        cases.add(matrix(5, 4, 4, 0, 1e-310, false, -1, false));
        cases.add(matrix(5, 4, 4, -1e-310, 0, false, 2, false));
        cases.add(matrix(5, 4, 4, 0, 1, false, 22, false));
        cases.add(matrix(5, 4, 4, -0.0, 0.0, false, -1, false));
        cases.add(matrix(5, 4, 4, 123456.789, 123456.789, false, 12, false));
        // Whole numbers, decimals ignored.
        cases.add(matrix(6, 4, 4, -3, 3, true, 4, false));
        cases.add(matrix(6, 4, 4, 0, 0, true, -1, false));
        cases.add(matrix(6, 4, 4, -1e15, 1e15, true, -1, false));
        cases.add(matrix(6, 4, 4, -(double) (1L << 52), (double) (1L << 52), true, -1, false));
        // Shapes: one number, a row, a column, transposed, a flat list.
        cases.add(matrix(7, 1, 1, -1, 1, false, -1, false));
        cases.add(matrix(7, 1, 9, -1, 1, false, -1, true));
        cases.add(matrix(7, 9, 1, -1, 1, false, 2, true));
        cases.add(matrix(7, 4, 6, 0, 1, false, -1, true));
        cases.add(flat(7, 11, -0.5, 0.5, false, 1));
        cases.add(flat(Long.MIN_VALUE, 3, -2, 2, true, -1));
        assertEquals(List.of(), drawInPage(cases));
    }

    @Test
    void thePageDrawsJavasDoublesForManySeedsRangesAndSettings() {
        SplittableRandom random = new SplittableRandom(20261206);
        double[] magnitudes = {1e-6, 0.001, 0.1, 1, 3, 10, 1000, 1e6, 1e9, 1e15};
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long seed = random.nextLong();
            int rows = 1 + random.nextInt(8);
            int cols = 1 + random.nextInt(8);
            boolean integers = random.nextInt(5) == 0;
            double low;
            double high;
            if (integers) {
                low = -random.nextInt(1000);
                high = low + random.nextInt(2000);
            } else {
                double scale = magnitudes[random.nextInt(magnitudes.length)];
                double a = (random.nextDouble() * 2 - 1) * scale;
                double b = (random.nextDouble() * 2 - 1) * scale;
                low = Math.min(a, b);
                high = Math.max(a, b);
            }
            int decimals = random.nextInt(3) == 0 ? -1 : random.nextInt(13);
            cases.add(random.nextInt(6) == 0 ? flat(seed, rows * cols, low, high, integers, decimals)
                    : matrix(seed, rows, cols, low, high, integers, decimals, random.nextBoolean()));
        }
        assertEquals(List.of(), drawInPage(cases));
    }

    @Test
    void thePageDrawsTheBigBlocksMatricesAsJavaDoes() {
        assertEquals(List.of(), drawInPage(List.of(
                matrix(2, 4, 784, 0, 1, false, -1, true),
                matrix(1, 128, 784, -1, 1, false, -1, false),
                matrix(11, 128, 784, -0.1, 0.1, false, 2, false),
                matrix(12, 64, 128, -1, 1, true, -1, false))));
    }

    // ---- the 784-128-64-10 block --------------------------------------------------------------

    private static String traceText() {
        return (String) browser.js("return document.querySelector('script.mlp-trace').textContent;");
    }

    private static JsonNode builtTrace() {
        browser.open(site.resolve("big.html"));
        browser.assertEveryBlockLive();
        return Traces.parse(traceText());
    }

    @Test
    void theBigBlocksTraceHoldsItsLargeMatricesAsDrawsAndThePageRecomputesExactlyJavasTrace() {
        JsonNode built = builtTrace();
        assertTrue(DrawnInTrace.isDrawn(built.get("input")), "input");
        assertTrue(DrawnInTrace.isDrawn(built.at("/layers/0/weights")), "W1");
        assertTrue(DrawnInTrace.isDrawn(built.at("/layers/1/weights")), "W2");
        // 10 × 64 = 640 numbers: small enough to stay written out.
        assertTrue(built.at("/layers/2/weights").isArray(), "W3");
        assertRecomputingChangesNothing();
        // The page computed with Java's numbers: every input and weight, bit for bit.
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) browser.js("""
                const spec = window.Longhand.page.blocks[0].spec;
                const view = new DataView(new ArrayBuffer(8));
                const hex = v => { view.setFloat64(0, v);
                  return view.getUint32(0).toString(16).padStart(8, '0') + view.getUint32(4).toString(16).padStart(8, '0'); };
                const held = [spec.input, spec.layers[0].weights, spec.layers[1].weights];
                return held.map((m, i) => m.flat().map(hex).join('') === arguments[i] ? null : 'matrix ' + i).filter(x => x);
                """, new Case(new Drawn(2, 4, 784, 0, 1, false, -1, true), false).bits(),
                new Case(new Drawn(1, 128, 784, -1, 1, false, -1, false), false).bits(),
                new Case(new Drawn(3, 64, 128, -1, 1, false, -1, false), false).bits());
        assertEquals(List.of(), problems);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void anyWeightOfADrawnMatrixCanBeEditedAndOnlyThatMatrixIsThenWrittenOut() {
        JsonNode built = builtTrace();
        String builtText = traceText();
        JsonNode numbers = DrawnInTrace.drawnAgain(built);
        WebElement cell = browser.driver().findElement(By.cssSelector("[data-edit=\"layers.0.weights.127.783\"]"));
        cell.click();
        cell.sendKeys("0.5");
        cell.sendKeys(Keys.ENTER);
        JsonNode edited = Traces.parse(traceText());
        JsonNode w1 = edited.at("/layers/0/weights");
        assertTrue(w1.isArray(), "the edited matrix is written out");
        assertEquals(128, w1.size());
        for (int r = 0; r < 128; r++) {
            for (int c = 0; c < 784; c++) {
                double expected = r == 127 && c == 783 ? 0.5 : numbers.at("/layers/0/weights/" + r + "/" + c).doubleValue();
                assertEquals(expected, w1.get(r).get(c).doubleValue(), "W1[" + r + "][" + c + "]");
            }
        }
        assertEquals(built.get("input"), edited.get("input"), "the input is still its draw");
        assertEquals(built.at("/layers/1/weights"), edited.at("/layers/1/weights"), "W2 is still its draw");
        assertNotEquals(built.at("/layers/0/z"), edited.at("/layers/0/z"), "the edit changed z");
        // z of the edited unit, by hand: the old z plus (0.5 − old weight) · x for each sample.
        for (int s = 0; s < 4; s++) {
            double old = numbers.at("/layers/0/weights/127/783").doubleValue();
            double x = numbers.at("/input/783/" + s).doubleValue();
            assertEquals(built.at("/layers/0/z/127/" + s).doubleValue() + (0.5 - old) * x,
                    edited.at("/layers/0/z/127/" + s).doubleValue(), 1e-12);
        }

        // An input of a drawn input matrix too; and Reset brings the draws back.
        WebElement input = browser.driver().findElement(By.cssSelector("[data-edit=\"input.0.3\"]"));
        input.click();
        input.sendKeys("2");
        input.sendKeys(Keys.ENTER);
        JsonNode both = Traces.parse(traceText());
        assertEquals(2.0, both.at("/input/0/3").doubleValue());
        assertEquals(numbers.at("/input/783/3").doubleValue(), both.at("/input/783/3").doubleValue());
        browser.driver().findElement(By.cssSelector(".mlp-reset")).click();
        assertEquals(builtText, traceText(), "after Reset, the trace the build wrote");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void drawnParametersOfEveryKindAreDrawnAgainAndWrittenBackUntilEdited() {
        browser.open(site.resolve("kinds.html"));
        browser.assertEveryBlockLive();
        String builtText = traceText();
        JsonNode built = Traces.parse(builtText);
        for (String path : List.of("/input", "/layers/0/gamma", "/layers/0/beta", "/layers/1/weights",
                "/layers/2/heads/0/query", "/layers/2/heads/0/key", "/layers/2/heads/0/value", "/layers/3/layers/0/weights")) {
            assertTrue(DrawnInTrace.isDrawn(built.at(path)), path + " is written as its draw");
        }
        assertRecomputingChangesNothing();
        WebElement query = browser.driver().findElement(By.cssSelector("[data-edit=\"layers.2.heads.0.query.0.0\"]"));
        query.click();
        query.sendKeys("3");
        query.sendKeys(Keys.ENTER);
        JsonNode edited = Traces.parse(traceText());
        JsonNode numbers = DrawnInTrace.drawnAgain(built);
        JsonNode q = edited.at("/layers/2/heads/0/query");
        assertTrue(q.isArray(), "the edited query is written out");
        assertEquals(3.0, q.at("/0/0").doubleValue());
        assertEquals(numbers.at("/layers/2/heads/0/query/39/39").doubleValue(), q.at("/39/39").doubleValue());
        assertEquals(built.at("/layers/2/heads/0/key"), edited.at("/layers/2/heads/0/key"), "the key is still its draw");
        assertEquals(built.at("/layers/0/gamma"), edited.at("/layers/0/gamma"), "gamma is still its draw");
        assertNotEquals(built.get("output"), edited.get("output"));
        browser.driver().findElement(By.cssSelector(".mlp-reset")).click();
        assertEquals(builtText, traceText(), "after Reset, the trace the build wrote");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Recomputing the page from its own trace leaves every figure, line, mark and the trace as the build wrote them. */
    private static void assertRecomputingChangesNothing() {
        Map<String, List<String>> before = PageState.collect(browser);
        browser.js("window.Longhand.recomputeAll();");
        Map<String, List<String>> after = PageState.collect(browser);
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(before, after, part, 5);
            assertTrue(differences.isEmpty(), part + " differ:\n" + String.join("\n", differences));
        }
    }
}