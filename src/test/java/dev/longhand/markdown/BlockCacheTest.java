package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostics;
import dev.longhand.render.Templates;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The live preview's cache of computed blocks: a lesson built with it is the lesson built
 * without it, whatever changed in between; only a block's own text (and place) brings its
 * result back.
 */
class BlockCacheTest {

    private static final Templates TEMPLATES =
            new Templates(Path.of(System.getProperty("longhand.repo", ".")).resolve("templates"));
    private static final MarkdownEngine FRESH = new MarkdownEngine(TEMPLATES);

    private final BlockCache cache = new BlockCache();
    private final MarkdownEngine cached = new MarkdownEngine(TEMPLATES, null, cache, Optional.empty());

    private static String lesson(String prose, String weights) {
        return """
                ---
                title: Cached
                summary: A block.
                ---
                %s

                ```mlp
                input: [2, 1]
                layers:
                  - weights: %s
                    activation: relu
                  - weights: [[1, 1]]
                ```
                """.formatted(prose, weights);
    }

    private static String html(MarkdownEngine engine, String text) {
        Diagnostics diagnostics = new Diagnostics();
        Lesson lesson = engine.lesson("content/x.md", text, diagnostics).orElseThrow(
                () -> new AssertionError(diagnostics.sorted().toString()));
        return lesson.html();
    }

    @Test
    void editingTheProseReusesTheBlockAndGivesTheSamePage() {
        html(cached, lesson("First words.", "[[1, -1], [0, 1]]"));
        assertEquals(0, cache.hits());
        String edited = lesson("Other words entirely.", "[[1, -1], [0, 1]]");
        assertEquals(html(FRESH, edited), html(cached, edited));
        assertEquals(1, cache.hits(), "the unchanged block came from the cache");
    }

    @Test
    void editingTheBlockComputesItAgain() {
        html(cached, lesson("Words.", "[[1, -1], [0, 1]]"));
        String edited = lesson("Words.", "[[1, -1], [0, 3]]");
        String page = html(cached, edited);
        assertEquals(html(FRESH, edited), page);
        assertEquals(0, cache.hits());
        assertEquals(2, cache.misses());
        // z₂ = 0·2 + 3·1 = 3 now: the new weight reached the page.
        assertTrue(page.contains("3·1"), "the edited weight is in the worked arithmetic");
    }

    @Test
    void aBlockThatMovesToAnotherPlaceIsNotReusedUnderItsOldId() {
        String one = lesson("Words.", "[[1, -1], [0, 1]]");
        html(cached, one);
        String block = one.substring(one.indexOf("```mlp"));
        String two = one.replace("Words.", "Words.\n\n" + block.replace("[0, 1]]", "[0, 2]]"));
        String page = html(cached, two);
        assertEquals(html(FRESH, two), page);
        assertTrue(page.contains("id=\"mlp-2\""), "the moved block is the second one");
    }

    @Test
    void aBlockWithErrorsIsNeverCachedSoItsMessageStaysFresh() {
        String broken = lesson("Words.", "[[1, -1, 5], [0, 1]]");
        Diagnostics first = new Diagnostics();
        assertFalse(cached.lesson("content/x.md", broken, first).isPresent());
        Diagnostics second = new Diagnostics();
        assertFalse(cached.lesson("content/x.md", broken.replace("Words.", "Words.\n\nTwo lines more."), second)
                .isPresent());
        assertEquals(0, cache.hits());
        assertEquals(1, first.errorCount());
        assertEquals(1, second.errorCount());
        assertEquals(first.sorted().get(0).position().line() + 2, second.sorted().get(0).position().line(),
                "the error moved with the block");
    }
}
