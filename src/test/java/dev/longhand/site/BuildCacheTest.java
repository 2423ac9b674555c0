package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild into the same folder writes the lessons nothing has changed for from the last
 * build's files: the result is byte for byte a build that computes everything, after any
 * change, and the count of lessons reused is what the change leaves untouched by the rules
 * (a page shows its lesson, its twelve neighbours either side in the sidebar, the site's
 * settings and theme).
 */
class BuildCacheTest {

    /** A block with a worksheet, so the lesson has an answer key and downloads beside its page. */
    private static final String PRACTICE_BLOCK = """
            ```mlp
            input: [3, 1]
            layers:
              - weights: [[1, 2], [-2, 1]]
                bias: [0, 0.5]
            practice: true
            ```
            """;

    @TempDir
    Path temp;
    private Path content;
    private Path out;

    @BeforeEach
    void course() {
        content = temp.resolve("content");
        // 30 lessons in one section: lesson 1 has a worksheet, lesson 2 links to lesson 3's heading.
        for (int i = 1; i <= 30; i++) {
            String body = switch (i) {
                case 1 -> "## Worksheet\n\n" + PRACTICE_BLOCK;
                case 2 -> "See [the heading](03-l3.md#the-heading).\n";
                case 3 -> "## The heading\n\nText.\n";
                default -> "Text of lesson " + i + ".\n";
            };
            SiteFiles.write(content, name(i), front(i, "L" + i) + body);
        }
        out = temp.resolve("site");
    }

    private static String name(int i) {
        return String.format("%02d-l%d.md", i, i);
    }

    private static String front(int i, String title) {
        return "---\ntitle: " + title + "\norder: " + i + "\nsummary: Lesson " + i + ".\n---\n";
    }

    /** Rebuilds into {@code out} and checks it against a build of everything; returns how many lessons were reused. */
    private int rebuild(SiteBuilder builder) throws IOException {
        BuildReport cached = builder.build(out);
        assertTrue(cached.succeeded(), cached.diagnostics().sorted().toString());
        Path reference = temp.resolve("reference-" + System.nanoTime());
        BuildReport everything = builder.computingEverything().build(reference);
        assertEquals(0, everything.unchanged());
        assertEquals(everything.diagnostics().sorted(), cached.diagnostics().sorted());
        SiteFiles.assertSameFiles(SiteFiles.snapshot(reference), SiteFiles.snapshot(out), "cached build");
        return cached.unchanged();
    }

