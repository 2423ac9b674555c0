package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A block may be fenced {@code network} as well as {@code mlp} (the contract, "Layer kinds
 * beyond dense layers"), and a layer may say {@code type: dense}; the contract's other layer
 * types are refused with a clear error until this version computes them.
 */
class NetworkFenceTest {

    private static String lesson(String fence, String layer) {
        return """
                ---
                title: Fences
                ---
                Prose.

                ```%s
                input: [2, 1, 3]
                layers:
                  - weights: [[1, -1, 0]]
                    bias: [1]%s
                ```
                """.formatted(fence, layer);
    }

    private static String page(String text) {
        Diagnostics diagnostics = new Diagnostics();
        String html = Lessons.lesson(text, diagnostics).orElseThrow(() -> new AssertionError(diagnostics.sorted())).html();
        assertTrue(!diagnostics.hasErrors());
        return html;
    }

    @Test
    void aNetworkFenceGivesTheSamePageAsAnMlpFence() {
        String network = page(lesson("network", ""));
        assertEquals(page(lesson("mlp", "")), network);
        // z = 1·2 + (−1)·1 + 0·3 + 1 = 2, the last layer linear
        assertTrue(network.contains("class=\"mlp-trace\""), "the trace keeps its class");
        assertTrue(network.contains("\"a\":[[2]]"), network);
    }

    @Test
    void typeDenseIsTheDefaultSpelledOut() {
        assertEquals(page(lesson("network", "")), page(lesson("network", "\n    type: dense")));
    }

    @Test
    void aTypeOfTheContractThatIsNotComputedYetIsAnErrorAtItsValue() {
        List<String> problems = Lessons.problems(lesson("network", "\n    type: conv2d"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/x.md:11:11: error: layer 1 has type 'conv2d', which this "
                + "version of Longhand does not compute yet; it computes dense, "), problems.get(0));
    }

    @Test
    void anUnknownTypeSuggestsTheNearestOne() {
        assertEquals(List.of("content/x.md:11:11: error: unknown layer type 'atention'; did you mean 'attention'?"),
                Lessons.problems(lesson("mlp", "\n    type: atention")));
    }
}
