package dev.longhand.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process with captured output. */
class MainTest {

    private static final String GOOD = """
            ---
            title: Good
            summary: A good lesson.
            ---
            ```mlp
            input: [2, 1, 3]
            layers:
              - weights: [[1, -1, 0], [0, 1, 1]]
              - weights: [[1, 1]]
            ```
            """;

    /**
     * Line 11 holds the second layer's only row, {@code [1, 1, 1]}, at column 9; the first
     * layer has 2 units. Line 13 names an activation that does not exist, at column 17.
     */
    private static final String BAD = """
            ---
            title: Bad
            ---
            Text.

            ```mlp
            input: [2, 1, 3]
            layers:
              - weights: [[1, -1, 0], [0, 1, 1]]
              - weights:
                  - [1, 1, 1]
              - weights: [[1]]
                activation: rleu
            ```
            """;

    @TempDir
    Path temp;
    Path content;
    Path templates = SiteFiles.repoTemplates();

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void folders() {
        content = temp.resolve("content");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        Run run = new Run(status, out.toString(), err.toString());
        for (String text : List.of(run.out, run.err)) {
            assertFalse(text.contains("\tat ") || text.contains("Exception in thread"),
                    "a stack trace was printed:\n" + text);
        }
        return run;
    }

    private String[] withFolders(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--content", content.toString(),
                "--templates", templates.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    // ---- usage -------------------------------------------------------------------------------

    @Test
    void helpPrintsUsage() {
        Run run = run("--help");
        assertEquals(0, run.status);
        assertTrue(run.out.contains("Usage: longhand"), run.out);
        assertTrue(run.out.contains("build") && run.out.contains("check"), run.out);
    }

    @Test
    void buildHelpPrintsUsage() {
        Run run = run("build", "--help");
        assertEquals(0, run.status);
        assertTrue(run.out.contains("Usage: longhand build"), run.out);
        assertTrue(run.out.contains("--out"), run.out);
    }

    @Test
    void checkHelpPrintsUsage() {
        Run run = run("check", "--help");
        assertEquals(0, run.status);
        assertTrue(run.out.contains("Usage: longhand check"), run.out);
        assertTrue(run.out.contains("--content"), run.out);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("build", "--bogus");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("--bogus"), run.err);
    }

    @Test
    void missingCommandIsAUsageError() {
        Run run = run();
        assertEquals(2, run.status);
        assertTrue(run.err.contains("build, check, serve, new or init"), run.err);
    }

    @Test
    void missingContentFolderIsAUsageError() {
        Path missing = temp.resolve("no-such-folder");
        Run run = run("check", "--content", missing.toString(), "--templates", templates.toString());
        assertEquals(2, run.status);
        assertTrue(run.err.contains("--content") && run.err.contains(missing.toString())
                && run.err.contains("does not exist"), run.err);
    }

    @Test
    void threadsThatAreNotANumberAreAUsageError() {
        SiteFiles.write(content, "good.md", GOOD);
        Run run = run(withFolders("check", "--threads", "many"));
        assertEquals(2, run.status);
        assertTrue(run.err.contains("--threads"), run.err);
    }

    // ---- check -------------------------------------------------------------------------------

    @Test
    void checkOnBadContentPrintsPositionedErrorsAndASummary() {
        SiteFiles.write(content, "bad.md", BAD);
        Run run = run(withFolders("check"));
        assertEquals(1, run.status);
        String file = content + "/bad.md";
        List<String> headlines = run.err.lines().filter(l -> l.startsWith(file)).toList();
        assertEquals(2, headlines.size(), run.err);
        assertEquals(file + ":11:9: error: layer 2 weights row 1 has 3 values; layer 1 has 2 units",
                headlines.get(0));
        assertTrue(headlines.get(1).startsWith(file + ":13:17: error: unknown activation 'rleu'"), run.err);
        assertTrue(run.err.contains("2 errors, 0 warnings"), run.err);
    }

    @Test
    void checkWritesNothing() {
        SiteFiles.write(content, "bad.md", BAD);
        SortedMap<String, byte[]> bad = SiteFiles.snapshot(temp);
        assertEquals(1, run(withFolders("check")).status);
        SiteFiles.assertSameFiles(bad, SiteFiles.snapshot(temp), "check on bad content wrote files");
        SiteFiles.write(content, "bad.md", GOOD);
        SortedMap<String, byte[]> good = SiteFiles.snapshot(temp);
        assertEquals(0, run(withFolders("check")).status);
        SiteFiles.assertSameFiles(good, SiteFiles.snapshot(temp), "check on good content wrote files");
    }