    private SiteBuilder builder() {
        return new SiteBuilder(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(), "templates", 2));
    }

    @Test
    void aRebuildWithNothingChangedReusesEveryLessonAndTheirFiles() throws IOException {
        assertEquals(0, builder().build(out).unchanged());
        Object keyBefore = Files.readAttributes(out.resolve("l1-answers.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertEquals(30, rebuild(builder()));
        Object keyAfter = Files.readAttributes(out.resolve("l1-answers.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        if (keyBefore != null) {
            assertEquals(keyBefore, keyAfter, "the answer key is the last build's file, linked");
        }
        assertTrue(Files.isRegularFile(out.resolve("l1.html")));
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".xlsx")), "downloads reused too");
        }
    }

    @Test
    void anEditedLessonIsComputedAgainAndTheOthersAreReused() throws IOException {
        builder().build(out);
        SiteFiles.write(content, name(20), front(20, "L20") + "New words.\n");
        assertEquals(29, rebuild(builder()));
        assertTrue(Files.readString(out.resolve("l20.html")).contains("New words."));
    }

    @Test
    void aNewTitleIsComputedOnEveryPageWhoseSidebarShowsIt() throws IOException {
        builder().build(out);
        SiteFiles.write(content, name(2), front(2, "Renamed") + "See [the heading](03-l3.md#the-heading).\n");
        // Lesson 2 is listed by lessons 1 to 14 (twelve after it): those 14 are computed, 15 to 30 reused.
        assertEquals(16, rebuild(builder()));
        assertTrue(Files.readString(out.resolve("l14.html")).contains("Renamed"));
        assertFalse(Files.readString(out.resolve("l15.html")).contains("Renamed"));
    }

    @Test
    void aNewLessonChangesOnlyThePagesThatListIt() throws IOException {
        builder().build(out);
        SiteFiles.write(content, "31-l31.md", front(31, "L31") + "Last.\n");
        // Lessons 19 to 30 list it in their sidebars (30 also links to it as next): 18 reused.
        assertEquals(18, rebuild(builder()));
    }

    @Test
    void aLessonMadeADraftIsLeftOutAndComesBackWhenPublished() throws IOException {
        builder().build(out);
        String text = Files.readString(content.resolve(name(30)));
        SiteFiles.write(content, name(30), text.replace("order: 30", "order: 30\ndraft: true"));
        assertEquals(17, rebuild(builder())); // lessons 18 to 29 listed it
        assertFalse(Files.exists(out.resolve("l30.html")));
        SiteFiles.write(content, name(30), text);
        assertEquals(17, rebuild(builder()));
        assertTrue(Files.exists(out.resolve("l30.html")));
    }

    @Test
    void theSiteConfigTheThemeAndTheBaseUrlEachRecomputeEveryLesson() throws IOException {
        builder().build(out);
        Path config = SiteFiles.write(temp, "longhand.yml", "title: A course\n");
        SiteBuilder configured = new SiteBuilder(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(),
                "templates", 2).withConfig(config, "longhand.yml"));
        assertEquals(0, rebuild(configured));
        assertEquals(30, rebuild(configured));
        SiteFiles.write(temp, "longhand.yml", "title: Another course\n");
        assertEquals(0, rebuild(configured));
        assertEquals(0, rebuild(configured.publishedAt("https://example.org/course/")));

        Path theme = temp.resolve("theme");
        SiteFiles.write(theme, "assets/extra.css", "p { color: black; }\n");
        SiteBuilder themed = new SiteBuilder(new SiteBuilder.Options(content, "content", theme, "theme", 2));
        assertEquals(0, rebuild(themed));
        assertEquals(30, rebuild(themed));
        SiteFiles.write(theme, "assets/extra.css", "p { color: navy; }\n");
        assertEquals(0, rebuild(themed));
    }

    @Test
    void aFileChangedOrRemovedInTheOutputFolderIsWrittenAgain() throws IOException {
        builder().build(out);
        Files.writeString(out.resolve("l7.html"), "<!-- edited -->", StandardOpenOption.APPEND);
        Files.delete(out.resolve("l1-answers.html"));
        assertEquals(28, rebuild(builder()));
    }

    @Test
    void aDamagedOrMissingCacheIsABuildThatComputesThoseLessons() throws IOException {
        builder().build(out);
        Path cache = BuildCache.folderOf(out.toAbsolutePath());
        List<Path> entries;
        try (Stream<Path> files = Files.list(cache)) {
            entries = files.filter(f -> !f.getFileName().toString().contains(".") && !f.getFileName().toString()
                    .equals("CACHEDIR.TAG")).sorted().toList();
        }
        assertEquals(30, entries.size(), "one entry per lesson");
        Files.write(entries.get(0), new byte[] {1, 2, 3});
        byte[] whole = Files.readAllBytes(entries.get(1));
        Files.write(entries.get(1), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertEquals(28, rebuild(builder()));
        OutputFolder.deleteTree(cache);
        assertEquals(0, rebuild(builder()));
        assertEquals(30, rebuild(builder()));
    }

    @Test
    void aReusedLessonsWarningsAreReportedAgain() throws IOException {
        SiteFiles.write(content, name(5), "---\ntitle: L5\norder: 5\ncolour: red\n---\nNo summary.\n");
        BuildReport first = builder().build(out);
        List<Diagnostic> warnings = first.diagnostics().sorted();
        assertEquals(2, warnings.size(), warnings.toString()); // the unknown key, the missing summary
        BuildReport again = builder().build(out);
        assertEquals(30, again.unchanged());
        assertEquals(warnings, again.diagnostics().sorted());
    }

    @Test
    void aLinkFromAnUnchangedLessonIsCheckedAgainstTheOthersAsTheyAreNow() throws IOException {
        builder().build(out);
        SortedMap<String, byte[]> before = SiteFiles.snapshot(out);
        SiteFiles.write(content, name(3), front(3, "L3") + "## Another heading\n\nText.\n");
        BuildReport report = builder().build(out);
        assertFalse(report.succeeded());
        List<Diagnostic> errors = report.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("content/" + name(2), errors.get(0).position().file());
        SiteFiles.assertSameFiles(before, SiteFiles.snapshot(out), "a failed build leaves the site");
    }

    @Test
    void aFailedBuildThatReusedFilesLeavesTheLastSiteUntouched() throws IOException {
        builder().build(out);
        SortedMap<String, byte[]> before = SiteFiles.snapshot(out);
        // Its page would be lesson 1's answer key, which this build links from the last one: an error,
        // found after both are written, and the last site's answer key must not be written through.
        SiteFiles.write(content, "l1-answers.md", front(40, "Clash") + "Clash.\n");
        BuildReport report = builder().build(out);
        assertFalse(report.succeeded());
        assertTrue(report.diagnostics().sorted().stream().anyMatch(d -> d.message().contains("answer key")),
                report.diagnostics().sorted().toString());
        SiteFiles.assertSameFiles(before, SiteFiles.snapshot(out), "a failed build leaves the site");
    }

    @Test
    void theCacheOfARemovedLessonIsDroppedAndGitIgnoresTheCache() throws IOException {
        builder().build(out);
        Files.delete(content.resolve(name(30)));
        assertEquals(17, rebuild(builder())); // lessons 18 to 29 listed it
        Path cache = BuildCache.folderOf(out.toAbsolutePath());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(29 + 2, files.count(), "an entry per lesson, .gitignore and CACHEDIR.TAG");
        }
        assertEquals("*", Files.readAllLines(cache.resolve(".gitignore"), StandardCharsets.UTF_8).get(1));
        assertTrue(Files.readString(cache.resolve("CACHEDIR.TAG"))
                .startsWith("Signature: 8a477f597d28d172789f06886806bc55"));
    }
}
