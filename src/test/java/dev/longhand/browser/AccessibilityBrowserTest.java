package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longhand.site.BuildReport;
import dev.longhand.site.SiteBuilder;
import dev.longhand.site.SiteConfigFile;
import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core's WCAG 2.1 A and AA rules over every page of a built site, in the light and the dark
 * theme, after the page script has run (it adds the editable numbers, worksheets and plots):
 * no violation on a fixture site that uses every kind of page content, nor on a fresh build of
 * the shipped lessons with the theme as it is in the source.
 */
@ExtendWith(BrowserAvailable.class)
class AccessibilityBrowserTest {

    /** axe-core from its WebJar (see pom.xml). */
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final List<String> THEMES = List.of("light", "dark");

    private static Browser browser;
    private static String axe;

    @BeforeAll
    static void start() throws IOException {
        try (InputStream in = AccessibilityBrowserTest.class.getClassLoader().getResourceAsStream(AXE)) {
            assertTrue(in != null, "axe-core is on the test classpath at " + AXE);
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPageOfAFixtureSitePassesInBothThemes(@TempDir Path temp) throws IOException {
        Path site = TestSite.build(temp, fixtureLessons());
        assertEquals(List.of(), violations(site));
    }

    @Test
    void everyPageOfTheShippedLessonsPassesInBothThemes(@TempDir Path temp) throws IOException {
        Path repo = SiteFiles.repo();
        SiteBuilder.Options options = new SiteBuilder.Options(repo.resolve("content"), "content",
                repo.resolve("templates"), "templates", 2);
        BuildReport report = new SiteBuilder(SiteConfigFile.besideContent(repo.resolve("content"))
                .map(file -> options.withConfig(file, SiteConfigFile.DEFAULT_NAME)).orElse(options))
                .build(temp.resolve("site"));
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        assertEquals(List.of(), violations(temp.resolve("site")));
    }

    /** Every violation on every page in both themes, one line per rule and page: "page theme: rule (impact): where". */
    private static List<String> violations(Path site) throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 1, "the site has pages: " + pages);
        List<String> found = new ArrayList<>();
        for (String theme : THEMES) {
            // The reader's system setting (all a page has when its stylesheet cannot load, as the
            // 404 page opened from disk), and the theme switch's choice on <html>, as site.js sets it.
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
            for (Path page : pages) {
                browser.open(page);
                browser.js("document.documentElement.setAttribute('data-theme', arguments[0]);", theme);
                String name = site.relativize(page) + " " + theme;
                for (JsonNode rule : Traces.parse(run())) {
                    List<String> where = new ArrayList<>();
                    rule.path("nodes").forEach(node -> where.add(node.path("target").toString()));
                    found.add(name + ": " + rule.path("id").asText() + " (" + rule.path("impact").asText() + ", "
                            + where.size() + "): " + String.join(" ", where.subList(0, Math.min(4, where.size()))));
                }
            }
        }
        return found;
    }

    /** axe's violations on the open page as JSON. */
    private static String run() {
        browser.js(axe);
        Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {
                  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                  resultTypes: ['violations']
                }).then(function (r) { done(JSON.stringify(r.violations)); },
                        function (e) { done(JSON.stringify([{id: 'axe-error', impact: String(e), nodes: []}])); });
                """);
        return (String) result;
    }

    /** Lessons that use every kind of content a page can show: prose, code, tables, blocks of each kind. */
    private static Map<String, String> fixtureLessons() {
        Map<String, String> lessons = new LinkedHashMap<>();
        lessons.put("01-forward.md", lesson("Forward", 1, "Long worked lines, code and a table.", """
                Prose with a [link to the next lesson](02-training.md) inside a sentence, `code`, and a table:

                | key | meaning |
                |---|---|
                | `input` | the numbers going in |

                A code block wider than the column:

                ```text
                content/a-lesson-with-a-long-name.md:142:17: error: layer 3 weights row 2 has 4 values; layer 2 has 3 units (write one row per unit)
                ```

                ## A network with long worked lines

                ```mlp
                precision: 4
                input: [[0.1234, -0.5678, 0.9123, -0.3456, 0.7891, -0.2345]]
                layers:
                  - weights: [[-0.1234, 0.5678, -0.9123, 0.3456, -0.7891, 0.2345], [0.5, -0.5, 0.25, -0.25, 0.125, -0.125]]
                    bias: [-0.1288, 1.44]
                    activation: sigmoid
                  - weights: [[1.2345, -2.3456]]
                ```
                """));
        lessons.put("02-training.md", lesson("Training", 2, "A network trained with cross-entropy.", """
                ## Trained with cross-entropy

                ```mlp
                precision: 3
                input: [[1, 0], [0, -2]]
                target: [[1, 0, 0], [0.2, 0.3, 0.5]]
                loss: cross_entropy
                steps: 3
                layers:
                  - weights: [[1, -1], [0.5, 0.5], [-1, 2]]
                  - weights: [[1, 0, -1], [0, 1, 1], [0.5, -0.5, 0]]
                    bias: [0, 0.1, -0.1]
                    activation: softmax
                ```
                """));
        lessons.put("03-worksheet.md", lesson("Worksheet", 3, "A worksheet with new numbers.", """
                ## Your turn

                ```mlp
                practice: {new_numbers: true}
                input: [2, -1]
                layers:
                  - weights: [[1, 2], [-1, 1]]
                    bias: [0.5, -0.13]
                  - weights: [[2, -1]]
                ```
                """));
        lessons.put("90-authors.md", """
                ---
                title: For authors
                order: 900
                section: For authors
                summary: A page in a section of its own.
                ---

                ## Notes

                Text.
                """);
        return lessons;
    }

    private static String lesson(String title, int order, String summary, String body) {
        return "---\ntitle: " + title + "\norder: " + order + "\nsummary: " + summary + "\n---\n" + body;
    }
}