    @Test
    void checkOnGoodContentSucceeds() {
        SiteFiles.write(content, "good.md", GOOD);
        Run run = run(withFolders("check"));
        assertEquals(0, run.status, run.err);
        assertEquals("", run.err);
        assertTrue(run.out.contains("1 lesson"), run.out);
    }

    @Test
    void aLessonWithoutASummaryIsAWarningThatDoesNotFailTheCheck() {
        SiteFiles.write(content, "good.md", GOOD.replace("summary: A good lesson.\n", ""));
        Run run = run(withFolders("check"));
        assertEquals(0, run.status, run.err);
        assertTrue(run.err.startsWith(content + "/good.md:1:1: warning: this lesson has no summary"), run.err);
        assertTrue(run.err.contains("0 errors, 1 warning"), run.err);
    }

    // ---- build -------------------------------------------------------------------------------

    @Test
    void buildOnGoodContentWritesTheSite() {
        SiteFiles.write(content, "01-good.md", GOOD);
        Path out = temp.resolve("site");
        Run run = run(withFolders("build", "--out", out.toString()));
        assertEquals(0, run.status, run.err);
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(Files.isRegularFile(out.resolve("good.html")));
    }

    @Test
    void buildAndCheckSayHowManyDraftsTheyLeftOut() {
        SiteFiles.write(content, "01-good.md", GOOD);
        SiteFiles.write(content, "02-soon.md", GOOD.replace("title: Good", "title: Soon\ndraft: true"));
        Path out = temp.resolve("site");
        Run build = run(withFolders("build", "--out", out.toString()));
        assertEquals(0, build.status, build.err);
        assertTrue(build.out.matches("built 2 pages from 1 lesson into .* in \\d+ ms \\(1 draft left out\\)\\n"), build.out);
        assertFalse(Files.exists(out.resolve("soon.html")));
        Run check = run(withFolders("check"));
        assertEquals("1 lesson checked, no errors (1 draft left out, as build leaves them)\n", check.out);
    }

    @Test
    void aRebuildSaysHowManyLessonsWereUnchangedAndNoCacheComputesThemAll() {
        SiteFiles.write(content, "01-good.md", GOOD);
        SiteFiles.write(content, "02-other.md", GOOD.replace("title: Good", "title: Other"));
        Path out = temp.resolve("site");
        assertEquals(0, run(withFolders("build", "--out", out.toString())).status);
        Run again = run(withFolders("build", "--out", out.toString()));
        assertTrue(again.out.matches("built 3 pages from 2 lessons into .* in \\d+ ms \\(2 unchanged since the last build\\)\\n"),
                again.out);
        Run everything = run(withFolders("build", "--out", out.toString(), "--no-cache"));
        assertTrue(everything.out.matches("built 3 pages from 2 lessons into .* in \\d+ ms\\n"), everything.out);
        Run valued = run(withFolders("build", "--out", out.toString(), "--no-cache=yes"));
        assertEquals(2, valued.status);
        assertTrue(valued.err.contains("--no-cache takes no value"), valued.err);
        assertTrue(run("build", "--help").out.contains("      --no-cache  "), "listed as a flag");
    }

    @Test
    void buildOnBadContentLeavesTheOutputFolder() {
        SiteFiles.write(content, "01-good.md", GOOD);
        Path out = temp.resolve("site");
        assertEquals(0, run(withFolders("build", "--out", out.toString())).status);
        SortedMap<String, byte[]> before = SiteFiles.snapshot(temp);
        SiteFiles.write(content, "02-bad.md", BAD);
        before.put("content/02-bad.md", BAD.getBytes(StandardCharsets.UTF_8));
        Run run = run(withFolders("build", "--out", out.toString()));
        assertEquals(1, run.status);
        assertTrue(run.err.contains(content + "/02-bad.md:11:9: error: "), run.err);
        assertTrue(run.err.contains("was not changed"), run.err);
        SiteFiles.assertSameFiles(before, SiteFiles.snapshot(temp), "a failed build changed files");
    }

