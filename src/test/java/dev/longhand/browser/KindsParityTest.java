package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.kinds.RandomKindNetworks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random networks with layers of every kind (RandomKindNetworks.KINDS), built by Java and
 * recomputed by the page: recomputing changes nothing, bit for bit, and after the reader edits a
 * number the page shows exactly what Java builds for the block written with that number (trace,
 * figures, marks and worked lines).
 */
@ExtendWith(BrowserAvailable.class)
class KindsParityTest {

    private static final long SEED = 20261206L;
    private static final int LESSONS = 8;
    private static final int BLOCKS = 3;

    @TempDir
    static Path temp;
    private static Path asWritten;
    private static Path asEdited;
    private static Browser browser;
    /** Per lesson, per block: the data-edit key changed and its new value. */
    private static final Map<Integer, List<String[]>> EDITS = new LinkedHashMap<>();
    private static final List<Map<String, Object>> BLOCKS_BUILT = new ArrayList<>();

    @BeforeAll
    static void buildAndStart() throws IOException {
        Random random = new Random(SEED);
        Map<String, String> original = new LinkedHashMap<>();
        Map<String, String> edited = new LinkedHashMap<>();
        for (int l = 1; l <= LESSONS; l++) {
            StringBuilder written = new StringBuilder();
            StringBuilder changed = new StringBuilder();
            List<String[]> edits = new ArrayList<>();
            for (int b = 0; b < BLOCKS; b++) {
                Map<String, Object> block = RandomKindNetworks.network(random, 2 + random.nextInt(2),
                        1 + random.nextInt(3), 1 + random.nextInt(3));
                BLOCKS_BUILT.add(block);
                List<String> paths = RandomKindNetworks.editable(block);
                String path = paths.get(random.nextInt(paths.size()));
                double value = RandomKindNetworks.number(random) + 0.25;
                edits.add(new String[] {"mlp-" + (b + 1), path, Double.toString(value)});
                written.append(RandomKindNetworks.markdown(block)).append('\n');
                changed.append(RandomKindNetworks.markdown(RandomKindNetworks.with(block, path, value))).append('\n');
            }
            EDITS.put(l, edits);
            original.put("kinds-" + l + ".md", TestSite.lesson("Kinds " + l, l, written.toString()));
            edited.put("kinds-" + l + ".md", TestSite.lesson("Kinds " + l, l, changed.toString()));
        }
        original.put("large.md", TestSite.lesson("Large", LESSONS + 1, LARGE));
        asWritten = TestSite.build(temp.resolve("as-written"), original);
        asEdited = TestSite.build(temp.resolve("as-edited"), edited);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * The limit case of the issue: 64 tokens of 16 generated features, 8 causal heads and the
     * output projection, then a residual GELU layer; matrices and lines elided.
     */
    static final String LARGE = largeBlock();

    /** The budget on disk of a page with a large block, as site.PageWeightTest holds the 784-128-64-10 page to. */
    static final long LARGE_PAGE_BUDGET = 2_000_000;

    private static String largeBlock() {
        StringBuilder heads = new StringBuilder();
        for (int h = 0; h < 8; h++) {
            heads.append("      - query: {random: ").append(10 * h + 1).append(", shape: [2, 16]}\n")
                    .append("        key: {random: ").append(10 * h + 2).append(", shape: [2, 16]}\n")
                    .append("        value: {random: ").append(10 * h + 3).append(", shape: [2, 16]}\n");
        }
        return "```network\ninput: {random: 1, units: 16, samples: 64}\nlayers:\n  - type: attention\n"
                + "    causal: true\n    heads:\n" + heads
                + "    output: {random: 99, shape: [16, 16]}\n  - type: residual\n    layers:\n"
                + "      - weights: {random: 5}\n        units: 16\n        activation: gelu\n```\n";
    }

    @Test
    void aLargeAttentionBlockIsElidedWithinThePageBudgetAndRecomputesUnchanged() throws IOException {
        Path page = asWritten.resolve("large.html");
        long bytes = java.nio.file.Files.size(page);
        assertTrue(bytes < LARGE_PAGE_BUDGET, "large.html is " + bytes + " bytes");
        browser.open(page);
        Map<String, List<String>> built = PageState.settled(browser);
        // 6 × 6 shown entries of each 64 × 64 step, not 4,096.
        long scoreLines = built.get("lines").stream().filter(l -> l.startsWith("0.heads.0.scores.")).count();
        assertEquals(36, scoreLines, "score lines of head 1");
        browser.js("window.Longhand.recomputeAll();");
        Map<String, List<String>> recomputed = PageState.settled(browser);
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, recomputed, part, 5);
            assertTrue(differences.isEmpty(), part + " of the large block (built → page):\n" + String.join("\n", differences));
        }
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    static Stream<Integer> lessons() {
        return IntStream.rangeClosed(1, LESSONS).boxed();
    }

    @Test
    void theRandomBlocksUseEveryKind() {
        for (String kind : RandomKindNetworks.KINDS.keySet()) {
            assertTrue(BLOCKS_BUILT.stream().anyMatch(b -> RandomKindNetworks.markdown(b).contains("\"" + kind + "\"")),
                    "no random block has a " + kind + " layer");
        }
    }

    @ParameterizedTest(name = "lesson {0}")
    @MethodSource("lessons")
    void recomputingChangesNothing(int lesson) {
        browser.open(asWritten.resolve("kinds-" + lesson + ".html"));
        Map<String, List<String>> built = PageState.settled(browser);
        assertEquals(BLOCKS, built.get("traces").size());
        browser.js("window.Longhand.recomputeAll();");
        Map<String, List<String>> recomputed = PageState.settled(browser);
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, recomputed, part, 5);
            assertTrue(differences.isEmpty(), part + " of lesson " + lesson + " (built → page):\n"
                    + String.join("\n", differences));
        }
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @ParameterizedTest(name = "lesson {0}")
    @MethodSource("lessons")
    void anEditShowsWhatJavaBuildsForTheEditedBlock(int lesson) {
        String page = "kinds-" + lesson + ".html";
        browser.open(asWritten.resolve(page));
        for (String[] edit : EDITS.get(lesson)) {
            Object found = browser.js("""
                    const cell = document.querySelector('#' + arguments[0] + ' [data-edit="' + arguments[1] + '"]');
                    if (!cell) { return false; }
                    cell.focus();
                    cell.textContent = arguments[2];
                    cell.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
                    return true;
                    """, edit[0], edit[1], edit[2]);
            assertEquals(Boolean.TRUE, found, "no editable cell " + edit[1] + " in " + edit[0] + " of " + page);
        }
        Map<String, List<String>> typed = PageState.settled(browser);
        browser.open(asEdited.resolve(page));
        Map<String, List<String>> built = PageState.settled(browser);
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, typed, part, 5);
            assertTrue(differences.isEmpty(), part + " of lesson " + lesson + " after its edits (built → page):\n"
                    + String.join("\n", differences));
        }
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }
}
