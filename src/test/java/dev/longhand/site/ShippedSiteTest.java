package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's own lessons, checked by what holds for any content a teacher writes (none
 * of these names a lesson): they build without a problem, the committed {@code site/} is what
 * they build today, and the index and the previous/next links follow the front matter.
 */
class ShippedSiteTest {

    private static final String STALE = "site/ is stale: run `mvn site` and commit site/";

    @TempDir
    static Path temp;

    private static Path site;

    @BeforeAll
    static void build() {
        site = temp.resolve("site");
        BuildReport report = SiteFiles.buildShipped(site);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
    }

    private static Path content() {
        return SiteFiles.repo().resolve("content");
    }

    @Test
    void committedSiteIsWhatTheContentBuilds() {
        SortedMap<String, byte[]> committed = SiteFiles.snapshot(SiteFiles.repo().resolve("site"));
        assertTrue(committed.containsKey("index.html"), STALE);
        SiteFiles.assertSameFiles(SiteFiles.snapshot(site), committed, STALE);
    }

    /**
     * Errors only: warnings (a lesson without a summary, one that still has the starter text
     * `longhand new` wrote) are the teacher's to-do list, printed by every build, and a lesson
     * in progress must not fail the tests.
     */
    @Test
    void shippedContentChecksWithoutErrors() throws IOException {
        BuildReport report = SiteFiles.shipped().check();
        List<String> errors = report.diagnostics().sorted().stream().filter(Diagnostic::isError)
                .map(Diagnostic::headline).toList();
        assertEquals(List.of(), errors);
        long lessons;
        try (var files = java.nio.file.Files.walk(content())) {
            lessons = files.filter(p -> p.toString().endsWith(".md")).count();
        }
        assertEquals(lessons, report.lessons(), "every lesson file is read");
        assertEquals(0, report.pages(), "a check writes no pages");
    }

    @Test
    void everyLessonHasItsPage() {
        for (ContentOutline.Lesson lesson : ContentOutline.lessons(content())) {
            assertTrue(java.nio.file.Files.isRegularFile(site.resolve(lesson.page())), lesson.source());
        }
    }

    @Test
    void theIndexListsEveryLessonInTheOrderOfItsFrontMatter() {
        Map<String, List<String>> listed = new LinkedHashMap<>();
        for (Element section : SiteFiles.page(site, "index.html").select("section.index-section")) {
            List<String> hrefs = new ArrayList<>();
            section.select("ol.lesson-list a").forEach(a -> hrefs.add(a.attr("href")));
            listed.put(section.selectFirst("h2").text(), hrefs);
        }
        // Sections are compared as a map: which section comes first is the site settings' business.
        assertEquals(ContentOutline.sections(content()), listed);
    }

    @Test
    void everyPageLinksToTheOneBeforeAndAfterInItsSection() {
        for (List<String> section : ContentOutline.sections(content()).values()) {
            for (int i = 0; i < section.size(); i++) {
                String page = section.get(i);
                Document doc = SiteFiles.page(site, page);
                Element prev = doc.selectFirst("a[rel=prev]");
                Element next = doc.selectFirst("a[rel=next]");
                if (i == 0) {
                    assertNull(prev, page);
                } else {
                    assertNotNull(prev, page);
                    assertEquals(relative(page, section.get(i - 1)), prev.attr("href"), page);
                }
                if (i == section.size() - 1) {
                    assertNull(next, page);
                } else {
                    assertNotNull(next, page);
                    assertEquals(relative(page, section.get(i + 1)), next.attr("href"), page);
                }
            }
        }
    }

    /** The link from one page to another, as pages in subfolders write it. */
    private static String relative(String from, String to) {
        return PagePaths.rootOf(from) + to;
    }
}
