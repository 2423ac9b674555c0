package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A block large enough to be elided everywhere (matrices, 72-term sums, units folded behind
 * "Show the other … units"): after the reader edits a number twice, the page shows what the
 * Java build shows for the lesson written with the final number, folded lines and trace
 * included. The page writes out only the figures it shows and decides "=" or "≈" from the
 * terms behind "⋯" last, so the block's numbers are chosen to make those terms decide it: every
 * number is an integer except the weights of input 37 (behind "⋯" in every sum), which are
 * 0.125, rounded at two decimals; its inputs 8, 2 and 1 make the first sample's sums exact
 * integers, so that only the hidden 0.125 makes them "≈".
 */
@ExtendWith(BrowserAvailable.class)
class LargeBlockEditTest {

    private static final int INPUTS = 72;
    private static final int SAMPLES = 3;
    private static final int[] UNITS = {24, 12, 3};
    private static final int HIDDEN_INPUT = 37;

    /** Two edits of one number in a row (the second rewrites what the first wrote), in the page's and in YAML's spelling. */
    record Edit(String key, String first, String typed, String yaml) {
        @Override
        public String toString() {
            return key + " → " + typed;
        }
    }

    static final List<Edit> EDITS = List.of(
            new Edit("layers.0.weights.0.0", "5", "0.375", "0.375"),
            new Edit("input.71.2", "−3", "8", "8"),
            new Edit("layers.1.weights.11.23", "2", "−3", "-3"),
            new Edit("layers.2.bias.1", "1", "0.5", "0.5"));

    @TempDir
    static Path temp;
    private static Map<String, double[][]> numbers;
    private static Path asWritten;
    private static Browser browser;

