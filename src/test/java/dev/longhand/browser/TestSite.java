package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.BuildReport;
import dev.longhand.site.SiteFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A site built by the Java generator from lessons given as text, the way a reader gets it. */
final class TestSite {

    private TestSite() {
    }

    /**
     * Writes each lesson (file name → Markdown) into {@code folder/content} and builds it into
     * {@code folder/site} with the repository's theme.
     */
    static Path build(Path folder, Map<String, String> lessons) {
        Path content = folder.resolve("content");
        lessons.forEach((name, text) -> SiteFiles.write(content, name, text));
        Path site = folder.resolve("site");
        BuildReport report = SiteFiles.build(content, site);
        assertTrue(report.succeeded(), () -> "the test lessons should build: " + report.diagnostics().sorted());
        return site;
    }

    /**
     * Blocks ({@code mlp} YAML) spread over lessons in order, {@code perLesson} to a lesson and
     * each under its own heading: lesson n is {@code <name>-n.md}, titled "{@code <title> n}",
     * its text starting with {@code intro}.
     */
    static Map<String, String> lessonsOfBlocks(String name, String title, String intro, List<String> blocks,
                                               int perLesson) {
        Map<String, String> lessons = new LinkedHashMap<>();
        for (int l = 0; l * perLesson < blocks.size(); l++) {
            StringBuilder body = new StringBuilder(intro).append('\n');
            for (int b = 0; b < perLesson && l * perLesson + b < blocks.size(); b++) {
                body.append("\n## Block ").append(b + 1).append("\n\n```mlp\n")
                        .append(blocks.get(l * perLesson + b)).append("```\n");
            }
            lessons.put(name + "-" + (l + 1) + ".md", lesson(title + " " + (l + 1), l + 1, body.toString()));
        }
        return lessons;
    }

    /** A lesson file with front matter around the given Markdown. */
    static String lesson(String title, int order, String body) {
        return "---\ntitle: " + title + "\norder: " + order + "\n---\n" + body;
    }

    /**
     * A one-lesson site whose page loads longhand-math.js (a tanh block makes it): the exp, log,
     * tanh and erf of the build, for tests that run the page's arithmetic directly.
     *
     * @return the lesson's page
     */
    static Path withExactMath(Path folder) {
        return build(folder, Map.of("one.md", lesson("One", 1, """
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                    activation: tanh
                ```
                """))).resolve("one.html");
    }
}
