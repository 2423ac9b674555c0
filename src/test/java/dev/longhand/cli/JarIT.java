package dev.longhand.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.FixtureCourse;
import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command, {@code target/longhand.jar}, run as a user runs it. An integration
 * test: Maven's failsafe plugin runs it after {@code package} has built the jar.
 */
class JarIT {

    /** A lesson whose second layer has the wrong width: an error at 12:9. */
    static final String BAD = """
            ---
            title: Bad
            summary: A broken lesson.
            ---
            Text.

            ```mlp
            input: [2, 1, 3]
            layers:
              - weights: [[1, -1, 0], [0, 1, 1]]
              - weights:
                  - [1, 1, 1]
            ```
            """;

    @TempDir
    Path temp;

    private Process run(String... args) throws IOException {
        Path jar = SiteFiles.repo().resolve("target/longhand.jar");
        assertTrue(Files.isRegularFile(jar), "target/longhand.jar is built before the integration tests");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String[] command = new String[args.length + 3];
        command[0] = java.toString();
        command[1] = "-jar";
        command[2] = jar.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        return new ProcessBuilder(command)
                .directory(temp.toFile())
                .redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile())
                .start();
    }

    @Test
    void theJarExitsOneWithPositionedErrorsOnBadContent() throws IOException, InterruptedException {
        SiteFiles.write(temp.resolve("content"), "bad.md", BAD);
        Process process = run("check", "--content", "content", "--templates", SiteFiles.repoTemplates().toString());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the jar did not finish");
        String err = Files.readString(temp.resolve("err.txt"));
        assertEquals(1, process.exitValue(), err);
        // Line 12 is "      - [1, 1, 1]"; the row starts at column 9 and has 3 values where layer 1 has 2 units.
        assertTrue(err.startsWith("content/bad.md:12:9: error: layer 2 weights row 1 has 3 values; layer 1 has 2 units"),
                err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), err);
    }

    @Test
    void theJarBuildsACourse() throws IOException, InterruptedException {
        Path content = FixtureCourse.write(temp.resolve("content"));
        Process process = run("build", "--content", content.toString(), "--templates",
                SiteFiles.repoTemplates().toString(), "--out", temp.resolve("site").toString());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the jar did not finish");
        assertEquals(0, process.exitValue(), Files.readString(temp.resolve("err.txt")));
        for (String page : FixtureCourse.SERIES) {
            assertTrue(Files.isRegularFile(temp.resolve("site").resolve(page)), page);
        }
    }

    @Test
    void usageErrorsExitTwo() throws IOException, InterruptedException {
        Process process = run("build", "--no-such-option");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the jar did not finish");
        assertEquals(2, process.exitValue());
    }
}
