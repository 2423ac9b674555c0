package dev.longhand.spec;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first {@code ```mlp} block of a small Markdown text as a {@link BlockSource}, each YAML
 * line keeping its offset in the file, so that a test can read a block and check positions
 * in the file without the Markdown parser. Fences here start at column 1; indented fences
 * (inside a list) are the markdown package's business and are tested there.
 */
final class MarkdownBlock {

    static final String FILE = "content/x.md";

    private MarkdownBlock() {
    }

    static BlockSource of(String markdown) {
        SourceText file = new SourceText(FILE, markdown);
        int open = -1;
        for (int line = 1; line <= file.lineCount(); line++) {
            if (file.line(line).equals("```mlp")) {
                open = line;
                break;
            }
        }
        if (open < 0) {
            throw new IllegalArgumentException("no ```mlp line in the test lesson");
        }
        List<Integer> offsets = new ArrayList<>();
        StringBuilder yaml = new StringBuilder();
        for (int line = open + 1; line <= file.lineCount(); line++) {
            if (file.line(line).equals("```")) {
                return new BlockSource(file, yaml.toString(),
                        offsets.stream().mapToInt(Integer::intValue).toArray(), file.positionOf(file.lineStart(open)));
            }
            offsets.add(file.lineStart(line));
            yaml.append(file.line(line)).append('\n');
        }
        throw new IllegalArgumentException("the test lesson's ```mlp block is not closed");
    }

    static Optional<MlpSpec> read(String markdown, Diagnostics diagnostics) {
        return SpecReader.read(of(markdown), diagnostics);
    }

    /** The headline of every diagnostic of the first block, sorted. */
    static List<String> problems(String markdown) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<MlpSpec> spec = read(markdown, diagnostics);
        List<String> headlines = diagnostics.sorted().stream().map(Diagnostic::headline).toList();
        if (spec.isPresent() && diagnostics.hasErrors()) {
            throw new AssertionError("a spec came back although there were errors: " + headlines);
        }
        return headlines;
    }
}
