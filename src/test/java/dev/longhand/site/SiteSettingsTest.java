package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longhand.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** longhand.yml's title, tagline, language and sections, as the built pages show them. */
class SiteSettingsTest {

    @TempDir
    Path temp;
    Path content;
    Path out;

    private static String lesson(String title, int order, String section) {
        return "---\ntitle: " + title + "\norder: " + order + "\n" + (section == null ? "" : "section: " + section + "\n")
                + "summary: About " + title + ".\n---\nProse of " + title + ".\n";
    }

    /** A main series of two, then an authors' section (order 900) and a practice section (order 920). */
    @BeforeEach
    void lessons() {
        content = temp.resolve("content");
        out = temp.resolve("site");
        SiteFiles.write(content, "01-a.md", lesson("A", 10, null));
        SiteFiles.write(content, "02-b.md", lesson("B", 20, null));
        SiteFiles.write(content, "90-guide.md", lesson("Guide", 900, "For authors"));
        SiteFiles.write(content, "92-drills.md", lesson("Drills", 920, "Practice"));
        SiteFiles.write(content, "93-more.md", lesson("More drills", 930, "Practice"));
    }

    private BuildReport build(String yaml) {
        return SiteFiles.build(content, out, SiteFiles.write(temp, "longhand.yml", yaml));
    }

    private static List<String> headlines(BuildReport report) {
        return report.diagnostics().sorted().stream().map(Diagnostic::headline).toList();
    }

    @Test
    void theSiteIsNamedByItsSettings() {
        BuildReport report = build("""
                title: Nets & <Sums>
                tagline: every sum, by hand
                language: de-CH
                """);
        assertTrue(report.succeeded(), headlines(report).toString());
        Document index = SiteFiles.page(out, "index.html");
        assertEquals("de-CH", index.selectFirst("html").attr("lang"));
        assertEquals("Nets & <Sums>: every sum, by hand", index.title());
        assertEquals("Nets & <Sums>", index.selectFirst(".site-name").text());
        assertEquals("every sum, by hand", index.selectFirst(".site-tagline").text());
        assertEquals("Every sum, by hand", index.selectFirst("h1").text(), "the tagline, begun with a capital");

        Document page = SiteFiles.page(out, "a.html");
        assertEquals("de-CH", page.selectFirst("html").attr("lang"));
        assertEquals("A · Nets & <Sums>", page.title());
        assertEquals("Nets & <Sums>", page.selectFirst(".site-name").text());
        assertEquals("every sum, by hand", page.selectFirst(".site-tagline").text());
        assertEquals("Page not found · Nets & <Sums>", SiteFiles.page(out, "404.html").title());
        for (String name : List.of("index.html", "a.html", "404.html")) {
            Document any = SiteFiles.page(out, name);
            assertFalse(any.select("header, title, h1").text().contains("Longhand"), name + " still names Longhand");
        }
    }

    @Test
    void withoutSettingsTheSiteIsLonghand() {
        assertTrue(SiteFiles.build(content, out).succeeded());
        Document index = SiteFiles.page(out, "index.html");
        assertEquals("en", index.selectFirst("html").attr("lang"));
        assertEquals("Longhand: neural networks, worked out by hand", index.title());
        assertEquals("Longhand", index.selectFirst(".site-name").text());
        assertEquals("neural networks, worked out by hand", index.selectFirst(".site-tagline").text());
        assertEquals("Neural networks, worked out by hand", index.selectFirst("h1").text());
        assertEquals("A · Longhand", SiteFiles.page(out, "a.html").title());
    }

    @Test
    void anEmptyTaglineLeavesOnlyTheName() {
        assertTrue(build("title: My course\ntagline: ''\n").succeeded());
        Document index = SiteFiles.page(out, "index.html");
        assertEquals("My course", index.title());
        assertEquals("My course", index.selectFirst("h1").text());
        assertNull(index.selectFirst(".site-tagline"));
        assertNull(SiteFiles.page(out, "a.html").selectFirst(".site-tagline"));
    }

    @Test
    void byDefaultEachSectionComesWhereItsFirstLessonComes() {
        assertTrue(SiteFiles.build(content, out).succeeded());
        assertEquals(List.of("Lessons", "For authors", "Practice"), SiteFiles.page(out, "index.html").select("h2").eachText());
    }

    @Test
    void sectionsSetTheOrderAndTheShownNames() throws IOException {
        BuildReport report = build("""
                sections:
                  - Lessons: The course
                  - Practice
                  - For authors
                """);
        assertTrue(report.succeeded(), headlines(report).toString());
        Document index = SiteFiles.page(out, "index.html");
        assertEquals(List.of("The course", "Practice", "For authors"), index.select("h2").eachText());
        assertEquals(List.of("A", "B"), index.select("#section-the-course + ol .lesson-title").eachText());
        assertEquals(List.of("Drills", "More drills"), index.select("#section-practice + ol .lesson-title").eachText());

        Document b = SiteFiles.page(out, "b.html");
        assertEquals("The course", b.selectFirst("nav.sidebar").attr("aria-label"));
        assertEquals("index.html#section-the-course", b.select(".breadcrumbs a").get(1).attr("href"));
        assertEquals("a.html", b.selectFirst(".prev-next .prev").attr("href"));
        assertNull(b.selectFirst(".prev-next .next"), "the next section is not the next lesson");

        List<String> sections = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode page : SearchIndexTest.index(out).get("pages")) {
            sections.add(page.get("section").asText());
            titles.add(page.get("title").asText());
        }
        assertEquals(List.of("A", "B", "Drills", "More drills", "Guide"), titles);
        assertEquals(List.of("The course", "The course", "Practice", "Practice", "For authors"), sections);
    }

    @Test
    void aSectionTheListLeavesOutIsAnErrorAtTheLessonAndNothingIsWritten() throws IOException {
        BuildReport report = build("sections: [Lessons, For authors]\n");
        assertEquals(List.of(
                "content/92-drills.md:4:10: error: section 'Practice' is not in sections: in longhand.yml, which lists"
                        + " only Lessons, For authors; add it there",
                "content/93-more.md:4:10: error: section 'Practice' is not in sections: in longhand.yml, which lists"
                        + " only Lessons, For authors; add it there"),
                headlines(report));
        assertFalse(Files.exists(out));
        BuildReport check = new SiteBuilder(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(),
                "templates", 2).withConfig(temp.resolve("longhand.yml"), "longhand.yml")).check();
        assertEquals(headlines(report), headlines(check), "check agrees with build");
    }

    @Test
    void thePreviewShowsTheSettingsButNoBaseUrl() throws IOException {
        Path config = SiteFiles.write(temp, "longhand.yml", """
                baseUrl: https://example.org/course/
                title: My course
                language: fr
                sections: [Practice, Lessons, For authors]
                """);
        LiveSite live = new LiveSite(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(), "templates", 2)
                .withConfig(config, "longhand.yml"), temp.resolve("serve"));
        assertTrue(live.update(List.of()).report().succeeded());
        Document index = SiteFiles.page(temp.resolve("serve"), "index.html");
        assertEquals("fr", index.selectFirst("html").attr("lang"));
        assertEquals("My course", index.selectFirst(".site-name").text());
        assertEquals(List.of("Practice", "Lessons", "For authors"), index.select("h2").eachText());
        assertNull(index.selectFirst("link[rel=canonical]"), "the preview serves from its own address");
    }
}
