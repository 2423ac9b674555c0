package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links between lessons written as .md paths: rewritten to pages, and checked with positions. */
class LessonLinksTest {

    private static final String ONE_NODE = """
            ---
            title: One node
            order: 10
            summary: A dot product.
            ---
            ## The dot product

            Text.

            ## Some heading

            ```mlp
            input: [1]
            layers:
              - weights: [[2]]
            ```
            """;

    @TempDir
    Path temp;
    Path content;

    @BeforeEach
    void lessons() {
        content = temp.resolve("content");
        SiteFiles.write(content, "basics/01-one-node.md", ONE_NODE);
    }

    private String lesson(String body) {
        return """
                ---
                title: Links
                order: 20
                summary: Links to other lessons.
                ---
                """ + body;
    }

    private List<String> problems() {
        return SiteFiles.build(content, temp.resolve("site")).diagnostics().sorted().stream()
                .map(Diagnostic::headline).toList();
    }

    private Document page(String name) throws IOException {
        return Jsoup.parse(Files.readString(temp.resolve("site").resolve(name)));
    }

    @Test
    void mdLinksBecomePageLinksWithTheirAnchor() throws IOException {
        SiteFiles.write(content, "advanced/06-links.md", lesson("""
                See [one node](../basics/01-one-node.md#some-heading), [again](../basics/01-one-node.md),
                [the top](#top-of-links), [block](../basics/01-one-node.md#mlp-1),
                [elsewhere](https://example.com/x.md) and [a picture](../assets/x.png).

                ## Top of links
                """));
        SiteFiles.write(content, "basics/02-next.md", lesson("[back](01-one-node.md \"Back\")\n")
                .replace("title: Links", "title: Next").replace("order: 20", "order: 15"));
        assertEquals(List.of(), problems());
        List<String> hrefs = page("advanced/links.html").select("main article a[href]").stream()
                .map(a -> a.attr("href")).filter(h -> !h.startsWith("#toc")).toList();
        assertTrue(hrefs.containsAll(List.of("../basics/one-node.html#some-heading", "../basics/one-node.html",
                "#top-of-links", "../basics/one-node.html#mlp-1", "https://example.com/x.md", "../assets/x.png")),
                hrefs.toString());
        assertEquals("../basics/one-node.html",
                page("basics/next.html").select("main article p a").first().attr("href"));
    }

    @Test
    void referenceDefinitionsAreRewrittenToo() throws IOException {
        SiteFiles.write(content, "02-refs.md", lesson("""
                See [one node][n].

                [n]: basics/01-one-node.md#the-dot-product
                """));
        assertEquals(List.of(), problems());
        assertEquals("basics/one-node.html#the-dot-product",
                page("refs.html").select("main article p a").first().attr("href"));
    }

    @Test
    void aLinkToAMissingLessonIsAnErrorAtTheLinkWithASuggestion() {
        SiteFiles.write(content, "basics/02-links.md", lesson("""
                Text first.
                Read [the first lesson](01-one-nod.md) again.
                """));
        assertEquals(List.of("content/basics/02-links.md:7:25: error: link to '01-one-nod.md', but there is no "
                + "lesson content/basics/01-one-nod.md; did you mean '01-one-node.md'?"), problems());
    }

    @Test
    void aLinkToAMissingLessonInAnotherFolderSuggestsTheRelativePath() {
        SiteFiles.write(content, "advanced/02-links.md", lesson("[x](../basic/01-one-node.md)\n"));
        assertEquals(List.of("content/advanced/02-links.md:6:5: error: link to '../basic/01-one-node.md', but there "
                + "is no lesson content/basic/01-one-node.md; did you mean '../basics/01-one-node.md'?"), problems());
    }

    @Test
    void aRenumberedLessonIsSuggestedAndShortNamesAreNotGuessed() {
        SiteFiles.write(content, "basics/02-links.md", lesson("[x](05-one-node.md) [y](03-c.md)\n"));
        assertEquals(List.of(
                "content/basics/02-links.md:6:5: error: link to '05-one-node.md', but there is no lesson "
                        + "content/basics/05-one-node.md; did you mean '01-one-node.md'?",
                "content/basics/02-links.md:6:25: error: link to '03-c.md', but there is no lesson "
                        + "content/basics/03-c.md"), problems());
    }

