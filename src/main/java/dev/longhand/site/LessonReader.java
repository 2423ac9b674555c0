package dev.longhand.site;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.markdown.Lesson;
import dev.longhand.markdown.LessonLink;
import dev.longhand.markdown.MarkdownEngine;
import dev.longhand.render.Templates;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Computes and renders lesson files on several threads; each keeps its own diagnostics. */
final class LessonReader {

    /**
     * One file's outcome: its lesson, or empty when it has errors (in {@code diagnostics}), and
     * its links either way (checked across lessons even when the file has other errors).
     */
    record Result(LessonFile file, Optional<Lesson> lesson, List<LessonLink> links, Diagnostics diagnostics) {
        Result {
            links = List.copyOf(links);
        }

        /** A file that could not be read or rendered at all. */
        static Result failed(LessonFile file, Diagnostics diagnostics) {
            return new Result(file, Optional.empty(), List.of(), diagnostics);
        }
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
            MarkdownEngine.Outcome outcome = engine.read(file.label(), file.text(), diagnostics);
            return new Result(file, outcome.lesson(), outcome.links(), diagnostics);
        } catch (Templates.TemplateException e) {
            diagnostics.add(templateError.apply(e));
            return Result.failed(file, diagnostics);
        }
    }
}
