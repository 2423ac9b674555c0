package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainTextRendererTest {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer stock = HtmlRenderer.builder().build();
    private final HtmlRenderer plain = HtmlRenderer.builder().nodeRendererFactory(o -> new PlainTextRenderer()).build();

    private void assertSameAsFlexmark(String markdown) {
        Document document = parser.parse(markdown);
        assertEquals(stock.render(document), plain.render(document), markdown);
    }

    @Test
    void writesWhatFlexmarkWritesForEscapesEntitiesAndLineEnds() {
        for (String markdown : List.of(
                "plain words, z₁ = 1·2 + (−1)·1",
                "a \\*literal\\* star and a \\\\ backslash",
                "&amp; &lt;b&gt; &copy; &#955; &#x3bb; &notanentity; AT&T",
                "line one\r\nline two\rline three\n",
                "quotes \" and ' and <angle> brackets > here",
                "*emphasis* and `code & \\ stays` and [a link](x.html)")) {
            assertSameAsFlexmark(markdown);
        }
        // The page's own wording: "&" is written as an entity either way.
        assertEquals("<p>AT&amp;T</p>\n", plain.render(parser.parse("AT&T")));
    }

    @Test
    void writesWhatFlexmarkWritesForRandomText() {
        String alphabet = "ab *_\\&;#x3<>\"'\r\n`[]()!1";
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertSameAsFlexmark(text.toString());
        }
    }

    @Test
    void onlyBackslashAmpersandOrCarriageReturnNeedFlexmarksOwnPath() {
        assertEquals(PlainTextRenderer.Kind.PLAIN, PlainTextRenderer.kind("z₁ = 1·2 + (−1)·1 'q'"));
        assertEquals(PlainTextRenderer.Kind.ESCAPED, PlainTextRenderer.kind("a <b> \"q\""));
        assertEquals(PlainTextRenderer.Kind.UNESCAPED, PlainTextRenderer.kind("a \\* <b>"));
        assertEquals(PlainTextRenderer.Kind.UNESCAPED, PlainTextRenderer.kind("\"&amp;"));
        assertEquals(PlainTextRenderer.Kind.UNESCAPED, PlainTextRenderer.kind("a\rb"));
    }
}
