package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.BuildReport;
import dev.longhand.site.FixtureCourse;
import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every page of the repository's lessons, whatever they are, the browser's recompute of
 * the unedited blocks shows exactly what the Java build wrote: the same figures, marks, worked
 * lines, plots and trace. The lessons are built here with the theme and page scripts as they
 * are in the source, not read from the committed {@code site/}, so an edit to
 * {@code templates/assets/longhand.js} is tested before `mvn site` runs.
 */
@ExtendWith(BrowserAvailable.class)
class ShippedLessonsParityTest {

    @TempDir
    static Path temp;

    private static Browser browser;
    private static Path site;

    @BeforeAll
    static void start() throws IOException {
        site = temp.resolve("site");
        BuildReport report = SiteFiles.buildShipped(site);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(p -> p.toString().endsWith(".html")).filter(ShippedLessonsParityTest::hasBlocks)
                    .sorted().toList().stream();
        }
    }

    private static boolean hasBlocks(Path page) {
        try {
            return Files.readString(page).contains("class=\"mlp-trace\"");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void recomputingAnUneditedPageChangesNothing(Path page) {
        browser.open(page);
        Map<String, List<String>> before = PageState.collect(browser);
        browser.js("window.Longhand.recomputeAll();");
        Map<String, List<String>> after = PageState.collect(browser);
        assertEquals(before.get("values"), after.get("values"), "figures and marks of " + page);
        assertEquals(before.get("lines"), after.get("lines"), "worked lines of " + page);
        assertEquals(before.get("diagrams"), after.get("diagrams"), "diagram of " + page);
        assertEquals(before.get("plots"), after.get("plots"), "loss plots of " + page);
        assertEquals(before.get("traces"), after.get("traces"), "traces of " + page);
        assertTrue(browser.consoleErrors().isEmpty(), "console errors on " + page);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyEditableNumberIsAKeyboardStopWithAName(Path page) {
        browser.open(page);
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) browser.js("""
                const bad = [];
                document.querySelectorAll('[data-edit]').forEach(el => {
                  if (el.tabIndex < 0 || el.getAttribute('contenteditable') !== 'true') bad.push(el.dataset.edit + ' not focusable');
                  if (!el.getAttribute('aria-label')) bad.push(el.dataset.edit + ' has no name');
                });
                return bad;
                """);
        assertTrue(problems.isEmpty(), problems.toString());
        assertFalse((Boolean) browser.js("return document.querySelectorAll('[data-edit]').length === 0;"));
    }

    /**
     * Names counted from one, as the lesson's prose counts rows and samples; the key counts from
     * zero. On the test's own lessons: a 3 → 4 → 2 network, and a batch of two samples of 3.
     */
    @Test
    void editableNumbersAreNamedByLayerRowColumnAndSample() {
        Map<String, String> lessons = FixtureCourse.lessons();
        lessons.keySet().retainAll(List.of("02-a-hidden-layer.md", "03-seven-layers.md"));
        Path fixture = TestSite.build(temp.resolve("names"), lessons);
        browser.open(fixture.resolve("a-hidden-layer.html"));
        assertEquals("layer 1 weight row 2 column 3", spokenName("layers.0.weights.1.2"));
        assertEquals("layer 2 weight row 1 column 4", spokenName("layers.1.weights.0.3"));
        assertEquals("layer 1 bias row 3", spokenName("layers.0.bias.2"));
        assertEquals("input unit 2 sample 1", spokenName("input.1.0"));
        browser.open(fixture.resolve("seven-layers.html"));
        assertEquals("input unit 3 sample 2", spokenName("input.2.1"));
    }

    private static String spokenName(String key) {
        return (String) browser.js("return document.querySelector('[data-edit=\"' + arguments[0] + '\"]')"
                + ".getAttribute('aria-label');", key);
    }
}
