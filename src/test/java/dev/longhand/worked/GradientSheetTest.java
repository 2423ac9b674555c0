package dev.longhand.worked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Every line of training arithmetic on tiny matrices. Matrices are units × samples; every
 * value handed to the sheet (and every expected string) is worked out by hand in a comment.
 */
class GradientSheetTest {

    private final GradientSheet sheet = new GradientSheet(4);

    private static Matrix col(double... values) {
        return Matrix.column(values);
    }

    // ---- the loss ----------------------------------------------------------------------------

    @Test
    void mseLossOfOneValueDividesByOne() {
        // (5 − 1)² = 16, over N = 1 output value
        assertEquals("L = ((5 − 1)²) / 1 = 16", sheet.loss(Loss.MSE, col(5), col(1), 16));
    }

    @Test
    void mseLossOfABatchGoesSampleBySampleAndDividesByUnitsTimesSamples() {
        // a = [[1, 2], [3, 4]], t = [[0, 2], [−1, 5]] (2 units, 2 samples), sample 1 first:
        // (1 − 0)² + (3 − (−1))² + (2 − 2)² + (4 − 5)² = 1 + 16 + 0 + 1 = 18; N = 2·2 = 4; 18 / 4 = 4.5
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix t = Matrix.of(new double[][] {{0, 2}, {-1, 5}});
        assertEquals("L = ((1 − 0)² + (3 − (−1))² + (2 − 2)² + (4 − 5)²) / 4 = 4.5",
                sheet.loss(Loss.MSE, a, t, 4.5));
    }

    @Test
    void crossEntropyLossWritesEveryTermAndDividesBySamples() {
        // −(0·log(0.25) + 1·log(0.75)) / 1 = −ln(0.75) = 0.28768207..., shown rounded
        double value = -Math.log(0.75);
        assertEquals("L = −(0·log(0.25) + 1·log(0.75)) / 1 ≈ 0.2877",
                sheet.loss(Loss.CROSS_ENTROPY, col(0.25, 0.75), col(0, 1), value));
    }

    @Test
    void crossEntropyLossOfABatchDividesByTheNumberOfSamplesNotUnits() {
        // a = [[0.5, 0.25], [0.5, 0.75]], t = one-hot [[1, 0], [0, 1]], m = 2:
        // −(1·log(0.5) + 0·log(0.5) + 0·log(0.25) + 1·log(0.75)) / 2
        Matrix a = Matrix.of(new double[][] {{0.5, 0.25}, {0.5, 0.75}});
        Matrix t = Matrix.of(new double[][] {{1, 0}, {0, 1}});
        double value = -(Math.log(0.5) + Math.log(0.75)) / 2; // 0.49041462...
        assertEquals("L = −(1·log(0.5) + 0·log(0.5) + 0·log(0.25) + 1·log(0.75)) / 2 ≈ 0.4904",
                sheet.loss(Loss.CROSS_ENTROPY, a, t, value));
    }

    // ---- the output layer --------------------------------------------------------------------

    @Test
    void outputGradientForMse() {
        // 2·(5 − 1) / 1 = 8
        assertEquals("∂L/∂a₁ = 2·(5 − 1) / 1 = 8",
                sheet.outputGradient(Loss.MSE, col(5), col(1), col(8), 0, 0));
    }

    @Test
    void outputGradientForMseDividesByEveryOutputValue() {
        // two units: N = 2; unit 2: 2·(0.5 − 1) / 2 = −0.5
        assertEquals("∂L/∂a₂ = 2·(0.5 − 1) / 2 = −0.5",
                sheet.outputGradient(Loss.MSE, col(3, 0.5), col(1, 1), col(2, -0.5), 1, 0));
    }

    @Test
    void softmaxWithCrossEntropyGoesStraightToZ() {
        // a = [[0.25, 0.5], [0.75, 0.5]], t = [[0, 1], [1, 0]], m = 2.
        // unit 1, sample 2: (0.5 − 1) / 2 = −0.25; unit 2, sample 1: (0.75 − 1) / 2 = −0.125
        Matrix a = Matrix.of(new double[][] {{0.25, 0.5}, {0.75, 0.5}});
        Matrix t = Matrix.of(new double[][] {{0, 1}, {1, 0}});
        Matrix dZ = Matrix.of(new double[][] {{0.125, -0.25}, {-0.125, 0.25}});
        assertEquals("∂L/∂z₁ = (0.5 − 1) / 2 = −0.25", sheet.softmaxCrossEntropyDelta(a, t, dZ, 0, 1));
        assertEquals("∂L/∂z₂ = (0.75 − 1) / 2 = −0.125", sheet.softmaxCrossEntropyDelta(a, t, dZ, 1, 0));
    }