    @Test
    void aLinkToAMissingHeadingIsAnErrorWithASuggestion() {
        SiteFiles.write(content, "basics/02-links.md", lesson("See [it](01-one-node.md#some-headin).\n"));
        assertEquals(List.of("content/basics/02-links.md:6:10: error: link to '#some-headin', but there is no "
                + "heading with that id in content/basics/01-one-node.md; did you mean '#some-heading'?"), problems());
    }

    @Test
    void aLinkToAMissingHeadingOnTheSamePageIsAnError() {
        SiteFiles.write(content, "basics/02-links.md", lesson("""
                ## Worked example

                Back to [the example](#worked-exampel) or [nowhere](#zzz).
                """));
        assertEquals(List.of(
                "content/basics/02-links.md:8:23: error: link to '#worked-exampel', but there is no heading with "
                        + "that id on this page; did you mean '#worked-example'?",
                "content/basics/02-links.md:8:53: error: link to '#zzz', but there is no heading with that id "
                        + "on this page"), problems());
    }

    @Test
    void aFrontMatterErrorDoesNotHideTheSameFilesBrokenLinks() {
        SiteFiles.write(content, "basics/02-links.md", """
                ---
                title: [Links
                ---
                Read [the first lesson](01-one-nod.md) and [the top](01-one-node.md#the-dot-produc).
                """);
        assertEquals(List.of(
                "content/basics/02-links.md:2:8: error: this is not valid YAML: this '[' is never closed by a "
                        + "matching ']'",
                "content/basics/02-links.md:4:25: error: link to '01-one-nod.md', but there is no lesson "
                        + "content/basics/01-one-nod.md; did you mean '01-one-node.md'?",
                "content/basics/02-links.md:4:54: error: link to '#the-dot-produc', but there is no heading with "
                        + "that id in content/basics/01-one-node.md; did you mean '#the-dot-product'?"), problems());
    }

    @Test
    void aBlockErrorDoesNotHideTheSameFilesBrokenLinks() {
        SiteFiles.write(content, "basics/02-links.md", lesson("""
                Read [the first lesson](missing.md).

                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1]]
                ```
                """));
        assertEquals(List.of(
                "content/basics/02-links.md:6:25: error: link to 'missing.md', but there is no lesson "
                        + "content/basics/missing.md",
                "content/basics/02-links.md:11:15: error: layer 1 weights row 1 has 1 value; the input has 2 units"),
                problems());
    }

    @Test
    void theErrorShowsTheLineAndACaretUnderTheTarget() {
        SiteFiles.write(content, "basics/02-links.md", lesson("Read [it](missing.md).\n"));
        Diagnostic error = SiteFiles.build(content, temp.resolve("site")).diagnostics().sorted().get(0);
        assertEquals("""
                content/basics/02-links.md:6:11: error: link to 'missing.md', but there is no lesson \
                content/basics/missing.md
                  Read [it](missing.md).
                            ^""", error.render());
    }

    @Test
    void aLinkLeavingTheContentFolderIsNotALesson() {
        SiteFiles.write(content, "02-links.md", lesson("[readme](../README.md)\n"));
        assertEquals(List.of("content/02-links.md:6:10: error: link to '../README.md', but there is no lesson "
                + "README.md"), problems());
    }

    @Test
    void aFailedBuildBecauseOfALinkWritesNothing() {
        SiteFiles.write(content, "02-links.md", lesson("[x](nope.md)\n"));
        assertTrue(!SiteFiles.build(content, temp.resolve("site")).succeeded());
        assertTrue(Files.notExists(temp.resolve("site")));
    }

    @Test
    void aLessonWithoutSummaryIsAWarningAndStillBuilds() {
        SiteFiles.write(content, "02-plain.md", """
                ---
                title: Plain
                ---
                Text.
                """);
        var report = SiteFiles.build(content, temp.resolve("site"));
        assertTrue(report.succeeded());
        List<Diagnostic> all = report.diagnostics().sorted();
        assertEquals(1, all.size());
        assertEquals("""
                content/02-plain.md:1:1: warning: this lesson has no summary; add one to the front matter \
                (summary: one line for the index page)
                  ---
                  ^""", all.get(0).render());
        assertTrue(Files.isRegularFile(temp.resolve("site/plain.html")));
    }
}
