package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kinds' written-out gradients on the page (each unit's gradientView): the hand-worked blocks
 * of markdown.KindGradientLinesTest, every line written again by the page as the build wrote it,
 * and an edited γ giving the lines worked out by hand for the new γ.
 */
@ExtendWith(BrowserAvailable.class)
class KindGradientLinesBrowserTest {

    private static final String BLOCKS = """
            ```network
            input: [1, 2, 3]
            target: [-2, -4.5, 1]
            layers:
              - type: layer_norm
                gamma: [2, 1, 1]
                variance: unbiased
                epsilon: 0
            ```

            ```network
            input: [[2], [2]]
            target: [[1], [0]]
            layers:
              - type: batch_norm
                epsilon: 0.5
                epsilon_added_to: std
            ```

            ```network
            input: [2, -1]
            target: [0, 0]
            layers:
              - weights: [[1, 0], [0, 1]]
                activation: linear
              - type: dropout
                p: 0.5
                mask: [[1], [0]]
              - type: activation
                activation: relu
            ```

            ```network
            input: [[1, 2], [3, 0], [1, 1]]
            target: [[0, 0], [0, 0], [0, 0]]
            layers:
              - type: residual
                layers:
                  - type: attention
                    query: [[0, 1]]
                    key: [[1, 0]]
                    value: [[1, 0], [0, 1]]
                    causal: true
            ```
            """;

    @TempDir
    static Path temp;
    private static Path page;
    private static Browser browser;

    @BeforeAll
    static void buildAndStart() throws IOException {
        page = TestSite.build(temp, Map.of("lines.md", TestSite.lesson("Lines", 1, BLOCKS))).resolve("lines.html");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePageWritesEveryGradientLineAsTheBuildDoes() {
        browser.open(page);
        Map<String, List<String>> built = PageState.settled(browser);
        assertTrue(built.get("lines").stream().anyMatch(l -> l.contains("only ε divides")), "the σ = 0 line");
        assertTrue(built.get("lines").stream().anyMatch(l -> l.contains("0 (masked)")), "a masked score");
        browser.js("""
                document.querySelectorAll('[data-work^="layers."] .work-sum').forEach(el => { el.textContent = ''; });
                window.Longhand.recomputeAll();
                """);
        Map<String, List<String>> recomputed = PageState.settled(browser);
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, recomputed, part, 5);
            assertTrue(differences.isEmpty(), part + " (built → page):\n" + String.join("\n", differences));
        }
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }

    /*
     * γ₂ of the layer norm from 1 to 2: x̂ = (−1, 0, 1) and a = (−2, 0, 1) as before (x̂₂ = 0), so
     * ∂L/∂a = (0, 3, 0) still; ∂L/∂x̂ = (0, 6, 0), m = 2, d = 0, c = 0, ∂L/∂x = (−2, 4, −2).
     */
    @Test
    void anEditedGammaRewritesTheLines() {
        browser.open(page);
        browser.js("""
                const cell = document.querySelector('#mlp-1 [data-edit="layers.0.gamma.1"]');
                cell.focus();
                cell.textContent = '2';
                cell.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
                """);
        PageState.settled(browser);
        assertEquals("∂L/∂x̂₂,₁ = 3·2 = 6", line("layers.0.dNormalized.1.0"));
        assertEquals("m₁ = (0 + 6 + 0) / 3 = 2", line("layers.0.dMean.0"));
        assertEquals("∂L/∂x₂,₁ = (6 − 2) / √(1) − 0·0 = 4", line("layers.0.dInput.1.0"));
        assertEquals("∂L/∂x₁,₁ = (0 − 2) / √(1) − (−1)·0 = −2", line("layers.0.dInput.0.0"));
    }

    private static String line(String key) {
        return String.valueOf(browser.js("return document.querySelector('#mlp-1 [data-work=\"" + key
                + "\"] .work-sum').textContent;"));
    }
}