    @Test
    void softmaxWithCrossEntropyWritesTheTargetSumWhenTheTargetIsNotAProbability() {
        // The gradient is (a·Σt − t) / m. With t = (1, 1), Σt = 2 and a = (0.25, 0.75), m = 1:
        // unit 1: (0.25·2 − 1) / 1 = −0.5; unit 2: (0.75·2 − 1) / 1 = 0.5.
        // Written as (a − t) / m the line would claim (0.25 − 1) / 1 = −0.5, which does not add up.
        Matrix a = col(0.25, 0.75);
        Matrix t = col(1, 1);
        Matrix dZ = col(-0.5, 0.5);
        assertEquals("∂L/∂z₁ = (0.25·2 − 1) / 1 = −0.5", sheet.softmaxCrossEntropyDelta(a, t, dZ, 0, 0));
        assertEquals("∂L/∂z₂ = (0.75·2 − 1) / 1 = 0.5", sheet.softmaxCrossEntropyDelta(a, t, dZ, 1, 0));
    }

    // ---- hidden layers -----------------------------------------------------------------------

    @Test
    void hiddenGradientSumsOverTheUnitsOfTheLayerAbove() {
        // W above = [[2, −1], [3, 4]] (2 units above, 2 here), δ above = (0.5, −1).
        // unit 1: w₁₁·δ₁ + w₂₁·δ₂ = 2·0.5 + 3·(−1) = 1 − 3 = −2
        // unit 2: w₁₂·δ₁ + w₂₂·δ₂ = (−1)·0.5 + 4·(−1) = −0.5 − 4 = −4.5
        Matrix above = Matrix.of(new double[][] {{2, -1}, {3, 4}});
        Matrix dZAbove = col(0.5, -1);
        Matrix dA = col(-2, -4.5);
        assertEquals("∂L/∂a₁ = 2·0.5 + 3·(−1) = −2", sheet.hiddenGradient(above, dZAbove, dA, 0, 0));
        assertEquals("∂L/∂a₂ = (−1)·0.5 + 4·(−1) = −4.5", sheet.hiddenGradient(above, dZAbove, dA, 1, 0));
    }

    @Test
    void reluPassesTheGradientWhereZIsPositive() {
        // 4·ReLU′(3) = 4·1 = 4
        assertEquals("∂L/∂z₁ = 4·ReLU′(3) = 4·1 = 4",
                sheet.delta(Activation.RELU, col(3), col(3), col(4), col(4), 0, 0));
        assertFalse(GradientSheet.blocked(Activation.RELU, 3));
    }

    @Test
    void reluBlocksTheGradientWhereZIsNotPositive() {
        // unit 2: z = −1, so ReLU′(−1) = 0 and (−0.8)·0 = 0
        Matrix z = col(2, -1);
        Matrix a = col(2, 0);
        Matrix dA = col(1, -0.8);
        Matrix dZ = col(1, 0);
        assertEquals("∂L/∂z₂ = (−0.8)·ReLU′(−1) = (−0.8)·0 = 0",
                sheet.delta(Activation.RELU, z, a, dA, dZ, 1, 0));
        assertTrue(GradientSheet.blocked(Activation.RELU, -1));
        // ReLU′(0) = 0, as in PyTorch: z = 0 blocks too, and so does −0.
        assertTrue(GradientSheet.blocked(Activation.RELU, 0.0));
        assertTrue(GradientSheet.blocked(Activation.RELU, -0.0));
    }

    @Test
    void onlyReluBlocks() {
        for (Activation f : new Activation[] {Activation.LINEAR, Activation.SIGMOID, Activation.TANH,
                Activation.LEAKY_RELU, Activation.SOFTMAX}) {
            assertFalse(GradientSheet.blocked(f, -1), f.key());
        }
    }

    @Test
    void sigmoidDerivativeIsWorkedOutAsAOneMinusA() {
        // z = 0: a = 0.5, σ′ = 0.5·(1 − 0.5) = 0.25; 2·0.25 = 0.5
        assertEquals("∂L/∂z₁ = 2·σ′(0) = 2·0.5·(1 − 0.5) = 2·0.25 = 0.5",
                sheet.delta(Activation.SIGMOID, col(0), col(0.5), col(2), col(0.5), 0, 0));
    }

    @Test
    void sigmoidDerivativeThatIsRoundedEndsInApproximatelyEquals() {
        // z = 1: a = 1 / (1 + e^−1) = 0.7310585786..., shown 0.7311; σ′ = a·(1 − a) = 0.1966119332...,
        // shown 0.1966. Only the line's end says "≈"; the "=" between the named and the numeric
        // forms is the line's fixed wording.
        double a = 1 / (1 + Math.exp(-1));
        double derivative = a * (1 - a);
        assertEquals("∂L/∂z₁ = 1·σ′(1) = 1·0.7311·(1 − 0.7311) = 1·0.1966 ≈ 0.1966",
                sheet.delta(Activation.SIGMOID, col(1), col(a), col(1), col(derivative), 0, 0));
    }

