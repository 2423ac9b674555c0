package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What a reader does with a page: edits that flip a ReLU mark, Reset, a shared link, a broken
 * link, a typo, the keyboard alone, and the page without its script. Expected numbers are
 * worked out by hand in the comments; the lesson's own numbers come from the built file.
 */
@ExtendWith(BrowserAvailable.class)
class InteractionTest {

    /*
     * Block 1, x = (2, 1):  z₁ = 1·2 + (−1)·1 = 1 → passed, a₁ = 1
     *                        z₂ = (−1)·2 + 1·1 = −1 → clamped, a₂ = 0
     *                        output = 1·1 + 2·0 = 1
     * Block 2, x = (1, −1): z₁ = 1 − 1 = 0 → a₁ = 0 (passed on the page, blocked backward)
     *                        z₂ = 2 − 1 = 1 → a₂ = 1;  output = 0 − 1 = −1;  loss = (−1 − 2)² = 9
     */
    private static final String LESSON = TestSite.lesson("Interaction", 1, """
            Some prose.

            ## Some heading

            ```mlp
            input: [2, 1]
            layers:
              - name: Hidden
                weights:
                  - [1, -1]
                  - [-1, 1]
              - weights: [[1, 2]]
            ```

            ## Training

            ```mlp
            input: [1, -1]
            target: [2]
            steps: 3
            layers:
              - weights: [[1, 1], [2, 1]]
              - weights: [[1, -1]]
            ```
            """);

    @TempDir
    static Path temp;
    private static Path site;
    private static Path page;
    private static Document built;
    private static Browser browser;

    @BeforeAll
    static void buildAndStart() throws IOException {
        site = TestSite.build(temp, Map.of("interaction.md", LESSON));
        page = site.resolve("interaction.html");
        built = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void noJavaScriptErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Loads the page anew (a URL that differs only in its fragment would not reload it). */
    private static void load(String fragment) {
        browser.open("about:blank");
        browser.open(page.toUri() + fragment);
    }

    private static WebElement cell(String block, String key) {
        return browser.driver().findElement(By.cssSelector("#" + block + " [data-edit=\"" + key + "\"]"));
    }

    /** Clicks a number and types over it, as a reader does; focusing a number selects it. */
    private static void type(String block, String key, String text) {
        WebElement cell = cell(block, key);
        // A click on the number that already has focus places the caret instead of selecting.
        browser.js("if (document.activeElement === arguments[0]) arguments[0].blur();", cell);
        cell.click();
        cell.sendKeys(text);
        cell.sendKeys(Keys.ENTER);
    }

    private static String js(String script, Object... args) {
        Object v = browser.js(script, args);
        return v == null ? null : v.toString();
    }

    /** The text of a keyed figure of a block. */
    private static String shown(String block, String key) {
        return js("return document.querySelector('#' + arguments[0] + ' [data-v=\"' + arguments[1] + '\"]').textContent;",
                block, key);
    }

    /** The class of a keyed figure's table cell. */
    private static String cellClass(String block, String key) {
        return js("return document.querySelector('#' + arguments[0] + ' table.matrix-' + arguments[2] + ' [data-v=\"'"
                + " + arguments[1] + '\"]').parentElement.getAttribute('class');", block, key, key.split("\\.")[2]);
    }

    /** The struck-out z of a clamped A cell, or null. */
    private static String struck(String block, String key) {
        return js("const s = document.querySelector('#' + arguments[0] + ' table.matrix-a [data-v=\"' + arguments[1]"
                + " + '\"]').parentElement.querySelector('.was s'); return s && s.textContent;", block, key);
    }

    private static String lineClass(String block, String key) {
        return js("return document.querySelector('#' + arguments[0] + ' [data-work=\"' + arguments[1] + '\"]')"
                + ".getAttribute('class');", block, key);
    }

    private static String lineNote(String block, String key) {
        return js("const n = document.querySelector('#' + arguments[0] + ' [data-work=\"' + arguments[1] + '\"] .work-note');"
                + " return n && n.textContent;", block, key);
    }

    private static JsonNode trace(String block) {
        return Traces.parse(js("return document.querySelector('#' + arguments[0] + ' script.mlp-trace').textContent;", block));
    }

    private static String hash() {
        return js("return location.hash;");
    }

    private static List<String> visibleNotices() {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) browser.js("return [...document.querySelectorAll('.mlp-notice')]"
                + ".filter(n => !n.hidden && n.offsetParent !== null).map(n => n.textContent);");
        return texts;
    }

