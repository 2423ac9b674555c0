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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Random worksheets of layers of every kind ({@link RandomKindNetworks}, nested residuals
 * included) under every practice setting. What the build hid, the script hides by the same rule
 * (a recompute of an untouched worksheet changes nothing, an edit shows what Java builds for the
 * edited block, "?" and all); Reveal all shows exactly what the answer key shows, every worked
 * line, every "?" and every box; Clear brings back what the build wrote.
 */
@ExtendWith(BrowserAvailable.class)
class KindWorksheetParityTest {

    private static final long SEED = 20261207L;
    private static final int LESSONS = 4;
    private static final int BLOCKS = 4;

    @TempDir
    static Path temp;
    private static Path asWritten;
    private static Path asEdited;
    private static Browser browser;
    private static final Map<Integer, List<String[]>> EDITS = new LinkedHashMap<>();
    private static final StringBuilder ALL_BLOCKS = new StringBuilder();

    /** The n-th block's practice: every setting in turn, the last one naming the block's last layer. */
    private static Object practice(int n, int layers) {
        return switch (n % 5) {
            case 0 -> true;
            case 1 -> Map.of("blank", List.of("z"));
            case 2 -> Map.of("blank", List.of("a"));
            case 3 -> Map.of("layers", List.of(1));
            default -> Map.of("blank", List.of("z"), "layers", List.of(layers));
        };
    }

