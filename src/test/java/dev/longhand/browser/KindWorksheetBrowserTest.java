package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.KindWorksheets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A reader filling in a worksheet of layers beyond dense ones ({@link KindWorksheets}: causal
 * attention, a residual, a layer norm; its numbers worked out by hand there): a right answer
 * reveals what waits for it wherever it appears, Reveal all shows exactly what the answer key
 * shows, Clear brings back what the build wrote, and through all of it the page's trace stays the
 * one Java wrote (nothing was edited) and a recompute hides what the build hid.
 */
@ExtendWith(BrowserAvailable.class)
class KindWorksheetBrowserTest {

    private static final List<String> PRACTICE = List.of("{layers: [1]}", "true", "{blank: [z]}", "{blank: [a]}",
            "{layers: [2]}", "{layers: [3]}");

    /**
     * Blocks 7 to 9, for Reveal all and Clear: several heads with an output projection, dropout
     * (a given mask, a seed), tanh and batch norm; given attention weights with and without a
     * value projection around a residual of a layer norm and ReLU.
     */
    private static final List<String> OTHER_KINDS = List.of("""
            ```network
            input: [[1, 2], [0, -1], [2, 1]]
            layers:
              - type: attention
                heads:
                  - {query: [[1, 0]], key: [[0, 1]], value: [[1, 1]]}
                  - {query: [[0, 1]], key: [[1, 0]], value: [[1, -1]]}
                output: [[1, 0], [0.5, 1]]
              - type: dropout
                p: 0.5
                mask: [[1, 0, 1], [0, 1, 1]]
              - type: activation
                activation: tanh
              - type: batch_norm
            practice: true
            ```
            """, """
            ```network
            input: [[1, 0], [0, 1], [1, 1]]
            layers:
              - type: attention
                weights: [[0.5, 0.25, 0], [0.5, 0.25, 0.5], [0, 0.5, 0.5]]
                value: [[1, 1], [2, 0]]
              - type: residual
                layers:
                  - type: layer_norm
                  - type: activation
                    activation: relu
              - type: attention
                weights: [[1, 0.5, 0], [0, 0.5, 0.5], [0, 0, 0.5]]
            practice: {blank: [z]}
            ```
            """, """
            ```network
            input: [[1, 0], [0, 1], [1, 1]]
            layers:
              - type: attention
                heads:
                  - {query: [[1, 0]], key: [[0, 1]], value: [[1, 1]]}
                  - {query: [[0, 1]], key: [[1, 0]], value: [[1, -1]]}
              - type: dropout
                p: 0.5
                seed: 3
            practice: {blank: [a]}
            ```
            """);

    private static final String LESSON = lesson();

    @RegisterExtension
    static final LessonInBrowser page = new LessonInBrowser("kinds.md", LESSON);

    private static String lesson() {
        StringBuilder body = new StringBuilder();
        for (String practice : PRACTICE) {
            body.append("\n## ").append(practice).append("\n\n").append(KindWorksheets.BLOCK.formatted(practice));
        }
        for (String block : OTHER_KINDS) {
            body.append("\n## Other kinds\n\n").append(block);
        }
        return TestSite.lesson("Kinds", 1, body.toString());
    }

    /** What an element shows: its text without anything CSS does not display. */
    private static final String VISIBLE = """
            const visible = n => n.nodeType === 3 ? n.textContent
              : n.nodeType !== 1 || getComputedStyle(n).display === 'none' ? ''
              : [...n.childNodes].map(visible).join('');
            return visible(arguments[0]).replace(/\\s+/g, ' ').trim();
            """;

    private static String shows(String css) {
        WebElement el = page.browser().driver().findElement(By.cssSelector(css));
        return (String) page.browser().js(VISIBLE, el);
    }

    /** A worked line of block 1 by its key ("1.layers.0.0.0"). */
    private static String line(String key) {
        return shows("#mlp-1 [data-work=\"" + key + "\"]");
    }

