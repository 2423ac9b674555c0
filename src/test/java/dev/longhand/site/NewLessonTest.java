package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import dev.longhand.spec.StarterText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new}: the end of the main series or of a section, the next number and order there, a
 * lesson that builds with warnings only about its starter text, no overwriting.
 */
class NewLessonTest {

    @TempDir
    Path temp;

    private static String lesson(String title, int order) {
        return "---\ntitle: " + title + "\norder: " + order + "\nsummary: S.\n---\nText.\n";
    }

    private static String lesson(String title, int order, String section) {
        return "---\ntitle: " + title + "\norder: " + order + "\nsection: " + section + "\nsummary: S.\n---\nText.\n";
    }

    private static NewLesson.Created create(Path content, String title, Optional<String> section) throws IOException {
        return assertInstanceOf(NewLesson.Created.class, NewLesson.create(content, "content", title, section));
    }

    @Test
    void theNewLessonEndsTheMainSeriesNotTheAuthorsSection() throws IOException {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "01-one.md", lesson("One", 10));
        SiteFiles.write(content, "07-seven.md", lesson("Seven", 70));
        SiteFiles.write(content, "90-writing.md", lesson("Writing lessons", 900, "For authors"));
        NewLesson.Created created = create(content, "Backprop through softmax", Optional.empty());
        assertEquals("content/08-backprop-through-softmax.md", created.label());
        String text = Files.readString(created.file());
        assertTrue(text.startsWith("---\ntitle: Backprop through softmax\norder: 80\nsummary: "), text);
        assertFalse(text.contains("section:"), "the main series is the lessons without a section");
        assertTrue(text.contains("```mlp\n"), text);
        assertFalse(created.newSection());

        BuildReport report = SiteFiles.build(content, temp.resolve("site"));
        assertTrue(report.succeeded(), report.diagnostics().sorted().toString());
        Document index = SiteFiles.page(temp.resolve("site"), "index.html");
        assertEquals(List.of("One", "Seven", "Backprop through softmax"),
                index.select("#section-lessons + ol .lesson-title").eachText());
        assertEquals(List.of("Writing lessons"), index.select("#section-for-authors + ol .lesson-title").eachText());
    }

    @Test
    void aSectionGetsTheLessonAtItsEndAndANewSectionComesLast() throws IOException {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "01-one.md", lesson("One", 10));
        SiteFiles.write(content, "90-writing.md", lesson("Writing lessons", 900, "For authors"));
        NewLesson.Created style = create(content, "Style guide", Optional.of("For authors"));
        assertEquals("content/91-style-guide.md", style.label());
        assertTrue(Files.readString(style.file()).startsWith("---\ntitle: Style guide\norder: 910\nsection: For authors\n"));
        NewLesson.Created drills = create(content, "Drills", Optional.of("Practice: week 1"));
        assertTrue(drills.newSection());
        assertEquals("content/92-drills.md", drills.label(), "a new section starts after the highest number");
        assertTrue(Files.readString(drills.file()).startsWith("---\ntitle: Drills\norder: 920\nsection: \"Practice: week 1\"\n"));

        assertTrue(SiteFiles.build(content, temp.resolve("site")).succeeded());
        Document index = SiteFiles.page(temp.resolve("site"), "index.html");
        assertEquals(List.of("Lessons", "For authors", "Practice: week 1"), index.select("h2").eachText());
    }

    @Test
    void theLessonGoesBesideTheLastOfItsSeriesAndSkipsNumbersInUse() throws IOException {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "basics/001-a.md", lesson("A", 10));
        SiteFiles.write(content, "basics/002-b.md", lesson("B", 20));
        SiteFiles.write(content, "basics/003-extra.md", lesson("Extra", 5, "Extras"));
        SiteFiles.write(content, "09-guide.md", lesson("Guide", 900, "For authors"));
        NewLesson.Created created = create(content, "C", Optional.empty());
        assertEquals("content/basics/004-c.md", created.label(), "as wide as its neighbour's number, 003 is taken");
        assertTrue(Files.readString(created.file()).contains("\norder: 30\n"));
    }

    @Test
    void theNewLessonWarnsOfItsStarterTextUntilItIsReplaced() throws IOException {
        Path content = Files.createDirectories(temp.resolve("content"));
        NewLesson.Created created = create(content, "Softmax", Optional.empty());
        BuildReport report = SiteFiles.build(content, temp.resolve("site"));
        assertTrue(report.succeeded());
        // Line 4 holds "summary: " and its value; the starter paragraphs start on lines 7 and 12.
        assertEquals(List.of(
                "content/01-softmax.md:4:10: warning: this is still the starter summary that longhand new wrote;"
                        + " say in one line what the reader will work out",
                "content/01-softmax.md:7:1: warning: this is still the starter text that longhand new wrote;"
                        + " replace it with the lesson's own words",
                "content/01-softmax.md:12:1: warning: this is still the starter text that longhand new wrote;"
                        + " replace it with the lesson's own words"),
                headlines(report));

        String text = Files.readString(created.file());
        String edited = text.replace(StarterText.SUMMARY, "Three scores become probabilities.")
                // Starting with the starter paragraph's words is not being it.
                .replace("Change the numbers below and save: the preview recomputes every value.",
                        "Change the numbers below and save: the preview recomputes every value. Try it.");
        // The first paragraph rewrapped onto one line is still the starter text.
        int start = edited.indexOf("Write the lesson here");
        int end = edited.indexOf("\n\n", start);
        edited = edited.substring(0, start) + edited.substring(start, end).replace('\n', ' ') + edited.substring(end);
        Files.writeString(created.file(), edited);
        assertEquals(List.of("content/01-softmax.md:7:1: warning: this is still the starter text that longhand new"
                + " wrote; replace it with the lesson's own words"), headlines(SiteFiles.build(content, temp.resolve("site"))));
        Files.writeString(created.file(), edited.substring(0, start) + "Scores, then probabilities." + edited.substring(end));
        assertEquals(List.of(), headlines(SiteFiles.build(content, temp.resolve("site"))));
    }

    private static List<String> headlines(BuildReport report) {
        return report.diagnostics().sorted().stream().map(Diagnostic::headline).toList();
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
