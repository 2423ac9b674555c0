package dev.longhand.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Blocks too large to compute are refused at the value that makes them so, before anything of
 * that size is allocated: these tests finish quickly with the default heap only because of it.
 */
class SpecLimitsTest {

    @Test
    void generatedLayerOverTheWeightLimitIsReportedAtItsUnits() {
        // 100000 units × 784 inputs = 78,400,000 weights: 627 MB if it were drawn.
        assertEquals(List.of("content/x.md:8:12: error: layer 1 would have 78400000 weights "
                        + "(100000 units × 784 units of the input); the limit is 10000000"),
                MarkdownBlock.problems("""
                        ---
                        title: Too large
                        ---
                        Prose.
                        ```mlp
                        input: {random: 1, units: 784}
                        layers:
                          - units: 100000
                            weights: {random: 2}
                        ```
                        """));
    }

    @Test
    void layersThatTogetherPassTheWeightLimitAreStoppedAtTheFirstOneOver() {
        // 40 layers of 3000 × 3000 = 9,000,000 weights each: every one under the limit, together
        // 360,000,000 weights (2.9 GB). Layer 2 is the first to pass 10,000,000 in total.
        StringBuilder markdown = new StringBuilder("```mlp\ninput: {random: 1, units: 3000}\nlayers:\n");
        for (int i = 1; i <= 40; i++) {
            markdown.append("  - units: 3000\n    weights: {random: ").append(i).append("}\n");
        }
        markdown.append("```\n");
        // line 1 fence, 2 input, 3 layers:, 4-5 layer 1, 6-7 layer 2: "  - units: 3000" has 3000 at column 12.
        assertEquals(List.of("content/x.md:6:12: error: layer 2 would bring the network to 18000000 weights "
                        + "(9000000 in the layers before it); the limit is 10000000"),
                MarkdownBlock.problems(markdown.toString()));
    }

    @Test
    void tooManyMultiplyAddsForTheSamplesIsReportedAtTheLayers() {
        // 784 × 5000 = 3,920,000 weights × 1000 samples × 1 pass = 3.92e9 > 2e9.
        assertEquals(List.of("content/x.md:4:3: error: this block is too large to compute: 3920000 weights × "
                        + "1000 samples × 1 pass is over 2000000000 multiply-adds; use fewer units, samples or steps"),
                MarkdownBlock.problems("""
                        ```mlp
                        input: {random: 1, units: 784, samples: 1000}
                        layers:
                          - units: 5000
                            weights: {random: 2}
                        ```
                        """));
    }

    @Test
    void tooManyMultiplyAddsForTheStepsIsReportedAtTheSteps() {
        // (784 × 1000 + 1000 × 1) weights × 2 samples × (1 + 2·1000 + 1) passes = 3.14e9 > 2e9.
        assertEquals(List.of("content/x.md:10:8: error: this block is too large to compute: 785000 weights × "
                        + "2 samples × 2002 passes is over 2000000000 multiply-adds; use fewer units, samples or steps"),
                MarkdownBlock.problems("""
                        ```mlp
                        input: {random: 1, units: 784, samples: 2}
                        layers:
                          - units: 1000
                            weights: {random: 2}
                          - units: 1
                            weights: {random: 3}
                            activation: sigmoid
                        target: [[1], [0]]
                        steps: 1000
                        ```
                        """));
    }

    @Test
    void unitsOverTheUnitLimitAreRefusedBeforeTheWeights() {
        assertEquals(List.of("content/x.md:4:12: error: layer 1 units should be a whole number from 1 to 100000, "
                        + "but it is 1000000000"),
                MarkdownBlock.problems("""
                        ```mlp
                        input: [1, 2]
                        layers:
                          - units: 1000000000
                            weights: {random: 2}
                        ```
                        """));
    }

    @Test
    void tooManySamplesInAGeneratedInput() {
        assertEquals(List.of("content/x.md:2:39: error: samples should be a whole number from 1 to 1000, "
                        + "but it is 5000"),
                MarkdownBlock.problems("""
                        ```mlp
                        input: {random: 1, units: 2, samples: 5000}
                        layers:
                          - weights: [[1, 1]]
                        ```
                        """));
    }
}
