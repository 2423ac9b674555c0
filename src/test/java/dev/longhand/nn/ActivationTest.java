package dev.longhand.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivationTest {

    private static final double EXACT_ENOUGH = 1e-15;

    @Test
    void byKeyFindsEveryYamlName() {
        assertEquals(List.of("relu", "linear", "sigmoid", "tanh", "leaky_relu", "gelu", "softmax"), Activation.keys());
        assertEquals(Optional.of(Activation.LEAKY_RELU), Activation.byKey("leaky_relu"));
        assertEquals(Optional.empty(), Activation.byKey("ReLU"));
    }

    @Test
    void reluKeepsPositivesAndZeroesTheRest() {
        assertEquals(2.5, Activation.RELU.apply(2.5));
        assertEquals(0.0, Activation.RELU.apply(-3));
        assertEquals(0.0, Activation.RELU.apply(0));
    }

    @Test
    void reluOfNegativeZeroIsPositiveZero() {
        // assertEquals on doubles compares bits: -0.0 would fail here.
        assertEquals(0.0, Activation.RELU.apply(-0.0));
        assertEquals(Matrix.column(0.0), Activation.RELU.apply(Matrix.column(-0.0)));
    }

    @Test
    void clampsOnlyWhereReluZeroedANegative() {
        assertTrue(Activation.RELU.clamps(-1));
        assertFalse(Activation.RELU.clamps(0));
        assertFalse(Activation.RELU.clamps(-0.0));
        assertFalse(Activation.RELU.clamps(2));
        assertFalse(Activation.LEAKY_RELU.clamps(-1));
        assertFalse(Activation.LINEAR.clamps(-1));
    }

    @Test
    void linearIsTheIdentity() {
        assertEquals(-7.25, Activation.LINEAR.apply(-7.25));
    }

    @Test
    void sigmoidOnSmallValues() {
        // 1 / (1 + e^0) = 1/2 exactly
        assertEquals(0.5, Activation.SIGMOID.apply(0));
        // 1 / (1 + e^-ln3) = 1 / (1 + 1/3) = 3/4
        assertEquals(0.75, Activation.SIGMOID.apply(Math.log(3)), EXACT_ENOUGH);
    }

    @Test
    void tanhOnSmallValues() {
        assertEquals(0.0, Activation.TANH.apply(0));
        // (e^ln2 - e^-ln2) / (e^ln2 + e^-ln2) = (2 - 1/2) / (2 + 1/2) = 0.6
        assertEquals(0.6, Activation.TANH.apply(Math.log(2)), EXACT_ENOUGH);
    }

    @Test
    void leakyReluScalesNegativesByOneHundredth() {
        assertEquals(3.0, Activation.LEAKY_RELU.apply(3));
        assertEquals(-0.02, Activation.LEAKY_RELU.apply(-2));
    }

    @Test
    void softmaxOfZeroAndLnTwoIsAThirdAndTwoThirds() {
        // e^0 : e^ln2 = 1 : 2
        Matrix a = Activation.SOFTMAX.apply(Matrix.column(0, Math.log(2)));
        assertEquals(1.0 / 3, a.get(0, 0), EXACT_ENOUGH);
        assertEquals(2.0 / 3, a.get(1, 0), EXACT_ENOUGH);
    }

    @Test
    void softmaxWorksPerSample() {
        // column 0: (0, 0) -> (1/2, 1/2); column 1: (ln3, 0) -> (3/4, 1/4)
        Matrix z = Matrix.of(new double[][] {{0, Math.log(3)}, {0, 0}});
        Matrix a = Activation.SOFTMAX.apply(z);
        assertEquals(0.5, a.get(0, 0));
        assertEquals(0.5, a.get(1, 0));
        assertEquals(0.75, a.get(0, 1), EXACT_ENOUGH);
        assertEquals(0.25, a.get(1, 1), EXACT_ENOUGH);
    }

    @Test
    void softmaxSubtractsTheMaximumSoLargeValuesDoNotOverflow() {
        // e^1000 overflows; e^(1000-1000) = 1 does not.
        assertEquals(Matrix.column(0.5, 0.5), Activation.SOFTMAX.apply(Matrix.column(1000, 1000)));
    }

    @Test
    void softmaxHasNoScalarForm() {
        assertThrows(UnsupportedOperationException.class, () -> Activation.SOFTMAX.apply(1.0));
    }

    @Test
    void reluDerivativeIsZeroAtZero() {
        // dZ = dA * relu'(z), relu'(z) = 1 for z > 0 else 0
        Matrix z = Matrix.column(0, 2, -1);
        Matrix dZ = Activation.RELU.backward(z, Activation.RELU.apply(z), Matrix.column(5, 5, 5));
        assertEquals(Matrix.column(0, 5, 0), dZ);
    }

    @Test
    void leakyReluDerivativeIsOneHundredthBelowZero() {
        Matrix z = Matrix.column(-1, 2);
        Matrix dZ = Activation.LEAKY_RELU.backward(z, Activation.LEAKY_RELU.apply(z), Matrix.column(4, 4));
        assertEquals(Matrix.column(4 * 0.01, 4), dZ);
    }

    @Test
    void sigmoidAndTanhDerivativesComeFromTheOutput() {
        // sigmoid'(0) = 0.5 * (1 - 0.5) = 0.25; with a = 0.6, tanh' = 1 - 0.36 = 0.64
        assertEquals(Matrix.column(2 * 0.25),
                Activation.SIGMOID.backward(Matrix.column(0.0), Matrix.column(0.5), Matrix.column(2.0)));
        assertEquals(Matrix.column(2 * (1 - 0.6 * 0.6)),
                Activation.TANH.backward(Matrix.column(0.7), Matrix.column(0.6), Matrix.column(2.0)));
    }

    @Test
    void linearDerivativePassesTheGradientThrough() {
        assertEquals(Matrix.column(-3.0), Activation.LINEAR.backward(Matrix.column(9.0), Matrix.column(9.0), Matrix.column(-3.0)));
    }

    @Test
    void softmaxBackwardIsTheJacobianProduct() {
        // a = (1/2, 1/2), dA = (1, 0): sum dA_j a_j = 1/2;
        // dZ = (1/2 * (1 - 1/2), 1/2 * (0 - 1/2)) = (1/4, -1/4)
        Matrix a = Matrix.column(0.5, 0.5);
        assertEquals(Matrix.column(0.25, -0.25), Activation.SOFTMAX.backward(Matrix.column(0, 0), a, Matrix.column(1, 0)));
    }
}
