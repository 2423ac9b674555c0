package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The written-out backward pass of the kinds beyond dense layers (KindSheet.gradientLines), line
 * for line against numbers worked out by hand in the comments.
 */
class KindGradientLinesTest {

    /*
     * Layer norm of 3 features on 1 token, unbiased variance, ε = 0: x = (1, 2, 3), μ = 2,
     * σ² = (1 + 0 + 1) / 2 = 1, √1 = 1, x̂ = (−1, 0, 1); γ = (2, 1, 1), β = 0: a = (−2, 0, 1).
     * Target (−2, −4.5, 1), mse over 3 outputs: ∂L/∂a = 2·(a − t) / 3 = (0, 3, 0).
     * ∂L/∂x̂ = ∂L/∂a·γ = (0, 3, 0); m = 3 / 3 = 1; d = 0·(−1) + 3·0 + 0·1 = 0; c = 0 / (1·2) = 0;
     * ∂L/∂x = (∂L/∂x̂ − 1) / 1 − x̂·0 = (−1, 2, −1) (summing to 0, as a shift of x changes nothing);
     * ∂L/∂γ = ∂L/∂a·x̂ = (0, 0, 0), ∂L/∂β = ∂L/∂a = (0, 3, 0).
     */
    @Test
    void layerNormWritesEachStepOfItsBackwardPass() {
        KindPages page = KindPages.of("""
                input: [1, 2, 3]
                target: [-2, -4.5, 1]
                steps: 1
                layers:
                  - type: layer_norm
                    gamma: [2, 1, 1]
                    variance: unbiased
                    epsilon: 0
                """);
        assertEquals("∂L/∂x̂₁,₁ = 0·2 = 0", page.line("layers.0.dNormalized.0.0"));
        assertEquals("∂L/∂x̂₂,₁ = 3·1 = 3", page.line("layers.0.dNormalized.1.0"));
        assertEquals("m₁ = (0 + 3 + 0) / 3 = 1", page.line("layers.0.dMean.0"));
        assertEquals("d₁ = 0·(−1) + 3·0 + 0·1 = 0", page.line("layers.0.dDot.0"));
        assertEquals("c₁ = 0 / (√(1)·2) = 0", page.line("layers.0.dScale.0"));
        assertEquals("∂L/∂x₁,₁ = (0 − 1) / √(1) − (−1)·0 = −1", page.line("layers.0.dInput.0.0"));
        assertEquals("∂L/∂x₂,₁ = (3 − 1) / √(1) − 0·0 = 2", page.line("layers.0.dInput.1.0"));
        assertEquals("∂L/∂x₃,₁ = (0 − 1) / √(1) − 1·0 = −1", page.line("layers.0.dInput.2.0"));
        assertEquals("∂L/∂γ₂ = 3·0 = 0", page.line("layers.0.gradients.gamma.1"));
        assertEquals("∂L/∂β₂ = ∂L/∂a₂,₁ = 3", page.line("layers.0.gradients.beta.1"));
    }

    /*
     * Batch norm of 1 feature over 2 samples, ε = 0: x = (1, 3), μ = 2, σ² = 1, x̂ = (−1, 1),
     * γ = 1, β = 0: a = (−1, 1). Target (1, 0), mse over 2: ∂L/∂a = (−2, 1). ∂L/∂x̂ = (−2, 1);
     * m = −1 / 2 = −0.5; d = (−2)·(−1) + 1·1 = 3; c = 3 / (1·2) = 1.5; ∂L/∂x = (−2 + 0.5) + 1.5 = 0
     * and (1 + 0.5) − 1.5 = 0 (two values normalize to ±1 whatever they are); ∂L/∂γ = 3, ∂L/∂β = −1.
     */
    @Test
    void batchNormSumsItsParametersOverTheSamples() {
        KindPages page = KindPages.of("""
                input: [[1], [3]]
                target: [[1], [0]]
                steps: 1
                layers:
                  - type: batch_norm
                    epsilon: 0
                """);
        assertEquals("m₁ = (−2 + 1) / 2 = −0.5", page.line("layers.0.dMean.0"));
        assertEquals("d₁ = (−2)·(−1) + 1·1 = 3", page.line("layers.0.dDot.0"));
        assertEquals("c₁ = 3 / (√(1)·2) = 1.5", page.line("layers.0.dScale.0"));
        assertEquals("∂L/∂x₁,₁ = (−2 − (−0.5)) / √(1) − (−1)·1.5 = 0", page.line("layers.0.dInput.0.0"));
        assertEquals("∂L/∂x₁,₂ = (1 − (−0.5)) / √(1) − 1·1.5 = 0", page.line("layers.0.dInput.0.1"));
        assertEquals("∂L/∂γ₁ = (−2)·(−1) + 1·1 = 3", page.line("layers.0.gradients.gamma.0"));
        assertEquals("∂L/∂β₁ = −2 + 1 = −1", page.line("layers.0.gradients.beta.0"));
    }

