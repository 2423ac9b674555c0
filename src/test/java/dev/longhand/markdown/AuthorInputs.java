package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.SourceText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every lesson text must give, whatever an author typed: within a short time, either a
 * lesson and no errors, or {@code file:line:col: error:} lines whose line and column lie inside
 * the file. Never an exception, never "NaN" or "Infinity" written on the page.
 */
final class AuthorInputs {

    /**
     * Generous for a one-block lesson (a few milliseconds; the worst pathological prose, 10,000
     * nested emphasis markers, takes about 2 s on an idle 2-core machine and over 5 s on a busy
     * one), short enough to catch a hang.
     */
    static final Duration PER_LESSON = Duration.ofSeconds(20);

    private static final Pattern HEADLINE = Pattern.compile(
            "\\Q" + Lessons.FILE + "\\E:(\\d+):(\\d+): (error|warning): (\\S.*)");
    /** A figure on the page: the text of a {@code <span class="v">} or a worked line's result. */
    /** A JSON value (not inside a string) that is no finite number. */
    private static final Pattern NON_FINITE_JSON = Pattern.compile("[\\[,:](null|NaN|-?Infinity)\\b");
    private static final Pattern FIGURE = Pattern.compile("<span class=\"v\"[^>]*>([^<]*)</span>");

    private AuthorInputs() {
    }

    /** Builds the lesson and checks the promise; returns the diagnostics' headlines. */
    static List<String> check(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Lesson> lesson = assertTimeoutPreemptively(PER_LESSON,
                () -> Lessons.lesson(text, diagnostics),
                () -> "the lesson took longer than " + PER_LESSON + ":\n" + text);
        List<Diagnostic> all = diagnostics.sorted();
        List<String> headlines = all.stream().map(Diagnostic::headline).toList();
        if (lesson.isPresent() == diagnostics.hasErrors()) {
            fail("a lesson should come back exactly when there are no errors, but it "
                    + (lesson.isPresent() ? "did" : "did not") + " with " + headlines + "\nfor:\n" + text);
        }
        SourceText file = new SourceText(Lessons.FILE, text);
        for (Diagnostic d : all) {
            assertPositioned(d, file, text);
        }
        lesson.ifPresent(l -> assertNoBrokenFigures(l.html(), text));
        return headlines;
    }

    private static void assertPositioned(Diagnostic d, SourceText file, String text) {
        String headline = d.headline();
        Matcher m = HEADLINE.matcher(headline);
        assertTrue(m.matches(), () -> "not a positioned diagnostic: " + headline + "\nfor:\n" + text);
        assertFalse(headline.contains("\n") || headline.contains("\r"), () -> "a message spans lines: " + headline);
        assertFalse(headline.contains("Exception") || headline.contains("java."),
                () -> "a message shows a Java exception: " + headline);
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        assertTrue(line <= file.lineCount(),
                () -> headline + ": line " + line + " is past the file's " + file.lineCount() + " lines\nfor:\n" + text);
        String source = file.line(line);
        int length = source.codePointCount(0, source.length());
        assertTrue(column <= length + 1,
                () -> headline + ": column " + column + " is past the end of line " + line + " ('" + source
                        + "')\nfor:\n" + text);
    }

    private static void assertNoBrokenFigures(String html, String text) {
        Matcher figures = FIGURE.matcher(html);
        while (figures.find()) {
            String figure = figures.group(1);
            assertFalse(figure.contains("NaN") || figure.contains("Infinity") || figure.contains("∞"),
                    () -> "the page shows " + figure + "\nfor:\n" + text);
        }
        int trace = html.indexOf("class=\"mlp-trace\"");
        while (trace >= 0) {
            int end = html.indexOf("</script>", trace);
            // A score the causal mask hides is null by the contract; no other number may be.
            String json = html.substring(trace, end).replaceAll("\"scores\":\\[(\\[[^\\]]*\\],?)*\\]", "");
            assertFalse(NON_FINITE_JSON.matcher(json).find(), () -> "the trace holds a non-finite number\nfor:\n" + text);
            trace = html.indexOf("class=\"mlp-trace\"", end);
        }
    }
}
