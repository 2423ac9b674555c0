package dev.longhand.site;

import static dev.longhand.site.SiteFiles.assertSameFiles;
import static dev.longhand.site.SiteFiles.build;
import static dev.longhand.site.SiteFiles.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build replaces the output folder whole or not at all, and the same content gives the same bytes. */
class SafeOutputTest {

    @TempDir
    Path temp;
    Path content;
    Path parent;
    Path out;

    @BeforeEach
    void writeContent() {
        content = temp.resolve("content");
        for (int i = 1; i <= 8; i++) {
            SiteFiles.write(content, String.format("%02d-lesson-%d.md", i, i), """
                    ---
                    title: Lesson %d
                    order: %d
                    summary: Number %d.
                    ---
                    ## Heading

                    ```mlp
                    input: [[%d, 1], [0, 2]]
                    layers:
                      - weights: [[1, -1], [0.5, 2]]
                        activation: sigmoid
                      - weights: [[1, 1]]
                    ```
                    """.formatted(i, 100 - i, i, i));
        }
        parent = temp.resolve("public");
        out = parent.resolve("site");
    }

    private void addBadLesson() {
        SiteFiles.write(content, "99-bad.md", """
                ---
                title: Bad
                ---
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 2, 3]]
                ```
                """);
    }

    private List<String> parentListing() throws IOException {
        try (Stream<Path> list = Files.list(parent)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void failedBuildLeavesThePreviousSiteByteForByte() throws IOException {
        assertTrue(build(content, out).succeeded());
        SortedMap<String, byte[]> before = snapshot(parent);
        addBadLesson();
        BuildReport report = build(content, out);
        assertFalse(report.succeeded());
        assertEquals(0, report.pages());
        assertSameFiles(before, snapshot(parent), "a failed build changed the output");
    }

    @Test
    void buildRefusesAFolderItDidNotWrite() throws IOException {
        SiteFiles.write(out, "notes.txt", "my own notes\n");
        SortedMap<String, byte[]> before = snapshot(parent);
        BuildReport report = build(content, out);
        assertFalse(report.succeeded());
        String message = report.diagnostics().sorted().get(0).message();
        assertTrue(message.contains(OutputFolder.MARKER), message);
        assertSameFiles(before, snapshot(parent), "a refused build changed the folder");
    }

    @Test
    void buildFillsAnEmptyFolder() throws IOException {
        Files.createDirectories(out);
        assertTrue(build(content, out).succeeded());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(Files.isRegularFile(out.resolve(OutputFolder.MARKER)));
    }

    @Test
    void twoBuildsOfTheSameContentAreByteIdentical() {
        Path other = temp.resolve("other");
        assertTrue(build(content, out).succeeded());
        assertTrue(build(content, other).succeeded());
        SortedMap<String, byte[]> first = snapshot(out);
        assertTrue(first.containsKey("index.html") && first.containsKey("lesson-8.html"), first.keySet().toString());
        assertSameFiles(first, snapshot(other), "two builds differ");
        assertTrue(build(content, out).succeeded());
        assertSameFiles(first, snapshot(out), "a rebuild in place differs");
    }

    @Test
    void oneThreadBuildsTheSameSiteAsFour() {
        Path four = temp.resolve("four");
        assertTrue(build(content, out, 1).succeeded());
        assertTrue(build(content, four, 4).succeeded());
        assertSameFiles(snapshot(out), snapshot(four), "1 thread and 4 threads differ");
    }

    /** Beside the site, only its build cache, which a build that fails leaves as it was. */
    @Test
    void buildWritesNothingBesideTheOutputFolderButItsCache() throws IOException {
        SiteFiles.write(parent, "keep.txt", "beside the site\n");
        SortedMap<String, byte[]> contentBefore = snapshot(content);
        assertTrue(build(content, out).succeeded());
        assertEquals(List.of(".longhand-site-cache", "keep.txt", "site"), parentListing());
        assertTrue(build(content, out).succeeded());
        assertEquals(List.of(".longhand-site-cache", "keep.txt", "site"), parentListing());
        SortedMap<String, byte[]> cache = snapshot(parent.resolve(".longhand-site-cache"));
        addBadLesson();
        SortedMap<String, byte[]> withBad = snapshot(content);
        assertFalse(build(content, out).succeeded());
        assertEquals(List.of(".longhand-site-cache", "keep.txt", "site"), parentListing());
        assertSameFiles(cache, snapshot(parent.resolve(".longhand-site-cache")), "the failed build changed the cache");
        assertSameFiles(withBad, snapshot(content), "the build changed the content folder");
        assertEquals(contentBefore.size() + 1, withBad.size());
    }

    @Test
    void staleStagingFolderIsCleanedByTheNextBuild() throws IOException {
        assertTrue(build(content, out).succeeded());
        SortedMap<String, byte[]> good = snapshot(out);
        SiteFiles.write(parent, ".longhand-site-tmp-x/index.html", "half written");
        SiteFiles.write(parent, ".longhand-other-tmp-x/index.html", "another site's staging");
        assertTrue(build(content, out).succeeded());
        assertEquals(List.of(".longhand-other-tmp-x", ".longhand-site-cache", "site"), parentListing());
        assertSameFiles(good, snapshot(out), "the site after cleaning");
    }

    @Test
    void interruptedSwapIsFinishedByTheNextBuild() throws IOException {
        assertTrue(build(content, out).succeeded());
        SortedMap<String, byte[]> good = snapshot(out);
        Files.move(out, parent.resolve(".longhand-site-old-x"));
        assertTrue(build(content, out).succeeded());
        assertEquals(List.of(".longhand-site-cache", "site"), parentListing());
        assertSameFiles(good, snapshot(out), "the site after recovery");
    }

    @Test
    void brokenThemeFailsTheBuildAndLeavesTheSite() throws IOException {
        assertTrue(build(content, out).succeeded());
        SortedMap<String, byte[]> before = snapshot(parent);
        Path theme = temp.resolve("theme");
        for (var file : snapshot(SiteFiles.repoTemplates()).entrySet()) {
            if (!file.getKey().endsWith("/")) {
                Files.createDirectories(theme.resolve(file.getKey()).getParent());
                Files.write(theme.resolve(file.getKey()), file.getValue());
            }
        }
        // The lesson template is rendered only after the staging folder was made.
        Path lesson = theme.resolve("lesson.mustache");
        Files.writeString(lesson, Files.readString(lesson).replace("<h1>{{title}}</h1>", "<h1>{{titel}}</h1>"));
        BuildReport report = new SiteBuilder(new SiteBuilder.Options(content, "content", theme, "theme", 2)).build(out);
        assertFalse(report.succeeded());
        String error = report.diagnostics().sorted().get(0).headline();
        assertTrue(error.startsWith("theme/lesson.mustache:1:1: error: template error"), error);
        assertTrue(error.contains("titel"), error);
        assertSameFiles(before, snapshot(parent), "a build with a broken theme changed the output");
    }

    @Test
    void markerFileSaysLonghandWroteTheFolder() throws IOException {
        assertTrue(build(content, out).succeeded());
        String marker = Files.readString(out.resolve(OutputFolder.MARKER), StandardCharsets.UTF_8);
        assertTrue(marker.contains("Longhand"), marker);
    }

    @Test
    void outAsASymbolicLinkFillsItsTargetAndStaysALink() throws IOException {
        Path real = parent.resolve("real-site");
        Files.createDirectories(real);
        SiteFiles.write(parent, "keep.txt", "beside the target\n");
        Path link = temp.resolve("link");
        Files.createSymbolicLink(link, real);
        assertTrue(build(content, link).succeeded());
        assertTrue(build(content, link).succeeded(), "a second build replaces the target again");
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(real, Files.readSymbolicLink(link));
        assertTrue(Files.isRegularFile(real.resolve("index.html")));
        assertEquals(List.of(".longhand-real-site-cache", "keep.txt", "real-site"), parentListing(),
                "the cache is beside the link's target");
        assertEquals("beside the target\n", Files.readString(parent.resolve("keep.txt")));
        try (Stream<Path> list = Files.list(temp)) {
            assertEquals(List.of("content", "link", "public"),
                    list.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void outAsASymbolicLinkToAFolderWithOtherFilesIsRefused() throws IOException {
        Path real = parent.resolve("documents");
        SiteFiles.write(real, "thesis.txt", "years of work\n");
        Path link = temp.resolve("link");
        Files.createSymbolicLink(link, real);
        SortedMap<String, byte[]> before = snapshot(parent);
        BuildReport report = build(content, link);
        assertFalse(report.succeeded());
        assertTrue(report.diagnostics().sorted().get(0).message().contains("Longhand did not write"));
        assertSameFiles(before, snapshot(parent), "a refused build changed the folder");
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void outAsASymbolicLinkToNothingIsRefused() throws IOException {
        Path link = temp.resolve("link");
        Files.createSymbolicLink(link, parent.resolve("missing"));
        BuildReport report = build(content, link);
        assertFalse(report.succeeded());
        assertTrue(report.diagnostics().sorted().get(0).message().contains("which does not exist"),
                report.diagnostics().sorted().toString());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(parent));
    }

    @Test
    void aLinkInsideTheOldSiteIsRemovedNotFollowed() throws IOException {
        assertTrue(build(content, out).succeeded());
        Path elsewhere = temp.resolve("elsewhere");
        SiteFiles.write(elsewhere, "precious.txt", "keep me\n");
        Files.createSymbolicLink(out.resolve("linked"), elsewhere);
        assertTrue(build(content, out).succeeded());
        assertFalse(Files.exists(out.resolve("linked"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep me\n", Files.readString(elsewhere.resolve("precious.txt")));
    }
}
