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
                        + "(100000 units × 784 units of the input); the limit is 1000000"),
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
        // 40 layers of 800 × 800 = 640,000 weights each: every one under the limit, together
        // 25,600,000 weights. Layer 2 is the first to pass 1,000,000 in total.
        StringBuilder markdown = new StringBuilder("```mlp\ninput: {random: 1, units: 800}\nlayers:\n");
        for (int i = 1; i <= 40; i++) {
            markdown.append("  - units: 800\n    weights: {random: ").append(i).append("}\n");
        }
        markdown.append("```\n");
        // line 1 fence, 2 input, 3 layers:, 4-5 layer 1, 6-7 layer 2: "  - units: 800" has 800 at column 12.
        assertEquals(List.of("content/x.md:6:12: error: layer 2 would bring the network to 1280000 weights "
                        + "(640000 in the layers before it); the limit is 1000000"),
                MarkdownBlock.problems(markdown.toString()));
    }

    @Test
    void tooManyWorkedLinesForTheSamplesIsReportedAtTheLayers() {
        // 100 units × 1000 samples = 100,000 worked lines, one per unit and sample.
        assertEquals(List.of("content/x.md:4:3: error: this block would write out 100000 worked lines (100 units × "
                        + "1000 samples); the limit is 50000; use fewer units or samples"),
                MarkdownBlock.problems("""
                        ```mlp
                        input: {random: 1, units: 784, samples: 1000}
                        layers:
                          - units: 100
                            weights: {random: 2}
                        ```
                        """));
    }

    @Test
    void tooManyMultiplyAddsForTheStepsIsReportedAtTheSteps() {
        // (999 × 100 + 100 × 1) = 100,000 weights × 1 sample × (1 + 2·10000 + 1) passes = 2.0002e9 > 2e9.
        assertEquals(List.of("content/x.md:10:8: error: this block is too large to compute: 100000 weights × "
                        + "1 sample × 20002 passes is over 2000000000 multiply-adds; use fewer units, samples or steps"),
                MarkdownBlock.problems("""
                        ```mlp
                        input: {random: 1, units: 999}
                        layers:
                          - units: 100
                            weights: {random: 2}
                          - units: 1
                            weights: {random: 3}
                            activation: sigmoid
                        target: [1]
                        steps: 10000
                        ```
                        """));
    }

    @Test
    void workedLinesCountThreeTimesWithTraining() {
        // (150 + 1) units × 200 samples = 30,200 lines, under the limit; with training the backward
        // pass writes ∂L/∂a and ∂L/∂z lines as well: 90,600, over it.
        StringBuilder markdown = new StringBuilder("""
                ```mlp
                input: {random: 1, units: 500, samples: 200}
                layers:
                  - units: 150
                    weights: {random: 2}
                  - units: 1
                    weights: {random: 3}
                target:
                """);
        for (int s = 0; s < 200; s++) {
            markdown.append("  - [1]\n");
        }
        markdown.append("```\n");
        assertEquals(List.of("content/x.md:4:3: error: this block would write out 90600 worked lines (151 units × "
                        + "200 samples × 3 with the backward pass); the limit is 50000; use fewer units or samples"),
                MarkdownBlock.problems(markdown.toString()));
    }

    @Test
    void blockOverTheCharacterLimitIsRefusedAtItsFence() {
        // input: 308 characters, "layers:" 8, "  - weights:" 13, 400 rows of 305: 122,329.
        String row = "  - [" + "1, ".repeat(99) + "1]\n";
        String markdown = "```mlp\ninput: [" + "1, ".repeat(99) + "1]\nlayers:\n  - weights:\n"
                + row.repeat(400) + "```\n";
        assertEquals(List.of("content/x.md:1:1: error: this block has 122329 characters; the limit is 100000"),
                MarkdownBlock.problems(markdown));
    }

    @Test
    void blockOverTheLineLimitIsRefusedAtItsFence() {
        String markdown = "```mlp\n" + "# a comment\n".repeat(5001) + "```\n";
        assertEquals(List.of("content/x.md:1:1: error: this block has 5001 lines; the limit is 5000"),
                MarkdownBlock.problems(markdown));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedWhereItGoesTooDeep() {
        // input: is a mapping (level 1); the 20th '[' opens level 21, at column 27.
        assertEquals(List.of("content/x.md:2:27: error: this list or mapping is nested 21 levels deep; the limit is 20"),
                MarkdownBlock.problems("```mlp\ninput: " + "[".repeat(10_000) + "\n```\n"));
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
