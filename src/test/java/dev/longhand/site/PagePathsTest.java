package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagePathsTest {

    @Test
    void orderPrefixIsDropped() {
        assertEquals("seven-layers.html", PagePaths.of("05-seven-layers.md"));
        assertEquals("intro.html", PagePaths.of("10_intro.md"));
    }

    @Test
    void subfolderKeepsItsFolder() {
        assertEquals("basics/one-node.html", PagePaths.of("basics/01-one-node.md"));
    }

    @Test
    void rootLeadsBackOnceForEveryFolder() {
        assertEquals("", PagePaths.rootOf("seven-layers.html"));
        assertEquals("../", PagePaths.rootOf("basics/one-node.html"));
        assertEquals("../../", PagePaths.rootOf("a/b/c.html"));
    }

    @Test
    void spacesAndUppercaseBecomeLowercaseWithDashes() {
        assertEquals("my-lesson.html", PagePaths.of("My Lesson.md"));
        assertEquals("two-words.html", PagePaths.of("Two  --  Words.md"));
    }

    @Test
    void lettersOfAnyScriptAreKept() {
        assertEquals("über-netze.html", PagePaths.of("Über Netze.md"));
        assertEquals("нейрон.html", PagePaths.of("01-Нейрон.md"));
    }

    @Test
    void decomposedAccentGivesTheSamePageAsComposed() {
        // macOS hands out file names decomposed: U + COMBINING DIAERESIS instead of Ü.
        assertEquals("über-netze.html", PagePaths.of("U\u0308ber Netze.md"));
    }

    @Test
    void combiningMarksStayWithTheirLetter() {
        // नमस्ते: न म स ् त े; the virama U+094D and the vowel sign U+0947 are marks, not letters.
        assertEquals("नमस्ते.html", PagePaths.of("नमस्ते.md"));
        assertEquals("x̄-bar.html", PagePaths.of("X\u0304 bar.md"));
    }

    @Test
    void nameThatIsOnlyANumberKeepsIt() {
        assertEquals("2024.html", PagePaths.of("2024.md"));
        assertEquals("07.html", PagePaths.of("07.md"));
    }

    @Test
    void nameWithoutLettersOrDigitsStillGetsAPage() {
        assertEquals("page.html", PagePaths.of("---.md"));
    }

    @Test
    void twoLessonsOnOnePageAreAnErrorNamingBoth(@TempDir Path temp) {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "01-intro.md", "---\ntitle: One\n---\nOne.\n");
        SiteFiles.write(content, "02-intro.md", "---\ntitle: Two\n---\nTwo.\n");
        Path out = temp.resolve("site");
        BuildReport report = SiteFiles.build(content, out);
        assertFalse(report.succeeded());
        List<String> errors = report.diagnostics().sorted().stream().filter(Diagnostic::isError)
                .map(Diagnostic::headline).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("content/01-intro.md") && errors.get(0).contains("content/02-intro.md")
                && errors.get(0).contains("intro.html"), errors.get(0));
        assertFalse(Files.exists(out));
    }

    @Test
    void lessonNamedIndexWouldHideTheIndexPage(@TempDir Path temp) {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "00-index.md", "---\ntitle: Home\n---\nHome.\n");
        BuildReport report = SiteFiles.build(content, temp.resolve("site"));
        assertFalse(report.succeeded());
        String error = report.diagnostics().sorted().get(0).headline();
        assertTrue(error.startsWith("content/00-index.md:1:1: error: ") && error.contains("index.html"), error);
    }
}
