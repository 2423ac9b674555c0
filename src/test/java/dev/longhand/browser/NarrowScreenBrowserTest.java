package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A lesson on a 390 px phone screen shows all of every worked line, diagram label and matrix
 * caption: nothing runs past the screen's edge or out of its node, and no caption wraps.
 */
@ExtendWith(BrowserAvailable.class)
class NarrowScreenBrowserTest {

    private static final int WIDTH = 390;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", 900, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void workedLinesDiagramLabelsAndCaptionsStayOnScreen(@TempDir Path temp) {
        // Sigmoid units and a two-output squared error: loss lines like
        // L = ((−0.1288 − 1)² + (1.44 − 0)²) / 2 ≈ 1.6739, long sums, negative two-decimal nodes.
        Path site = TestSite.build(temp, Map.of("01-narrow.md", TestSite.lesson("Narrow", 1, """
                ```mlp
                precision: 4
                input: [[0.1234, -0.5678, 0.9123, -0.3456, 0.7891, -0.2345]]
                target: [1, 0]
                layers:
                  - weights: [[-0.1234, 0.5678, -0.9123, 0.3456, -0.7891, 0.2345], [0.5, -0.5, 0.25, -0.25, 0.125, -0.125]]
                    bias: [-0.1288, 1.44]
                    activation: sigmoid
                  - weights: [[1.2345, -2.3456], [-12.5, 3]]
                    bias: [-0.13, 0.5]
                ```
                """)));
        browser.open(site.resolve("narrow.html"));
        browser.js("document.querySelectorAll('details').forEach(d => d.open = true);");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) browser.js("""
                const width = document.documentElement.clientWidth;
                const out = [];
                const right = el => { const r = document.createRange(); r.selectNodeContents(el);
                                      return Math.max(...[...r.getClientRects()].map(c => c.right)); };
                document.querySelectorAll('[data-work]').forEach(el => {
                  if (right(el) > width + 0.5) out.push('worked line runs past the screen: ' + el.textContent);
                });
                document.querySelectorAll('svg.mlp-diagram [data-node]').forEach(node => {
                  const circle = node.querySelector('circle').getBBox();
                  const text = node.querySelector('text').getBBox();
                  if (text.width > circle.width) out.push('diagram label wider than its node: ' + node.textContent);
                });
                document.querySelectorAll('table.matrix caption').forEach(c => {
                  const lines = c.getClientRects().length === 0 ? 0
                      : Math.round(c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight));
                  if (lines > 1) out.push('caption wraps: ' + c.textContent);
                });
                return out;
                """);
        assertEquals(List.of(), problems);
        assertEquals(WIDTH, ((Number) browser.js("return document.documentElement.scrollWidth;")).intValue(),
                "the page does not scroll sideways");
    }
}
