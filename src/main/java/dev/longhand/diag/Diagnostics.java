package dev.longhand.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every problem of a build so that an author sees all of them at once, not only
 * the first. Not thread-safe: each lesson has its own, merged when the lessons are done.
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    public void addAll(List<Diagnostic> other) {
        items.addAll(other);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) items.stream().filter(Diagnostic::isError).count();
    }

    public int warningCount() {
        return items.size() - errorCount();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Every diagnostic sorted by file, line and column, the order a reader fixes them in. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        Collections.sort(copy);
        return List.copyOf(copy);
    }

    /** "2 errors, 1 warning": the closing line of a report. */
    public String summary() {
        return count(errorCount(), "error") + ", " + count(warningCount(), "warning");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
