package dev.longhand.markdown;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.render.Templates;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One engine on the repository's own templates, and a lesson's problems as headlines. */
final class Lessons {

    static final String FILE = "content/x.md";

    static final Templates TEMPLATES = new Templates(Path.of(System.getProperty("longhand.repo", ".")).resolve("templates"));

    private static final MarkdownEngine ENGINE = new MarkdownEngine(TEMPLATES);

    private Lessons() {
    }

    static Optional<Lesson> lesson(String text, Diagnostics diagnostics) {
        return ENGINE.lesson(FILE, text, diagnostics);
    }

    /** Every diagnostic of the lesson, sorted, as {@code file:line:col: severity: message}. */
    static List<String> problems(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Lesson> lesson = lesson(text, diagnostics);
        List<String> headlines = diagnostics.sorted().stream().map(Diagnostic::headline).toList();
        if (lesson.isPresent() == diagnostics.hasErrors()) {
            throw new AssertionError("a lesson should come back exactly when there are no errors, but it "
                    + (lesson.isPresent() ? "did" : "did not") + " with " + headlines);
        }
        return headlines;
    }
}