    @BeforeAll
    static void buildAndStart() throws IOException {
        Random random = new Random(SEED);
        Map<String, String> original = new LinkedHashMap<>();
        Map<String, String> edited = new LinkedHashMap<>();
        int n = 0;
        for (int l = 1; l <= LESSONS; l++) {
            StringBuilder written = new StringBuilder();
            StringBuilder changed = new StringBuilder();
            List<String[]> edits = new ArrayList<>();
            for (int b = 0; b < BLOCKS; b++, n++) {
                Map<String, Object> block = RandomKindNetworks.network(random, 2 + random.nextInt(2),
                        1 + random.nextInt(3), 1 + random.nextInt(3));
                @SuppressWarnings("unchecked")
                int layers = ((List<Object>) block.get("layers")).size();
                block.put("practice", practice(n, layers));
                List<String> paths = RandomKindNetworks.editable(block);
                String path = paths.get(random.nextInt(paths.size()));
                double value = RandomKindNetworks.number(random) + 0.25;
                edits.add(new String[] {"mlp-" + (b + 1), path, Double.toString(value)});
                written.append(RandomKindNetworks.markdown(block)).append('\n');
                ALL_BLOCKS.append(RandomKindNetworks.markdown(block));
                changed.append(RandomKindNetworks.markdown(RandomKindNetworks.with(block, path, value))).append('\n');
            }
            EDITS.put(l, edits);
            original.put("sheets-" + l + ".md", TestSite.lesson("Sheets " + l, l, written.toString()));
            edited.put("sheets-" + l + ".md", TestSite.lesson("Sheets " + l, l, changed.toString()));
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
    void theRandomWorksheetsUseEveryKind() {
        for (String kind : RandomKindNetworks.KINDS.keySet()) {
            assertTrue(ALL_BLOCKS.indexOf("\"" + kind + "\"") >= 0, "no random worksheet has a " + kind + " layer");
        }
    }

    private static void assertSame(Map<String, List<String>> expected, Map<String, List<String>> actual, String what) {
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(expected, actual, part, 5);
            assertTrue(differences.isEmpty(), part + " of " + what + ":\n" + String.join("\n", differences));
        }
    }

    @ParameterizedTest(name = "lesson {0}")
    @MethodSource("lessons")
    void recomputingAnUntouchedWorksheetHidesWhatTheBuildHid(int lesson) {
        browser.openWithEmptyStorage(asWritten.resolve("sheets-" + lesson + ".html"));
        Map<String, List<String>> built = PageState.settled(browser);
        assertEquals(BLOCKS, browser.driver().findElements(By.cssSelector("figure.mlp[data-practice]")).size());
        browser.js("window.Longhand.recomputeAll();");
        assertSame(built, PageState.settled(browser), "lesson " + lesson + " (built → page)");
        assertEquals(0L, browser.js("return document.querySelectorAll('.revealed-text').length;"));
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @ParameterizedTest(name = "lesson {0}")
    @MethodSource("lessons")
    void anEditShowsWhatJavaBuildsForTheEditedWorksheet(int lesson) {
        String page = "sheets-" + lesson + ".html";
        browser.openWithEmptyStorage(asWritten.resolve(page));
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
        browser.openWithEmptyStorage(asEdited.resolve(page));
        assertSame(PageState.settled(browser), typed, "lesson " + lesson + " after its edits (built → page)");
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    /** Every line, "?" and box as a reader sees it, keyed. */
    private static final String SHOWN = """
            const visible = n => n.nodeType === 3 ? n.textContent
              : n.nodeType !== 1 || getComputedStyle(n).display === 'none' ? ''
              : [...n.childNodes].map(visible).join('');
            const clean = t => t.replace(/\\s+/g, ' ').trim();
            const out = {lines: [], cells: [], boxes: []};
            document.querySelectorAll('figure.mlp').forEach(f => {
              f.querySelectorAll('[data-work]').forEach(el =>
                out.lines.push(f.id + ' ' + el.getAttribute('data-work') + ': ' + clean(visible(el))));
              f.querySelectorAll('[data-blank-of]').forEach(el =>
                out.cells.push(f.id + ' ' + el.getAttribute('data-blank-of') + ': ' + clean(visible(el.parentElement))));
              f.querySelectorAll('input.answer-box').forEach(el =>
                out.boxes.push(f.id + ' ' + el.getAttribute('data-answer') + ': ' + el.value));
            });
            return out;
            """;

    /** The answer key's figure of every value its tables show. */
    private static final String KEY_FIGURES = """
            const out = {};
            document.querySelectorAll('figure.mlp').forEach(f => {
              f.querySelectorAll('table [data-v]').forEach(el => out[f.id + ' ' + el.getAttribute('data-v')] = el.textContent);
            });
            return out;
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> shown() {
        return (Map<String, List<String>>) browser.js(SHOWN);
    }

    /** Each entry "id: figure" as the answer key's figure of its id. */
    private static List<String> asInKey(List<String> entries, Map<String, String> figures) {
        List<String> expected = new ArrayList<>();
        for (String entry : entries) {
            String id = entry.substring(0, entry.indexOf(": "));
            expected.add(id + ": " + figures.get(id));
        }
        return expected;
    }

    @ParameterizedTest(name = "lesson {0}")
    @MethodSource("lessons")
    @SuppressWarnings("unchecked")
    void revealAllShowsWhatTheAnswerKeyShowsAndClearBringsBackWhatTheBuildWrote(int lesson) {
        browser.open(asWritten.resolve("sheets-" + lesson + "-answers.html"));
        Map<String, List<String>> key = shown();
        Map<String, String> figures = (Map<String, String>) browser.js(KEY_FIGURES);

        browser.openWithEmptyStorage(asWritten.resolve("sheets-" + lesson + ".html"));
        Map<String, List<String>> built = PageState.settled(browser);
        Map<String, List<String>> before = shown();
        for (WebElement reveal : browser.driver().findElements(By.cssSelector(".practice-reveal"))) {
            browser.js("arguments[0].click();", reveal);
        }
        Map<String, List<String>> revealed = shown();
        assertEquals(key.get("lines"), revealed.get("lines"), "worked lines of lesson " + lesson);
        assertEquals(asInKey(revealed.get("cells"), figures), revealed.get("cells"), "every '?' of lesson " + lesson);
        assertEquals(asInKey(revealed.get("boxes"), figures), revealed.get("boxes"), "every box of lesson " + lesson);
        assertTrue(before.get("cells").stream().allMatch(c -> c.endsWith(": ?")), "nothing shown before");
        assertTrue(!before.get("boxes").isEmpty(), "boxes to fill in");
        assertTrue(!before.get("cells").isEmpty(), "hidden values drawn again");
        assertTrue(before.get("lines").stream().anyMatch(l -> l.contains("?")), "lines with hidden figures");

        for (WebElement clear : browser.driver().findElements(By.cssSelector(".practice-clear"))) {
            browser.js("arguments[0].click();", clear);
        }
        assertEquals(before, shown(), "after Clear, lesson " + lesson + " shows what it showed at first");
        assertSame(built, PageState.settled(browser), "lesson " + lesson + " after Clear");
        assertEquals(0L, browser.js("return document.querySelectorAll('.revealed-text, [data-revealed]').length;"));
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }
}
