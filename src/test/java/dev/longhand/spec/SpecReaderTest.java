package dev.longhand.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.Position;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Training;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Valid blocks: the spec holds what the author wrote, with the contract's defaults. */
class SpecReaderTest {

    private static MlpSpec valid(String markdown) {
        Diagnostics diagnostics = new Diagnostics();
        var spec = MarkdownBlock.read(markdown, diagnostics);
        assertTrue(diagnostics.isEmpty(), () -> "unexpected problems: " + diagnostics.sorted());
        assertTrue(spec.isPresent());
        return spec.get();
    }

    private static Matrix rows(double[]... rows) {
        return Matrix.of(rows);
    }

    @Test
    void readsTheShapesOfAClassicExercise() {
        MlpSpec spec = valid("""
                # Two layers

                ```mlp
                input: [2, 1, 3]
                layers:
                  - weights:
                      - [1, -1, 0]
                      - [0, 1, 1]
                  - weights: [[1, 1]]
                ```
                """);
        assertEquals(Matrix.column(2, 1, 3), spec.input());
        assertFalse(spec.batch());
        List<Layer> layers = spec.network().denseLayers();
        assertEquals(2, layers.size());
        assertEquals(rows(new double[] {1, -1, 0}, new double[] {0, 1, 1}), layers.get(0).weights());
        assertEquals(rows(new double[] {1, 1}), layers.get(1).weights());
        assertEquals(new Position("content/x.md", 3, 1), spec.opening());
    }

    @Test
    void defaultsAreReluThenLinearZeroBiasesAndFourDecimals() {
        MlpSpec spec = valid("""
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1], [1, 1]]
                  - weights: [[1, 0, 0], [0, 1, 0]]
                  - weights: [[1, 1]]
                ```
                """);
        List<Layer> layers = spec.network().denseLayers();
        assertEquals(List.of(Activation.RELU, Activation.RELU, Activation.LINEAR),
                layers.stream().map(Layer::activation).toList());
        assertEquals(List.of("Layer 1", "Layer 2", "Layer 3"), layers.stream().map(Layer::name).toList());
        assertEquals(Matrix.column(0, 0, 0), layers.get(0).bias());
        assertEquals(Matrix.column(0, 0), layers.get(1).bias());
        assertEquals(Matrix.column(0.0), layers.get(2).bias());
        assertEquals(4, spec.precision());
        assertEquals("", spec.caption());
        assertEquals(List.of(), spec.inputLabels());
        assertEquals(Layout.STANDARD, spec.layout());
        assertTrue(spec.training().isEmpty());
    }

    @Test
    void keepsWhatTheAuthorGaveInsteadOfTheDefaults() {
        MlpSpec spec = valid("""
                ```mlp
                caption: Sigmoid out
                input: [1, 2]
                labels: [x, y]
                precision: 2
                layout: augmented
                layers:
                  - name: Hidden
                    weights: [[1, 0], [0, 1]]
                    bias: [0.5, -1]
                    activation: tanh
                  - weights: [[1, 1]]
                    activation: sigmoid
                ```
                """);
        Layer hidden = spec.network().dense(0);
        assertEquals("Hidden", hidden.name());
        assertEquals(Matrix.column(0.5, -1), hidden.bias());
        assertEquals(Activation.TANH, hidden.activation());
        assertEquals(Activation.SIGMOID, spec.network().dense(1).activation());
        assertEquals("Sigmoid out", spec.caption());
        assertEquals(List.of("x", "y"), spec.inputLabels());
        assertEquals(2, spec.precision());
        assertEquals(Layout.AUGMENTED, spec.layout());
    }

    @Test
    void aBatchIsInputsBySamples() {
        MlpSpec spec = valid("""
                ```mlp
                input:
                  - [2, 1, 3]
                  - [1, 0, 1]
                  - [0, 2, 1]
                  - [5, 6, 7]
                layers:
                  - weights: [[1, 1, 1]]
                ```
                """);
        assertTrue(spec.batch());
        assertEquals(rows(
                new double[] {2, 1, 0, 5},
                new double[] {1, 0, 2, 6},
                new double[] {3, 1, 1, 7}), spec.input());
    }

