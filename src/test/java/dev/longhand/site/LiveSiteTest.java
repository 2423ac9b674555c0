package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server's build: each update writes only what changed, and after any sequence of
 * edits the folder is byte for byte what a full build of the same files writes.
 */
class LiveSiteTest {

    @TempDir
    Path temp;
    Path content;
    LiveSite site;

    private static String lesson(String title, int order, String prose) {
        return """
                ---
                title: %s
                order: %d
                summary: About %s.
                ---
                %s

                ```mlp
                input: [2, 1]
                layers:
                  - weights: [[1, -1], [0, 1]]
                  - weights: [[1, 1]]
                ```
                """.formatted(title, order, title, prose);
    }

    @BeforeEach
    void site() {
        content = temp.resolve("content");
        SiteFiles.write(content, "01-a.md", lesson("A", 10, "Prose of A."));
        SiteFiles.write(content, "02-b.md", lesson("B", 20, "Prose of B. [C](03-c.md)"));
        SiteFiles.write(content, "03-c.md", lesson("C", 30, "Prose of C."));
        SiteFiles.write(content, "authors/90-d.md", lesson("D", 90, "Prose of D.").replace("order: 90",
                "order: 90\nsection: For authors"));
        site = new LiveSite(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(), "templates", 2),
                temp.resolve("serve"));
    }

    private LiveSite.Update update(String... changed) throws IOException {
        return site.update(java.util.Arrays.stream(changed).map(content::resolve).toList());
    }

    private void assertSameAsAFullBuild() {
        Path full = temp.resolve("full");
        BuildReport report = SiteFiles.build(content, full);
        assertTrue(report.succeeded(), report.diagnostics().sorted().toString());
        SortedMap<String, byte[]> expected = SiteFiles.snapshot(full);
        SiteFiles.assertSameFiles(expected, SiteFiles.snapshot(temp.resolve("serve")),
                "the live folder differs from a full build");
    }

    @Test
    void theFirstUpdateBuildsEverything() throws IOException {
        LiveSite.Update first = site.update(List.of());
        assertTrue(first.report().succeeded());
        assertTrue(first.full());
        assertEquals(List.of("a.html", "authors/d.html", "b.html", "c.html", "index.html"), first.written());
        assertSameAsAFullBuild();
    }

    @Test
    void aProseEditWritesOnlyThatPage() throws IOException {
        site.update(List.of());
        SiteFiles.write(content, "02-b.md", lesson("B", 20, "New prose of B. [C](03-c.md)"));
        LiveSite.Update update = update("02-b.md");
        assertFalse(update.full());
        assertEquals(List.of("b.html"), update.written());
        assertSameAsAFullBuild();
    }

    @Test
    void aLessonGainingAndLosingMathBringsAndTakesKatexWithoutAFullRebuild() throws IOException {
        site.update(List.of());
        Path katex = temp.resolve("serve/assets/katex/katex.min.js");
        assertFalse(Files.exists(katex), "no lesson has math yet");
        SiteFiles.write(content, "02-b.md", lesson("B", 20, "Now with $x^2$. [C](03-c.md)"));
        LiveSite.Update gained = update("02-b.md");
        assertFalse(gained.full());
        assertTrue(Files.exists(katex));
        assertSameAsAFullBuild();
        SiteFiles.write(content, "02-b.md", lesson("B", 20, "Without it again. [C](03-c.md)"));
        LiveSite.Update lost = update("02-b.md");
        assertFalse(lost.full());
        assertFalse(Files.exists(katex));
        assertSameAsAFullBuild();
    }

    @Test
    void aProseEditReusesTheLessonsComputedBlock() throws IOException {
        site.update(List.of());
        long computed = site.blockCache().misses();
        assertEquals(4, computed, "one block in each of the four lessons");
        SiteFiles.write(content, "02-b.md", lesson("B", 20, "New prose of B. [C](03-c.md)"));
        update("02-b.md");
        assertEquals(1, site.blockCache().hits(), "B's block was not computed again");
        assertEquals(computed, site.blockCache().misses());
        SiteFiles.write(content, "02-b.md", lesson("B", 20, "New prose of B.").replace("[[1, 1]]", "[[1, 2]]"));
        update("02-b.md");
        assertEquals(computed + 1, site.blockCache().misses(), "an edited block is computed again");
        assertSameAsAFullBuild();
    }

    @Test
    void aNewThemeStartsWithAnEmptyBlockCache() throws IOException {
        site.update(List.of());
        assertEquals(4, site.blockCache().misses());
        site.update(List.of(SiteFiles.repoTemplates().resolve("mlp.mustache")));
        assertEquals(0, site.blockCache().hits(), "blocks rendered by the old templates are not reused");
        assertEquals(4, site.blockCache().misses());
    }

    @Test
    void aChangedFileIsFoundWithoutTheWatchersWord() throws IOException {
        site.update(List.of());
        SiteFiles.write(content, "01-a.md", lesson("A", 10, "A, edited, and longer than before."));
        assertEquals(List.of("a.html"), site.update(List.of()).written());
        assertSameAsAFullBuild();
    }

    @Test
    void aNewTitleRewritesTheIndexAndItsSectionOnly() throws IOException {
        site.update(List.of());
        SiteFiles.write(content, "03-c.md", lesson("C renamed", 30, "Prose of C."));
        assertEquals(List.of("a.html", "b.html", "c.html", "index.html"), update("03-c.md").written());
        assertSameAsAFullBuild();
    }

    @Test
    void addingAndRemovingLessons() throws IOException {
        site.update(List.of());
        SiteFiles.write(content, "04-e.md", lesson("E", 40, "Prose of E."));
        assertEquals(List.of("a.html", "b.html", "c.html", "e.html", "index.html"), update("04-e.md").written());
        assertSameAsAFullBuild();
        Files.delete(content.resolve("01-a.md"));
        update("01-a.md");
        assertFalse(Files.exists(temp.resolve("serve/a.html")));
        assertSameAsAFullBuild();
    }

    @Test
    void afterErrorsNothingIsWrittenAndTheFixWritesWhatChangedSince() throws IOException {
        site.update(List.of());
        SortedMap<String, byte[]> good = SiteFiles.snapshot(temp.resolve("serve"));
        SiteFiles.write(content, "01-a.md", lesson("A", 10, "A, now broken.").replace("[[1, 1]]", "[[1, 1, 1]]"));
        SiteFiles.write(content, "03-c.md", lesson("C", 30, "C, edited meanwhile."));
        LiveSite.Update broken = update("01-a.md", "03-c.md");
        assertFalse(broken.report().succeeded());
        assertEquals(List.of(), broken.written());
        SiteFiles.assertSameFiles(good, SiteFiles.snapshot(temp.resolve("serve")), "a failed update wrote files");
        SiteFiles.write(content, "01-a.md", lesson("A", 10, "A, fixed."));
        assertEquals(List.of("a.html", "c.html"), update("01-a.md").written());
        assertSameAsAFullBuild();
    }

    @Test
    void aLinkBrokenByAnotherLessonsEditIsReported() throws IOException {
        site.update(List.of());
        Files.move(content.resolve("03-c.md"), content.resolve("03-see.md"));
        LiveSite.Update update = update("03-c.md", "03-see.md");
        assertFalse(update.report().succeeded());
        assertEquals("content/02-b.md:6:17: error: link to '03-c.md', but there is no lesson content/03-c.md",
                update.report().diagnostics().sorted().get(0).headline());
    }

    @Test
    void aLessonWithABrokenBlockStillHasItsBrokenLinksReported() throws IOException {
        site.update(List.of());
        // B's block now has a row of 3 values for 2 inputs, and its link names a lesson that is not there.
        SiteFiles.write(content, "02-b.md", lesson("B", 20, "Prose of B. [C](03-cc.md)")
                .replace("[[1, -1], [0, 1]]", "[[1, -1, 0], [0, 1]]"));
        LiveSite.Update update = update("02-b.md");
        assertEquals(List.of(
                // "cc" is too short a name to guess at (LessonChecks.nearestLesson).
                "content/02-b.md:6:17: error: link to '03-cc.md', but there is no lesson content/03-cc.md",
                "content/02-b.md:11:15: error: layer 1 weights row 1 has 3 values; the input has 2 units"),
                update.report().diagnostics().sorted().stream().map(d -> d.headline()).toList());
    }

    @Test
    void aThemeChangeRebuildsEverything() throws IOException {
        Path theme = temp.resolve("templates");
        try (var walk = Files.walk(SiteFiles.repoTemplates())) {
            for (Path path : walk.toList()) {
                Path target = theme.resolve(SiteFiles.repoTemplates().relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        site = new LiveSite(new SiteBuilder.Options(content, "content", theme, "templates", 2), temp.resolve("serve"));
        site.update(List.of());
        Path footer = theme.resolve("footer.mustache");
        Files.writeString(footer, Files.readString(footer).replace("</footer>", "<p>New</p></footer>"));
        LiveSite.Update update = site.update(Set.of(footer));
        assertTrue(update.full());
        assertEquals(5, update.written().size());
        assertTrue(Files.readString(temp.resolve("serve/authors/d.html")).contains("<p>New</p>"));
    }

    /** A full build of the same files and config, compared byte for byte with the live folder. */
    private void assertSameAsAFullBuildWith(Path config) throws IOException {
        Path full = temp.resolve("full");
        BuildReport report = new SiteBuilder(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(),
                "templates", 2).withConfig(config, "longhand.yml")).build(full);
        assertTrue(report.succeeded(), report.diagnostics().sorted().toString());
        SiteFiles.assertSameFiles(SiteFiles.snapshot(full), SiteFiles.snapshot(temp.resolve("serve")),
                "the live folder differs from a full build");
    }

    @Test
    void aChangedConfigRecomputesEveryLessonWithItsPracticeDefault() throws IOException {
        Path config = SiteFiles.write(temp, "longhand.yml", "# nothing yet\n");
        site = new LiveSite(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(), "templates", 2)
                .withConfig(config, "longhand.yml"), temp.resolve("serve"));
        site.update(List.of());
        assertFalse(Files.readString(temp.resolve("serve/a.html")).contains("data-practice"));

        SiteFiles.write(temp, "longhand.yml", "practice: {new_numbers: true}\n");
        LiveSite.Update update = site.update(Set.of(config));
        assertTrue(update.report().succeeded(), update.report().diagnostics().sorted().toString());
        assertTrue(update.full());
        assertEquals(List.of("a-answers.html", "a.html", "authors/d-answers.html", "authors/d.html", "b-answers.html",
                "b.html", "c-answers.html", "c.html", "index.html"), update.written());
        assertTrue(Files.readString(temp.resolve("serve/a.html")).contains("data-new-numbers="));
        assertSameAsAFullBuildWith(config);

        SiteFiles.write(temp, "longhand.yml", "practice: false\n");
        site.update(Set.of(config));
        assertFalse(Files.exists(temp.resolve("serve/a-answers.html")), "answer keys of worksheets that are gone go");
        assertSameAsAFullBuildWith(config);
    }

    @Test
    void aBrokenConfigIsReportedAtItsPositionUntilFixed() throws IOException {
        Path config = SiteFiles.write(temp, "longhand.yml", "practice: true\n");
        site = new LiveSite(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(), "templates", 2)
                .withConfig(config, "longhand.yml"), temp.resolve("serve"));
        site.update(List.of());
        SortedMap<String, byte[]> good = SiteFiles.snapshot(temp.resolve("serve"));

        SiteFiles.write(temp, "longhand.yml", "practice: sometimes\n");
        LiveSite.Update broken = site.update(Set.of(config));
        assertFalse(broken.report().succeeded());
        assertEquals("longhand.yml:1:11: error: practice should be true or false, but it is the text 'sometimes'",
                broken.report().diagnostics().sorted().get(0).headline());
        SiteFiles.write(content, "01-a.md", lesson("A", 10, "A, edited meanwhile."));
        assertFalse(update("01-a.md").report().succeeded(), "still reported while the config is broken");
        SiteFiles.assertSameFiles(good, SiteFiles.snapshot(temp.resolve("serve")), "a failed update wrote files");

        SiteFiles.write(temp, "longhand.yml", "practice: true\n");
        assertTrue(site.update(Set.of(config)).report().succeeded());
        assertSameAsAFullBuildWith(config);
    }
}