    /** Every keyed figure of the built file as "key|text", in page order. */
    private static List<String> builtFigures() {
        List<String> figures = new ArrayList<>();
        for (Element el : built.select("[data-v]")) {
            figures.add(el.attr("data-v") + "|" + el.text());
        }
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static List<String> pageFigures() {
        return (List<String>) browser.js("return [...document.querySelectorAll('[data-v]')]"
                + ".map(el => el.getAttribute('data-v') + '|' + el.textContent);");
    }

    private static List<String> builtTraces() {
        return built.select("script.mlp-trace").stream().map(Element::data).toList();
    }

    // ---- tests --------------------------------------------------------------------------------

    @Test
    void aReluMarkFlipsWhenItsZCrossesZero() {
        load("");
        Map<String, List<String>> lesson = PageState.settled(browser);
        assertEquals("passed", cellClass("mlp-1", "layers.0.a.0.0"));
        assertNull(struck("mlp-1", "layers.0.a.0.0"));
        assertEquals("clamped", cellClass("mlp-1", "layers.0.a.1.0"));
        assertEquals("−1", struck("mlp-1", "layers.0.a.1.0"));
        assertEquals("clamped", lineClass("mlp-1", "0.1.0"));
        assertEquals("clamped", lineNote("mlp-1", "0.1.0"));
        assertEquals("1", shown("mlp-1", "layers.1.a.0.0"));

        // x = (0, 1): z₁ = 0 − 1 = −1 clamped, z₂ = 0 + 1 = 1 passed, output = 1·0 + 2·1 = 2
        type("mlp-1", "input.0.0", "0");
        assertEquals("clamped", cellClass("mlp-1", "layers.0.z.0.0"));
        assertEquals("clamped", cellClass("mlp-1", "layers.0.a.0.0"));
        assertEquals("0", shown("mlp-1", "layers.0.a.0.0"));
        assertEquals("−1", struck("mlp-1", "layers.0.a.0.0"));
        assertEquals("passed", cellClass("mlp-1", "layers.0.z.1.0"));
        assertEquals("passed", cellClass("mlp-1", "layers.0.a.1.0"));
        assertEquals("1", shown("mlp-1", "layers.0.a.1.0"));
        assertNull(struck("mlp-1", "layers.0.a.1.0"));
        assertTrue(lineClass("mlp-1", "0.0.0").contains("clamped"));
        assertEquals("clamped", lineNote("mlp-1", "0.0.0"));
        assertTrue(lineClass("mlp-1", "0.1.0").startsWith("passed"));
        assertNull(lineNote("mlp-1", "0.1.0"));
        assertEquals("2", shown("mlp-1", "layers.1.a.0.0"));
        assertEquals(2.0, trace("mlp-1").get("output").get(0).get(0).asDouble());

        // Back to the lesson's 2: everything as built, and nothing left in the address.
        type("mlp-1", "input.0.0", "2");
        assertEquals("", hash());
        Map<String, List<String>> back = PageState.settled(browser);
        for (String part : PageState.PARTS) {
            assertEquals(List.of(), PageState.differences(lesson, back, part, 5), part);
        }
    }

    @Test
    void resetReturnsTheLessonsNumbersAndClearsTheAddress() {
        load("");
        Map<String, List<String>> lesson = PageState.settled(browser);
        type("mlp-1", "input.0.0", "0");
        type("mlp-2", "layers.0.weights.0.0", "3");
        assertEquals("#edits:mlp-1/input.0.0=0;mlp-2/layers.0.weights.0.0=3", hash());
        assertNotEquals(lesson.get("traces"), PageState.settled(browser).get("traces"));

        browser.driver().findElement(By.cssSelector("#mlp-1 button.mlp-reset")).click();
        assertEquals("#edits:mlp-2/layers.0.weights.0.0=3", hash());
        assertEquals(lesson.get("traces").get(0), PageState.settled(browser).get("traces").get(0));

        browser.driver().findElement(By.cssSelector("#mlp-2 button.mlp-reset")).click();
        assertEquals("", hash());
        assertFalse(js("return location.href;").contains("#"));
        Map<String, List<String>> reset = PageState.settled(browser);
        for (String part : PageState.PARTS) {
            assertEquals(List.of(), PageState.differences(lesson, reset, part, 5), part);
        }
        assertEquals(builtTraces(), reset.get("traces"));
        assertEquals(builtFigures(), pageFigures());
    }

    @Test
    void aSharedLinkRestoresTheEdits() {
        load("");
        type("mlp-1", "input.0.0", "0");
        type("mlp-2", "layers.0.weights.0.0", "3");
        Map<String, List<String>> edited = PageState.settled(browser);
        String link = js("return location.href;");

        browser.open("about:blank");
        browser.open(link);
        assertEquals("0", cell("mlp-1", "input.0.0").getText());
        assertEquals("2", shown("mlp-1", "layers.1.a.0.0"));
        assertEquals("clamped", cellClass("mlp-1", "layers.0.a.0.0"));
        // Block 2 with w₁₁ = 3: z₁ = 3·1 + 1·(−1) = 2, z₂ = 1, output = 2 − 1 = 1, loss = (1 − 2)² = 1
        assertEquals("3", cell("mlp-2", "layers.0.weights.0.0").getText());
        assertEquals("2", shown("mlp-2", "layers.0.a.0.0"));
        assertEquals("1", shown("mlp-2", "layers.1.a.0.0"));
        assertEquals(1.0, trace("mlp-2").get("loss").asDouble());
        assertEquals(List.of(), visibleNotices());
        Map<String, List<String>> restored = PageState.settled(browser);
        for (String part : PageState.PARTS) {
            assertEquals(List.of(), PageState.differences(edited, restored, part, 5), part);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"#edits:nonsense", "#edits:mlp-1/layers.9.weights.0.0=1", "#edits:mlp-1/input.0.0=abc",
            "#edits:mlp-9/input.0.0=1", "#edits:"})
    void aBrokenLinkSaysSoAndShowsTheLessonsNumbers(String fragment) {
        load(fragment);
        List<String> notices = visibleNotices();
        assertEquals(2, notices.size(), "a notice in each block");
        notices.forEach(n -> assertTrue(n.contains("could not be read"), n));
        assertEquals(builtFigures(), pageFigures());
        assertEquals(builtTraces(), PageState.collect(browser).get("traces"));
    }

    @Test
    void aHeadingAnchorIsNotAnEdit() {
        assertFalse(built.select("#some-heading").isEmpty(), "the lesson has a heading with id some-heading");
        load("#some-heading");
        assertEquals(List.of(), visibleNotices());
        assertEquals(builtFigures(), pageFigures());
        assertEquals(builtTraces(), PageState.collect(browser).get("traces"));
        assertEquals("#some-heading", hash());
    }

    @Test
    void typingSomethingThatIsNotANumberSaysSoAndKeepsTheLastGoodValue() {
        load("");
        // x = (3, 1): z₁ = 3 − 1 = 2, z₂ = −3 + 1 = −2 clamped, output = 2
        type("mlp-1", "input.0.0", "3");
        assertEquals("2", shown("mlp-1", "layers.1.a.0.0"));
        Map<String, List<String>> good = PageState.settled(browser);

        type("mlp-1", "input.0.0", "abc");
        WebElement cell = cell("mlp-1", "input.0.0");
        assertEquals("true", cell.getAttribute("aria-invalid"));
        WebElement error = cell.findElement(By.xpath("..")).findElement(By.cssSelector(".cell-error"));
        assertEquals("alert", error.getAttribute("role"));
        assertTrue(error.getText().contains("3"), error.getText());
        assertEquals(3.0, trace("mlp-1").get("input").get(0).get(0).asDouble());
        assertEquals("#edits:mlp-1/input.0.0=3", hash());
        Map<String, List<String>> typo = PageState.settled(browser);
        assertEquals(good.get("traces"), typo.get("traces"));
        assertEquals(good.get("lines"), typo.get("lines"));
        assertEquals(good.get("plots"), typo.get("plots"));
        List<String> others = new ArrayList<>(typo.get("values"));
        List<String> expected = new ArrayList<>(good.get("values"));
        int at = expected.indexOf(expected.stream().filter(v -> v.startsWith("input.0.0|")).findFirst().orElseThrow());
        assertTrue(others.get(at).startsWith("input.0.0|abc"), others.get(at));
        others.remove(at);
        expected.remove(at);
        assertEquals(expected, others, "nothing but the typed cell changed");

        cell.sendKeys(Keys.ESCAPE);
        assertEquals("3", cell.getText());
        assertNull(cell.getAttribute("aria-invalid"));
        assertTrue(browser.driver().findElements(By.cssSelector("#mlp-1 .cell-error")).isEmpty());
        Map<String, List<String>> escaped = PageState.settled(browser);
        for (String part : PageState.PARTS) {
            assertEquals(List.of(), PageState.differences(good, escaped, part, 5), part);
        }
    }

    @Test
    void theKeyboardAloneEditsNumbers() {
        load("");
        Actions keys = new Actions(browser.driver());
        int presses = 0;
        while (browser.js("return document.activeElement && document.activeElement.getAttribute('data-edit');") == null) {
            assertTrue(++presses <= 40, "Tab from the page start reaches an editable number");
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals(Boolean.TRUE, browser.js("return document.activeElement === document.querySelector('[data-edit]');"),
                "the first editable number is the first reached");
        assertEquals("layers.0.weights.0.0", js("return document.activeElement.getAttribute('data-edit');"));
        assertEquals("mlp-1", js("return document.activeElement.closest('figure.mlp').id;"));

        // W₁ row 1 = (4, −1): z₁ = 4·2 − 1 = 7, output = 7
        keys.sendKeys("4").sendKeys(Keys.ENTER).perform();
        assertEquals("layers.0.weights.0.0", js("return document.activeElement.getAttribute('data-edit');"),
                "focus stays on the edited number");
        assertEquals("4", cell("mlp-1", "layers.0.weights.0.0").getText());
        assertEquals("7", shown("mlp-1", "layers.1.a.0.0"));

        keys.sendKeys(Keys.ARROW_UP).perform();       // 5: z₁ = 10 − 1 = 9
        assertEquals("5", cell("mlp-1", "layers.0.weights.0.0").getText());
        assertEquals("9", shown("mlp-1", "layers.1.a.0.0"));
        keys.sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).perform();   // 3: z₁ = 6 − 1 = 5
        assertEquals("3", cell("mlp-1", "layers.0.weights.0.0").getText());
        assertEquals("5", shown("mlp-1", "layers.1.a.0.0"));
        assertEquals(3.0, trace("mlp-1").get("layers").get(0).get("weights").get(0).get(0).asDouble());
        assertEquals("#edits:mlp-1/layers.0.weights.0.0=3", hash());

        keys.sendKeys(Keys.TAB).perform();
        assertEquals(Boolean.TRUE, browser.js("return document.activeElement === document.querySelectorAll('[data-edit]')[1];"),
                "Tab moves to the next editable number");
        assertEquals("layers.0.weights.0.1", js("return document.activeElement.getAttribute('data-edit');"));
    }

    @Test
    void thePageLoadsNothingButItsOwnFiles() {
        browser.open("about:blank");
        browser.requests();
        browser.open(page.toUri() + "#edits:mlp-1/input.0.0=0");
        type("mlp-2", "layers.0.bias.0", "1");
        browser.driver().findElement(By.cssSelector("#mlp-1 button.mlp-reset")).click();
        String root = site.toUri().toString();

        @SuppressWarnings("unchecked")
        List<String> timed = (List<String>) browser.js("return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).map(e => e.name);");
        assertTrue(timed.contains(page.toUri() + "#edits:mlp-1/input.0.0=0"), timed.toString());
        timed.forEach(url -> assertTrue(url.startsWith("file:") && url.startsWith(root), url + " is not under " + root));

        List<String> requested = browser.requests();
        assertTrue(requested.contains(root + "assets/longhand.js"), requested.toString());
        assertTrue(requested.contains(root + "assets/longhand.css"), requested.toString());
        requested.forEach(url -> assertTrue(url.startsWith("file:") && url.startsWith(root), url + " is not under " + root));
    }

    @Test
    void withoutJavaScriptThePageIsTheBuiltWorksheet() throws IOException {
        try (Browser plain = Browser.start(false)) {
            plain.open(page);
            Document shown = Jsoup.parse(plain.driver().getPageSource());
            assertTrue(shown.select("[contenteditable]").isEmpty(), "no editable numbers");
            assertTrue(shown.select("button.mlp-reset, .mlp-tools, .mlp-notice").isEmpty(), "no Reset button");
            assertFalse(shown.select("[data-edit]").isEmpty());
            List<String> figures = shown.select("[data-v]").stream().map(e -> e.attr("data-v") + "|" + e.text()).toList();
            assertEquals(builtFigures(), figures);
            // The browser writes an empty SVG element as <line ...></line>, the build as <line ... />.
            String html = shown.body().html().replaceAll("></(line|polyline|circle)>", " />");
            assertEquals(built.body().html(), html);
        }
    }
}
