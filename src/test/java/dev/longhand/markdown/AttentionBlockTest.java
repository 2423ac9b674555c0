package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An attention layer in a block: its numbers on the page, worked out by hand in the comments,
 * and one positioned error per mistake an author makes with its keys.
 */
class AttentionBlockTest {

    /** Three tokens (columns) of two features: x₁ = (1, 0), x₂ = (0, 1), x₃ = (1, 1). */
    private static String lesson(String layer) {
        return """
                ---
                title: Attention
                ---
                ```network
                input: [[1, 0], [0, 1], [1, 1]]
                layers:
                  - type: attention
                %s
                ```
                """.formatted(layer.indent(4).stripTrailing());
    }

    private static String page(String layer) {
        Diagnostics diagnostics = new Diagnostics();
        String html = Lessons.lesson(lesson(layer), diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted())).html();
        assertTrue(!diagnostics.hasErrors(), diagnostics.sorted().toString());
        return html;
    }

    @Test
    void identityProjectionsWithoutScaleScoreEachPairByItsDotProduct() {
        // Q = K = V = X. Scores kᵢ·qⱼ: s₁₁ = 1, s₂₁ = 0, s₃₁ = 1; s₁₂ = 0, s₂₂ = 1, s₃₂ = 1;
        // s₁₃ = 1, s₂₃ = 1, s₃₃ = 2. Given weights of 1/2 would be simpler, but this checks the lines.
        String html = page("""
                query: [[1, 0], [0, 1]]
                key: [[1, 0], [0, 1]]
                value: [[1, 0], [0, 1]]
                scale: false""");
        assertTrue(html.contains("\"scores\":[[1,0,1],[0,1,1],[1,1,2]]"), html);
        assertTrue(html.contains("s₃,₃ = 1·1 + 1·1 = 2"), "the score's dot product written out");
        // Column 1 of the weights: exp(1) / (exp(1) + exp(0) + exp(1)).
        assertTrue(html.contains("a₁,₁ = exp(1) / (exp(1) + exp(0) + exp(1)) ≈ 0.4223"), html);
        assertTrue(html.contains("3 tokens, one column each"), "a block with attention calls its columns tokens");
    }

    @Test
    void theCausalMaskHidesLaterTokensAsMinusInfinity() {
        String html = page("""
                query: [[1, 0], [0, 1]]
                key: [[1, 0], [0, 1]]
                value: [[1, 0], [0, 1]]
                scale: false
                causal: true""");
        // Query 1 sees only key 1: its weight is 1 and z₁ = v₁ = (1, 0).
        assertTrue(html.contains("\"scores\":[[1,0,1],[null,1,1],[null,null,2]]"), html);
        assertTrue(html.contains("s₂,₁ = −∞ (masked: token 2 comes after token 1)"), html);
        assertTrue(html.contains("a₂,₁ = 0 (masked)"), html);
        assertTrue(html.contains("\"z\":[[1,"), html);
    }

    @Test
    void givenWeightsAverageTheValues() {
        // Every column ½, ½, 0: each token's output is (x₁ + x₂) / 2 = (0.5, 0.5).
        String html = page("""
                weights: [[0.5, 0.5, 0.5], [0.5, 0.5, 0.5], [0, 0, 0]]""");
        assertTrue(html.contains("\"a\":[[0.5,0.5,0.5],[0.5,0.5,0.5]]"), html);
    }

    private static List<String> problems(String layer) {
        return Lessons.problems(lesson(layer));
    }

    @Test
    void aQueryThatDoesNotTakeTheTokensFeaturesIsAnErrorAtItsRow() {
        assertEquals(List.of("content/x.md:8:13: error: layer 1 (attention) query row 1 has 3 values; the tokens "
                        + "have 2 features (the input gives 2 rows)"),
                problems("""
                        query: [[1, 0, 1]]
                        key: [[1, 0]]
                        value: [[1, 0]]"""));
    }

    @Test
    void aKeyOfAnotherSizeThanTheQueryIsAnError() {
        assertEquals(List.of("content/x.md:9:10: error: layer 1 (attention) key has 2 rows; the query has 1 rows, "
                        + "and scores take a dot product of a query and a key"),
                problems("""
                        query: [[1, 0]]
                        key: [[1, 0], [0, 1]]
                        value: [[1, 0]]"""));
    }

    @Test
    void aCausalMaskOnGivenWeightsIsAnError() {
        assertEquals(List.of("content/x.md:9:13: error: layer 1 (attention) has given weights, which a causal mask "
                        + "cannot hide; write 0 in weights for each key a query must not see"),
                problems("""
                        weights: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
                        causal: true"""));
    }

    @Test
    void givenWeightsMustBeTokensByTokens() {
        assertEquals(List.of("content/x.md:8:14: error: layer 1 (attention) weights has 2 rows; the block has 3 tokens"),
                problems("""
                        weights: [[1, 0, 0], [0, 1, 0]]"""));
    }

    @Test
    void aMisspeltKeySuggestsTheRightOneAndAKeyOfAnotherKindSaysWhere() {
        assertEquals(List.of(
                        "content/x.md:8:5: error: unknown key 'querry' in layer 1 (attention); did you mean 'query'?",
                        "content/x.md:11:5: error: unknown key 'bias' in layer 1 (attention); 'bias' is a key of "
                                + "dense layers; an attention layer takes query, key, value, heads, output, scale, causal, weights"),
                problems("""
                        querry: [[1, 0]]
                        key: [[1, 0]]
                        value: [[1, 0]]
                        bias: [1]"""));
    }
}
