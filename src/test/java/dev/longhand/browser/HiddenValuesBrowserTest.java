package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.WorksheetNetworks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A worksheet that blanks some values keeps them hidden everywhere else (a later layer's
 * input, its worked arithmetic, the diagram, an A that repeats a blank Z) until the reader
 * reveals them, shows them everywhere once revealed, and hides them again on Clear; what
 * prints never shows them. The networks are {@link WorksheetNetworks}, worked out by hand there.
 */
@ExtendWith(BrowserAvailable.class)
class HiddenValuesBrowserTest {

    private static final String NETWORK = WorksheetNetworks.THREE_LAYERS;

    private static final String LESSON = TestSite.lesson("Hidden", 1, "## Layer 1\n\n"
            + NETWORK.formatted("{layers: [1]}") + "\n## Z only\n\n" + NETWORK.formatted("{blank: [z]}")
            + "\n## Everything\n\n" + NETWORK.formatted("true") + "\n## Softmax\n\n"
            + WorksheetNetworks.SOFTMAX);

    @RegisterExtension
    static final LessonInBrowser page = new LessonInBrowser("hidden.md", LESSON);

    /** What an element shows: its text without anything CSS does not display (screen or emulated print). */
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

    /** A worked line, by block and key ("1.0.0": layer 2, unit 1, sample 1). */
    private static String line(int block, String key) {
        return shows("#mlp-" + block + " [data-work=\"" + key + "\"]");
    }

    /** The diagram node of layer l + 1's unit u + 1 ("0.1"). */
    private static String node(int block, String id) {
        return (String) page.browser().js("return [...document.querySelectorAll('#mlp-" + block + " [data-node=\"" + id
                + "\"] text')].filter(t => getComputedStyle(t).display !== 'none').map(t => t.textContent).join('|');");
    }

    /** The cell of layer {@code layer}'s (1-based) table of {@code role} at row {@code row} (1-based). */
    private static String cell(int block, int layer, String role, int row) {
        return shows("#mlp-" + block + " section[data-layer=\"" + (layer - 1) + "\"] table.matrix-" + role
                + " tbody tr:nth-child(" + row + ") td");
    }

    private static WebElement box(int block, String key) {
        return page.browser().driver().findElement(By.cssSelector("#mlp-" + block + " input[data-answer=\"" + key + "\"]"));
    }

    private static void click(int block, String css) {
        click(page.browser().driver().findElement(By.cssSelector("#mlp-" + block + " " + css)));
    }

    /** Clicks an element in the middle of the window (layers out of view are laid out late and move things). */
    private static void click(WebElement el) {
        page.browser().js("arguments[0].scrollIntoView({block: 'center'});", el);
        el.click();
    }