    /** What the cells of block 1 standing for a value show: "?" until revealed. */
    private static List<String> copies(String key) {
        List<String> shown = new ArrayList<>();
        for (WebElement el : page.browser().driver().findElements(By.cssSelector("#mlp-1 [data-blank-of=\"" + key + "\"]"))) {
            shown.add((String) page.browser().js(VISIBLE, el.findElement(By.xpath(".."))));
        }
        return shown;
    }

    private static void answer(String key, String text) {
        page.browser().driver().findElement(By.cssSelector("#mlp-1 input[data-answer=\"" + key + "\"]")).sendKeys(text);
    }

    private static void click(WebElement el) {
        page.browser().js("arguments[0].scrollIntoView({block: 'center'});", el);
        el.click();
    }

    private static String traces() {
        return (String) page.browser().js(
                "return [...document.querySelectorAll('script.mlp-trace')].map(t => t.textContent).join('\\n');");
    }

    @Test
    void rightAnswersRevealWhatWaitsForThemWhereverItAppears() {
        String built = traces();
        // layers [1]: the residual's inner layer is shown, its input A₁ is not
        assertEquals("z₁ = 1·? + (−1)·? + 0·? + 0 = 1 a₁ = ReLU(1) = 1", line("1.layers.0.0.0"));
        assertEquals(List.of("?", "?"), copies("layers.0.a.0.0"), "A₁ in the residual's branch and its x");
        assertEquals(List.of("?", "?"), copies("layers.1.a.0.0"), "x + f(x) repeats the hidden x, and the norm takes it");
        assertEquals("? + 1 = 2", line("1.sum.0.0"));

        answer("layers.0.a.0.0", "1");
        answer("layers.0.a.1.0", "0.5");
        assertEquals("z₁ = 1·1 + (−1)·? + 0·? + 0 = 1 a₁ = ReLU(1) = 1", line("1.layers.0.0.0"), "a wrong answer reveals nothing");
        page.browser().driver().findElement(By.cssSelector("#mlp-1 input[data-answer=\"layers.0.a.1.0\"]")).clear();
        answer("layers.0.a.1.0", "0");
        answer("layers.0.a.2.0", "1");
        assertEquals("z₁ = 1·1 + (−1)·0 + 0·1 + 0 = 1 a₁ = ReLU(1) = 1", line("1.layers.0.0.0"));
        assertEquals(List.of("1", "1"), copies("layers.0.a.0.0"));
        assertEquals(List.of("2", "2"), copies("layers.1.a.0.0"));
        assertEquals("1 + 1 = 2", line("1.sum.0.0"));

        // s₃,₃ = k₃·q₃ = 2·1 + 1·2 = 4: its "show how" shows it, and "?" for K and Q until they are right
        WebElement how = page.browser().driver().findElement(
                By.cssSelector("#mlp-1 details.show-how[data-answer-for=\"layers.0.heads.0.scores.2.2\"] summary"));
        page.browser().toggle(how);
        assertEquals("s₃,₃ = ?·? + ?·? = 4", line("0.heads.0.scores.2.2"));
        answer("layers.0.heads.0.k.0.2", "2");
        answer("layers.0.heads.0.q.0.2", "1");
        assertEquals("s₃,₃ = 2·1 + ?·? = 4", line("0.heads.0.scores.2.2"));
        answer("layers.0.heads.0.k.1.2", "1");
        answer("layers.0.heads.0.q.1.2", "2");
        assertEquals("s₃,₃ = 2·1 + 1·2 = 4", line("0.heads.0.scores.2.2"));
        // the open "show how" reveals its score where the softmax uses it
        assertTrue(line("0.heads.0.weights.2.2").startsWith("a₃,₃ = exp(4) / (exp(?) + exp(?) + exp(4))"),
                line("0.heads.0.weights.2.2"));

        // V = (1, 2, 3 / 0, 1, 1 / 1, 0, 1): right, it shows again in V·A
        assertEquals(List.of("?"), copies("layers.0.heads.0.v.0.1"));
        answer("layers.0.heads.0.v.0.1", "2");
        assertEquals(List.of("2"), copies("layers.0.heads.0.v.0.1"));
        // the weight of key 1 for query 2, 1/(1 + e) ≈ 0.2689, again in V·A
        answer("layers.0.heads.0.weights.0.1", "0.2689");
        assertEquals(List.of("0.2689"), copies("layers.0.heads.0.weights.0.1"));

        assertEquals(built, traces(), "the trace is still the one Java wrote");
        Map<String, List<String>> before = PageState.collect(page.browser());
        page.browser().js("window.Longhand.recomputeAll();");
        assertEquals(before, PageState.collect(page.browser()), "a recompute changes nothing and uncovers nothing");

        page.reload();
        assertEquals("z₁ = 1·1 + (−1)·0 + 0·1 + 0 = 1 a₁ = ReLU(1) = 1", line("1.layers.0.0.0"), "kept answers reveal after a reload");
        click(page.browser().driver().findElement(By.cssSelector("#mlp-1 .practice-clear")));
        assertEquals("z₁ = 1·? + (−1)·? + 0·? + 0 = 1 a₁ = ReLU(1) = 1", line("1.layers.0.0.0"));
        assertEquals(List.of("?", "?"), copies("layers.0.a.0.0"));
    }