    /*
     * ε added to a standard deviation of 0: x = (2, 2), μ = 2, σ² = 0, the denominator √0 + 0.5 =
     * 0.5, x̂ = (0, 0), a = β = (0, 0). Target (1, 0), mse over 2: ∂L/∂a = (−1, 0). m = −0.5,
     * d = 0; σ = 0, so only ε divides and c = 0: ∂L/∂x = (−1 + 0.5) / 0.5 = −1 and (0 + 0.5) / 0.5 = 1.
     */
    @Test
    void aStandardDeviationOfZeroLeavesOnlyTheMeanTerm() {
        KindPages page = KindPages.of("""
                input: [[2], [2]]
                target: [[1], [0]]
                steps: 1
                layers:
                  - type: batch_norm
                    epsilon: 0.5
                    epsilon_added_to: std
                """);
        assertEquals("c₁ = 0 (the standard deviation is 0: only ε divides)", page.line("layers.0.dScale.0"));
        assertEquals("∂L/∂x₁,₁ = (−1 − (−0.5)) / (√0 + 0.5) − 0·0 = −1", page.line("layers.0.dInput.0.0"));
        assertEquals("∂L/∂x₁,₂ = (0 − (−0.5)) / (√0 + 0.5) − 0·0 = 1", page.line("layers.0.dInput.0.1"));
    }

    /*
     * A dropout inside a residual, keyed under it: x = 2, the branch is the identity then dropout
     * p = 0.5 keeping it, f = 2·1 / 0.5 = 4, a = 2 + 4 = 6. Target 0: ∂L/∂a = 2·6 = 12; through the
     * dropout 12·1 / 0.5 = 24; through the skip and the branch ∂L/∂x = 12 + 24 = 36.
     */
    @Test
    void aKindInsideAResidualIsWrittenOutUnderItsPath() {
        KindPages page = KindPages.of("""
                input: [2]
                target: [0]
                steps: 1
                layers:
                  - type: residual
                    layers:
                      - weights: [[1]]
                        activation: linear
                      - type: dropout
                        p: 0.5
                        mask: [[1]]
                """);
        assertEquals("∂L/∂x₁ = 12·1 / (1 − 0.5) = 24", page.line("layers.0.layers.1.dInput.0.0"));
        assertEquals("∂L/∂x₁ = 12 + 24 = 36", page.line("layers.0.skip.0.0"));
    }

    /** With the default ε the square root is rounded: the line says "≈". */
    @Test
    void aRoundedDenominatorEndsTheLineInApproximately() {
        KindPages page = KindPages.of("""
                input: [[1], [3]]
                target: [[1], [0]]
                steps: 1
                layers:
                  - type: batch_norm
                """);
        assertTrue(page.line("layers.0.dScale.0").startsWith("c₁ = "), page.line("layers.0.dScale.0"));
        assertTrue(page.line("layers.0.dScale.0").contains("/ (√(1 + 1×10⁻⁵)·2) ≈ "), page.line("layers.0.dScale.0"));
        assertTrue(page.line("layers.0.dInput.0.0").contains(" ≈ "), page.line("layers.0.dInput.0.0"));
    }

    /*
     * x = (2, 4) through the identity, dropout p = 0.5 with mask (1, 0): a = (2·1 / 0.5, 0) = (4, 0).
     * Target (0, −1), mse over 2: ∂L/∂a = (4, 1); ∂L/∂x = (4·1 / 0.5, 1·0 / 0.5) = (8, 0).
     */
    @Test
    void dropoutSendsTheGradientThroughTheKeptEntriesOnly() {
        KindPages page = KindPages.of("""
                input: [2, 4]
                target: [0, -1]
                steps: 1
                layers:
                  - weights: [[1, 0], [0, 1]]
                    activation: linear
                  - type: dropout
                    p: 0.5
                    mask: [[1], [0]]
                """);
        assertEquals("∂L/∂x₁ = 4·1 / (1 − 0.5) = 8", page.line("layers.1.dInput.0.0"));
        assertEquals("∂L/∂x₂ = 1·0 / (1 − 0.5) = 0 (dropped)", page.line("layers.1.dInput.1.0"));
    }

    /*
     * x = (2, −1) through the identity, then ReLU: a = (2, 0). Target 0, mse over 2: ∂L/∂a = (2, 0);
     * ∂L/∂z = 2·ReLU′(2) = 2·1 = 2 and 0·ReLU′(−1) = 0·0 = 0, blocked.
     */
    @Test
    void anActivationLayerWritesItsGradientAsADenseLayersDeltaLine() {
        KindPages page = KindPages.of("""
                input: [2, -1]
                target: [0, 0]
                steps: 1
                layers:
                  - weights: [[1, 0], [0, 1]]
                    activation: linear
                  - type: activation
                    activation: relu
                """);
        assertEquals("∂L/∂z₁ = 2·ReLU′(2) = 2·1 = 2", page.line("layers.1.dZ.0.0"));
        assertEquals("", page.lineClass("layers.1.dZ.0.0"));
        assertEquals("∂L/∂z₂ = 0·ReLU′(−1) = 0·0 = 0 blocked: z ≤ 0", page.line("layers.1.dZ.1.0"));
        assertEquals("blocked", page.lineClass("layers.1.dZ.1.0"));
    }

