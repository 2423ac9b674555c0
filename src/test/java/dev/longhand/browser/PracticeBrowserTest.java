package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * A reader filling in a worksheet in headless Chromium. By hand, x = (3, 1):
 * layer 1: z = (5, −4.5), a = (5, 0); layer 2 (linear): z = a = 2·5 + 3·0 − 1.25 = 8.75.
 */
@ExtendWith(BrowserAvailable.class)
class PracticeBrowserTest {

    private static final String LESSON = TestSite.lesson("Practice", 1, """
            ```mlp
            input: [3, 1]
            layers:
              - weights: [[1, 2], [-2, 1]]
                bias: [0, 0.5]
              - weights: [[2, 3]]
                bias: [-1.25]
            practice: true
            ```
            """);

    /** Every box of the block and its right answer as the page shows figures, in page order. */
    private static final Map<String, String> EXPECTED = Map.of(
            "layers.0.z.0.0", "5", "layers.0.z.1.0", "−4.5", "layers.0.a.0.0", "5", "layers.0.a.1.0", "0",
            "layers.1.z.0.0", "8.75", "layers.1.a.0.0", "8.75");

    @RegisterExtension
    static final LessonInBrowser page = new LessonInBrowser("practice.md", LESSON);

    private static WebElement box(String key) {
        return page.browser().driver().findElement(By.cssSelector("#mlp-1 input[data-answer=\"" + key + "\"]"));
    }

    private static String js(String script, Object... args) {
        Object v = page.browser().js(script, args);
        return v == null ? null : v.toString();
    }

    private static String mark(String key) {
        return js("return arguments[0].parentElement.querySelector('.answer-mark').textContent;", box(key));
    }

    private static String count() {
        return js("return document.querySelector('#mlp-1 .practice-count').textContent;");
    }

    @Test
    void theRightValueIsMarkedRightAndAWrongOneWrong() {
        assertEquals("0 of 6 correct", count());
        box("layers.0.z.1.0").sendKeys("-4.5");
        assertTrue(box("layers.0.z.1.0").getAttribute("class").contains("right"));
        assertEquals("✓right", mark("layers.0.z.1.0"));
        assertNull(box("layers.0.z.1.0").getAttribute("aria-invalid"));
        assertEquals("1 of 6 correct", count());

        box("layers.1.a.0.0").sendKeys("8.7");
        assertTrue(box("layers.1.a.0.0").getAttribute("class").contains("wrong"));
        assertEquals("✗wrong", mark("layers.1.a.0.0"));
        assertEquals("true", box("layers.1.a.0.0").getAttribute("aria-invalid"));
        assertEquals("1 of 6 correct", count());
        assertEquals("polite", js("return document.querySelector('#mlp-1 .practice-count').getAttribute('aria-live');"));
        // A₁, once right, shows where layer 2 repeats it
        assertEquals("?", repeated("layers.0.a.0.0"));
        box("layers.0.a.0.0").sendKeys("4");
        assertEquals("?", repeated("layers.0.a.0.0"), "a wrong answer is not repeated");
        box("layers.0.a.0.0").clear();
        box("layers.0.a.0.0").sendKeys("5");
        assertEquals("5", repeated("layers.0.a.0.0"));
    }

    /** What layer 2's input shows for a blank A of layer 1: "?" or, revealed, its figure. */
    private static String repeated(String key) {
        return js("const cell = document.querySelector('#mlp-1 [data-blank-of=\"' + arguments[0] + '\"]').parentElement;"
                + "return [...cell.children].filter(c => getComputedStyle(c).display !== 'none').map(c => c.textContent).join('|');",
                key);
    }

    @Test
    void theUnicodeMinusAndEitherRoundingOfTheLastDigitAreAccepted() {
        box("layers.0.z.1.0").sendKeys("\u22124.5");
        assertTrue(box("layers.0.z.1.0").getAttribute("class").contains("right"));
        assertEquals(Boolean.TRUE, page.browser().js("return LonghandPractice.isRight(0.6667, 2/3, 4)"
                + " && LonghandPractice.isRight(0.6666, 0.66665, 4) && !LonghandPractice.isRight(0.667, 2/3, 4);"));
    }

