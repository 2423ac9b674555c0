package dev.longhand.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.Position;
import org.junit.jupiter.api.Test;

/** The script goes before the last {@code </body>}; events and the overlay are well formed. */
class ReloadScriptTest {

    @Test
    void theScriptGoesBeforeTheLastBodyEndOrAtTheEnd() {
        String page = ReloadScript.inject("<html><body><p>x</p></BODY></html>", "b-1");
        assertTrue(page.startsWith("<html><body><p>x</p><script data-longhand-reload>"), page);
        assertTrue(page.endsWith("</script>\n</BODY></html>"), page);
        assertTrue(page.contains("var build = \"b-1\";"), page);
        assertTrue(ReloadScript.inject("fragment", "b-1").startsWith("fragment<script"));
    }

    @Test
    void multiLineDataIsOneDataLinePerLine() {
        assertEquals("event: errors\ndata: a\ndata: b\ndata: \n\n", EventStream.event("errors", "a\nb\n"));
    }

    @Test
    void theOverlayHoldsEachDiagnosticAsTheTerminalPrintsItEscaped() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.add(Diagnostic.error(new Position("content/x.md", 3, 5), "unknown key '<b>'", "  - <b>: 1"));
        String html = ErrorOverlay.html(diagnostics);
        assertTrue(html.contains("content/x.md:3:5: error: unknown key &#39;&lt;b&gt;&#39;\n    - &lt;b&gt;: 1\n"
                + "      ^</pre>"), html);
        assertTrue(html.contains("1 error, 0 warnings"), html);
    }
}
