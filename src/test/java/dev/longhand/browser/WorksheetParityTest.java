package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Random worksheets, every practice setting, every activation, batches, the augmented layout
 * and sums long enough to be elided. What the build hid, the script hides by the same rule
 * (recomputing an untouched worksheet changes nothing); after Reveal all the worksheet shows
 * exactly what its answer key shows, every worked line, every "?" and every diagram node; and
 * Clear brings back exactly what the build wrote.
 */
@ExtendWith(BrowserAvailable.class)
class WorksheetParityTest {

    private static final long SEED = 20251129L;
    private static final int LESSONS = 3;
    private static final int BLOCKS_PER_LESSON = 6;
    private static final List<String> ACTIVATIONS = List.of("relu", "linear", "sigmoid", "tanh", "leaky_relu", "gelu", "softmax");
    private static final List<String> PRACTICE = List.of("true", "{layers: [1]}", "{blank: [z]}", "{blank: [a]}",
            "{blank: [z], layers: [2]}", "{layers: [2]}", "{blank: [a], layers: [1]}");

    @TempDir
    static Path temp;
    private static Path site;
    private static Browser browser;

    @BeforeAll
    static void buildAndStart() throws IOException {
        Random random = new Random(SEED);
        List<String> blocks = IntStream.range(0, LESSONS * BLOCKS_PER_LESSON).mapToObj(n -> block(random, n)).toList();
        site = TestSite.build(temp, TestSite.lessonsOfBlocks("sheets", "Sheets", "Random worksheets.", blocks,
                BLOCKS_PER_LESSON));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    static List<String> pages() {
        return IntStream.rangeClosed(1, LESSONS).mapToObj(l -> "sheets-" + l).toList();
    }

    /**
     * Every line, "?" and node as a reader sees it, keyed: visible text only (display: none
     * left out), and a node's class.
     */
    private static final String SHOWN = """
            const visible = n => n.nodeType === 3 ? n.textContent
              : n.nodeType !== 1 || getComputedStyle(n).display === 'none' ? ''
              : [...n.childNodes].map(visible).join('');
            const clean = t => t.replace(/\\s+/g, ' ').trim();
            const out = {lines: [], cells: [], nodes: [], boxes: []};
            document.querySelectorAll('figure.mlp').forEach(f => {
              f.querySelectorAll('[data-work]').forEach(el =>
                out.lines.push(f.id + ' ' + el.getAttribute('data-work') + ': ' + clean(visible(el))));
              f.querySelectorAll('[data-blank-of]').forEach(el =>
                out.cells.push(f.id + ' ' + el.getAttribute('data-blank-of') + ': ' + clean(visible(el.parentElement))));
              f.querySelectorAll('[data-node]').forEach(el =>
                out.nodes.push(f.id + ' ' + el.getAttribute('data-node') + ': ' + el.getAttribute('class') + ' '
                  + [...el.querySelectorAll('text')].filter(t => getComputedStyle(t).display !== 'none')
                      .map(t => t.textContent).join('|')));
              f.querySelectorAll('input.answer-box').forEach(el =>
                out.boxes.push(f.id + ' ' + el.getAttribute('data-answer') + ': ' + el.value));
            });
            return out;
            """;

    /** The answer key's figure of each key that the worksheet shows as "?" or asks for. */
    private static final String KEY_FIGURES = """
            const out = {};
            document.querySelectorAll('figure.mlp').forEach(f => {
              f.querySelectorAll('table.matrix-z [data-v], table.matrix-a [data-v]').forEach(el =>
                out[f.id + ' ' + el.getAttribute('data-v')] = el.textContent);
            });
            return out;
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> shown() {
        return (Map<String, List<String>>) browser.js(SHOWN);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void recomputingAnUntouchedWorksheetHidesWhatTheBuildHid(String page) {
        browser.openWithEmptyStorage(site.resolve(page + ".html"));
        Map<String, List<String>> built = PageState.collect(browser);
        browser.js("window.Longhand.recomputeAll();");
        Map<String, List<String>> recomputed = PageState.collect(browser);
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, recomputed, part, 5);
            assertTrue(differences.isEmpty(), part + " of " + page + " differ:\n" + String.join("\n", differences));
        }
        assertTrue((Long) browser.js("return document.querySelectorAll('[data-blank-of]').length;") > 10,
                "the worksheets repeat blanks elsewhere");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @ParameterizedTest
    @MethodSource("pages")
    void revealAllShowsWhatTheAnswerKeyShowsAndClearBringsBackWhatTheBuildWrote(String page) {
        browser.open(site.resolve(page + "-answers.html"));
        Map<String, List<String>> key = shown();
        @SuppressWarnings("unchecked")
        Map<String, String> figures = (Map<String, String>) browser.js(KEY_FIGURES);

        browser.openWithEmptyStorage(site.resolve(page + ".html"));
        Map<String, List<String>> built = PageState.collect(browser);
        Map<String, List<String>> before = shown();
        for (WebElement reveal : browser.driver().findElements(By.cssSelector(".practice-reveal"))) {
            browser.js("arguments[0].click();", reveal);
        }
        Map<String, List<String>> revealed = shown();

        // worked lines: the same text; the worksheet's are all open after Reveal all
        assertEquals(key.get("lines"), revealed.get("lines"), "worked lines of " + page);
        // the diagram: the same figures and the same clamped look
        assertEquals(key.get("nodes"), revealed.get("nodes"), "diagram of " + page);
        // every "?" and every box holds the key's figure of the value it stands for
        List<String> expectedCells = new ArrayList<>();
        for (String cell : revealed.get("cells")) {
            String id = cell.substring(0, cell.indexOf(": "));
            expectedCells.add(id + ": " + figures.get(id));
        }
        assertEquals(expectedCells, revealed.get("cells"), "repeated blanks of " + page);
        List<String> expectedBoxes = new ArrayList<>();
        for (String box : revealed.get("boxes")) {
            String id = box.substring(0, box.indexOf(": "));
            expectedBoxes.add(id + ": " + figures.get(id));
        }
        assertEquals(expectedBoxes, revealed.get("boxes"), "boxes of " + page);
        assertTrue(before.get("cells").stream().allMatch(c -> c.endsWith(": ?")), "nothing shown before");
        assertTrue(before.get("lines").stream().anyMatch(l -> l.contains("·?")), "lines with hidden inputs");
        assertTrue(before.get("lines").stream().anyMatch(l -> l.contains("·? + ⋯")), "an elided sum with hidden inputs");

        for (WebElement clear : browser.driver().findElements(By.cssSelector(".practice-clear"))) {
            browser.js("arguments[0].click();", clear);
        }
        assertEquals(before, shown(), "after Clear, " + page + " shows what it showed at first");
        Map<String, List<String>> cleared = PageState.collect(browser);
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, cleared, part, 5);
            assertTrue(differences.isEmpty(), part + " of " + page + " after Clear:\n" + String.join("\n", differences));
        }
        assertEquals(0L, browser.js("return document.querySelectorAll('.revealed-text, [data-revealed]').length;"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    // ---- the generator ------------------------------------------------------------------------

    /** Block n: its practice setting and output activation follow n, so every one occurs with several others. */
    static String block(Random random, int n) {
        String output = ACTIVATIONS.get(n % ACTIVATIONS.size());
        int samples = n % 4 == 3 ? 2 + random.nextInt(2) : 1;
        // one block a lesson has a first layer of 12 units, whose sums in the next layer are elided
        // (and which its practice setting hides: blank [z], layers [1], true)
        int wide = n % BLOCKS_PER_LESSON == 2 ? 12 : 0;
        StringBuilder y = new StringBuilder();
        y.append("precision: ").append(n % 5).append('\n');
        if (n % 4 == 1) {
            y.append("layout: augmented\n");
        }
        int inputs = 1 + random.nextInt(3);
        y.append("input: ").append(samples == 1 ? row(random, inputs) : rows(random, samples, inputs)).append('\n');
        y.append("layers:\n");
        int layers = 2 + random.nextInt(2);
        int previous = inputs;
        for (int l = 0; l < layers; l++) {
            boolean last = l == layers - 1;
            int units = l == 0 && wide > 0 ? wide : last && output.equals("softmax") ? 2 + random.nextInt(2)
                    : 1 + random.nextInt(3);
            String activation = last ? output : List.of("relu", "relu", "linear", "sigmoid", "tanh", "leaky_relu")
                    .get(random.nextInt(6));
            y.append("  - weights:\n");
            for (int u = 0; u < units; u++) {
                y.append("      - ").append(row(random, previous)).append('\n');
            }
            y.append("    bias: ").append(row(random, units)).append('\n');
            y.append("    activation: ").append(activation).append('\n');
            previous = units;
        }
        y.append("practice: ").append(PRACTICE.get(n % PRACTICE.size())).append('\n');
        return y.toString();
    }

    private static String rows(Random random, int count, int length) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(random, length));
        }
        return "[" + String.join(", ", rows) + "]";
    }

    private static String row(Random random, int length) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            values.add(switch (random.nextInt(3)) {
                case 0 -> String.valueOf(random.nextInt(7) - 3);
                case 1 -> BigDecimal.valueOf(random.nextInt(41) - 20, 1).toPlainString();
                default -> BigDecimal.valueOf(random.nextInt(201) - 100, 2).toPlainString();
            });
        }
        return "[" + String.join(", ", values) + "]";
    }
}