    @Test
    void aReloadKeepsTheAnswers() {
        box("layers.0.z.0.0").sendKeys("5");
        box("layers.1.z.0.0").sendKeys("9");
        box("layers.1.z.0.0").sendKeys(Keys.ENTER);
        page.reload();
        assertEquals("5", box("layers.0.z.0.0").getAttribute("value"));
        assertEquals("9", box("layers.1.z.0.0").getAttribute("value"));
        assertTrue(box("layers.1.z.0.0").getAttribute("class").contains("wrong"));
        assertEquals("1 of 6 correct", count());
        assertTrue(js("return Object.keys(localStorage).join(' ');").contains("longhand-practice:"));
    }

    @Test
    void revealAllFillsEveryBoxAndClearEmptiesThem() {
        page.browser().driver().findElement(By.cssSelector("#mlp-1 .practice-reveal")).click();
        EXPECTED.forEach((key, value) -> assertEquals(value, box(key).getAttribute("value"), key));
        assertEquals("6 of 6 correct", count());
        assertEquals("true", js("return [...document.querySelectorAll('#mlp-1 details.show-how')].every(d => d.open);"));
        page.browser().driver().findElement(By.cssSelector("#mlp-1 .practice-clear")).click();
        EXPECTED.keySet().forEach(key -> assertEquals("", box(key).getAttribute("value"), key));
        assertEquals("0 of 6 correct", count());
        assertEquals("", mark("layers.0.z.0.0"));
        page.reload();
        assertEquals("", box("layers.0.z.0.0").getAttribute("value"), "cleared answers stay cleared");
    }

    /** What the diagram's node shows on screen (or in print, when print media is emulated). */
    private static String node(String id) {
        return js("return [...document.querySelectorAll('#mlp-1 [data-node=\"" + id + "\"] text')]"
                + ".filter(t => getComputedStyle(t).display !== 'none').map(t => t.textContent).join('|');");
    }

    private static boolean nodeLooksClamped(String id) {
        return js("return document.querySelector('#mlp-1 [data-node=\"" + id + "\"]').getAttribute('class');")
                .contains("inactive");
    }

    @Test
    void revealAllShowsTheValuesInTheDiagramAndClearHidesThemAgain() {
        assertEquals(List.of("?", "?", "?"), List.of(node("0.0"), node("0.1"), node("1.0")));
        assertFalse(nodeLooksClamped("0.1"), "a blank node does not show that ReLU clamped it");
        page.browser().driver().findElement(By.cssSelector("#mlp-1 .practice-reveal")).click();
        // a = (5, 0) and 8.75, as worked out at the top
        assertEquals(List.of("5", "0", "8.75"), List.of(node("0.0"), node("0.1"), node("1.0")));
        assertTrue(nodeLooksClamped("0.1"), "revealed, the clamped node looks clamped");
        assertEquals("3", node("-1.0"), "inputs are never blank");
        page.browser().driver().findElement(By.cssSelector("#mlp-1 .practice-clear")).click();
        assertEquals(List.of("?", "?", "?"), List.of(node("0.0"), node("0.1"), node("1.0")));
        assertFalse(nodeLooksClamped("0.1"));
        page.reload();
        assertEquals("?", node("0.0"), "nothing revealed after a reload of a cleared sheet");
    }

    @Test
    void showHowRevealsOneNodeAndClosingItHidesItAgain() {
        WebElement how = page.browser().driver().findElement(
                By.cssSelector("#mlp-1 details.show-how[data-answer-for=\"layers.0.z.0.0\"] summary"));
        page.browser().toggle(how);
        assertEquals("5", node("0.0"));
        assertEquals("?", node("0.1"), "only that unit");
        assertEquals("?", node("1.0"));
        page.browser().toggle(how);
        assertEquals("?", node("0.0"));
    }

    @Test
    void aRightAnswerForANodeShowsItInTheDiagramAndAWrongOneDoesNot() {
        box("layers.0.a.1.0").sendKeys("0");
        assertEquals("0", node("0.1"));
        box("layers.0.a.0.0").sendKeys("4");
        assertEquals("?", node("0.0"));
        box("layers.0.z.0.0").sendKeys("5");
        assertEquals("?", node("0.0"), "the diagram shows A, so a right Z alone reveals nothing");
        page.reload();
        assertEquals("0", node("0.1"), "kept answers show again after a reload");
    }

