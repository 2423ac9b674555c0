package dev.longhand.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LossTest {

    private static final double LN2 = 0.6931471805599453;   // ln 2 to double precision

    @Test
    void byKeyFindsEveryYamlName() {
        assertEquals(List.of("mse", "cross_entropy"), Loss.keys());
        assertEquals(Optional.of(Loss.CROSS_ENTROPY), Loss.byKey("cross_entropy"));
        assertEquals(Optional.empty(), Loss.byKey("MSE"));
    }

    @Test
    void mseIsTheMeanOverUnitsAndSamples() {
        // a = [3 1; 0 2], t = [1 2; 0 0]: (2² + (-1)² + 0² + 2²) / 4 = 9/4
        Matrix a = Matrix.of(new double[][] {{3, 1}, {0, 2}});
        Matrix t = Matrix.of(new double[][] {{1, 2}, {0, 0}});
        assertEquals(2.25, Loss.MSE.value(a, t));
    }

    @Test
    void mseGradientIsTwiceTheErrorOverTheCount() {
        // 2(a - t)/4: [2·2/4  2·(-1)/4; 0  2·2/4] = [1 -0.5; 0 1]
        Matrix a = Matrix.of(new double[][] {{3, 1}, {0, 2}});
        Matrix t = Matrix.of(new double[][] {{1, 2}, {0, 0}});
        assertEquals(Matrix.of(new double[][] {{1, -0.5}, {0, 1}}), Loss.MSE.gradient(a, t));
    }

    @Test
    void crossEntropyOfAnEvenGuessIsLnTwo() {
        // -(1·ln ½ + 0) = ln 2
        assertEquals(LN2, Loss.CROSS_ENTROPY.value(Matrix.column(0.5, 0.5), Matrix.column(1, 0)), 1e-16);
    }

    @Test
    void crossEntropyIsTheMeanOverSamples() {
        // sample 1: -ln ½ = ln 2; sample 2: -(½ ln ½ + ½ ln ½) = ln 2; mean ln 2
        Matrix a = Matrix.of(new double[][] {{0.5, 0.5}, {0.5, 0.5}});
        Matrix t = Matrix.of(new double[][] {{1, 0.5}, {0, 0.5}});
        assertEquals(LN2, Loss.CROSS_ENTROPY.value(a, t), 1e-16);
    }

    @Test
    void crossEntropyGradientIsMinusTargetOverOutputAndSamples() {
        // -t/(a·m) with m = 2: [-1/(0.5·2)  -0.5/(0.25·2); 0  -0.5/(0.5·2)] = [-1 -1; 0 -0.5]
        Matrix a = Matrix.of(new double[][] {{0.5, 0.25}, {0.5, 0.5}});
        Matrix t = Matrix.of(new double[][] {{1, 0.5}, {0, 0.5}});
        assertEquals(Matrix.of(new double[][] {{-1, -1}, {0, -0.5}}), Loss.CROSS_ENTROPY.gradient(a, t));
    }

    @Test
    void crossEntropyIgnoresZeroTargetsEvenWhereTheOutputIsZero() {
        // 0·ln 0 would be NaN; an entry with t = 0 contributes exactly 0
        Matrix a = Matrix.column(1, 0);
        Matrix t = Matrix.column(1, 0);
        assertEquals(0.0, Loss.CROSS_ENTROPY.value(a, t));
        assertEquals(Matrix.column(-1, 0), Loss.CROSS_ENTROPY.gradient(a, t));
    }

    @Test
    void crossEntropyOfASoftmaxOutputUsesTheLogSoftmaxOfZ() {
        // x = 1, W = (1, -1000): z = (1, -1000), a = (1, e^-1001) and e^-1001 rounds to 0,
        // so log(a₂) would be -∞. From z: log a₂ = (-1000 - 1) - ln(e^0 + e^-1001) = -1001 - ln 1;
        // with t = (0, 1) the loss is 1001.
        Layer softmax = Layer.withoutBias("out", Matrix.of(new double[][] {{1}, {-1000}}), Activation.SOFTMAX);
        ForwardTrace trace = new Network(List.of(softmax)).forward(Matrix.column(1.0));
        Matrix t = Matrix.column(0, 1);
        assertEquals(Double.POSITIVE_INFINITY, Loss.CROSS_ENTROPY.value(trace.output(), t));
        assertEquals(1001.0, Loss.CROSS_ENTROPY.value(trace, t));
    }

    @Test
    void lossesRejectATargetOfAnotherShape() {
        assertThrows(IllegalArgumentException.class, () -> Loss.MSE.value(Matrix.column(1, 2), Matrix.column(1.0)));
        assertThrows(IllegalArgumentException.class,
                () -> Loss.CROSS_ENTROPY.gradient(Matrix.column(1, 2), Matrix.column(1, 2, 3)));
    }
}
