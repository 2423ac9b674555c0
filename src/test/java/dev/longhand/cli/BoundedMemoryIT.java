package dev.longhand.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.bench.Corpus;
import dev.longhand.site.FixtureCourse;
import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build keeps no lesson after writing its page. 1,500 generated lessons make ~90 MB of
 * pages (as Java strings, over 170 MB), so a build that held them all could not finish in a
 * 64 MB heap; one that holds a lesson per thread and a few kilobytes per lesson does.
 */
class BoundedMemoryIT {

    private static final int LESSONS = 1500;
    private static final String HEAP = "-Xmx64m";

    @TempDir
    Path temp;

    @Test
    void fifteenHundredLessonsBuildInASixtyFourMegabyteHeap() throws IOException, InterruptedException {
        Path model = SiteFiles.write(temp.resolve("model"), "05-seven-layers.md", FixtureCourse.SEVEN_LAYERS);
        Path content = Corpus.generate(model, temp.resolve("content"), LESSONS);
        Path jar = SiteFiles.repo().resolve("target/longhand.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), HEAP, "-jar", jar.toString(), "build",
                "--content", content.toString(), "--templates", SiteFiles.repoTemplates().toString(),
                "--out", temp.resolve("site").toString(), "--threads", "2")
                .redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile())
                .start();
        assertTrue(process.waitFor(600, TimeUnit.SECONDS), "the build did not finish");
        assertEquals(0, process.exitValue(), Files.readString(temp.resolve("err.txt")));
        long pageBytes;
        try (Stream<Path> pages = Files.list(temp.resolve("site"))) {
            pageBytes = pages.filter(p -> p.toString().endsWith(".html")).mapToLong(p -> p.toFile().length()).sum();
        }
        assertEquals(LESSONS + 1, countPages(temp.resolve("site")), "every lesson and the index");
        assertTrue(pageBytes > 64L * 1024 * 1024, "the pages together outweigh the heap: " + pageBytes + " bytes");
    }

    private static long countPages(Path site) throws IOException {
        try (Stream<Path> files = Files.list(site)) {
            return files.filter(p -> p.toString().endsWith(".html") && !p.endsWith("404.html")).count();
        }
    }
}
