package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where the site plan stops reading a lesson: after the line closing its front matter, or nowhere (-1: read it all). */
class FrontMatterEndTest {

    private static int end(String text) {
        return ContentFolder.frontMatterEnd(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stopsAfterTheClosingLine() {
        assertEquals("---\ntitle: A\n---".length(), end("---\ntitle: A\n---\nBody · with ∑ more\n"));
        assertEquals("---\r\ntitle: A\r\n---\r".length(), end("---\r\ntitle: A\r\n---\r\nBody\r\n"));
        assertEquals("---  \ntitle: A\n...\t".length(), end("---  \ntitle: A\n...\t\nBody\n"));
        assertEquals("---\ntitle: A\n---".length(), end("---\ntitle: A\n---"));
        // The byte-order mark is skipped but counted.
        assertEquals("\uFEFF---\nt: 1\n---".getBytes(StandardCharsets.UTF_8).length, end("\uFEFF---\nt: 1\n---\nx"));
    }

    @Test
    void readsEverythingWhenUnsure() {
        assertEquals(-1, end("# No front matter\n---\n"));
        assertEquals(-1, end("...\ntitle: A\n---\n"));
        assertEquals(-1, end("---\ntitle: never closed\n"));
        assertEquals(-1, end("---\rtitle: old Mac line ends\r---\r"));
        // A fence line that ends in white space outside ASCII: the full text's reading decides.
        assertEquals(-1, end("---\ntitle: A\n---\u2003\nBody\n"));
        assertEquals(-1, end("----\ntitle: A\n---\n"));
    }

    @Test
    void aLongerRuleIsNotTheClosingLine() {
        assertEquals("---\nt: 1\n----\nu: 2\n---".length(), end("---\nt: 1\n----\nu: 2\n---\nBody"));
    }
}
