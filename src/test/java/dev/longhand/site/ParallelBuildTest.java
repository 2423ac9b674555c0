package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lessons are read and pages rendered on several threads; the bytes do not depend on how many. */
class ParallelBuildTest {

    @Test
    void theShippedSiteIsByteIdenticalOnOneThreadAndOnMany(@TempDir Path temp) {
        Path content = SiteFiles.repo().resolve("content");
        SiteFiles.build(content, temp.resolve("one"), 1);
        SiteFiles.build(content, temp.resolve("many"), 7);
        SortedMap<String, byte[]> one = SiteFiles.snapshot(temp.resolve("one"));
        assertFalse(one.isEmpty());
        SiteFiles.assertSameFiles(one, SiteFiles.snapshot(temp.resolve("many")), "7 threads against 1");
    }
}
