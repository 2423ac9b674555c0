package dev.longhand.markdown;

import dev.longhand.diag.Position;
import dev.longhand.diag.SourceText;
import dev.longhand.spec.BlockSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the front matter between the {@code ---} lines at the top of a lesson, and where
 * the Markdown after it starts.
 *
 * @param yaml      the front matter as a block source, positioned in the file
 * @param bodyStart offset in the file where the Markdown starts
 */
record FrontMatterBlock(BlockSource yaml, int bodyStart) {

    /** Empty if the file does not start with {@code ---}; an unclosed block is reported as such. */
    static Optional<FrontMatterBlock> find(SourceText file, List<String> problems) {
        if (!isFence(file.line(1), false)) {
            return Optional.empty();
        }
        List<Integer> offsets = new ArrayList<>();
        StringBuilder yaml = new StringBuilder();
        for (int line = 2; line <= file.lineCount(); line++) {
            String text = file.line(line);
            if (isFence(text, true)) {
                int bodyStart = line < file.lineCount() ? file.lineStart(line + 1) : file.text().length();
                BlockSource source = new BlockSource(file, yaml.toString(),
                        offsets.stream().mapToInt(Integer::intValue).toArray(), new Position(file.file(), 1, 1));
                return Optional.of(new FrontMatterBlock(source, bodyStart));
            }
            offsets.add(file.lineStart(line));
            yaml.append(text).append('\n');
        }
        problems.add("the front matter that starts here is never closed; end it with a line of ---");
        return Optional.empty();
    }

    private static boolean isFence(String line, boolean closing) {
        String t = line.stripTrailing();
        return t.equals("---") || (closing && t.equals("..."));
    }
}
