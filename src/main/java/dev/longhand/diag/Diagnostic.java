package dev.longhand.diag;

import java.util.Comparator;

/**
 * One problem found in the content, with where it is and the line of source it is on, so
 * that it can be printed like a compiler's message with a caret under the column.
 */
public record Diagnostic(Severity severity, Position position, String message, String sourceLine)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::position)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        sourceLine = sourceLine == null ? "" : sourceLine;
    }

    public static Diagnostic error(Position position, String message, String sourceLine) {
        return new Diagnostic(Severity.ERROR, position, message, sourceLine);
    }

    public static Diagnostic warning(Position position, String message, String sourceLine) {
        return new Diagnostic(Severity.WARNING, position, message, sourceLine);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form: {@code content/x.md:42:7: error: message}. */
    public String headline() {
        return position + ": " + severity.label() + ": " + message;
    }

    /**
     * The headline, then the source line and a caret under the column, as a compiler shows it.
     * Tabs before the column are kept so the caret stays aligned in a terminal.
     */
    public String render() {
        if (sourceLine.isEmpty()) {
            return headline();
        }
        StringBuilder caret = new StringBuilder();
        int column = 1;
        for (int i = 0; i < sourceLine.length() && column < position.column(); column++) {
            int cp = sourceLine.codePointAt(i);
            caret.append(cp == '\t' ? '\t' : ' ');
            i += Character.charCount(cp);
        }
        caret.append('^');
        return headline() + "\n  " + sourceLine + "\n  " + caret;
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }
}
