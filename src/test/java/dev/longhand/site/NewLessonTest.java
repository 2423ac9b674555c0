package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code new}: the next number and order, a lesson that builds warning-free, no overwriting. */
class NewLessonTest {

    @TempDir
    Path temp;

    private static String lesson(String title, int order) {
        return "---\ntitle: " + title + "\norder: " + order + "\nsummary: S.\n---\nText.\n";
    }

    @Test
    void theNewLessonComesAfterTheLastAndBuildsWithoutWarnings() throws IOException {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "01-one.md", lesson("One", 10));
        SiteFiles.write(content, "07-seven.md", lesson("Seven", 70));
        SiteFiles.write(content, "guide/90-guide.md", lesson("Guide", 900));
        NewLesson.Result result = NewLesson.create(content, "content", "Backprop through softmax");
        NewLesson.Created created = assertInstanceOf(NewLesson.Created.class, result);
        assertEquals("content/08-backprop-through-softmax.md", created.label());
        String text = Files.readString(created.file());
        assertTrue(text.startsWith("---\ntitle: Backprop through softmax\norder: 910\nsummary: "), text);
        assertTrue(text.contains("```mlp\n"), text);

        BuildReport report = SiteFiles.build(content, temp.resolve("site"));
        List<String> problems = report.diagnostics().sorted().stream().map(Diagnostic::headline).toList();
        assertEquals(List.of(), problems);
        assertTrue(Files.isRegularFile(temp.resolve("site/backprop-through-softmax.html")));
    }

    @Test
    void anEmptyFolderStartsAtOneAndTen() throws IOException {
        Path content = Files.createDirectories(temp.resolve("content"));
        NewLesson.Created created = (NewLesson.Created) NewLesson.create(content, "content", "First steps");
        assertEquals("content/01-first-steps.md", created.label());
        assertTrue(Files.readString(created.file()).contains("\norder: 10\n"));
    }

    @Test
    void titlesThatYamlWouldMisreadAreQuoted() throws IOException {
        Path content = Files.createDirectories(temp.resolve("content"));
        NewLesson.Created created = (NewLesson.Created) NewLesson.create(content, "content",
                "Softmax: \"why\" #2");
        assertEquals("content/01-softmax-why-2.md", created.label());
        assertTrue(Files.readString(created.file()).startsWith("---\ntitle: \"Softmax: \\\"why\\\" #2\"\n"));
        NewLesson.create(content, "content", "true");
        BuildReport report = SiteFiles.build(content, temp.resolve("site"));
        assertTrue(report.succeeded(), report.diagnostics().sorted().toString());
        assertTrue(Files.readString(temp.resolve("site/index.html")).contains("Softmax: &quot;why&quot; #2"));
    }

    @Test
    void refusesATitleWhosePageALessonHasAndNeverOverwrites() throws IOException {
        Path content = temp.resolve("content");
        Path existing = SiteFiles.write(content, "05-seven-layers.md", lesson("Seven layers", 50));
        NewLesson.Result result = NewLesson.create(content, "content", "Seven Layers");
        NewLesson.Refused refused = assertInstanceOf(NewLesson.Refused.class, result);
        assertEquals("content/05-seven-layers.md already has the page seven-layers.html; choose another title, "
                + "or edit that lesson", refused.why());
        assertEquals(lesson("Seven layers", 50), Files.readString(existing));
        try (var files = Files.list(content)) {
            assertEquals(1, files.count());
        }
    }
}
