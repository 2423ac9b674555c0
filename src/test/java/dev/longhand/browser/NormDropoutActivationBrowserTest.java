package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Norm, dropout and activation layers on the page: an edit recomputes the hand-worked numbers and
 * lines (a γ, an input), and a large block of these kinds (64 tokens of 16 features) is elided,
 * stays within the page budget and recomputes unchanged.
 */
@ExtendWith(BrowserAvailable.class)
class NormDropoutActivationBrowserTest {

    /** Batch norm of three samples, worked in whole numbers: x̂ = −1, 0, 1 in both rows. */
    static final String HAND = """
            ```network
            input: [[0, 1], [2, 3], [4, 5]]
            layers:
              - type: batch_norm
                gamma: [2, 1]
                beta: [0.5, 0]
                epsilon: 0
                variance: unbiased
              - type: dropout
                p: 0.5
                mask: [[1, 0, 1], [1, 1, 0]]
            ```
            """;

    /** Every kind of this unit at the limit size: 64 tokens of 16 generated features. */
    static final String LARGE = """
            ```network
            input: {random: 1, units: 16, samples: 64}
            layers:
              - type: layer_norm
              - type: dropout
                p: 0.1
                seed: 7
              - type: batch_norm
                variance: unbiased
                epsilon_added_to: std
              - type: residual
                layers:
                  - type: activation
                    activation: gelu
                  - type: dropout
                    p: 0.25
                    seed: 9007199254740993
              - type: activation
                activation: softmax
            ```
            """;

    @TempDir
    static Path temp;
    private static Path site;
    private static Browser browser;

    @BeforeAll
    static void buildAndStart() throws IOException {
        site = TestSite.build(temp, Map.of("hand.md", TestSite.lesson("Hand", 1, HAND),
                "large.md", TestSite.lesson("Large", 2, LARGE)));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private static void type(String key, String value) {
        Object found = browser.js("""
                const cell = document.querySelector('[data-edit="' + arguments[0] + '"]');
                if (!cell) { return false; }
                cell.focus();
                cell.textContent = arguments[1];
                cell.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
                return true;
                """, key, value);
        assertEquals(Boolean.TRUE, found, "no editable " + key);
    }

    private static String shown(String key) {
        return (String) browser.js("return document.querySelector('[data-v=\"' + arguments[0] + '\"]').textContent;", key);
    }

    private static String line(String key) {
        return (String) browser.js("return document.querySelector('[data-work=\"' + arguments[0] + '\"] .work-sum')"
                + ".textContent;", key);
    }

    @Test
    void editingGammaScalesItsRowAndRewritesTheLines() {
        browser.open(site.resolve("hand.html"));
        type("layers.0.gamma.1", "3");
        // Row 2: a = 3·x̂ + 0 = −3, 0, 3; the dropout keeps column 1 (× 2) and drops column 3.
        assertEquals("−3", shown("layers.0.a.1.0"));
        assertEquals("3", shown("layers.0.a.1.2"));
        assertEquals("a₂,₁ = 3·(−1) + 0 = −3", line("0.a.1.0"));
        assertEquals("−6", shown("layers.1.a.1.0"));
        assertEquals("a₂ = 3·0 / (1 − 0.5) = 0 (dropped)", line("1.a.1.2"));
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @Test
    void editingAnInputRecomputesTheMeanAndVariance() {
        browser.open(site.resolve("hand.html"));
        // Feature 1 becomes (6, 2, 4): μ = 4, σ² = (4 + 4 + 0) / 2 = 4, x̂ = 1, −1, 0, a = 2·x̂ + 0.5.
        type("input.0.0", "6");
        assertEquals("μ₁ = (6 + 2 + 4) / 3 = 4", line("0.mean.0.0"));
        assertEquals("σ²₁ = ((6 − 4)² + (2 − 4)² + (4 − 4)²) / 2 = 4", line("0.variance.0.0"));
        assertEquals("4", shown("layers.0.mean.0"));
        assertEquals("2.5", shown("layers.0.a.0.0"));
        assertEquals("x̂₁,₂ = (2 − 4) / √(4) = −1", line("0.normalized.0.1"));
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    @Test
    void aLargeBlockIsElidedWithinThePageBudgetAndRecomputesUnchanged() throws IOException {
        Path page = site.resolve("large.html");
        long bytes = Files.size(page);
        assertTrue(bytes < KindsParityTest.LARGE_PAGE_BUDGET, "large.html is " + bytes + " bytes");
        browser.open(page);
        Map<String, List<String>> built = PageState.settled(browser);
        // The layer norm's 64 columns: lines for the 6 shown; each shows its 6 shown features.
        assertEquals(6, built.get("lines").stream().filter(l -> l.startsWith("0.mean.")).count());
        assertEquals(36, built.get("lines").stream().filter(l -> l.startsWith("0.normalized.")).count());
        assertEquals(36, built.get("lines").stream().filter(l -> l.startsWith("1.a.")).count());
        browser.js("window.Longhand.recomputeAll();");
        Map<String, List<String>> recomputed = PageState.settled(browser);
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, recomputed, part, 5);
            assertTrue(differences.isEmpty(), part + " of the large block (built → page):\n"
                    + String.join("\n", differences));
        }
        assertTrue(built.get("traces").get(0).contains("\"seed\":\"9007199254740993\""), "the big seed as text");
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }
}
