package dev.longhand.site;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.markdown.Lesson;
import dev.longhand.markdown.MarkdownEngine;
import dev.longhand.render.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        if (files.size() == 1 || threads == 1) {
            List<Result> results = new ArrayList<>();
            for (LessonFile file : files) {
                results.add(lesson(file));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())));
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (LessonFile file : files) {
                futures.add(pool.submit(() -> lesson(file)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the build was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Result lesson(LessonFile file) {
        Diagnostics diagnostics = new Diagnostics();
        try {
            return new Result(file, engine.lesson(file.label(), file.text(), diagnostics), diagnostics);
        } catch (Templates.TemplateException e) {
            diagnostics.add(templateError.apply(e));
            return new Result(file, Optional.empty(), diagnostics);
        }
    }
}
