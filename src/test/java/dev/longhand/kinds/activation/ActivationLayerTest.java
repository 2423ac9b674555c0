package dev.longhand.kinds.activation;

import static dev.longhand.kinds.CentralDifferences.assertClose;
import static dev.longhand.kinds.CentralDifferences.gradient;
import static dev.longhand.kinds.CentralDifferences.uniform;
import static dev.longhand.kinds.CentralDifferences.weightedSum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.LayerGradients;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivationLayerTest {

    private static Matrix m(double[]... rows) {
        return Matrix.of(rows);
    }

    private static double[] row(double... values) {
        return values;
    }

    @Test
    void reluClampsNegativeEntriesAndPassesTheGradientWhereTheInputWasPositive() {
        ActivationLayer relu = new ActivationLayer("ReLU", Activation.RELU);
        ActivationTrace t = relu.forward(m(row(-1, 2), row(3, -4)));
        assertEquals(m(row(0, 2), row(3, 0)), t.a());
        assertEquals(m(row(0, 5), row(6, 0)), relu.backward(t, m(row(7, 5), row(6, 8))).dInput());
    }

    @Test
    void softmaxWorksOnEachColumn() {
        // column 0 (0, 0): e = (1, 1), s = 2, a = (0.5, 0.5); column 1 (5, 5): the same after subtracting 5;
        // column 2 (ln 3, 0): e = (1, exp(-ln 3)) = (1, 1/3), s = 4/3, a = (0.75, 0.25) up to the rounding of ln 3
        ActivationLayer softmax = new ActivationLayer("Softmax", Activation.SOFTMAX);
        ActivationTrace t = softmax.forward(m(row(0, 5, Math.log(3)), row(0, 5, 0)));
        assertEquals(0.5, t.a().get(0, 0));
        assertEquals(0.5, t.a().get(1, 1));
        assertEquals(0.75, t.a().get(0, 2), 1e-15);
        assertEquals(0.25, t.a().get(1, 2), 1e-15);
        assertTrue(softmax.endsInSoftmax());
        assertEquals(Activation.SOFTMAX, softmax.finalActivation());
        assertSame(t.input(), t.logits());
    }

    @Test
    void geluOfZeroAndOfLargeNumbers() {
        // GELU(0) = 0; GELU(z) → z for large z, → 0 for very negative z
        ActivationTrace t = new ActivationLayer("GELU", Activation.GELU).forward(m(row(0, 10, -10)));
        assertEquals(0.0, t.a().get(0, 0));
        assertEquals(10.0, t.a().get(0, 1), 1e-12);
        assertEquals(0.0, t.a().get(0, 2), 1e-12);
    }

    @Test
    void itComputesWhatADenseLayersActivationStepComputesBitForBit() {
        Random random = new Random(3);
        for (Activation f : Activation.values()) {
            Layer linear = new Layer("L", uniform(random, 3, 2, -2, 2), uniform(random, 3, 1, -1, 1), Activation.LINEAR);
            Layer dense = new Layer("D", linear.weights(), linear.bias(), f);
            Matrix x = uniform(random, 2, 4, -2, 2);
            Matrix dA = uniform(random, 3, 4, -1, 1);
            LayerTrace denseTrace = dense.forward(x);
            ActivationLayer alone = new ActivationLayer("F", f);
            ActivationTrace t = alone.forward(linear.forward(x).a());
            assertEquals(denseTrace.a(), t.a(), f.key());
            LayerGradients denseGradients = dense.backward(denseTrace, dA);
            assertEquals(denseGradients.dZ(), alone.backward(t, dA).dInput(), f.key());
        }
    }

    @Test
    void gradientsEqualCentralDifferences() {
        Random random = new Random(8);
        for (Activation f : Activation.values()) {
            for (int trial = 0; trial < 5; trial++) {
                ActivationLayer layer = new ActivationLayer("F", f);
                int rows = 1 + random.nextInt(4);
                int cols = 1 + random.nextInt(4);
                Matrix x = uniform(random, rows, cols, -3, 3);
                Matrix weights = uniform(random, rows, cols, -1, 1);
                assertClose(gradient(in -> weightedSum(layer.forward(in).a(), weights), x),
                        layer.backward(layer.forward(x), weights).dInput(), 1e-7, f.key());
            }
        }
    }

    @Test
    void fromTheLogitsTheInputGradientIsTheGivenOne() {
        ActivationLayer softmax = new ActivationLayer("S", Activation.SOFTMAX);
        ActivationTrace t = softmax.forward(m(row(1, 2), row(3, 4)));
        Matrix dLogits = m(row(0.1, -0.2), row(-0.1, 0.2));
        ActivationGradients g = softmax.backwardFromLogits(t, m(row(9, 9), row(9, 9)), dLogits);
        assertEquals(dLogits, g.dInput());
        assertEquals(m(row(9, 9), row(9, 9)), g.dA());
        ActivationLayer tanh = new ActivationLayer("T", Activation.TANH);
        assertFalse(tanh.endsInSoftmax());
        ActivationTrace tt = tanh.forward(m(row(1)));
        assertThrows(UnsupportedOperationException.class, () -> tanh.backwardFromLogits(tt, m(row(1)), m(row(1))));
        assertThrows(UnsupportedOperationException.class, tt::logits);
    }

    @Test
    void anyNumberOfRowsAndNoParameters() {
        ActivationLayer layer = new ActivationLayer("F", Activation.SIGMOID);
        assertEquals("activation", layer.type());
        assertEquals(-1, layer.inputRows());
        assertEquals(7, layer.outputRows(7));
        assertEquals(Parameters.NONE, layer.parameters());
        assertSame(layer, layer.withParameters(Parameters.NONE));
        assertTrue(layer.backward(layer.forward(m(row(1))), m(row(1))).gradients().isEmpty());
    }
}
