package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed {@code site/} is what the committed content and theme build today. */
class ShippedSiteTest {

    private static final String STALE = "site/ is stale: run `mvn site` and commit site/";

    @TempDir
    Path temp;

    /** The build `mvn site` runs: the repository's content and theme, and longhand.yml beside them if any. */
    private static SiteBuilder shipped() {
        Path repo = SiteFiles.repo();
        SiteBuilder.Options options = new SiteBuilder.Options(repo.resolve("content"), "content",
                repo.resolve("templates"), "templates", 4);
        return new SiteBuilder(SiteConfigFile.besideContent(repo.resolve("content"))
                .map(file -> options.withConfig(file, SiteConfigFile.DEFAULT_NAME)).orElse(options));
    }

    @Test
    void committedSiteIsWhatTheContentBuilds() throws IOException {
        Path out = temp.resolve("site");
        BuildReport report = shipped().build(out);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        SortedMap<String, byte[]> committed = SiteFiles.snapshot(SiteFiles.repo().resolve("site"));
        assertTrue(committed.containsKey("index.html"), STALE);
        SiteFiles.assertSameFiles(SiteFiles.snapshot(out), committed, STALE);
    }

    @Test
    void shippedContentChecksWithoutErrorsOrWarnings() throws IOException {
        BuildReport report = shipped().check();
        List<String> problems = report.diagnostics().sorted().stream().map(Diagnostic::headline).toList();
        assertEquals(List.of(), problems);
        long lessons;
        try (var files = java.nio.file.Files.walk(SiteFiles.repo().resolve("content"))) {
            lessons = files.filter(p -> p.toString().endsWith(".md")).count();
        }
        assertEquals(lessons, report.lessons(), "every lesson file is read");
        assertEquals(0, report.pages(), "a check writes no pages");
    }
}
