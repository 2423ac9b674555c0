package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.BuildReport;
import dev.longhand.site.SiteFiles;
import java.nio.file.Path;
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

    /** A lesson file with front matter around the given Markdown. */
    static String lesson(String title, int order, String body) {
        return "---\ntitle: " + title + "\norder: " + order + "\n---\n" + body;
    }
}