    @BeforeAll
    static void buildAndStart() throws IOException {
        numbers = numbers(new Random(20261206L));
        asWritten = TestSite.build(temp.resolve("as-written"), Map.of("large.md", lesson(numbers)));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<Edit> edits() {
        return EDITS.stream();
    }

    @Test
    void theBlockIsElidedAndItsHiddenTermsDecideSomeSums() {
        browser.open(asWritten.resolve("large.html"));
        @SuppressWarnings("unchecked")
        Map<String, String> sums = (Map<String, String>) browser.js("""
                const out = {};
                document.querySelectorAll('#mlp-1 [data-work]').forEach(li =>
                    out[li.getAttribute('data-work')] = li.querySelector('.work-sum').textContent);
                return out;
                """);
        assertEquals((UNITS[0] + UNITS[1] + UNITS[2]) * SAMPLES, sums.size(), "a line per unit and sample");
        assertTrue(sums.values().stream().allMatch(sum -> sum.contains(" + ⋯ + ")), "every sum is elided");
        for (int u = 0; u < UNITS[0]; u++) {
            // Sample 0: every shown figure and z are integers (the hidden input is 8), but the hidden 0.125 shows as 0.13.
            assertTrue(sums.get("0." + u + ".0").contains(" ≈ "), sums.get("0." + u + ".0"));
        }
        for (int u = 0; u < UNITS[1]; u++) {
            // Sample 0: integer weights times the integer outputs of the layer before.
            assertTrue(sums.get("1." + u + ".0").contains(" = "), sums.get("1." + u + ".0"));
        }
        assertTrue(browser.driver().findElements(By.cssSelector("#mlp-1 details.work-more")).size() >= 3,
                "units are folded away");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void anEditShowsWhatJavaBuildsForTheEditedLesson(Edit edit) {
        browser.open(asWritten.resolve("large.html"));
        Map<String, List<String>> before = PageState.settled(browser);
        type(edit.key(), edit.first());
        type(edit.key(), edit.typed());
        Map<String, List<String>> typed = PageState.settled(browser);
        assertNotEquals(before.get("traces"), typed.get("traces"), "the edit changed the trace");

        Map<String, double[][]> edited = new LinkedHashMap<>(numbers);
        edited.replaceAll((name, m) -> copy(m));
        String[] at = edit.key().split("\\.");
        String matrix = at[0].equals("input") ? "input" : at[0] + "." + at[1] + "." + at[2];
        if (at.length == 4) {
            edited.get(matrix)[0][Integer.parseInt(at[3])] = Double.parseDouble(edit.yaml());
        } else {
            edited.get(matrix)[Integer.parseInt(at[at.length - 2])][Integer.parseInt(at[at.length - 1])] =
                    Double.parseDouble(edit.yaml());
        }
        Path asEdited = TestSite.build(temp.resolve("as-edited-" + edit.key()), Map.of("large.md", lesson(edited)));
        browser.open(asEdited.resolve("large.html"));
        Map<String, List<String>> built = PageState.settled(browser);

        Traces.assertClose(built.get("traces"), typed.get("traces"), 1e-12, edit.key());
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, typed, part, 5);
            assertTrue(differences.isEmpty(), part + " after editing " + edit.key() + " (built → typed):\n"
                    + String.join("\n", differences));
        }
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    private static void type(String key, String text) {
        WebElement cell = browser.driver().findElement(By.cssSelector("#mlp-1 [data-edit=\"" + key + "\"]"));
        cell.click();
        // The cell may still have the focus from the edit before, which selected its text on focus.
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        cell.sendKeys(text);
        cell.sendKeys(Keys.ENTER);
    }

    /**
     * Integers from -2 to 2 (inputs from -3 to 8, with 0 and 8 common), the hidden input's
     * weights 0.125 and its inputs 8, 2 and 1; a bias per layer ("layers.N.bias", one row).
     */
    private static Map<String, double[][]> numbers(Random random) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        double[][] input = new double[INPUTS][SAMPLES];
        for (double[] row : input) {
            for (int s = 0; s < SAMPLES; s++) {
                int pick = random.nextInt(6);
                row[s] = pick == 0 ? 0 : pick == 1 ? 8 : random.nextInt(7) - 3;
            }
        }
        input[HIDDEN_INPUT] = new double[] {8, 2, 1};
        out.put("input", input);
        int from = INPUTS;
        for (int l = 0; l < UNITS.length; l++) {
            double[][] weights = new double[UNITS[l]][from];
            double[][] bias = new double[1][UNITS[l]];
            for (int u = 0; u < UNITS[l]; u++) {
                for (int k = 0; k < from; k++) {
                    weights[u][k] = l == 0 && k == HIDDEN_INPUT ? 0.125 : random.nextInt(5) - 2;
                }
                bias[0][u] = random.nextInt(5) - 2;
            }
            out.put("layers." + l + ".weights", weights);
            out.put("layers." + l + ".bias", bias);
            from = UNITS[l];
        }
        return out;
    }

    private static String lesson(Map<String, double[][]> numbers) {
        StringBuilder yaml = new StringBuilder("```mlp\nprecision: 2\ninput: ").append(flow(transpose(numbers.get("input"))));
        yaml.append("\nlayers:\n");
        for (int l = 0; l < UNITS.length; l++) {
            yaml.append("  - weights: ").append(flow(numbers.get("layers." + l + ".weights"))).append('\n')
                    .append("    bias: ").append(flow(numbers.get("layers." + l + ".bias")[0])).append('\n');
        }
        return TestSite.lesson("A large block", 1, "A large block, every number written out.\n\n" + yaml + "```\n");
    }

    /** A YAML flow list: [[1, -2], [0.125, 8]]. */
    private static String flow(double[][] m) {
        List<String> rows = new ArrayList<>();
        for (double[] row : m) {
            rows.add(flow(row));
        }
        return "[" + String.join(", ", rows) + "]";
    }

    private static String flow(double[] row) {
        List<String> cells = new ArrayList<>();
        for (double v : row) {
            cells.add(v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
        }
        return "[" + String.join(", ", cells) + "]";
    }

    /** The input is written one list per sample; the trace and the page's keys hold it unit by sample. */
    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                t[c][r] = m[r][c];
            }
        }
        return t;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