    /*
     * A softmax ending the network under cross entropy: x = (0, 0), a = (0.5, 0.5), target (1, 0):
     * ∂L/∂z = (a − t) / 1 = (−0.5, 0.5).
     */
    @Test
    void aSoftmaxUnderCrossEntropyGoesStraightToItsInput() {
        KindPages page = KindPages.of("""
                input: [0, 0]
                target: [1, 0]
                loss: cross_entropy
                steps: 1
                layers:
                  - weights: [[1, 0], [0, 1]]
                    activation: linear
                  - type: activation
                    activation: softmax
                """);
        assertEquals("∂L/∂z₁ = (0.5 − 1) / 1 = −0.5", page.line("layers.1.dZ.0.0"));
        assertEquals("∂L/∂z₂ = (0.5 − 0) / 1 = 0.5", page.line("layers.1.dZ.1.0"));
    }

    /*
     * Two tokens x₁ = (1, 2), x₂ = (3, 0); query and key 0, so every score is 0 and every weight
     * 0.5; V = X. Z: each token 0.5·(x₁ + x₂) = (2, 1). Target 0, mse over 4: ∂L/∂Z = 2·Z / 4 =
     * (1, 0.5) per token. ∂L/∂A = Vᵀ·∂L/∂Z: key 1: 1·1 + 2·0.5 = 2, key 2: 3·1 + 0·0.5 = 3, in both
     * columns. Σ = 2·0.5 + 3·0.5 = 2.5; ∂L/∂s₁ = 0.5·(2 − 2.5) = −0.25, ∂L/∂s₂ = 0.5·(3 − 2.5) = 0.25.
     */
    @Test
    void attentionWritesTheSoftmaxOfEachColumnBackward() {
        KindPages page = KindPages.of("""
                input: [[1, 2], [3, 0]]
                target: [[0, 0], [0, 0]]
                steps: 1
                layers:
                  - type: attention
                    query: [[0, 0]]
                    key: [[0, 0]]
                    value: [[1, 0], [0, 1]]
                    scale: false
                """);
        assertEquals("Σ₁ = 2·0.5 + 3·0.5 = 2.5", page.line("layers.0.heads.0.dSum.0"));
        assertEquals("∂L/∂s₁,₁ = 0.5·(2 − 2.5) = −0.25", page.line("layers.0.heads.0.dScores.0.0"));
        assertEquals("∂L/∂s₂,₂ = 0.5·(3 − 2.5) = 0.25", page.line("layers.0.heads.0.dScores.1.1"));
    }

    /*
     * The same with the causal mask: token 1 sees only itself (weights 1, 0), token 2 both (0.5,
     * 0.5). Z = (1, 2) and (2, 1); ∂L/∂Z = (0.5, 1) and (1, 0.5). ∂L/∂A: column 1 (1·0.5 + 2·1,
     * 3·0.5 + 0·1) = (2.5, 1.5), column 2 (1·1 + 2·0.5, 3·1 + 0·0.5) = (2, 3). Column 1: Σ₁ = 2.5·1
     * (the masked key left out), ∂L/∂s₁,₁ = 1·(2.5 − 2.5) = 0, ∂L/∂s₂,₁ masked; column 2 as above.
     */
    @Test
    void aMaskedScoreGetsNoGradient() {
        KindPages page = KindPages.of("""
                input: [[1, 2], [3, 0]]
                target: [[0, 0], [0, 0]]
                steps: 1
                layers:
                  - type: attention
                    query: [[0, 0]]
                    key: [[0, 0]]
                    value: [[1, 0], [0, 1]]
                    scale: false
                    causal: true
                """);
        assertEquals("Σ₁ = 2.5·1 = 2.5", page.line("layers.0.heads.0.dSum.0"));
        assertEquals("∂L/∂s₁,₁ = 1·(2.5 − 2.5) = 0", page.line("layers.0.heads.0.dScores.0.0"));
        assertEquals("∂L/∂s₂,₁ = 0 (masked)", page.line("layers.0.heads.0.dScores.1.0"));
        assertEquals("Σ₂ = 2·0.5 + 3·0.5 = 2.5", page.line("layers.0.heads.0.dSum.1"));
        assertEquals("∂L/∂s₁,₂ = 0.5·(2 − 2.5) = −0.25", page.line("layers.0.heads.0.dScores.0.1"));
    }

    /** Five tokens are too many to write out: the gradients stay matrices. */
    @Test
    void attentionOnMoreThanFourTokensWritesNoLines() {
        KindPages page = KindPages.of("""
                input: [[1], [2], [3], [4], [5]]
                target: [[0], [0], [0], [0], [0]]
                steps: 1
                layers:
                  - type: attention
                    query: [[1]]
                    key: [[1]]
                    value: [[1]]
                """);
        assertFalse(page.html().contains("data-work=\"layers.0.heads.0.dSum."));
    }
}
