package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.kinds.RandomKindNetworks;
import dev.longhand.kinds.RandomKindTraining;
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
 * Random networks with layers of every kind that train (a target, mse or cross entropy after a
 * softmax, 1 to 3 steps), built by Java and recomputed by the page: the trace (gradients and
 * values after training of every layer, the losses), the worksheet's gradient and after
 * matrices, the update lines and the loss plot are the build's, bit for bit, as written and after
 * the reader edits a number.
 */
@ExtendWith(BrowserAvailable.class)
class KindsTrainingParityTest {

    private static final long SEED = 20261207L;
    private static final int LESSONS = 8;
    private static final int BLOCKS = 4;

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
                // Lesson 1 starts with a block large enough that its matrices and lines are elided.
                Map<String, Object> block = l == 1 && b == 0 ? RandomKindTraining.large(random)
                        : RandomKindTraining.network(random, 2 + random.nextInt(2), 1 + random.nextInt(3),
                                1 + random.nextInt(3));
                BLOCKS_BUILT.add(block);
                // Of an elided matrix only the first and last three rows and columns are on the page.
                boolean elided = l == 1 && b == 0;
                List<String> paths = RandomKindNetworks.editable(block).stream()
                        .filter(path -> !elided || java.util.Arrays.stream(path.split("\\."))
                                .noneMatch(x -> x.matches("\\d+") && Integer.parseInt(x) >= 3))
                        .toList();
                String path = paths.get(random.nextInt(paths.size()));
                double value = RandomKindNetworks.number(random) + 0.25;
                edits.add(new String[] {"mlp-" + (b + 1), path, Double.toString(value)});
                written.append(RandomKindNetworks.markdown(block)).append('\n');
                changed.append(RandomKindNetworks.markdown(RandomKindNetworks.with(block, path, value))).append('\n');
            }
            EDITS.put(l, edits);
            original.put("trained-" + l + ".md", TestSite.lesson("Trained " + l, l, written.toString()));
            edited.put("trained-" + l + ".md", TestSite.lesson("Trained " + l, l, changed.toString()));
        }
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

    static Stream<Integer> lessons() {
        return IntStream.rangeClosed(1, LESSONS).boxed();
    }

    @Test
    void theRandomBlocksTrainEveryKindWithBothLossesAndSeveralSteps() {
        for (String kind : RandomKindNetworks.KINDS.keySet()) {
            assertTrue(BLOCKS_BUILT.stream().anyMatch(b -> RandomKindNetworks.markdown(b).contains("\"" + kind + "\"")),
                    "no random block has a " + kind + " layer");
        }
        for (String loss : List.of("mse", "cross_entropy")) {
            assertTrue(BLOCKS_BUILT.stream().anyMatch(b -> b.get("loss").equals(loss)), "no block trains with " + loss);
        }
        assertTrue(BLOCKS_BUILT.stream().anyMatch(b -> RandomKindNetworks.markdown(b)
                        .contains("{\"type\":\"activation\",\"activation\":\"softmax\"}]")),
                "no block trains with cross entropy after a softmax activation layer");
        for (int steps = 1; steps <= 3; steps++) {
            int s = steps;
            assertTrue(BLOCKS_BUILT.stream().anyMatch(b -> b.get("steps").equals(s)), "no block takes " + s + " steps");
        }
    }

    @Test
    void theWorksheetShowsEveryGradientAndEveryValueAfterTraining() {
        browser.open(asWritten.resolve("trained-1.html"));
        Map<String, List<String>> state = PageState.settled(browser);
        assertTrue(state.get("values").stream().anyMatch(v -> v.startsWith("layers.") && v.contains(".gradients.")),
                "gradient cells keyed by their trace path");
        assertTrue(state.get("values").stream().anyMatch(v -> v.startsWith("layers.") && v.contains(".after.")),
                "cells of the values after training keyed by their trace path");
    }

    /**
     * The kinds' written-out gradients (KindSheet.gradientLines) are the page's own: with the text
     * of every training line wiped, a recompute writes each one again as the build wrote it.
     */
    @ParameterizedTest(name = "lesson {0}")
    @MethodSource("lessons")
    void thePageWritesEveryKindsGradientLinesItself(int lesson) {
        browser.open(asWritten.resolve("trained-" + lesson + ".html"));
        Map<String, List<String>> built = PageState.settled(browser);
        browser.js("""
                document.querySelectorAll('[data-work^="layers."] .work-sum').forEach(el => { el.textContent = ''; });
                window.Longhand.recomputeAll();
                """);
        Map<String, List<String>> recomputed = PageState.settled(browser);
        List<String> differences = PageState.differences(built, recomputed, "lines", 5);
        assertTrue(differences.isEmpty(), "lines of lesson " + lesson + " (built → page):\n"
                + String.join("\n", differences));
    }

    @Test
    void theRandomBlocksWriteOutTheGradientsOfEveryKind() {
        List<String> keys = new ArrayList<>();
        for (int lesson = 1; lesson <= LESSONS; lesson++) {
            browser.open(asWritten.resolve("trained-" + lesson + ".html"));
            PageState.settled(browser).get("lines").forEach(line -> keys.add(line.substring(0, line.indexOf('|'))));
        }
        for (String part : List.of(".dNormalized.", ".dScale.", ".gradients.gamma.", ".gradients.beta.", ".dInput.",
                ".dZ.", ".dSum.", ".dScores.")) {
            assertTrue(keys.stream().anyMatch(k -> k.startsWith("layers.") && k.contains(part)), "no line " + part);
        }
    }

    @ParameterizedTest(name = "lesson {0}")
    @MethodSource("lessons")
    void recomputingChangesNothing(int lesson) {
        browser.open(asWritten.resolve("trained-" + lesson + ".html"));
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
        String page = "trained-" + lesson + ".html";
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
