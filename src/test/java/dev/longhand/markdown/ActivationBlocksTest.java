package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code activation} layers in a block: the function alone, value by value, written out as a
 * dense layer's a-lines, with ReLU's marks, the default rule, the scripts a page needs, and the
 * mistakes an author can make.
 */
class ActivationBlocksTest {

    @Test
    void reluClampsAndMarksLikeADenseLayer() {
        KindPages page = KindPages.of("input: [-1, 2]\nlayers:\n  - type: activation\n    activation: relu\n");
        JsonNode layer = page.trace().get("layers").get(0);
        assertEquals("relu", layer.get("activation").asText());
        assertEquals("[[0],[2]]", layer.get("a").toString());
        assertTrue(page.line("0.a.0.0").startsWith("a₁ = ReLU(−1) = 0"), page.line("0.a.0.0"));
        assertEquals("clamped", page.lineClass("0.a.0.0"));
        assertEquals("a₂ = ReLU(2) = 2", page.line("0.a.1.0"));
        assertEquals("passed", page.cellClass("a", "layers.0.a.1.0"));
        assertEquals("clamped", page.cellClass("a", "layers.0.a.0.0"));
        assertTrue(page.html().contains("<s>−1</s>"), "the clamped −1 is shown struck through");
    }

    @Test
    void softmaxOfEachColumn() {
        // e¹ / (e¹ + e²) = 1 / (1 + e) = 0.26894142, e² / (e¹ + e²) = 0.73105858.
        KindPages page = KindPages.of("input: [1, 2]\nlayers:\n  - type: activation\n    activation: softmax\n");
        JsonNode a = page.trace().get("layers").get(0).get("a");
        assertEquals(0.26894142, a.get(0).get(0).asDouble(), 1e-8);
        assertEquals(0.73105858, a.get(1).get(0).asDouble(), 1e-8);
        assertEquals("a₁ = exp(1) / (exp(1) + exp(2)) ≈ 0.2689", page.line("0.a.0.0"));
    }

    @Test
    void geluIsTheExactForm() {
        // GELU(1) = 1·Φ(1) = 0.84134475; GELU(−1) = −1·Φ(−1) = −0.15865525.
        KindPages page = KindPages.of("input: [1, -1]\nlayers:\n  - type: activation\n    activation: gelu\n");
        JsonNode a = page.trace().get("layers").get(0).get("a");
        assertEquals(0.84134475, a.get(0).get(0).asDouble(), 1e-8);
        assertEquals(-0.15865525, a.get(1).get(0).asDouble(), 1e-8);
        assertEquals("a₁ = GELU(1) ≈ 0.8413", page.line("0.a.0.0"));
    }

    @Test
    void theDefaultRuleIsReluBeforeTheLastLayerAndLinearLast() {
        JsonNode layers = KindPages.of("""
                input: [-1, 2]
                layers:
                  - type: activation
                  - type: activation
                """).trace().get("layers");
        assertEquals("relu", layers.get(0).get("activation").asText());
        assertEquals("linear", layers.get(1).get("activation").asText());
        assertEquals("a₁ = x₁ = 0", KindPages.of("input: [0]\nlayers:\n  - type: activation\n").line("0.a.0.0"));
    }

    @Test
    void aPageLoadsTheExactMathOnlyForFunctionsThatNeedIt() {
        var gelu = KindPages.built("input: [1]\nlayers:\n  - type: activation\n    activation: gelu\n");
        assertTrue(gelu.exactMath());
        assertEquals(List.of("longhand-activation.js"), gelu.kindScripts());
        var relu = KindPages.built("input: [1]\nlayers:\n  - type: activation\n    activation: relu\n");
        assertFalse(relu.exactMath());
        assertEquals(List.of("longhand-activation.js"), relu.kindScripts());
    }

    @Test
    void mistakes() {
        assertEquals(List.of("content/x.md:10:17: error: unknown activation 'gelu2'; did you mean 'gelu'?"),
                Lessons.problems(KindPages.lesson("input: [1, 2]\nlayers:\n  - type: activation\n    activation: gelu2\n")));
        assertEquals(List.of("content/x.md:10:5: error: unknown key 'activaton' in layer 1 (activation); did you mean "
                        + "'activation'?"),
                Lessons.problems(KindPages.lesson("input: [1, 2]\nlayers:\n  - type: activation\n    activaton: gelu\n")));
        assertEquals(List.of("content/x.md:10:5: error: unknown key 'gamma' in layer 1 (activation); 'gamma' is a key "
                        + "of batch_norm layers; an activation layer takes activation"),
                Lessons.problems(KindPages.lesson("input: [1, 2]\nlayers:\n  - type: activation\n    gamma: [1, 1]\n")));
    }
}
