package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page loads the script of each layer kind its blocks use, and no other, after longhand.js
 * and the exact math when a kind needs it; in the same order in every build, whatever order the
 * blocks were computed in.
 */
class KindScriptsTest {

    @TempDir
    Path temp;

    private static final String KINDS = """
            ---
            title: Kinds
            ---
            ```network
            input: [[1, 2], [0, 1]]
            layers:
              - type: residual
                layers:
                  - type: layer_norm
            ```

            ```network
            input: [[1, 2], [0, 1]]
            layers:
              - type: dropout
                p: 0.5
                mask: [[1, 0], [0, 1]]
              - type: attention
                weights: [[1, 0], [0, 1]]
            ```
            """;

    private static final String DENSE = """
            ---
            title: Dense
            ---
            ```mlp
            input: [1, 2]
            layers:
              - weights: [[1, -1]]
            ```
            """;

    private List<String> scripts(Path page) throws IOException {
        return Jsoup.parse(Files.readString(page)).select("script[src]").eachAttr("src").stream()
                .filter(s -> s.contains("longhand")).toList();
    }

    @Test
    void aPageLoadsTheScriptsOfTheKindsItUsesInNameOrder() throws IOException {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "kinds.md", KINDS);
        SiteFiles.write(content, "dense.md", DENSE);
        Path first = temp.resolve("one");
        Path second = temp.resolve("two");
        assertTrue(SiteFiles.build(content, first).succeeded());
        assertTrue(SiteFiles.build(content, second).succeeded());
        assertEquals(List.of("assets/longhand.js", "assets/longhand-math.js", "assets/longhand-attention.js",
                "assets/longhand-dropout.js", "assets/longhand-norm.js", "assets/longhand-residual.js"),
                scripts(first.resolve("kinds.html")));
        assertEquals(List.of("assets/longhand.js"), scripts(first.resolve("dense.html")));
        assertEquals(Files.readString(first.resolve("kinds.html")), Files.readString(second.resolve("kinds.html")));
    }
}
