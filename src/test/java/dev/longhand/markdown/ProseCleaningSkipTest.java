package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import dev.longhand.site.FixtureCourse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/**
 * Prose without raw HTML and with plain URLs skips the jsoup pass: the skip is taken only
 * where cleaning would have removed nothing, and never where a URL could turn into a script.
 */
class ProseCleaningSkipTest {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    private static boolean needsCleaning(String markdown) {
        return ProseHtml.needsCleaning(PARSER.parse(markdown));
    }

    @Test
    void plainProseAndPlainLinksAreLeftAsFlexmarkWroteThem() {
        assertFalse(needsCleaning("# Title\n\nSome *prose* with `code`, a [lesson](02-four-nodes.md#the-sum), "
                + "[a site](https://example.org/a?b=1#d)\n\n![a picture](img/x.png) <https://example.org>"));
        assertFalse(needsCleaning("[ref]\n\n[ref]: ../basics/01-one-node.md \"Title\"\n"));
        assertFalse(needsCleaning("Mail <mailto:someone@example.org> or [me](mailto:me@example.org)."));
        assertFalse(needsCleaning("```js\nalert(\"<script>\")\n```\n"), "code is escaped text");
    }

    @Test
    void rawHtmlOrAnyUrlThatCouldNameAScriptIsCleaned() {
        for (String markdown : List.of(
                "<b>bold</b>", "<div>\nblock\n</div>\n", "<!-- comment -->\n", "a &amp; b",
                "[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](&#106;avascript:alert(1))",
                "[x](java%73cript:alert(1))", "[x](javascript\\:alert(1))", "<javascript:alert(1)>",
                "[x]\n\n[x]: javascript:alert(1)\n", "![x](data:text/html,<b>)", "[x](<javascript:alert(1)>)",
                "[x](vbscript:msgbox)", "[x](HTTP://example.org)", "[x](weird:thing)")) {
            assertTrue(needsCleaning(markdown), markdown);
        }
    }

    /** Whether the skip was taken, checking that cleaning would then have removed nothing. */
    private static boolean skipsSafely(String name, String markdown) {
        Document document = PARSER.parse(markdown);
        if (ProseHtml.needsCleaning(document)) {
            return false;
        }
        String html = RENDERER.render(document);
        assertEquals(reserialized(html), ProseHtml.clean(html), name + ": cleaning would have removed something");
        return true;
    }

    @Test
    void lessonsWithoutRawHtmlSkipAndCleaningWouldHaveRemovedNothing() {
        // None of the course's lessons has raw HTML or a URL that could name a script.
        FixtureCourse.lessons().forEach((name, text) -> assertTrue(skipsSafely(name, text), name + " was cleaned"));
    }

    @Test
    void wheneverTheSkipIsTakenOnTheRepositorysLessonsCleaningWouldHaveRemovedNothing() throws IOException {
        List<Path> lessons;
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("longhand.repo", ".")).resolve("content"))) {
            lessons = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path lesson : lessons) {
            skipsSafely(lesson.toString(), Files.readString(lesson));
        }
    }

    /** The HTML as the cleaner writes it, with nothing removed. */
    private static String reserialized(String html) {
        var document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        return document.body().html();
    }
}
