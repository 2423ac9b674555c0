package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostics;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * {@code $…$} and {@code $$…$$} in prose, by Pandoc's tex_math_dollars rules: what becomes
 * math (its TeX, inline or display), what stays text, and where an unclosed {@code $$} is reported.
 */
class MathInProseTest {

    private static final String FRONT = "---\ntitle: Math\n---\n";

    private static Lesson lesson(String body) {
        Diagnostics diagnostics = new Diagnostics();
        Lesson lesson = Lessons.lesson(FRONT + body, diagnostics).orElseThrow(
                () -> new AssertionError("no lesson: " + diagnostics.sorted()));
        assertFalse(diagnostics.hasErrors());
        return lesson;
    }

    private static List<Element> math(Lesson lesson) {
        return Jsoup.parseBodyFragment(lesson.html()).select(".math");
    }

    /** Each piece of math as "inline:TeX" or "display:TeX", in page order. */
    private static List<String> mathOf(String body) {
        return math(lesson(body)).stream()
                .map(e -> (e.hasClass("math-display") ? "display:" : "inline:") + e.wholeText())
                .toList();
    }

    /** The paragraphs' text as a reader sees it without math. */
    private static String text(String body) {
        return Jsoup.parseBodyFragment(lesson(body).html()).body().text();
    }

    @Test
    void dollarsAroundTexMakeInlineMath() {
        assertEquals(List.of("inline:z = w x + b", "inline:\\sigma(z)"),
                mathOf("The sum $z = w x + b$ goes into $\\sigma(z)$.\n"));
    }

    @Test
    void inlineMathIsASpanInsideTheParagraph() {
        Element math = math(lesson("Then $a_1$ follows.\n")).get(0);
        assertEquals("span", math.tagName());
        assertEquals("p", math.parent().tagName());
        assertTrue(math.hasClass("math-inline"));
    }

    @Test
    void doubleDollarsOnTheirOwnLinesMakeADisplayBlock() {
        Lesson lesson = lesson("""
                Before.

                $$
                L = \\frac{1}{2}
                  (y - \\hat y)^2
                $$

                After.
                """);
        Element math = math(lesson).get(0);
        assertEquals("div", math.tagName());
        assertTrue(math.hasClass("math-display"));
        assertEquals("L = \\frac{1}{2}\n(y - \\hat y)^2", math.wholeText());
        assertTrue(lesson.math());
    }

    @Test
    void aDisplayBlockMayStartRightAfterAParagraphLineAndHoldListLikeLines() {
        assertEquals(List.of("display:a\n- b\n# c"), mathOf("""
                The difference:
                $$ a
                - b
                # c $$
                Then prose again.
                """));
        assertEquals(List.of("The difference:", "Then prose again."),
                Jsoup.parseBodyFragment(lesson("The difference:\n$$ a\n- b\n# c $$\nThen prose again.\n").html())
                        .select("p").eachText());
    }

    @Test
    void aDisplayOnOneLineIsABlockToo() {
        Element math = math(lesson("$$ \\sum_i w_i x_i $$\n")).get(0);
        assertEquals("div", math.tagName());
        assertEquals("\\sum_i w_i x_i", math.wholeText());
    }

    @Test
    void doubleDollarsInsideAParagraphAreDisplayMathThere() {
        assertEquals(List.of("display:x^2", "display:y^2"), mathOf("Both $$x^2$$ and $$y^2$$ are squares.\n"));
        assertEquals("span", math(lesson("Both $$x^2$$ and $$y^2$$.\n")).get(0).tagName());
    }

    @Test
    void pricesStayText() {
        assertEquals(List.of(), mathOf("It costs $5 and $10, or $20,000 in all.\n"));
        assertEquals("It costs $5 and $10, or $20,000 in all.", text("It costs $5 and $10, or $20,000 in all.\n"));
    }

    @Test
    void aDollarFollowedBySpaceOpensNothing() {
        assertEquals(List.of(), mathOf("Pay $ 5 or $ 6.\n"));
    }

    @Test
    void aClosingDollarBeforeADigitClosesNothing() {
        assertEquals(List.of(), mathOf("From $x$5 on.\n"));
    }

    @Test
    void aClosingDollarAfterASpaceClosesNothing() {
        assertEquals(List.of(), mathOf("Both $a $ and more.\n"));
    }

    @Test
    void aBackslashEscapesADollarOutsideMath() {
        assertEquals(List.of(), mathOf("Write \\$x\\$ for dollars.\n"));
        assertEquals("Write $x$ for dollars.", text("Write \\$x\\$ for dollars.\n"));
    }

    @Test
    void anEscapedDollarInsideMathDoesNotCloseIt() {
        assertEquals(List.of("inline:\\$5 + x"), mathOf("Price $\\$5 + x$ here.\n"));
    }

    @Test
    void codeSpansAndBlocksKeepTheirDollars() {
        Lesson lesson = lesson("""
                In code `$x$` and `$$y$$` stay.

                ```
                $z$
                $$
                ```

                    $$ indented $$
                """);
        assertEquals(List.of(), math(lesson));
        assertFalse(lesson.math());
        assertTrue(lesson.html().contains("<code>$x$</code>"));
        assertTrue(lesson.html().contains("$z$\n$$\n"));
    }

    @Test
    void aDollarBeforeACodeSpanIsNotClosedByADollarInsideIt() {
        assertEquals(List.of(), mathOf("It costs $10, and `$x$` is code.\n"));
        assertTrue(lesson("It costs $10, and `$x$` is code.\n").html().contains("$10, and <code>$x$</code>"));
        assertEquals(List.of("inline:a"), mathOf("Both $a$ and `$b$`.\n"));
    }

    @Test
    void aHeadingWithMathKeepsItsTexInItsTextAndId() {
        Lesson lesson = lesson("## The $\\sigma$ function\n\nText.\n");
        assertEquals("The \\sigma function", lesson.headings().get(0).text());
        assertEquals("the-sigma-function", lesson.headings().get(0).id());
    }

    @Test
    void searchTextHoldsTheTexAsWritten() {
        assertEquals("Then $5 and z^2 follow.", lesson("Then $5 and $z^2$ follow.\n").prose());
    }

    @Test
    void texIsEscapedAsText() {
        assertEquals("a &lt; b &amp; c", Jsoup.parseBodyFragment(lesson("So $a < b & c$.\n").html())
                .select(".math").get(0).html());
    }

    @Test
    void mathInsideAListItemAndAQuote() {
        assertEquals(List.of("inline:x", "display:y"), mathOf("""
                - item $x$

                > $$
                > y
                > $$
                """));
    }

    @Test
    void aLessonWithoutMathSaysSo() {
        assertFalse(lesson("No math, only $5.\n").math());
        assertTrue(lesson("Some $x$.\n").math());
    }

    @Test
    void anUnclosedDisplayBlockIsAnErrorWhereItOpens() {
        assertEquals(List.of("content/x.md:6:3: error: $$ opens display math that is never closed: "
                        + "end it with $$ on a later line, or write \\$ for a dollar sign"),
                Lessons.problems(FRONT + """
                        Prose.

                          $$ y
                        more text
                        """));
    }

    @Test
    void anUnclosedDoubleDollarInAParagraphIsAnErrorWhereItIs() {
        assertEquals(List.of("content/x.md:6:10: error: $$ opens display math that is never closed: "
                        + "end it with $$ in this paragraph, or write \\$ for a dollar sign"),
                Lessons.problems(FRONT + "Prose.\n\nIt costs $$5 in all.\n"));
    }
}