    private static <T> T printed(java.util.function.Supplier<T> what) {
        ChromeDriver chrome = (ChromeDriver) page.browser().driver();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            return what.get();
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void aLaterLayerShowsABlankAOnlyOnceItsBoxIsRight() {
        assertEquals("z₁ = 1·? + 3·? + 1.5 = 5.75 a₁ = ReLU(5.75) = 5.75", line(1, "1.0.0"));
        assertEquals("?", cell(1, 2, "input", 1));
        assertEquals("?", node(1, "0.0"));

        box(1, "layers.0.a.0.0").sendKeys("4.3");
        assertEquals("z₁ = 1·? + 3·? + 1.5 = 5.75 a₁ = ReLU(5.75) = 5.75", line(1, "1.0.0"), "a wrong answer reveals nothing");
        assertEquals("?", cell(1, 2, "input", 1));

        box(1, "layers.0.a.0.0").clear();
        box(1, "layers.0.a.0.0").sendKeys("4.25");
        assertEquals("z₁ = 1·4.25 + 3·? + 1.5 = 5.75 a₁ = ReLU(5.75) = 5.75", line(1, "1.0.0"));
        assertEquals("z₂ = 0.5·4.25 + (−2)·? + (−0.5) = 1.625 a₂ = ReLU(1.625) = 1.625", line(1, "1.1.0"));
        assertEquals("4.25", cell(1, 2, "input", 1));
        assertEquals("?", cell(1, 2, "input", 2));
        assertEquals("4.25", node(1, "0.0"));
        assertEquals("?", node(1, "0.1"));

        page.reload();
        assertEquals("z₁ = 1·4.25 + 3·? + 1.5 = 5.75 a₁ = ReLU(5.75) = 5.75", line(1, "1.0.0"), "kept answers reveal after a reload");

        click(1, ".practice-clear");
        assertEquals("z₁ = 1·? + 3·? + 1.5 = 5.75 a₁ = ReLU(5.75) = 5.75", line(1, "1.0.0"));
        assertEquals("?", cell(1, 2, "input", 1));
        assertEquals("?", node(1, "0.0"));
    }

    @Test
    void revealAllShowsEveryHiddenValueEverywhereAndClearHidesThemAgain() {
        click(1, ".practice-reveal");
        assertEquals("z₁ = 1·4.25 + 3·0 + 1.5 = 5.75 a₁ = ReLU(5.75) = 5.75", line(1, "1.0.0"));
        assertEquals(List.of("4.25", "0"), List.of(cell(1, 2, "input", 1), cell(1, 2, "input", 2)));
        assertEquals(List.of("4.25", "0"), List.of(node(1, "0.0"), node(1, "0.1")));
        // what the browser now shows is exactly what the answer key shows
        assertEquals("z₁ = 1·4.25 + 3·0 + 1.5 = 5.75", page.browser().js(
                "return document.querySelector('#mlp-1 [data-work=\"1.0.0\"] .revealed-text').textContent;"));

        assertEquals("z₁ = 1·? + 3·? + 1.5 = 5.75 a₁ = ReLU(5.75) = 5.75", printed(() -> line(1, "1.0.0")),
                "revealed values do not print");
        assertEquals("?", printed(() -> cell(1, 2, "input", 1)));

        click(1, ".practice-clear");
        assertEquals("z₁ = 1·? + 3·? + 1.5 = 5.75 a₁ = ReLU(5.75) = 5.75", line(1, "1.0.0"));
        assertEquals(List.of("?", "?"), List.of(cell(1, 2, "input", 1), cell(1, 2, "input", 2)));
        assertTrue((Boolean) page.browser().js("return document.querySelectorAll('#mlp-1 .revealed-text, #mlp-1 [data-revealed]').length === 0;"));
    }

    @Test
    void aRecomputeNeverUncoversAHiddenValue() {
        String before = line(1, "1.0.0");
        page.browser().js("window.Longhand.recomputeAll();");
        assertEquals(before, line(1, "1.0.0"));
        assertEquals("?", cell(1, 2, "input", 1));
        assertEquals("?", node(1, "0.0"));

        // an edit of layer 2 rewrites its line; layer 1's A stays hidden in it
        WebElement weight = page.browser().driver().findElement(By.cssSelector("#mlp-1 [data-edit=\"layers.1.weights.0.0\"]"));
        weight.click();
        weight.sendKeys("2");
        weight.sendKeys(Keys.ENTER);
        assertEquals("z₁ = 2·? + 3·? + 1.5 = 10 a₁ = ReLU(10) = 10", line(1, "1.0.0"));

        // a revealed A follows an edit of layer 1 only while its answer is still right
        box(1, "layers.0.a.0.0").sendKeys("4.25");
        assertEquals("z₁ = 2·4.25 + 3·? + 1.5 = 10 a₁ = ReLU(10) = 10", line(1, "1.0.0"));
        WebElement bias = page.browser().driver().findElement(By.cssSelector("#mlp-1 [data-edit=\"layers.0.bias.0\"]"));
        bias.click();
        bias.sendKeys("1.25");
        bias.sendKeys(Keys.ENTER);
        // z₁ of layer 1 is now 5.25: the typed 4.25 is wrong, so A₁ is hidden again
        assertTrue(box(1, "layers.0.a.0.0").getAttribute("class").contains("wrong"));
        assertEquals("z₁ = 2·? + 3·? + 1.5 = 12 a₁ = ReLU(12) = 12", line(1, "1.0.0"));
        assertEquals("?", cell(1, 2, "input", 1));
        assertEquals("?", node(1, "0.0"));
    }

    @Test
    void anAWhoseZIsBlankWaitsForThatZ() {
        // blank [z]: A is not asked for, but would repeat z (4.25, and 5.125 in the linear layer)
        assertEquals(List.of("?", "?"), List.of(cell(2, 1, "a", 1), cell(2, 1, "a", 2)));
        assertEquals("?", cell(2, 3, "a", 1));
        assertEquals("?", node(2, "0.0"));
        assertTrue(page.browser().driver().findElements(By.cssSelector("#mlp-2 input[data-answer*=\".a.\"]")).isEmpty());

        box(2, "layers.0.z.0.0").sendKeys("4.25");
        assertEquals("4.25", cell(2, 1, "a", 1));
        assertEquals("?", cell(2, 1, "a", 2));
        assertEquals("4.25", cell(2, 2, "input", 1));
        assertEquals("4.25", node(2, "0.0"));

        // its "show how" reveals it too, and closing it hides it again
        WebElement how = page.browser().driver().findElement(
                By.cssSelector("#mlp-2 details.show-how[data-answer-for=\"layers.0.z.1.0\"] summary"));
        page.browser().toggle(how);
        assertEquals("0", cell(2, 1, "a", 2));
        assertEquals("0", node(2, "0.1"));
        assertTrue((Boolean) page.browser().js("return document.querySelector('#mlp-2 [data-node=\"0.1\"]').classList.contains('inactive');"));
        page.browser().toggle(how);
        assertEquals("?", cell(2, 1, "a", 2));
        assertEquals("?", node(2, "0.1"));
        assertFalse((Boolean) page.browser().js("return document.querySelector('#mlp-2 [data-node=\"0.1\"]').classList.contains('inactive');"));
        assertEquals("?", printed(() -> cell(2, 1, "a", 1)), "a revealed A does not print");
    }

    @Test
    void aLaterLayersShowHowDoesNotRevealTheLayerBefore() {
        WebElement how = page.browser().driver().findElement(
                By.cssSelector("#mlp-3 details.show-how[data-answer-for=\"layers.1.z.0.0\"] summary"));
        page.browser().toggle(how);
        assertEquals("Show how: unit 1z₁ = 1·? + 3·? + 1.5 = 5.75 a₁ = ReLU(5.75) = 5.75",
                shows("#mlp-3 details.show-how[data-answer-for=\"layers.1.z.0.0\"]"));
        assertEquals("?", node(3, "0.0"));
        assertEquals("5.75", node(3, "1.0"), "its own unit, which it shows");
        assertEquals("5.75", cell(3, 3, "input", 1));
        assertEquals("z₁ = 2·5.75 + (−4)·? + 0.125 = 5.125 a₁ = z₁ = 5.125",
                shows("#mlp-3 [data-work=\"2.0.0\"]"));
    }

    @Test
    void printingDoesNotOpenTheShowHows() {
        page.browser().js("window.dispatchEvent(new Event('beforeprint'));");
        assertEquals(0L, page.browser().js("return document.querySelectorAll('details.show-how[open]').length;"));
        assertEquals("?", node(3, "0.0"));
        page.browser().js("window.dispatchEvent(new Event('afterprint'));");
    }

    @Test
    void aSoftmaxLineShowsTheOtherUnitsZOnceRevealed() {
        WebElement how = page.browser().driver().findElement(
                By.cssSelector("#mlp-4 details.show-how[data-answer-for=\"layers.0.z.0.0\"] summary"));
        page.browser().toggle(how);
        assertEquals("z₁ = 0.5·1 + 1.5·2 + 0.25 = 3.75 a₁ = exp(3.75) / (exp(3.75) + exp(?)) ≈ 0.9526", line(4, "0.0.0"));
        box(4, "layers.0.z.1.0").sendKeys("0.75");
        assertEquals("z₁ = 0.5·1 + 1.5·2 + 0.25 = 3.75 a₁ = exp(3.75) / (exp(3.75) + exp(0.75)) ≈ 0.9526",
                line(4, "0.0.0"));
    }
}
