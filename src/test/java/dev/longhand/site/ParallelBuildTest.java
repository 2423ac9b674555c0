package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lessons are read and pages rendered on several threads; the bytes do not depend on how many. */
class ParallelBuildTest {

    @Test
    void aCourseIsByteIdenticalOnOneThreadAndOnMany(@TempDir Path temp) {
        Path content = FixtureCourse.write(temp.resolve("content"));
        BuildReport one = SiteFiles.build(content, temp.resolve("one"), 1);
        assertTrue(one.succeeded(), () -> "1 thread: " + one.diagnostics().sorted());
        BuildReport many = SiteFiles.build(content, temp.resolve("many"), 7);
        assertTrue(many.succeeded(), () -> "7 threads: " + many.diagnostics().sorted());
        int lessons = FixtureCourse.lessons().size();
        assertEquals(lessons, one.lessons());
        assertEquals(lessons, many.lessons());
        SortedMap<String, byte[]> files = SiteFiles.snapshot(temp.resolve("one"));
        assertTrue(files.containsKey("index.html"), files.keySet().toString());
        for (String page : FixtureCourse.SERIES) {
            assertTrue(files.containsKey(page), page);
        }
        SiteFiles.assertSameFiles(files, SiteFiles.snapshot(temp.resolve("many")), "7 threads against 1");
    }
}