    @Test
    void revealedDiagramValuesDoNotPrint() {
        page.browser().driver().findElement(By.cssSelector("#mlp-1 .practice-reveal")).click();
        ChromeDriver chrome = (ChromeDriver) page.browser().driver();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals(List.of("?", "?", "?"), List.of(node("0.0"), node("0.1"), node("1.0")));
            assertEquals("none", js("return getComputedStyle(document.querySelector('#mlp-1 [data-node=\"0.1\"] circle'))"
                    + ".strokeDasharray;"), "nor does the clamped look");
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        assertEquals("8.75", node("1.0"));
    }

    @Test
    void theKeyboardAloneFillsInABox() {
        WebElement bias = page.browser().driver().findElement(By.cssSelector("#mlp-1 [data-edit=\"layers.0.bias.1\"]"));
        page.browser().js("arguments[0].focus();", bias);
        new Actions(page.browser().driver()).sendKeys(Keys.TAB).perform();
        assertEquals("layers.0.z.0.0", js("return document.activeElement.getAttribute('data-answer');"));
        new Actions(page.browser().driver()).sendKeys("5").sendKeys(Keys.ENTER).perform();
        assertTrue(box("layers.0.z.0.0").getAttribute("class").contains("right"));
        assertEquals("1 of 6 correct", count());
    }

    @Test
    void theAnswersFollowAnEditedNumber() {
        box("layers.1.z.0.0").sendKeys("8.75");
        assertTrue(box("layers.1.z.0.0").getAttribute("class").contains("right"));
        WebElement bias = page.browser().driver().findElement(By.cssSelector("#mlp-1 [data-edit=\"layers.1.bias.0\"]"));
        bias.click();
        bias.sendKeys("-0.25");
        bias.sendKeys(Keys.ENTER);
        // z = 10 + 0 − 0.25 = 9.75 now
        assertTrue(box("layers.1.z.0.0").getAttribute("class").contains("wrong"));
        box("layers.1.z.0.0").clear();
        box("layers.1.z.0.0").sendKeys("9.75");
        assertTrue(box("layers.1.z.0.0").getAttribute("class").contains("right"));
        assertEquals("?", js("return document.querySelector('#mlp-1 [data-node=\"1.0\"] text').textContent;"),
                "the diagram still gives nothing away");
    }

    @Test
    void printingGivesACleanWorksheetWithEmptyLookingBoxes() {
        box("layers.0.z.0.0").sendKeys("5");
        page.browser().driver().findElement(By.cssSelector("#mlp-1 .practice-reveal")).click();
        ChromeDriver chrome = (ChromeDriver) page.browser().driver();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals("none", js("return getComputedStyle(document.querySelector('#mlp-1 .practice-tools')).display;"));
            assertEquals("none", js("return getComputedStyle(arguments[0].parentElement.querySelector('.answer-mark'))"
                    + ".display;", box("layers.0.z.0.0")));
            assertEquals("rgba(0, 0, 0, 0)", js("return getComputedStyle(arguments[0]).color;", box("layers.0.z.0.0")),
                    "typed answers do not print");
            assertEquals("true", js("return [...document.querySelectorAll('#mlp-1 details.show-how')]"
                    + ".every(d => d.offsetParent === null);"), "no working prints, even when opened");
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void withoutJavaScriptTheBoxesArePlainEmptyBoxes() throws IOException {
        try (Browser plain = Browser.start(false)) {
            plain.open(page.url());
            Object boxes = plain.driver().findElements(By.cssSelector("#mlp-1 input.answer-box")).stream()
                    .map(b -> b.getAttribute("value") + "|" + b.isDisplayed()).toList();
            assertEquals(List.of("|true", "|true", "|true", "|true", "|true", "|true"), boxes);
            assertTrue(plain.driver().findElements(By.cssSelector(".practice-tools, .answer-mark")).isEmpty());
            assertTrue(plain.driver().findElement(By.cssSelector("#mlp-1 a.answer-key")).isDisplayed());
        }
    }
}
