package dev.longhand.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of problem the contract lists, reported at the line and column of the offending
 * value in the Markdown file (1-based, counted by hand in each lesson below), never at the
 * block's first line when a better place exists.
 */
class SpecReaderErrorsTest {

    private static void assertProblems(String markdown, String... expected) {
        assertEquals(List.of(expected), MarkdownBlock.problems(markdown));
    }

    // --- shapes -------------------------------------------------------------------------

    @Test
    void weightRowOfTheFirstLayerIsComparedWithTheInput() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                input: [2, 1, 3]
                layers:
                  - weights:
                      - [1, -1, 0]
                      - [1, 2]
                ```
                """,
                "content/x.md:10:9: error: layer 1 weights row 2 has 2 values; the input has 3 units");
    }

    @Test
    void weightRowOfALaterLayerIsComparedWithTheLayerBefore() {
        assertProblems("""
                ---
                title: Three layers
                ---
                Prose.
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1]]
                  - weights: [[1, 0], [0, 1], [1, 1]]
                  - weights:
                      - [1, 1, 1]
                      - [1, 2, 3, 4]
                ```
                """,
                "content/x.md:12:9: error: layer 3 weights row 2 has 4 values; layer 2 has 3 units");
    }

    @Test
    void weightRowInsideAOneLineMatrixIsFoundByItsColumn() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1, 1]]
                ```
                """,
                "content/x.md:8:23: error: layer 1 weights row 2 has 3 values; the input has 2 units");
    }

    @Test
    void everyWrongRowIsReported() {
        assertProblems("""
                ```mlp
                input: [1, 2]
                layers:
                  - weights:
                      - [1]
                      - [1, 2]
                      - [1, 2, 3]
                ```
                """,
                "content/x.md:5:9: error: layer 1 weights row 1 has 1 value; the input has 2 units",
                "content/x.md:7:9: error: layer 1 weights row 3 has 3 values; the input has 2 units");
    }

    @Test
    void biasOfTheWrongLength() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1]]
                    bias: [0, 0, 0]
                ```
                """,
                "content/x.md:9:11: error: layer 1 bias has 3 values; layer 1 has 2 units");
    }

    @Test
    void batchSampleOfTheWrongLength() {
        assertProblems("""
                ---
                title: A batch
                ---
                Prose.
                ```mlp
                input:
                  - [2, 1, 3]
                  - [1, 0]
                layers:
                  - weights: [[1, 1, 1]]
                ```
                """,
                "content/x.md:8:5: error: input sample 2 has 2 values; sample 1 has 3");
    }

    @Test
    void batchWhoseSamplesAgreeButDoNotFitTheFirstLayer() {
        assertProblems("""
                ---
                title: A batch
                ---
                Prose.
                ```mlp
                input:
                  - [2, 1]
                  - [1, 0]
                layers:
                  - weights: [[1, 1, 1]]
                ```
                """,
                "content/x.md:10:15: error: layer 1 weights row 1 has 3 values; the input has 2 units");
    }

    @Test
    void targetOfTheWrongLength() {
        assertProblems("""
                ---
                title: Training
                ---
                Prose.
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1]]
                target: [1, 0, 0]
                ```
                """,
                "content/x.md:9:9: error: target has 3 values; the output layer has 2 units");
    }

    @Test
    void targetSampleOfTheWrongLength() {
        assertProblems("""
                ```mlp
                input:
                  - [1, 2]
                  - [0, 1]
                layers:
                  - weights: [[1, 1]]
                target:
                  - [1]
                  - [1, 0]
                ```
                """,
                "content/x.md:9:5: error: target sample 2 has 2 values; the output layer has 1 unit");
    }

    @Test
    void targetWithOneListForABatch() {
        assertProblems("""
                ```mlp
                input:
                  - [1, 2]
                  - [0, 1]
                layers:
                  - weights: [[1, 1]]
                target: [1]
                ```
                """,
                "content/x.md:7:9: error: target has one list of values, but the input has 2 samples; "
                        + "give one target list per sample");
    }

    // --- names --------------------------------------------------------------------------

    @Test
    void unknownTopLevelKeySuggestsTheKnownOneAndIsNotAlsoReportedMissing() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                imput: [2, 1, 3]
                layers:
                  - weights: [[1, 1, 1]]
                ```
                """,
                "content/x.md:6:1: error: unknown key 'imput' in an mlp block; did you mean 'input'?");
    }

    @Test
    void aMissingKeyIsStillReportedBesideAnUnrelatedUnknownKey() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                colour: red
                layers:
                  - weights: [[1, 1, 1]]
                ```
                """,
                "content/x.md:5:1: error: this mlp block has no 'input'; give one sample, e.g. input: [2, 1, 3]",
                "content/x.md:6:1: error: unknown key 'colour' in an mlp block; known keys: caption, input, labels, "
                        + "layers, precision, layout, target, loss, learning_rate, steps, practice");
    }

    @Test
    void unknownKeyInALayerSuggestsTheKnownOneAndIsNotAlsoReportedMissing() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                input: [2, 1, 3]
                layers:
                  - name: Out
                    wieghts: [[1, 1, 1]]
                ```
                """,
                "content/x.md:9:5: error: unknown key 'wieghts' in layer 1; did you mean 'weights'?");
    }

    @Test
    void unknownKeyFarFromEveryKnownOneListsThem() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                    dropout: 0.5
                ```
                """,
                "content/x.md:5:5: error: unknown key 'dropout' in layer 1; "
                        + "known keys: name, weights, bias, activation, units, type");
    }

    @Test
    void repeatedKeyIsReportedAtItsSecondUse() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                input: [2]
                ```
                """,
                "content/x.md:5:1: error: key 'input' appears twice in an mlp block");
    }

    @Test
    void unknownActivationSuggestsTheKnownOne() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                input: [2, 1, 3]
                layers:
                  - weights: [[1, 1, 1]]
                    activation: rleu
                ```
                """,
                "content/x.md:9:17: error: unknown activation 'rleu'; did you mean 'relu'?");
    }

    @Test
    void unknownActivationFarFromEveryKnownOneListsThem() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                    activation: swish
                ```
                """,
                "content/x.md:5:17: error: unknown activation 'swish'; "
                        + "the activations are relu, linear, sigmoid, tanh, leaky_relu, gelu, softmax");
    }

    @Test
    void unknownLossSuggestsTheKnownOne() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                target: [1]
                loss: mae
                ```
                """,
                "content/x.md:6:7: error: unknown loss 'mae'; did you mean 'mse'?");
    }

    // --- numbers ------------------------------------------------------------------------

    @Test
    void textWhereANumberBelongs() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                input: [2, one, 3]
                layers:
                  - weights: [[1, 1, 1]]
                ```
                """,
                "content/x.md:6:12: error: input value 2 should be a number, but it is the text 'one'");
    }

    @Test
    void quotedNumberAsksToRemoveTheQuotes() {
        assertProblems("""
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1]]
                    bias: ["0", 0]
                ```
                """,
                "content/x.md:5:12: error: layer 1 bias value 1 should be a number, "
                        + "but it is the quoted text \"0\"; remove the quotes");
    }

    @Test
    void notANumberIsRefusedAtTheValue() {
        assertProblems("""
                ```mlp
                input: [1, 2]
                layers:
                  - weights:
                      - [1, 0]
                      - [1, .nan]
                ```
                """,
                "content/x.md:6:13: error: layer 1 weights row 2 value 2 should be a finite number, but it is .nan");
    }

    @Test
    void infinityIsRefusedAtTheValue() {
        assertProblems("""
                ```mlp
                input: [1, -.inf]
                layers:
                  - weights: [[1, 1]]
                ```
                """,
                "content/x.md:2:12: error: input value 2 should be a finite number, but it is -.inf");
    }

    @Test
    void aNumberTooLargeForADoubleIsRefusedAtTheValue() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                target: [1e999]
                ```
                """,
                "content/x.md:5:10: error: target value 1 should be a finite number, "
                        + "but 1e999 is too large to compute with");
    }

    @Test
    void aNumberWhereAListBelongs() {
        assertProblems("""
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1]]
                    bias: 0
                ```
                """,
                "content/x.md:5:11: error: layer 1 bias should be a list, but it is the number 0");
    }

    @Test
    void textWhereALearningRateBelongs() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                target: [1]
                learning_rate: fast
                ```
                """,
                "content/x.md:6:16: error: learning_rate should be a number, but it is the text 'fast'");
    }

    // --- training -----------------------------------------------------------------------

    @Test
    void crossEntropyNeedsASoftmaxOutput() {
        assertProblems("""
                ---
                title: Training
                ---
                Prose.
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1]]
                target: [1, 0]
                loss: cross_entropy
                ```
                """,
                "content/x.md:10:7: error: loss cross_entropy needs a softmax output layer, "
                        + "but the last layer uses linear; add activation: softmax to it");
    }

    @Test
    void negativeLearningRate() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                target: [1]
                learning_rate: -0.5
                ```
                """,
                "content/x.md:6:16: error: learning_rate should be a positive number, but it is -0.5");
    }

    @Test
    void zeroSteps() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                target: [1]
                steps: 0
                ```
                """,
                "content/x.md:6:8: error: steps should be a whole number from 1 to 10000, but it is 0");
    }

    @Test
    void tooManySteps() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                target: [1]
                steps: 10001
                ```
                """,
                "content/x.md:6:8: error: steps should be a whole number from 1 to 10000, but it is 10001");
    }

    @Test
    void trainingKeysWithoutATarget() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - weights: [[1]]
                steps: 3
                ```
                """,
                "content/x.md:5:8: error: steps needs a 'target' to train towards; "
                        + "add target: [...] with one value per output unit");
    }

    // --- other values -------------------------------------------------------------------

    @Test
    void precisionOutOfRange() {
        assertProblems("""
                ```mlp
                input: [1]
                precision: 13
                layers:
                  - weights: [[1]]
                ```
                """,
                "content/x.md:3:12: error: precision should be a whole number from 0 to 12, but it is 13");
    }

    @Test
    void precisionThatIsNotWhole() {
        assertProblems("""
                ```mlp
                input: [1]
                precision: 2.5
                layers:
                  - weights: [[1]]
                ```
                """,
                "content/x.md:3:12: error: precision should be a whole number from 0 to 12, but it is 2.5");
    }

    @Test
    void labelsOfTheWrongCount() {
        assertProblems("""
                ```mlp
                input: [1, 2]
                labels: [x]
                layers:
                  - weights: [[1, 1]]
                ```
                """,
                "content/x.md:3:9: error: labels has 1 name; the input has 2 units");
    }

    // --- missing and empty --------------------------------------------------------------

    @Test
    void missingInputIsReportedAtTheOpeningFence() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                layers:
                  - weights: [[1, 1]]
                ```
                """,
                "content/x.md:5:1: error: this mlp block has no 'input'; give one sample, e.g. input: [2, 1, 3]");
    }

    @Test
    void missingLayersIsReportedAtTheOpeningFence() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                input: [1, 2]
                ```
                """,
                "content/x.md:5:1: error: this mlp block has no 'layers'; give a list with at least one layer");
    }

    @Test
    void emptyLayersList() {
        assertProblems("""
                ```mlp
                input: [1, 2]
                layers: []
                ```
                """,
                "content/x.md:3:9: error: layers is empty; give at least one layer");
    }

    @Test
    void layersKeyWithoutAValueIsReportedAfterTheKey() {
        assertProblems("""
                ```mlp
                input: [1, 2]
                layers:
                ```
                """,
                "content/x.md:3:8: error: layers should be a list, but it is empty");
    }

    @Test
    void emptyBlock() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                ```
                """,
                "content/x.md:5:1: error: this mlp block is empty; it needs at least 'input' and 'layers'");
    }

    @Test
    void blockOfOnlyComments() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                # input: [1, 2]
                # layers: later
                ```
                """,
                "content/x.md:5:1: error: this mlp block is empty; it needs at least 'input' and 'layers'");
    }

    @Test
    void blockThatIsAListInsteadOfKeys() {
        assertProblems("""
                ```mlp
                - [1, 2]
                ```
                """,
                "content/x.md:2:1: error: an mlp block should be a mapping of keys (caption, input, labels, "
                        + "layers, precision, layout, target, loss, learning_rate, steps, practice), but it is a list");
    }

    // --- several at once ----------------------------------------------------------------

    @Test
    void everyProblemOfABlockIsReportedSortedByLine() {
        assertProblems("""
                ---
                title: Many mistakes
                ---
                Prose.
                ```mlp
                input: [2, one, 3]
                layers:
                  - weights:
                      - [1, -1, 0]
                      - [1, 2]
                    activation: rleu
                target: [1, 0]
                steps: 0
                ```
                """,
                "content/x.md:6:12: error: input value 2 should be a number, but it is the text 'one'",
                "content/x.md:10:9: error: layer 1 weights row 2 has 2 values; row 1 has 3",
                "content/x.md:11:17: error: unknown activation 'rleu'; did you mean 'relu'?",
                "content/x.md:13:8: error: steps should be a whole number from 1 to 10000, but it is 0");
    }

    @Test
    void aBrokenLayerStillLetsTheNextLayerBeChecked() {
        assertProblems("""
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1], [1, 1]]
                    activation: rleu
                  - weights: [[1, 1]]
                ```
                """,
                "content/x.md:5:17: error: unknown activation 'rleu'; did you mean 'relu'?",
                "content/x.md:6:15: error: layer 2 weights row 1 has 2 values; layer 1 has 3 units");
    }
}