    @Test
    void buildIntoAFolderLonghandDidNotWriteFailsPlainly() throws IOException {
        SiteFiles.write(content, "good.md", GOOD);
        Path out = temp.resolve("project");
        SiteFiles.write(out, "pom.xml", "<project/>");
        Run run = run(withFolders("build", "--out", out.toString()));
        assertEquals(1, run.status);
        assertTrue(run.err.contains("refusing to replace"), run.err);
        assertEquals("<project/>", Files.readString(out.resolve("pom.xml")));
        assertEquals(1, Files.list(out).count());
    }

    // ---- serve and new ------------------------------------------------------------------------

    @Test
    void serveHelpPrintsUsage() {
        Run run = run("serve", "--help");
        assertEquals(0, run.status);
        assertTrue(run.out.contains("Usage: longhand serve"), run.out);
        assertTrue(run.out.contains("--port") && run.out.contains("--bind") && run.out.contains("127.0.0.1"),
                run.out);
        assertTrue(run.out.contains("never into site/"), run.out);
    }

    @Test
    void serveOnABusyPortIsAUsageErrorThatSaysSo() throws IOException {
        SiteFiles.write(content, "good.md", GOOD);
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Run run = run(withFolders("serve", "--port", String.valueOf(busy.getLocalPort())));
            assertEquals(2, run.status, run.err);
            assertTrue(run.err.contains("cannot listen on 127.0.0.1:" + busy.getLocalPort()), run.err);
            assertTrue(run.err.contains("--port"), run.err);
        }
    }

    @Test
    void serveWithAMissingContentFolderIsAUsageError() {
        Run run = run(withFolders("serve", "--port", "0"));
        assertEquals(2, run.status);
        assertTrue(run.err.contains("--content"), run.err);
    }

    @Test
    void newWritesALessonThatChecksWithOnlyTheStarterWarningsAndPrintsItsPath() throws IOException {
        SiteFiles.write(content, "01-good.md", GOOD.replace("title: Good", "title: Good\norder: 30"));
        Run run = run("new", "Backprop through softmax", "--content", content.toString());
        assertEquals(0, run.status, run.err);
        Path file = content.resolve("02-backprop-through-softmax.md");
        assertEquals(content + "/02-backprop-through-softmax.md", run.out.strip());
        assertTrue(Files.readString(file).contains("\norder: 40\n"));
        Run check = run(withFolders("check"));
        assertEquals(0, check.status, check.err);
        // The starter summary (line 4, after "summary: ") and the two starter paragraphs (lines 7 and 12).
        String lesson = content + "/02-backprop-through-softmax.md:";
        assertEquals(List.of(lesson + "4:10: warning", lesson + "7:1: warning", lesson + "12:1: warning"),
                check.err.lines().filter(line -> line.contains(": warning: "))
                        .map(line -> line.substring(0, line.indexOf(": warning: ") + ": warning".length())).toList());
        assertTrue(check.err.contains("0 errors, 3 warnings"), check.err);
    }

    @Test
    void newWithASectionAddsToThatSection() throws IOException {
        SiteFiles.write(content, "01-good.md", GOOD.replace("title: Good", "title: Good\norder: 30"));
        SiteFiles.write(content, "90-guide.md", GOOD.replace("title: Good", "title: Guide\norder: 900\nsection: For authors"));
        Run run = run("new", "Style", "--section", "For authors", "--content", content.toString());
        assertEquals(0, run.status, run.err);
        assertEquals(content + "/91-style.md", run.out.strip());
        assertEquals("", run.err, "no note: the section has lessons");
        assertTrue(Files.readString(content.resolve("91-style.md")).contains("\norder: 910\nsection: For authors\n"));
        Run practice = run("new", "Drills", "--section", "Practice", "--content", content.toString());
        assertEquals(content + "/92-drills.md", practice.out.strip(), "after every file number in use");
        assertTrue(practice.err.contains("no lesson was in the section 'Practice' yet"), practice.err);
        assertEquals(2, run("new", "X", "--section", " ", "--content", content.toString()).status);
    }

    @Test
    void newRefusesToReplaceALessonAndExitsOne() throws IOException {
        SiteFiles.write(content, "05-softmax.md", GOOD);
        Run run = run("new", "Softmax", "--content", content.toString());
        assertEquals(1, run.status);
        assertTrue(run.err.contains("05-softmax.md already has the page softmax.html"), run.err);
        assertEquals(GOOD, Files.readString(content.resolve("05-softmax.md")));
    }

    @Test
    void newWithoutATitleIsAUsageError() {
        assertEquals(2, run("new").status);
        assertEquals(2, run("new", "  ", "--content", temp.toString()).status);
    }
}
