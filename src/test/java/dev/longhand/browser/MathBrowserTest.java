package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Math in prose typeset by KaTeX in Chromium, from file:// with the site's own copy: every
 * piece of math becomes KaTeX's markup, the fonts load from disk, a TeX mistake shows as
 * KaTeX's red error in place, nothing is asked of the network and nothing is logged as an error.
 */
@ExtendWith(BrowserAvailable.class)
class MathBrowserTest {

    private static Path folder;
    private static Path site;
    private static Browser browser;

    @BeforeAll
    static void build() throws IOException {
        folder = Files.createTempDirectory("longhand-math-");
        site = TestSite.build(folder, Map.of(
                "with.md", TestSite.lesson("With math", 1, """
                        The node computes $z = w_1 x_1 + b$, then $a = \\sigma(z)$; it costs $5 and $10.

                        $$
                        \\sigma(z) = \\frac{1}{1 + e^{-z}}
                        $$

                        A slip: $\\frac{1}{$ stays in place.

                        $$ %s $$
                        """.formatted("x_1 + ".repeat(120) + "x")),
                "without.md", TestSite.lesson("Without math", 2, "Only prose, for $5.\n")));
        browser = Browser.start();
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @AfterEach
    void nothingFromTheNetworkAndNoErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
        List<String> requests = browser.requests();
        assertTrue(requests.stream().noneMatch(r -> r.startsWith("http") || r.startsWith("ws")),
                "requests: " + requests);
    }

    /** Opens a page with math and waits for the page's own signal that its math is typeset. */
    private void openTypeset(String page) {
        browser.open(site.resolve(page));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> "typeset".equals(
                browser.js("return document.documentElement.getAttribute('data-math');")));
    }

    @Test
    void everyPieceOfMathIsTypesetByKatex() {
        openTypeset("with.html");
        assertEquals(5L, browser.js("return document.querySelectorAll('main .math').length;"));
        assertEquals(5L, browser.js("return document.querySelectorAll('main .math.typeset').length;"));
        assertEquals(2L, browser.js("return document.querySelectorAll('main .math-inline > .katex').length;"));
        assertEquals(2L, browser.js("return document.querySelectorAll('main div.math-display .katex-display').length;"));
        // KaTeX writes MathML beside its HTML for screen readers: the annotation is the TeX as written.
        assertEquals("z = w_1 x_1 + b", browser.js(
                "return document.querySelector('main .math-inline annotation').textContent;"));
        assertTrue(((String) browser.js("return document.querySelector('main p').textContent;"))
                .contains("it costs $5 and $10."));
    }

    @Test
    void onlyAFormulaWiderThanTheColumnScrollsAndTakesFocus() {
        openTypeset("with.html");
        assertEquals(List.of(false, true), browser.js("return Array.from(document.querySelectorAll("
                + "'main .math-display')).map(function (d) { return d.scrollWidth > d.clientWidth; });"));
        assertEquals(List.of(false, true), browser.js("return Array.from(document.querySelectorAll("
                + "'main .math-display')).map(function (d) { return d.getAttribute('tabindex') === '0'; });"));
    }

    @Test
    void withoutJavaScriptTheTexIsShownAsWritten() throws IOException {
        try (Browser plain = Browser.start(false)) {
            plain.open(site.resolve("with.html"));
            assertEquals("z = w_1 x_1 + b", plain.js("return document.querySelector('main .math-inline').textContent;"));
            assertEquals(0L, plain.js("return document.querySelectorAll('main .katex').length;"));
            assertTrue(((String) plain.js("return getComputedStyle(document.querySelector('main .math-inline'))"
                    + ".fontFamily;")).contains("monospace"));
        }
    }

    @Test
    void aTexMistakeIsShownInRedInPlace() {
        openTypeset("with.html");
        assertEquals("\\frac{1}{", browser.js("return document.querySelector('main .katex-error').textContent;"));
        assertTrue(((String) browser.js("return document.querySelector('main .katex-error').title;"))
                .startsWith("ParseError: KaTeX parse error"));
    }

    @Test
    void katexFontsLoadFromTheSiteFolder() {
        openTypeset("with.html");
        Object loaded = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "document.fonts.ready.then(function () {"
                        + "  var families = [];"
                        + "  document.fonts.forEach(function (f) { if (f.status === 'loaded') families.push(f.family); });"
                        + "  done(families.join(','));"
                        + "});");
        assertTrue(((String) loaded).contains("KaTeX_Main"), "loaded fonts: " + loaded);
        List<String> requests = browser.requests();
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("file:") && r.endsWith("KaTeX_Main-Regular.woff2")),
                "requests: " + requests);
    }

    @Test
    void aPageWithoutMathLoadsNoKatex() {
        browser.requests(); // forget the earlier pages' requests
        browser.open(site.resolve("without.html"));
        assertEquals("undefined", browser.js("return typeof katex;"));
        List<String> requests = browser.requests();
        assertTrue(requests.stream().noneMatch(r -> r.contains("katex")), "requests: " + requests);
    }
}
