package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longhand.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code draft: true}: the build leaves a draft out of everything it publishes, and refuses a
 * link to it; the live preview shows it, marked as a draft.
 */
class DraftsTest {

    private static final String BLOCK = "\n```mlp\ninput: [2, 1]\nlayers:\n  - weights: [[1, -1]]\n```\n";

    @TempDir
    Path temp;
    Path content;
    Path out;

    private static String lesson(String title, int order, boolean draft, String prose) {
        return "---\ntitle: " + title + "\norder: " + order + "\n" + (draft ? "draft: true\n" : "")
                + "summary: About " + title + ".\n---\n" + prose + "\n" + BLOCK;
    }

    /** A, then the draft "Soon", then C: one section, so the draft sits between two published lessons. */
    @BeforeEach
    void lessons() {
        content = temp.resolve("content");
        out = temp.resolve("site");
        SiteFiles.write(content, "01-a.md", lesson("A", 10, false, "Prose of A."));
        SiteFiles.write(content, "02-soon.md", lesson("Soon", 20, true, "Prose of Soon, see [A](01-a.md)."));
        SiteFiles.write(content, "03-c.md", lesson("C", 30, false, "Prose of C."));
    }

    private BuildReport build() {
        return SiteFiles.build(content, out, SiteFiles.write(temp, "longhand.yml", "baseUrl: https://example.org/\n"));
    }

    private static List<String> headlines(BuildReport report) {
        return report.diagnostics().sorted().stream().map(Diagnostic::headline).toList();
    }

    private static List<String> searchTitles(Path site) throws IOException {
        List<String> titles = new ArrayList<>();
        for (JsonNode page : SearchIndexTest.index(site).get("pages")) {
            titles.add(page.get("title").asText());
        }
        return titles;
    }

    @Test
    void theBuildLeavesADraftOutOfEverythingItPublishes() throws IOException {
        BuildReport report = build();
        assertEquals(List.of(), headlines(report));
        assertEquals(2, report.lessons(), "the draft is not a lesson of the site");
        assertFalse(Files.exists(out.resolve("soon.html")), "no page");

        Document index = SiteFiles.page(out, "index.html");
        assertEquals(List.of("A", "C"), index.select(".lesson-title").eachText());
        assertEquals(List.of("A", "C"), searchTitles(out));
        Document sitemap = Jsoup.parse(Files.readString(out.resolve("sitemap.xml")), "", Parser.xmlParser());
        assertEquals(List.of("https://example.org/", "https://example.org/a.html", "https://example.org/c.html"),
                sitemap.select("url > loc").eachText().stream().sorted().toList());

        Document a = SiteFiles.page(out, "a.html");
        assertEquals("c.html", a.selectFirst(".prev-next .next").attr("href"), "next skips the draft");
        assertEquals("a.html", SiteFiles.page(out, "c.html").selectFirst(".prev-next .prev").attr("href"));
        assertEquals(List.of("A", "C"), a.select("nav.sidebar li a").eachText().stream()
                .map(t -> t.replaceFirst("^\\d+ ", "")).toList());
        assertNull(a.selectFirst(".draft-mark"));
    }

    @Test
    void anUnfinishedDraftDoesNotFailTheBuild() {
        SiteFiles.write(content, "02-soon.md", lesson("Soon", 20, true, "Half written.")
                .replace("[[1, -1]]", "[[1, -1, 7]]"));
        assertEquals(List.of(), headlines(build()), "a draft is not computed by the build");
        SiteFiles.write(content, "02-soon.md", lesson("Soon", 20, false, "Half written.")
                .replace("[[1, -1]]", "[[1, -1, 7]]"));
        assertFalse(build().succeeded(), "the same lesson published fails the build");
    }

    @Test
    void aLinkFromAPublishedLessonToADraftIsAnErrorAtTheLink() throws IOException {
        SiteFiles.write(content, "01-a.md", lesson("A", 10, false, "Next, [soon](02-soon.md#mlp-1)."));
        BuildReport report = build();
        // Line 6 is the prose; "Next, [soon](" is 13 characters, so the target starts at column 14.
        List<String> expected = List.of("content/01-a.md:6:14: error: links to a draft: content/02-soon.md says"
                + " draft: true, so the built site leaves it out; link to it once it is published");
        assertEquals(expected, headlines(report));
        assertFalse(Files.exists(out), "nothing is written");
        BuildReport check = new SiteBuilder(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(),
                "templates", 2)).check();
        assertEquals(expected, headlines(check), "check agrees with build");
    }

    @Test
    void aDraftMayLinkToADraft() {
        SiteFiles.write(content, "04-later.md", lesson("Later", 40, true, "After [soon](02-soon.md)."));
        assertEquals(List.of(), headlines(build()));
    }

    @Test
    void thePreviewShowsTheDraftMarked() throws IOException {
        LiveSite live = new LiveSite(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(),
                "templates", 2), temp.resolve("serve"));
        LiveSite.Update update = live.update(List.of());
        assertEquals(List.of(), headlines(update.report()));
        Path serve = temp.resolve("serve");

        Document draft = SiteFiles.page(serve, "soon.html");
        assertNotNull(draft.selectFirst(".lesson-article .draft-banner"), "a banner on the draft's page");
        assertTrue(draft.selectFirst(".draft-banner").text().startsWith("Draft:"));
        assertNull(SiteFiles.page(serve, "a.html").selectFirst(".draft-banner"), "only on drafts");

        Document index = SiteFiles.page(serve, "index.html");
        assertEquals(List.of("A", "Soon", "C"), index.select(".lesson-title").eachText());
        assertEquals(List.of("Soon"), index.select("li:has(.draft-mark) .lesson-title").eachText());
        Document a = SiteFiles.page(serve, "a.html");
        assertEquals("soon.html", a.selectFirst(".prev-next .next").attr("href"));
        assertEquals(List.of("soon.html"), a.select("nav.sidebar li a:has(.draft-mark)").eachAttr("href"));
        assertEquals(List.of("A", "Soon", "C"), searchTitles(serve));
    }

    @Test
    void thePreviewWarnsOfALinkToADraftThatTheBuildWouldRefuse() throws IOException {
        SiteFiles.write(content, "01-a.md", lesson("A", 10, false, "Next, [soon](02-soon.md)."));
        LiveSite live = new LiveSite(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(),
                "templates", 2), temp.resolve("serve"));
        LiveSite.Update update = live.update(List.of());
        assertEquals(List.of("content/01-a.md:6:14: warning: links to a draft: content/02-soon.md says draft: true,"
                + " so the built site leaves it out; link to it once it is published"), headlines(update.report()));
        assertTrue(Files.exists(temp.resolve("serve/a.html")), "a warning does not stop the preview");
    }
}