    @Test
    void sigmoidDerivativeOfTheTrialNetworkShowsItsOwnStep() {
        // The line the trial found skipping σ′(z) = a(1 − a): z = −0.5, a = 1 / (1 + e^0.5) =
        // 0.3775406687..., shown 0.3775 (1 − 0.3775 = 0.6225); σ′ = 0.3775406687·0.6224593312 =
        // 0.2350037122..., shown 0.235; ∂L/∂a = −1.1288, so ∂L/∂z = −1.1288·0.2350037122 = −0.2652721...
        double a = 1 / (1 + Math.exp(0.5));
        double dZ = -1.1288 * (a * (1 - a));
        assertEquals("∂L/∂z₁ = (−1.1288)·σ′(−0.5) = (−1.1288)·0.3775·(1 − 0.3775) = (−1.1288)·0.235 ≈ −0.2653",
                sheet.delta(Activation.SIGMOID, col(-0.5), col(a), col(-1.1288), col(dZ), 0, 0));
    }

    @Test
    void linearDerivativeIsOne() {
        // 2·linear′(−3) = 2·1 = 2: a negative z changes nothing
        assertEquals("∂L/∂z₁ = 2·linear′(−3) = 2·1 = 2",
                sheet.delta(Activation.LINEAR, col(-3), col(-3), col(2), col(2), 0, 0));
    }

    @Test
    void softmaxWithoutCrossEntropyUsesTheJacobian() {
        // a = (0.25, 0.75), dA = (1, −1); Σ dA·a = 1·0.25 + (−1)·0.75 = −0.5.
        // unit 1: 0.25·(1 − (−0.5)) = 0.375; unit 2: 0.75·(−1 − (−0.5)) = −0.375
        Matrix z = col(0, Math.log(3));
        Matrix a = col(0.25, 0.75);
        Matrix dA = col(1, -1);
        Matrix dZ = col(0.375, -0.375);
        assertEquals("∂L/∂z₁ = 0.25·(1 − (1·0.25 + (−1)·0.75)) = 0.375",
                sheet.delta(Activation.SOFTMAX, z, a, dA, dZ, 0, 0));
        assertEquals("∂L/∂z₂ = 0.75·(−1 − (1·0.25 + (−1)·0.75)) = −0.375",
                sheet.delta(Activation.SOFTMAX, z, a, dA, dZ, 1, 0));
    }

    // ---- parameters --------------------------------------------------------------------------

    @Test
    void weightGradientSumsOverTheSamples() {
        // δ = [[2, −1]] (1 unit, 2 samples), input = [[3, 4], [0.5, −2]] (2 inputs, 2 samples)
        // ∂L/∂w₁,₁ = 2·3 + (−1)·4 = 2; ∂L/∂w₁,₂ = 2·0.5 + (−1)·(−2) = 1 + 2 = 3
        Matrix dZ = Matrix.of(new double[][] {{2, -1}});
        Matrix input = Matrix.of(new double[][] {{3, 4}, {0.5, -2}});
        Matrix dW = Matrix.of(new double[][] {{2, 3}});
        assertEquals("∂L/∂w₁,₁ = 2·3 + (−1)·4 = 2", sheet.weightGradient(dZ, input, dW, 0, 0));
        assertEquals("∂L/∂w₁,₂ = 2·0.5 + (−1)·(−2) = 3", sheet.weightGradient(dZ, input, dW, 0, 1));
    }

    @Test
    void weightGradientOfOneSampleIsOneProduct() {
        // unit 2, input 1: 0·1 = 0
        Matrix dZ = col(4, 0);
        Matrix input = col(1, 2);
        Matrix dW = Matrix.of(new double[][] {{4, 8}, {0, 0}});
        assertEquals("∂L/∂w₂,₁ = 0·1 = 0", sheet.weightGradient(dZ, input, dW, 1, 0));
        assertEquals("∂L/∂w₁,₂ = 4·2 = 8", sheet.weightGradient(dZ, input, dW, 0, 1));
    }

    @Test
    void biasGradientOfOneSampleIsDelta() {
        assertEquals("∂L/∂b₁ = ∂L/∂z₁ = 4", sheet.biasGradient(col(4, 0), col(4, 0), 0));
        assertEquals("∂L/∂b₂ = ∂L/∂z₂ = 0", sheet.biasGradient(col(4, 0), col(4, 0), 1));
    }

