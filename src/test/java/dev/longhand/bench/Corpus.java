package dev.longhand.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A deterministic corpus of generated lessons for the benchmarks: each about 100 lines of
 * prose, a GFM table, a fenced code block and the seven-layer {@code mlp} block of
 * {@code content/05-seven-layers.md}. The same arguments always write the same bytes.
 *
 * <p>{@code java -cp target/test-classes dev.longhand.bench.Corpus SEVEN_LAYERS_MD OUT_DIR N}
 */
public final class Corpus {

    private Corpus() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Corpus SEVEN_LAYERS_MD OUT_DIR N");
            System.exit(2);
        }
        generate(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
    }

    /** {@code lessons} lessons, each with prose, a table, a code block and the seven-layer block. */
    public static Path generate(Path sevenLayers, Path content, int lessons) throws IOException {
        Files.createDirectories(content);
        String block = sevenLayerBlock(Files.readString(sevenLayers, StandardCharsets.UTF_8));
        for (int n = 1; n <= lessons; n++) {
            StringBuilder text = new StringBuilder();
            text.append("---\ntitle: Lesson ").append(n).append("\norder: ").append(n * 10)
                    .append("\nsummary: Generated lesson ").append(n).append(" for the benchmarks.\n---\n\n");
            for (int section = 1; section <= 4; section++) {
                text.append("## Part ").append(section).append("\n\n");
                for (int line = 0; line < 22; line++) {
                    text.append("Lesson ").append(n).append(", part ").append(section)
                            .append(": a line of prose about weights, sums and the ReLU that clamps them.\n");
                }
                text.append('\n');
            }
            text.append("| unit | weight | bias |\n|---|---|---|\n| 1 | 3 | 0 |\n| 2 | -1 | 1 |\n\n");
            text.append("```python\nimport torch\nprint(torch.relu(torch.tensor([-1.0, 2.0])))\n```\n\n");
            text.append(block);
            Files.writeString(content.resolve(String.format(Locale.ROOT, "%04d-lesson-%d.md", n, n)), text,
                    StandardCharsets.UTF_8);
        }
        return content;
    }

    /** The lesson's seven-layer block: its second mlp block, fences included. */
    private static String sevenLayerBlock(String lesson) {
        int first = lesson.indexOf("```mlp");
        int second = lesson.indexOf("```mlp", first + 1);
        int end = lesson.indexOf("\n```", second + 6);
        return lesson.substring(second, end + 4) + "\n";
    }
}
