package dev.longhand.spec;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Position;
import dev.longhand.diag.SourceText;

/**
 * The YAML text of one fenced block and where each of its lines sits in the Markdown file,
 * so that a position inside the block (0-based, as SnakeYAML reports it) becomes the
 * Markdown file's line and column. Lines may be indented in the file (a fence inside a
 * list), which is why each line keeps its own start offset.
 */
public final class BlockSource {

    private final SourceText file;
    private final String yaml;
    private final int[] lineOffsets;
    private final Position opening;

    /**
     * @param file        the whole Markdown file
     * @param yaml        the block's content, line breaks included
     * @param lineOffsets for each line of {@code yaml}, the offset in {@code file} where it starts
     * @param opening     where the opening fence is, for problems of the block as a whole
     */
    public BlockSource(SourceText file, String yaml, int[] lineOffsets, Position opening) {
        this.file = file;
        this.yaml = yaml;
        this.lineOffsets = lineOffsets.clone();
        this.opening = opening;
    }

    public String yaml() {
        return yaml;
    }

    /** How many lines the block has. */
    public int lineCount() {
        return lineOffsets.length;
    }

    public Position opening() {
        return opening;
    }

    public String fileName() {
        return file.file();
    }

    /** The Markdown position of a 0-based line and code-point column inside the block. */
    public Position position(int yamlLine, int yamlColumn) {
        if (lineOffsets.length == 0) {
            return opening;
        }
        if (yamlLine >= lineOffsets.length) {
            // SnakeYAML reports "end of stream" one line past the last: point at the closing fence.
            Position last = file.positionOf(lineOffsets[lineOffsets.length - 1]);
            return new Position(last.file(), Math.min(last.line() + 1, file.lineCount()), 1);
        }
        Position lineStart = file.positionOf(lineOffsets[Math.max(0, yamlLine)]);
        return new Position(lineStart.file(), lineStart.line(), lineStart.column() + Math.max(0, yamlColumn));
    }

    public Diagnostic error(Position position, String message) {
        return file.error(position, message);
    }

    public Diagnostic warning(Position position, String message) {
        return file.warning(position, message);
    }
}
