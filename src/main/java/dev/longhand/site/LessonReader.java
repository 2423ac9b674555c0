package dev.longhand.site;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.markdown.Lesson;
import dev.longhand.markdown.MarkdownEngine;
import dev.longhand.render.Templates;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Computes and renders lesson files on several threads; each keeps its own diagnostics. */
final class LessonReader {

    /** One file's outcome: its lesson, or empty when it has errors (in {@code diagnostics}). */
    record Result(LessonFile file, Optional<Lesson> lesson, Diagnostics diagnostics) {
    }

    private final MarkdownEngine engine;
    private final int threads;
    private final Function<Templates.TemplateException, Diagnostic> templateError;

    LessonReader(MarkdownEngine engine, int threads, Function<Templates.TemplateException, Diagnostic> templateError) {
        this.engine = engine;
        this.threads = Math.max(1, threads);
        this.templateError = templateError;
    }

    /** The results in the order of {@code files}. */
    List<Result> read(List<LessonFile> files) throws IOException {
        return Parallel.map(threads, files, this::read);
    }

    /** One file, on the calling thread. */
    Result read(LessonFile file) {
        Diagnostics diagnostics = new Diagnostics();
        try {
            return new Result(file, engine.lesson(file.label(), file.text(), diagnostics), diagnostics);
        } catch (Templates.TemplateException e) {
            diagnostics.add(templateError.apply(e));
            return new Result(file, Optional.empty(), diagnostics);
        }
    }
}
