package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson files as authors name and save them: any name gets a working URL; any bytes get an answer. */
class LessonFilesTest {

    @TempDir
    Path temp;

    private static String lesson(String title) {
        return """
                ---
                title: %s
                ---
                Text.
                """.formatted(title);
    }

    private List<String> problems(Path content) {
        BuildReport report = SiteFiles.build(content, temp.resolve("site"));
        return report.diagnostics().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList();
    }

    @Test
    void namesWithSpacesUnicodeAndCapitalsGetPagesTheIndexLinksTo() throws IOException, URISyntaxException {
        Path content = temp.resolve("content");
        List<String> names = List.of("01 My First Lesson.md", "02-Ünïcode Überblick.md", "03_UPPER Case.md",
                "04 日本語 レッスン.md", "Sub Folder/Ça va (2).md", "05-नमस्ते.md");
        for (String name : names) {
            SiteFiles.write(content, name, lesson(name));
        }
        Path out = temp.resolve("site");
        assertTrue(SiteFiles.build(content, out).succeeded());
        Document index = Jsoup.parse(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8));
        Set<String> hrefs = new TreeSet<>();
        for (Element link : index.select("main a[href]")) {
            String href = link.attr("href");
            hrefs.add(href);
            assertFalse(href.matches(".*[\\s\"'<>?#%\\\\].*"), "no character in a page name needs escaping: " + href);
            // As a browser resolves it from file://: the name percent-encoded as UTF-8, then decoded to a path.
            URI page = out.toUri().resolve(new URI(null, null, href, null).toASCIIString());
            assertTrue(page.toASCIIString().matches("[\\x21-\\x7e]+"), page.toString());
            assertTrue(Files.isRegularFile(Path.of(page)), href + " does not resolve to a file");
        }
        assertEquals(new TreeSet<>(List.of("my-first-lesson.html", "ünïcode-überblick.html", "upper-case.html",
                "日本語-レッスン.html", "sub-folder/ça-va-2.html", "नमस्ते.html")), hrefs);
    }

    @Test
    void twoLessonsWithTheSamePageAreAnErrorNamingBoth() {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "01-Intro.md", lesson("One"));
        SiteFiles.write(content, "02-intro.md", lesson("Two"));
        SiteFiles.write(content, "03-U\u0308ber.md", lesson("Decomposed"));
        SiteFiles.write(content, "04-\u00dcber.md", lesson("Composed"));
        assertEquals(List.of(
                "content/02-intro.md:1:1: error: this lesson's page would be intro.html, the same as "
                        + "content/01-Intro.md; rename one of them",
                "content/04-\u00dcber.md:1:1: error: this lesson's page would be \u00fcber.html, the same as "
                        + "content/03-U\u0308ber.md; rename one of them"),
                problems(content));
    }

    @Test
    void aFileThatIsNotUtf8IsAnErrorAtItsFirstBadByte() throws IOException {
        Path content = temp.resolve("content");
        Files.createDirectories(content);
        byte[] latin1 = "---\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(content.resolve("latin1.md"), latin1);
        assertEquals(List.of("content/latin1.md:2:11: error: this file is not valid UTF-8 text (byte 15 is 0xE9); "
                + "save it as UTF-8"), problems(content));
    }

    @Test
    void aReplacementCharacterWrittenInTheTextIsTextNotAnError() throws IOException {
        // Files are decoded leniently first; U+FFFD is what a bad byte would have become.
        Path content = temp.resolve("content");
        SiteFiles.write(content, "marks.md", lesson("Marks") + "\nA lost letter looks like \uFFFD here.\n");
        Path out = temp.resolve("site");
        assertTrue(SiteFiles.build(content, out).succeeded());
        assertTrue(Files.readString(out.resolve("marks.html")).contains("looks like \uFFFD here."));
        byte[] bad = ("---\ntitle: Bad\n---\n\uFFFD then ").getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = java.util.Arrays.copyOf(bad, bad.length + 1);
        withBadByte[bad.length] = (byte) 0xFF;
        Files.write(content.resolve("marks.md"), withBadByte);
        assertEquals(List.of("content/marks.md:4:8: error: this file is not valid UTF-8 text (byte "
                + withBadByte.length + " is 0xFF); save it as UTF-8"), problems(content));
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndingsBuild() throws IOException {
        Path content = temp.resolve("content");
        Files.createDirectories(content);
        String text = "\uFEFF---\r\ntitle: Windows\r\n---\r\n```mlp\r\ninput: [1, 2]\r\nlayers:\r\n"
                + "  - weights: [[1, 1]]\r\n```\r\n";
        Files.write(content.resolve("windows.md"), text.getBytes(StandardCharsets.UTF_8));
        Path out = temp.resolve("site");
        assertTrue(SiteFiles.build(content, out).succeeded());
        assertTrue(Files.readString(out.resolve("windows.html")).contains("class=\"mlp-trace\""));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() throws IOException {
        Path content = temp.resolve("content");
        Path big = SiteFiles.write(content, "big.md", lesson("Big") + "x".repeat((int) ContentFolder.MAX_LESSON_BYTES));
        assertEquals(List.of("content/big.md:1:1: error: this file has " + Files.size(big)
                + " bytes; the limit for a lesson is 4000000"), problems(content));
    }
}
