package dev.longhand.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    private static Diagnostic error(int line, int column, String message, String sourceLine) {
        return Diagnostic.error(new Position("content/x.md", line, column), message, sourceLine);
    }

    @Test
    void headlineIsFileLineColumnSeverityAndMessage() {
        assertEquals("content/x.md:9:11: error: layer 1 bias has 3 values; layer 1 has 2 units",
                error(9, 11, "layer 1 bias has 3 values; layer 1 has 2 units", "").headline());
        assertEquals("content/x.md:2:1: warning: unused",
                Diagnostic.warning(new Position("content/x.md", 2, 1), "unused", "").headline());
    }

    @Test
    void renderPutsTheCaretUnderTheColumn() {
        assertEquals("""
                content/x.md:9:11: error: bad bias
                      bias: [0, 0, 0]
                            ^""",
                error(9, 11, "bad bias", "    bias: [0, 0, 0]").render());
    }

    @Test
    void renderPutsTheCaretUnderTheFirstColumn() {
        assertEquals("content/x.md:1:1: error: no title\n  ---\n  ^", error(1, 1, "no title", "---").render());
    }

    @Test
    void renderCountsCodePointsNotCharsBeforeTheCaret() {
        // é is one char, 𝑥 (U+1D465) is two chars but one code point: "one" starts at column 15.
        String line = "input: [é, 𝑥, one]";
        String rendered = error(7, 15, "input value 3 should be a number", line).render();
        assertEquals("  " + " ".repeat(14) + "^", rendered.lines().toList().get(2));
        assertEquals('o', line.codePointAt(line.offsetByCodePoints(0, 14)));
    }

    @Test
    void renderKeepsTabsSoTheCaretStaysAligned() {
        assertEquals("  \t      ^", error(3, 8, "tab", "\tbias: x").render().lines().toList().get(2));
    }

    @Test
    void renderPastTheEndOfTheLinePointsJustAfterIt() {
        assertEquals("         ^", error(4, 8, "layers should be a list", "layers:").render().lines().toList().get(2));
    }

    @Test
    void renderWithoutASourceLineIsTheHeadline() {
        Diagnostic d = error(1, 1, "a lesson starts with front matter", "");
        assertEquals(d.headline(), d.render());
    }

    @Test
    void diagnosticsAreSortedByFileLineAndColumn() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.add(error(12, 3, "c", ""));
        diagnostics.add(Diagnostic.error(new Position("content/a.md", 40, 1), "a", ""));
        diagnostics.add(error(9, 11, "b2", ""));
        diagnostics.add(error(9, 5, "b1", ""));
        assertEquals(List.of("a", "b1", "b2", "c"),
                diagnostics.sorted().stream().map(Diagnostic::message).toList());
    }
}