    @Test
    void generatedWeightsHaveTheDeclaredShapeAndRange() {
        MlpSpec spec = valid("""
                ```mlp
                input: [1, 2, 3]
                layers:
                  - units: 5
                    weights: {random: 42, min: -2, max: 2, integers: true}
                ```
                """);
        Matrix w = spec.network().dense(0).weights();
        assertEquals(5, w.rows());
        assertEquals(3, w.cols());
        for (double v : w.toArrays()[0]) {
            assertTrue(v >= -2 && v <= 2 && v == Math.rint(v), "whole number in [-2, 2]: " + v);
        }
    }

    @Test
    void generatedWeightsAreTheSameForTheSameSeed() {
        String block = """
                ```mlp
                input: [1, 2, 3]
                layers:
                  - units: 4
                    weights: {random: %d}
                ```
                """;
        Matrix first = valid(block.formatted(7)).network().dense(0).weights();
        Matrix again = valid(block.formatted(7)).network().dense(0).weights();
        Matrix otherSeed = valid(block.formatted(8)).network().dense(0).weights();
        assertEquals(first, again);
        assertNotEquals(first, otherSeed);
        for (double[] row : first.toArrays()) {
            for (double v : row) {
                assertTrue(v >= -1 && v <= 1, "default range is [-1, 1]: " + v);
            }
        }
    }

    @Test
    void generatedBiasesAreOnePerUnitDrawnAsAOneColumnLayersWeightsWouldBe() {
        // The contract: generated numbers work for every number array. A bias is drawn as a
        // units × 1 column, so it is exactly the weights a layer of one input draws with that seed.
        MlpSpec spec = valid("""
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1], [1, 1]]
                    bias: {random: 9, min: -3, max: 3, integers: true}
                  - units: 3
                    weights: {random: 9, min: -3, max: 3, integers: true}
                ```
                """);
        Matrix bias = spec.network().dense(0).bias();
        assertEquals(3, bias.rows());
        assertEquals(1, bias.cols());
        MlpSpec oneInput = valid("""
                ```mlp
                input: [1]
                layers:
                  - units: 3
                    weights: {random: 9, min: -3, max: 3, integers: true}
                ```
                """);
        assertEquals(oneInput.network().dense(0).weights(), bias);
        for (double v : bias.toArrays()[0]) {
            assertTrue(v >= -3 && v <= 3 && v == Math.rint(v), "whole number in [-3, 3]: " + v);
        }
    }

    @Test
    void generatedBiasesOfAFixedRangeAreThatValue() {
        // min = max = 0.5: every draw min + u·(max − min) is 0.5
        MlpSpec spec = valid("""
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 0], [0, 1]]
                    bias: {random: 1, min: 0.5, max: 0.5}
                ```
                """);
        assertEquals(Matrix.column(0.5, 0.5), spec.network().dense(0).bias());
    }

    @Test
    void generatedInputIsOneColumnUnlessSamplesAreGiven() {
        MlpSpec single = valid("""
                ```mlp
                input: {random: 7, units: 6}
                layers:
                  - units: 1
                    weights: {random: 1}
                ```
                """);
        assertEquals(6, single.input().rows());
        assertEquals(1, single.input().cols());
        assertFalse(single.batch());

        MlpSpec batch = valid("""
                ```mlp
                input: {random: 7, units: 6, samples: 3, min: 0, max: 1}
                layers:
                  - units: 1
                    weights: {random: 1}
                ```
                """);
        assertEquals(6, batch.input().rows());
        assertEquals(3, batch.input().cols());
        assertTrue(batch.batch());
    }

    @Test
    void trainingDefaultsToMseLearningRateOneTenthAndOneStep() {
        MlpSpec spec = valid("""
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 1]]
                target: [3]
                ```
                """);
        assertEquals(new Training(Matrix.column(3.0), Loss.MSE, 0.1, 1), spec.training().orElseThrow());
    }

    @Test
    void trainingKeepsTheGivenLossRateStepsAndPerSampleTargets() {
        MlpSpec spec = valid("""
                ```mlp
                input:
                  - [1, 2]
                  - [0, 1]
                layers:
                  - weights: [[1, 1], [1, -1]]
                    activation: softmax
                target:
                  - [1, 0]
                  - [0, 1]
                loss: cross_entropy
                learning_rate: 0.5
                steps: 10
                ```
                """);
        Training training = spec.training().orElseThrow();
        assertEquals(Loss.CROSS_ENTROPY, training.loss());
        assertEquals(0.5, training.learningRate());
        assertEquals(10, training.steps());
        assertEquals(rows(new double[] {1, 0}, new double[] {0, 1}), training.target());
    }
}
