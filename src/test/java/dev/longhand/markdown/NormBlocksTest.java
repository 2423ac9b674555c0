package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code batch_norm} and {@code layer_norm} layers in a block: small hand-worked numbers, the
 * worksheet lines a teacher writes (means, variances, each x̂, then γ·x̂ + β), the trace in
 * canonical form, and each mistake an author can make, with its position.
 */
class NormBlocksTest {

    private static void assertValues(double[] expected, JsonNode actual, double tolerance) {
        assertEquals(expected.length, actual.size(), actual.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i).asDouble(), tolerance, actual.toString());
        }
    }

    /** The single column of a rows × 1 matrix of the trace. */
    private static void assertColumn(double[] expected, JsonNode matrix, double tolerance) {
        assertEquals(expected.length, matrix.size(), matrix.toString());
        for (int r = 0; r < expected.length; r++) {
            assertEquals(1, matrix.get(r).size(), matrix.toString());
            assertEquals(expected[r], matrix.get(r).get(0).asDouble(), tolerance, matrix.toString());
        }
    }

    @Test
    void layerNormOfOneTwoThreeWithPyTorchsDefaults() {
        // One sample of 3 features: μ = 2, σ² = (1 + 0 + 1) / 3 = 2/3, x̂ = (x − 2) / √(2/3 + 0.00001),
        // √0.66667667 = 0.8165027, so x̂ = ∓1.2247357 and 0; γ = 1 and β = 0 by default.
        KindPages page = KindPages.of("input: [1, 2, 3]\nlayers:\n  - type: layer_norm\n");
        JsonNode layer = page.trace().get("layers").get(0);
        assertEquals("layer_norm", layer.get("type").asText());
        assertValues(new double[] {1, 1, 1}, layer.get("gamma"), 0);
        assertValues(new double[] {0, 0, 0}, layer.get("beta"), 0);
        assertEquals(0.00001, layer.get("epsilon").asDouble(), 0);
        assertEquals("biased", layer.get("variance_mode").asText());
        assertEquals("variance", layer.get("epsilon_added_to").asText());
        assertValues(new double[] {2}, layer.get("mean"), 0);
        assertValues(new double[] {2.0 / 3}, layer.get("variance"), 1e-15);
        assertColumn(new double[] {-1.2247357, 0, 1.2247357}, layer.get("normalized"), 1e-7);
        assertColumn(new double[] {-1.2247357, 0, 1.2247357}, layer.get("a"), 1e-7);

        assertEquals("μ₁ = (1 + 2 + 3) / 3 = 2", page.line("0.mean.0.0"));
        assertEquals("σ²₁ = ((1 − 2)² + (2 − 2)² + (3 − 2)²) / 3 ≈ 0.6667", page.line("0.variance.0.0"));
        // ε = 0.00001 shows as 1×10⁻⁵ at 4 decimals; the rounded 0.6667 makes the line "≈".
        assertEquals("x̂₁,₁ = (1 − 2) / √(0.6667 + 1×10⁻⁵) ≈ −1.2247", page.line("0.normalized.0.0"));
        assertEquals("x̂₂,₁ = (2 − 2) / √(0.6667 + 1×10⁻⁵) ≈ 0", page.line("0.normalized.1.0"));
        assertEquals("a₃,₁ = 1·1.2247 + 0 ≈ 1.2247", page.line("0.a.2.0"));
    }

    @Test
    void batchNormWithTheSpreadsheetsVarianceAndEpsilonZeroWorksOutInWholeNumbers() {
        // Three samples; feature 1 is (0, 2, 4), feature 2 (1, 3, 5): μ = 2 and 3, σ² = 8 / 2 = 4 (unbiased),
        // √4 = 2, x̂ = −1, 0, 1 in both rows; a = 2·x̂ + 0.5 in row 1 and 1·x̂ + 0 in row 2.
        KindPages page = KindPages.of("""
                input: [[0, 1], [2, 3], [4, 5]]
                layers:
                  - type: batch_norm
                    gamma: [2, 1]
                    beta: [0.5, 0]
                    epsilon: 0
                    variance: unbiased
                """);
        JsonNode layer = page.trace().get("layers").get(0);
        assertValues(new double[] {2, 3}, layer.get("mean"), 0);
        assertValues(new double[] {4, 4}, layer.get("variance"), 0);
        assertEquals("[[-1,0,1],[-1,0,1]]", layer.get("normalized").toString());
        assertEquals("[[-1.5,0.5,2.5],[-1,0,1]]", layer.get("a").toString());
        assertEquals("unbiased", layer.get("variance_mode").asText());

        assertEquals("μ₁ = (0 + 2 + 4) / 3 = 2", page.line("0.mean.0.0"));
        assertEquals("μ₂ = (1 + 3 + 5) / 3 = 3", page.line("0.mean.1.0"));
        assertEquals("σ²₁ = ((0 − 2)² + (2 − 2)² + (4 − 2)²) / 2 = 4", page.line("0.variance.0.0"));
        assertEquals("x̂₁,₁ = (0 − 2) / √(4) = −1", page.line("0.normalized.0.0"));
        assertEquals("x̂₂,₃ = (5 − 3) / √(4) = 1", page.line("0.normalized.1.2"));
        assertEquals("a₁,₁ = 2·(−1) + 0.5 = −1.5", page.line("0.a.0.0"));
        assertTrue(page.html().contains("data-v=\"layers.0.mean.1\""), "each mean is a keyed cell");
        assertTrue(page.html().contains("data-v=\"layers.0.normalized.1.2\""), "each x̂ is a keyed cell");
        assertTrue(page.editable("layers.0.gamma.0") && page.editable("layers.0.beta.1"), "γ and β are editable");
    }

    @Test
    void epsilonAddedToTheStandardDeviation() {
        // One feature over three samples (0, 2, 4): μ = 2, σ² = 8 / 2 = 4 (unbiased), x̂ = (0 − 2) / (√4 + 0.5) = −0.8.
        KindPages page = KindPages.of("""
                input: [[0], [2], [4]]
                layers:
                  - type: batch_norm
                    epsilon: 0.5
                    variance: unbiased
                    epsilon_added_to: std
                """);
        JsonNode layer = page.trace().get("layers").get(0);
        assertEquals("[[-0.8,0,0.8]]", layer.get("normalized").toString());
        assertEquals("std", layer.get("epsilon_added_to").asText());
        assertEquals("x̂₁,₁ = (0 − 2) / (√4 + 0.5) = −0.8", page.line("0.normalized.0.0"));
    }

    @Test
    void aNormInsideAResidualIsKeyedByItsPath() {
        // x = (1, 3): layer norm gives (−1, 1) (μ = 2, σ² = 1, ε = 0), and x + f(x) = (0, 4).
        KindPages page = KindPages.of("""
                input: [1, 3]
                layers:
                  - type: residual
                    layers:
                      - type: layer_norm
                        epsilon: 0
                """);
        JsonNode inner = page.trace().get("layers").get(0).get("layers").get(0);
        assertEquals("[[-1],[1]]", inner.get("normalized").toString());
        assertEquals("[[0],[4]]", page.trace().get("output").toString());
        assertEquals("μ₁ = (1 + 3) / 2 = 2", page.line("0.layers.0.mean.0.0"));
        assertTrue(page.editable("layers.0.layers.0.gamma.1"), "the inner γ is editable at its path");
    }

    @Test
    void eachMistakeIsReportedAtItsValue() {
        assertEquals(List.of(
                "content/x.md:10:12: error: layer 1 (layer_norm) gamma has 3 values; it takes one per feature, and "
                        + "the input has 2 features",
                "content/x.md:11:11: error: layer 1 (layer_norm) beta has 1 value; it takes one per feature, and "
                        + "the input has 2 features",
                "content/x.md:12:14: error: layer 1 (layer_norm) epsilon should be a number ≥ 0, but it is -1",
                "content/x.md:13:15: error: layer 1 (layer_norm) variance should be biased or unbiased, not "
                        + "'unbiassed'; did you mean 'unbiased'?",
                "content/x.md:14:23: error: layer 1 (layer_norm) epsilon_added_to should be variance or std, not 'sd'; "
                        + "did you mean 'std'?"),
                Lessons.problems(KindPages.lesson("""
                        input: [1, 2]
                        layers:
                          - type: layer_norm
                            gamma: [1, 2, 3]
                            beta: [1]
                            epsilon: -1
                            variance: unbiassed
                            epsilon_added_to: sd
                        """)));
    }

    @Test
    void theUnbiasedVarianceNeedsTwoValuesInEveryGroup() {
        assertEquals(List.of("content/x.md:10:15: error: layer 1 (batch_norm) has variance: unbiased, which divides "
                        + "by n − 1, but each feature has 1 value (the block has 1 sample); give at least 2 samples, or "
                        + "write variance: biased"),
                Lessons.problems(KindPages.lesson("input: [1, 2]\nlayers:\n  - type: batch_norm\n    variance: unbiased\n")));
        assertEquals(List.of("content/x.md:11:15: error: layer 2 (layer_norm) has variance: unbiased, which divides "
                        + "by n − 1, but each column has 1 value (layer 1 gives 1 row); give it at least 2 features, or "
                        + "write variance: biased"),
                Lessons.problems(KindPages.lesson("""
                        input: [[1, 2], [3, 4]]
                        layers:
                          - weights: [[1, 1]]
                          - type: layer_norm
                            variance: unbiased
                        """)));
    }

    @Test
    void keysOfOtherKindsSayWhichKindTheyBelongTo() {
        assertEquals(List.of(
                "content/x.md:10:5: error: unknown key 'weights' in layer 1 (batch_norm); 'weights' is a key of dense "
                        + "layers; a batch_norm layer takes gamma, beta, epsilon, variance, epsilon_added_to",
                "content/x.md:11:5: error: unknown key 'p' in layer 1 (batch_norm); 'p' is a key of dropout layers; "
                        + "a batch_norm layer takes gamma, beta, epsilon, variance, epsilon_added_to"),
                Lessons.problems(KindPages.lesson(
                        "input: [1, 2]\nlayers:\n  - type: batch_norm\n    weights: [[1]]\n    p: 0.5\n")));
    }
}
