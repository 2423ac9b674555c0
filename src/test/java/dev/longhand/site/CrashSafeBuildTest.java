package dev.longhand.site;

import static dev.longhand.site.SiteFiles.assertSameFiles;
import static dev.longhand.site.SiteFiles.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds in a JVM of their own: killed with SIGKILL at any moment, they leave the previous
 * site whole; two runs give the same bytes; the shipped site builds in a small heap.
 */
class CrashSafeBuildTest {

    private static final int LESSONS = 300;

    @TempDir
    Path temp;

    private static void writeLessons(Path content, String summary) {
        for (int i = 1; i <= LESSONS; i++) {
            SiteFiles.write(content, String.format("%03d-lesson-%d.md", i, i), """
                    ---
                    title: Lesson %d
                    order: %d
                    summary: %s %d.
                    ---
                    ## Heading

                    ```mlp
                    input: [[%d, 1], [0, 2]]
                    layers:
                      - weights: [[1, -1], [0.5, 2]]
                        activation: sigmoid
                      - weights: [[1, 1]]
                    ```
                    """.formatted(i, i, summary, i, i));
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long filesIn(Path parent, String prefix) throws IOException {
        long count = 0;
        for (String name : listing(parent)) {
            if (name.startsWith(prefix)) {
                try (Stream<Path> walk = Files.walk(parent.resolve(name))) {
                    count += walk.count();
                }
            }
        }
        return count;
    }

    @Test
    void aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOneWhole() throws Exception {
        Path old = temp.resolve("old");
        Path content = temp.resolve("content");
        Path parent = temp.resolve("public");
        Path out = parent.resolve("site");
        writeLessons(old, "Old");
        writeLessons(content, "New");
        assertTrue(SiteFiles.build(old, out).succeeded());
        SortedMap<String, byte[]> before = snapshot(out);
        Path fresh = temp.resolve("fresh");
        assertTrue(SiteFiles.build(content, fresh).succeeded());
        SortedMap<String, byte[]> after = snapshot(fresh);

        // Moments found by watching the build, never by the clock (which on a busy machine says
        // nothing about how far it got): as it starts, as its staging folder appears, and as it
        // has written a quarter, half, three quarters and nearly all of the site.
        List<Kill> kills = new ArrayList<>();
        kills.add(new Kill("at once", () -> true));
        for (long files : new long[] {1, LESSONS / 4, LESSONS / 2, 3 * LESSONS / 4, LESSONS - 5}) {
            kills.add(new Kill("with " + files + " files staged", () -> filesIn(parent, ".longhand-site-tmp-") >= files));
        }
        int oldKept = 0;
        for (int k = 0; k < kills.size(); k++) {
            Process build = ChildBuild.start(temp.resolve("logs-" + k), List.of(), "build", "--content",
                    content.toString(), "--templates", SiteFiles.repoTemplates().toString(), "--out", out.toString(),
                    "--threads", "2");
            try {
                // Waits for the build to end, looking at its progress every millisecond meanwhile.
                boolean ended = false;
                while (!ended && !kills.get(k).now()) {
                    ended = build.waitFor(1, TimeUnit.MILLISECONDS);
                }
            } finally {
                build.destroyForcibly();
            }
            assertTrue(build.waitFor(30, TimeUnit.SECONDS));
            String moment = kills.get(k).moment();
            if (Files.exists(out)) {
                SortedMap<String, byte[]> now = snapshot(out);
                boolean isOld = sameFiles(before, now);
                assertTrue(isOld || sameFiles(after, now), "killed " + moment + ": site/ is neither the old site "
                        + "nor the new one, file by file");
                oldKept += isOld ? 1 : 0;
            } else {
                // Killed between the two renames: the old site waits whole beside it.
                Path aside = parent.resolve(listing(parent).stream().filter(n -> n.startsWith(".longhand-site-old-"))
                        .findFirst().orElseThrow(() -> new AssertionError("killed " + moment + ": no site at all")));
                assertSameFiles(before, snapshot(aside), "killed " + moment + ": the old site set aside");
            }
            if (!sameFiles(before, snapshot(out))) {
                // The build got through; start the next one from the old site again.
                assertTrue(SiteFiles.build(old, out).succeeded());
            }
        }
        // A kill lands a little after its moment; the build may get through the swap first, and
        // the invariant above holds either way. That the old site was kept at least once shows
        // that the kills did interrupt builds: the first comes before the build has read a lesson.
        assertTrue(oldKept >= 1, "no kill landed before the swap");

        assertTrue(SiteFiles.build(content, out).succeeded(), "the next build recovers");
        assertSameFiles(after, snapshot(out), "the site after recovery");
        assertEquals(List.of(".longhand-site-cache", "site"), listing(parent),
                "staging folders of killed builds are gone");
    }

    /** When to kill a build: a test of how far it got. */
    private record Kill(String moment, Condition condition) {
        boolean now() {
            try {
                return condition.holds();
            } catch (IOException | java.io.UncheckedIOException e) {
                return false; // the folder changed while it was listed: look again
            }
        }
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private static boolean sameFiles(SortedMap<String, byte[]> a, SortedMap<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.keySet().stream().allMatch(name -> Arrays.equals(a.get(name), b.get(name)));
    }

    @Test
    void twoSeparateRunsAndOneOrFourThreadsWriteTheSameBytes() throws Exception {
        Path content = FixtureCourse.write(temp.resolve("content"));
        String templates = SiteFiles.repoTemplates().toString();
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        assertEquals(0, ChildBuild.run(temp.resolve("logs-1"), List.of(), "build", "--content", content.toString(),
                "--templates", templates, "--out", first.toString(), "--threads", "1"), ChildBuild.err(temp.resolve("logs-1")));
        assertEquals(0, ChildBuild.run(temp.resolve("logs-2"), List.of(), "build", "--content", content.toString(),
                "--templates", templates, "--out", second.toString(), "--threads", "4"), ChildBuild.err(temp.resolve("logs-2")));
        assertTrue(snapshot(first).containsKey("index.html"));
        assertSameFiles(snapshot(first), snapshot(second), "two runs, 1 and 4 threads");
    }

    @Test
    void aCourseWithARealisticLessonBuildsIn256Megabytes() throws Exception {
        Path content = FixtureCourse.write(temp.resolve("content"));
        SiteFiles.write(content, "07-a-realistic-size.md", FixtureCourse.REALISTIC.replace("order: 10", "order: 70"));
        Path logs = temp.resolve("logs");
        int status = ChildBuild.run(logs, List.of("-Xmx256m"), "build",
                "--content", content.toString(),
                "--templates", SiteFiles.repoTemplates().toString(), "--out", temp.resolve("site").toString());
        assertEquals(0, status, ChildBuild.err(logs));
        assertTrue(Files.isRegularFile(temp.resolve("site/index.html")));
    }
}