    @Test
    void aRecomputeOfAnUntouchedWorksheetHidesWhatTheBuildHid() {
        Map<String, List<String>> built = PageState.collect(page.browser());
        page.browser().js("window.Longhand.recomputeAll();");
        Map<String, List<String>> recomputed = PageState.collect(page.browser());
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, recomputed, part, 5);
            assertTrue(differences.isEmpty(), part + " differ:\n" + String.join("\n", differences));
        }
        assertEquals(0L, page.browser().js("return document.querySelectorAll('.revealed-text').length;"));
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
        return (Map<String, List<String>>) page.browser().js(SHOWN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void revealAllShowsWhatTheAnswerKeyShowsAndClearBringsBackWhatTheBuildWrote() {
        page.open(page.url().replace("kinds.html", "kinds-answers.html"));
        Map<String, List<String>> key = shown();
        Map<String, String> figures = (Map<String, String>) page.browser().js(KEY_FIGURES);

        page.browser().openWithEmptyStorage(page.url());
        String built = traces();
        Map<String, List<String>> before = shown();
        Map<String, List<String>> state = PageState.collect(page.browser());
        for (WebElement reveal : page.browser().driver().findElements(By.cssSelector(".practice-reveal"))) {
            page.browser().js("arguments[0].click();", reveal);
        }
        Map<String, List<String>> revealed = shown();
        assertEquals(key.get("lines"), revealed.get("lines"), "worked lines");
        List<String> cells = new ArrayList<>();
        for (String cell : revealed.get("cells")) {
            String id = cell.substring(0, cell.indexOf(": "));
            cells.add(id + ": " + figures.get(id));
        }
        assertEquals(cells, revealed.get("cells"), "every '?' shows the key's figure");
        List<String> boxes = new ArrayList<>();
        for (String box : revealed.get("boxes")) {
            String id = box.substring(0, box.indexOf(": "));
            boxes.add(id + ": " + figures.get(id));
        }
        assertEquals(boxes, revealed.get("boxes"), "every box holds the key's figure");
        assertTrue(before.get("cells").stream().allMatch(c -> c.endsWith(": ?")), "nothing shown before");
        assertTrue(before.get("cells").size() > 50, "kinds repeat blanks elsewhere: " + before.get("cells").size());
        assertEquals(built, traces());

        for (WebElement clear : page.browser().driver().findElements(By.cssSelector(".practice-clear"))) {
            page.browser().js("arguments[0].click();", clear);
        }
        assertEquals(before, shown(), "after Clear the page shows what it showed at first");
        Map<String, List<String>> cleared = PageState.collect(page.browser());
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(state, cleared, part, 5);
            assertTrue(differences.isEmpty(), part + " after Clear:\n" + String.join("\n", differences));
        }
        assertEquals(0L, page.browser().js("return document.querySelectorAll('.revealed-text').length;"));
    }
}
