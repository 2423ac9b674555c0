package dev.longhand.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Work on several threads whose results come back in the order of its items. */
final class Parallel {

    /** A step that may fail with an I/O error. */
    interface Step<T, R> {
        R apply(T item) throws IOException;
    }

    private Parallel() {
    }

    /**
     * {@code step} of every item, in the items' order. A failure stops the rest and is rethrown
     * as itself (an {@link IOException} or unchecked exception), not wrapped.
     */
    static <T, R> List<R> map(int threads, List<T> items, Step<T, R> step) throws IOException {
        return map(threads, items, (a, b) -> 0, step);
    }

    /**
     * The same, starting the items in the order of {@code startFirst} (results still in the
     * items' order): the longest jobs first, so that a large one does not start last and keep
     * one thread busy after the others are done.
     */
    static <T, R> List<R> map(int threads, List<T> items, Comparator<T> startFirst, Step<T, R> step)
            throws IOException {
        List<R> results = new ArrayList<>(items.size());
        if (threads <= 1 || items.size() <= 1) {
            for (T item : items) {
                results.add(step.apply(item));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()));
        try {
            List<Integer> starts = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                starts.add(i);
            }
            starts.sort((a, b) -> startFirst.compare(items.get(a), items.get(b)));
            List<Future<R>> futures = new ArrayList<>(Collections.nCopies(items.size(), null));
            for (int i : starts) {
                T item = items.get(i);
                futures.set(i, pool.submit(() -> step.apply(item)));
            }
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the build was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
