package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assets/search-index.js: titles, headings and the start of the prose of every lesson, nothing else. */
class SearchIndexTest {

    private static final String PREFIX = "window.LonghandSearchIndex = ";

    @TempDir
    Path temp;
    Path content;

    @BeforeEach
    void lessons() {
        content = temp.resolve("content");
        SiteFiles.write(content, "02-second.md", """
                ---
                title: Second </script>
                order: 2
                summary: The summary.
                ---
                ## A heading

                Some *prose* with `code`.

                ```mlp
                input: [123456]
                layers:
                  - weights: [[987654]]
                ```

                ```yaml
                ignored: 424242
                ```

                - a list item
                """);
        SiteFiles.write(content, "01-first.md", "---\ntitle: First\norder: 1\n---\n" + "word ".repeat(1000));
    }

    /** The search index a build wrote, as JSON. */
    static JsonNode index(Path site) throws IOException {
        String script = Files.readString(site.resolve("assets/search-index.js"));
        int start = script.indexOf(PREFIX);
        assertTrue(start >= 0, script);
        assertTrue(script.endsWith(";\n"));
        return new ObjectMapper().readTree(script.substring(start + PREFIX.length(), script.length() - 2));
    }

    @Test
    void holdsTitlesHeadingsAndProseInSeriesOrder() throws IOException {
        Path out = temp.resolve("site");
        assertTrue(SiteFiles.build(content, out).succeeded());
        JsonNode pages = index(out).get("pages");
        assertEquals(2, pages.size());
        assertEquals("First", pages.get(0).get("title").asText());
        JsonNode second = pages.get(1);
        assertEquals("Second </script>", second.get("title").asText());
        assertEquals("second.html", second.get("href").asText());
        assertEquals("The summary.", second.get("summary").asText());
        assertEquals("A heading", second.at("/headings/0/text").asText());
        assertEquals("a-heading", second.at("/headings/0/id").asText());
        assertEquals("Some prose with code. a list item", second.get("text").asText());
        String raw = Files.readString(out.resolve("assets/search-index.js"));
        assertFalse(raw.contains("</script"), "a title cannot end a script element");
        for (String number : List.of("123456", "987654", "424242")) {
            assertFalse(raw.contains(number), "block and code numbers stay out of the index: " + number);
        }
    }

    @Test
    void proseIsCutToAFewHundredWords() throws IOException {
        Path out = temp.resolve("site");
        assertTrue(SiteFiles.build(content, out).succeeded());
        String text = index(out).at("/pages/0/text").asText();
        assertEquals(LessonOutline.SEARCH_WORDS + 1, text.split(" ").length, "300 words and an ellipsis");
        assertTrue(text.endsWith(" …"));
    }

    @Test
    void theCutDependsOnTheWordsNotOnTheParagraphs() throws IOException {
        // The prose is collected only until it has more words than search keeps: a lesson of
        // exactly that many words has no ellipsis, and one word more in a later paragraph adds it.
        Path words = temp.resolve("words");
        String exactly = "word ".repeat(LessonOutline.SEARCH_WORDS - 1) + "\n\nlast\n";
        SiteFiles.write(words, "01-exactly.md", "---\ntitle: Exactly\norder: 1\n---\n" + exactly);
        SiteFiles.write(words, "02-one-more.md", "---\ntitle: One more\norder: 2\n---\n"
                + "word ".repeat(LessonOutline.SEARCH_WORDS) + "\n\n# A heading\n\nextra\n");
        Path out = temp.resolve("words-site");
        assertTrue(SiteFiles.build(words, out).succeeded());
        String first = index(out).at("/pages/0/text").asText();
        assertEquals("word ".repeat(LessonOutline.SEARCH_WORDS - 1) + "last", first);
        String second = index(out).at("/pages/1/text").asText();
        assertEquals(("word ".repeat(LessonOutline.SEARCH_WORDS)).strip() + " …", second);
    }

    @Test
    void sameContentWritesTheSameBytes() throws IOException {
        List<byte[]> builds = new ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            Path out = temp.resolve("site-" + threads);
            assertTrue(SiteFiles.build(content, out, threads).succeeded());
            builds.add(Files.readAllBytes(out.resolve("assets/search-index.js")));
        }
        assertArrayEquals(builds.get(0), builds.get(1));
    }

    /**
     * The index's budget, on lessons far longer than any search needs: eight lessons of 3,000
     * six-letter words each index their first 300 words (7 bytes with the space), about
     * 2.1 KB a lesson with its title and heading, under 40,000 bytes in all.
     */
    @Test
    void indexStaysSmallHoweverLongTheLessons() throws IOException {
        Path many = temp.resolve("many");
        for (int i = 1; i <= 8; i++) {
            SiteFiles.write(many, "0" + i + "-long-" + i + ".md", "---\ntitle: Long " + i + "\norder: " + i
                    + "\n---\n## A heading\n\n" + "abcdef ".repeat(3000));
        }
        Path out = temp.resolve("site");
        assertTrue(SiteFiles.build(many, out).succeeded());
        long size = Files.size(out.resolve("assets/search-index.js"));
        assertTrue(size < 8 * (LessonOutline.SEARCH_WORDS * 7 + 300), "search-index.js is " + size + " bytes");
        assertTrue(size < 40_000, "search-index.js is " + size + " bytes");
    }
}
