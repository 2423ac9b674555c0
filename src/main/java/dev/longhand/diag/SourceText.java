package dev.longhand.diag;

import java.util.Arrays;

/**
 * A source file's text with its line starts indexed, so that an offset found by a parser
 * (Flexmark gives character offsets) becomes a 1-based line and code-point column.
 */
public final class SourceText {

    private final String file;
    private final String text;
    private final int[] lineStarts;

    public SourceText(String file, String text) {
        this.file = file;
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** Where each line starts: after "\n", "\r\n" or a lone "\r". */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        if (text.indexOf('\r') < 0) {
            // Nearly every file: String.indexOf finds the line ends several times faster than a loop of charAt.
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
            return Arrays.copyOf(starts, count);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line holding this character offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** The character offset where a 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
    }

    /** The text of a 1-based line without its line break. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The position of a character offset, column in code points. */
    public Position positionOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(clamped);
        int start = lineStarts[line - 1];
        return new Position(file, line, text.codePointCount(start, clamped) + 1);
    }

    public Diagnostic error(Position position, String message) {
        return Diagnostic.error(position, message, line(position.line()));
    }

    public Diagnostic warning(Position position, String message) {
        return Diagnostic.warning(position, message, line(position.line()));
    }
}
