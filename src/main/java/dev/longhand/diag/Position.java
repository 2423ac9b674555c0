package dev.longhand.diag;

/**
 * A place in a source file, 1-based like every compiler prints it. The column counts
 * Unicode code points, so a caret lands under the right character after a non-ASCII name.
 */
public record Position(String file, int line, int column) implements Comparable<Position> {

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    /** The first character of a file: for problems that concern the whole file. */
    public static Position startOf(String file) {
        return new Position(file, 1, 1);
    }

    @Override
    public int compareTo(Position other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