    @Test
    void biasGradientOfOneSampleSaysApproximatelyWhenDeltaIsRounded() {
        // δ = 1/3 = 0.33333..., shown 0.3333: the value named ∂L/∂z₁ is not its figure
        double third = 1.0 / 3;
        assertEquals("∂L/∂b₁ = ∂L/∂z₁ ≈ 0.3333", sheet.biasGradient(col(third), col(third), 0));
    }

    @Test
    void biasGradientOfABatchSumsTheDeltas() {
        // 2 + (−1) + 0.5 = 1.5
        Matrix dZ = Matrix.of(new double[][] {{2, -1, 0.5}});
        assertEquals("∂L/∂b₁ = 2 + (−1) + 0.5 = 1.5", sheet.biasGradient(dZ, col(1.5), 0));
    }

    // ---- the update --------------------------------------------------------------------------

    @Test
    void updateWritesOneStepOfGradientDescent() {
        // 1 − 0.1·2 = 1 − 0.2 = 0.8
        assertEquals("w₁,₂ ← 1 − 0.1·2 = 0.8", sheet.update("w₁,₂", 1, 0.1, 2, 0.8));
        // 0 − 0.1·(−4) = 0.4: a negative gradient raises the parameter
        assertEquals("b₁ ← 0 − 0.1·(−4) = 0.4", sheet.update("b₁", 0, 0.1, -4, 0.4));
        // a negative starting value stands first, without parentheses
        assertEquals("w₂,₂ ← −1 − 0.1·0 = −1", sheet.update("w₂,₂", -1, 0.1, 0, -1));
    }

    @Test
    void updateWithARoundedGradientEndsInApproximatelyEquals() {
        // 1 − 0.1·(1/3) = 0.96666..., the gradient shows as 0.3333
        assertEquals("w₁,₁ ← 1 − 0.1·0.3333 ≈ 0.9667", sheet.update("w₁,₁", 1, 0.1, 1.0 / 3, 1 - 0.1 / 3));
    }

    @Test
    void updateWhoseResultIsNotExactlyItsFigureEndsInApproximatelyEquals() {
        // In binary floating point 0.3 − 0.1·1 is 0.19999999999999998, shown 0.2: every figure
        // on the line is exact, the result is not.
        double after = 0.3 - 0.1 * 1;
        assertTrue(after != 0.2, "the premise of this test: " + after);
        assertEquals("w₁,₁ ← 0.3 − 0.1·1 ≈ 0.2", sheet.update("w₁,₁", 0.3, 0.1, 1, after));
    }

    @Test
    void derivativeNamesForEveryActivation() {
        assertEquals("ReLU′", GradientSheet.derivativeName(Activation.RELU));
        assertEquals("linear′", GradientSheet.derivativeName(Activation.LINEAR));
        assertEquals("σ′", GradientSheet.derivativeName(Activation.SIGMOID));
        assertEquals("tanh′", GradientSheet.derivativeName(Activation.TANH));
        assertEquals("LeakyReLU′", GradientSheet.derivativeName(Activation.LEAKY_RELU));
    }

    @Test
    void tanhDerivativeIsWorkedOutAsOneMinusASquared() {
        // z = 0: a = tanh(0) = 0, tanh′ = 1 − 0² = 1; 3·1 = 3
        assertEquals("∂L/∂z₁ = 3·tanh′(0) = 3·(1 − 0²) = 3·1 = 3",
                sheet.delta(Activation.TANH, col(0), col(0), col(3), col(3), 0, 0));
    }

    @Test
    void tanhDerivativeOfANegativeOutputSquaresItInParentheses() {
        // z = −0.5: a = tanh(−0.5) = −0.4621171572..., shown −0.4621; 1 − a² = 0.7864477329..., shown
        // 0.7864; 3·0.7864477329 = 2.3593431988..., shown 2.3593
        double a = Math.tanh(-0.5);
        assertEquals("∂L/∂z₁ = 3·tanh′(−0.5) = 3·(1 − (−0.4621)²) = 3·0.7864 ≈ 2.3593",
                sheet.delta(Activation.TANH, col(-0.5), col(a), col(3), col(3 * (1 - a * a)), 0, 0));
    }

    @Test
    void leakyReluLetsAHundredthThroughBelowZero() {
        // z = −2: LeakyReLU′ = 0.01; 5·0.01 = 0.05 (the double product is 0.05 exactly as shown)
        assertEquals("∂L/∂z₁ = 5·LeakyReLU′(−2) = 5·0.01 = 0.05",
                sheet.delta(Activation.LEAKY_RELU, col(-2), col(-0.02), col(5), col(0.05), 0, 0));
    }
}
