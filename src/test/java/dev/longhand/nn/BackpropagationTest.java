package dev.longhand.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackpropagationTest {

    private static Matrix m(double[]... rows) {
        return Matrix.of(rows);
    }

    private static double[] row(double... values) {
        return values;
    }

    /** x = (1, 2); hidden relu W1 = [1 1; 1 -1], b1 = 0; output linear W2 = [2 1], b2 = 1; target 5. */
    private static Network smallIntegerNetwork() {
        return new Network(List.of(
                Layer.withoutBias("Hidden", m(row(1, 1), row(1, -1)), Activation.RELU),
                new Layer("Output", m(row(2, 1)), Matrix.column(1.0), Activation.LINEAR)));
    }

    @Test
    void handWorkedReluNetworkWithMse() {
        // forward: z1 = (1+2, 1-2) = (3, -1), a1 = (3, 0); z2 = 2·3 + 1·0 + 1 = 7
        // loss (7 - 5)² / 1 = 4;  dA2 = 2(7 - 5)/1 = 4;  dZ2 = 4 (linear)
        // dW2 = dZ2 · a1ᵀ = [4·3  4·0] = [12 0];  db2 = 4
        // dA1 = W2ᵀ · dZ2 = (2·4, 1·4) = (8, 4);  dZ1 = (8·1, 4·0) = (8, 0)  (relu'(-1) = 0)
        // dW1 = dZ1 · xᵀ = [8·1 8·2; 0·1 0·2] = [8 16; 0 0];  db1 = (8, 0)
        ForwardTrace forward = smallIntegerNetwork().forward(Matrix.column(1, 2));
        BackwardTrace backward = forward.backward(Matrix.column(5.0), Loss.MSE);

        assertEquals(4.0, backward.loss());
        LayerGradients output = backward.dense(1);
        assertEquals(Matrix.column(4.0), output.dA());
        assertEquals(Matrix.column(4.0), output.dZ());
        assertEquals(m(row(12, 0)), output.dW());
        assertEquals(Matrix.column(4.0), output.db());
        LayerGradients hidden = backward.dense(0);
        assertEquals(Matrix.column(8, 4), hidden.dA());
        assertEquals(Matrix.column(8, 0), hidden.dZ());
        assertEquals(m(row(8, 16), row(0, 0)), hidden.dW());
        assertEquals(Matrix.column(8, 0), hidden.db());
    }

    @Test
    void handWorkedStepSubtractsTheScaledGradients() {
        // η = 0.25: W1 - η dW1 = [1-2 1-4; 1-0 -1-0] = [-1 -3; 1 -1];  b1 = (0-2, 0-0) = (-2, 0)
        //           W2 - η dW2 = [2-3 1-0] = [-1 1];  b2 = 1 - 1 = 0
        Network network = smallIntegerNetwork();
        BackwardTrace backward = network.forward(Matrix.column(1, 2)).backward(Matrix.column(5.0), Loss.MSE);
        Network after = network.step(backward, 0.25);
        assertEquals(m(row(-1, -3), row(1, -1)), after.dense(0).weights());
        assertEquals(Matrix.column(-2, 0), after.dense(0).bias());
        assertEquals(m(row(-1, 1)), after.dense(1).weights());
        assertEquals(Matrix.column(0.0), after.dense(1).bias());
    }

    @Test
    void handWorkedBatchAddsTheSamplesUp() {
        // one linear unit, W = [1 1], b = 0; samples (1, 0) and (0, 2) with targets 3 and 2
        // a = (1, 2); loss ((1-3)² + (2-2)²)/2 = 2;  dZ = dA = 2(a - t)/2 = (-2, 0)
        // dW = dZ · Xᵀ = [-2·1 + 0·0   -2·0 + 0·2] = [-2 0];  db = -2 + 0 = -2
        Network network = new Network(List.of(Layer.withoutBias("u", m(row(1, 1)), Activation.LINEAR)));
        BackwardTrace backward = network.forward(m(row(1, 0), row(0, 2))).backward(m(row(3, 2)), Loss.MSE);
        assertEquals(2.0, backward.loss());
        assertEquals(m(row(-2, 0)), backward.dense(0).dZ());
        assertEquals(m(row(-2, 0)), backward.dense(0).dW());
        assertEquals(Matrix.column(-2.0), backward.dense(0).db());
    }

    @Test
    void handWorkedSoftmaxWithCrossEntropy() {
        // x = (1, 2), W = [1 0; 0 0.5]: z = (1, 1), a = (½, ½); t = (1, 0), m = 1
        // loss = -log a₁ = -((1 - 1) - ln 2) = ln 2
        // dZ = (a·Σt - t)/m = (½ - 1, ½ - 0) = (-½, ½)
        // dW = dZ · xᵀ = [-½ -1; ½ 1];  db = (-½, ½)
        Network network = new Network(List.of(
                Layer.withoutBias("Output", m(row(1, 0), row(0, 0.5)), Activation.SOFTMAX)));
        BackwardTrace backward = network.forward(Matrix.column(1, 2)).backward(Matrix.column(1, 0), Loss.CROSS_ENTROPY);
        assertEquals(0.6931471805599453, backward.loss(), 1e-16);
        LayerGradients g = backward.dense(0);
        assertEquals(Matrix.column(-2, 0), g.dA());   // -t/(a·m) = (-1/½, 0)
        assertEquals(Matrix.column(-0.5, 0.5), g.dZ());
        assertEquals(m(row(-0.5, -1), row(0.5, 1)), g.dW());
        assertEquals(Matrix.column(-0.5, 0.5), g.db());
    }

    @Test
    void gradientsAreListedInForwardOrder() {
        Network network = new RandomNetworks(7).network(new int[] {3, 4, 2}, Activation.TANH, Activation.LINEAR);
        BackwardTrace backward = network.forward(Matrix.column(1, 2, 3)).backward(Matrix.column(0, 1), Loss.MSE);
        assertEquals(2, backward.layers().size());
        assertEquals(network.dense(0).weights().shape(), backward.dense(0).dW().shape());
        assertEquals(network.dense(1).weights().shape(), backward.dense(1).dW().shape());
    }

    @Test
    void rejectsATargetOfTheWrongShape() {
        ForwardTrace forward = smallIntegerNetwork().forward(Matrix.column(1, 2));
        assertThrows(IllegalArgumentException.class, () -> forward.backward(Matrix.column(1, 2), Loss.MSE));
    }

    static Stream<Arguments> activationsAndLosses() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            cases.add(Arguments.of(activation, Loss.MSE));
            cases.add(Arguments.of(activation, Loss.CROSS_ENTROPY));
        }
        return cases.stream();
    }

    /**
     * Central differences (L(θ + h) − L(θ − h)) / 2h of the loss, for every weight and bias,
     * against the backward pass. Cross entropy always has a softmax output, as the contract says;
     * MSE uses the activation under test for the output too. Networks whose z comes within 0.01
     * of the ReLU kink are skipped, since a derivative does not exist there.
     */
    @ParameterizedTest
    @MethodSource("activationsAndLosses")
    void gradientsEqualCentralFiniteDifferences(Activation activation, Loss loss) {
        int checked = 0;
        for (long seed = 1; checked < 5; seed++) {
            RandomNetworks random = new RandomNetworks(seed);
            int outputs = 3;
            Activation output = loss == Loss.CROSS_ENTROPY ? Activation.SOFTMAX : activation;
            Network network = random.network(new int[] {3, 4, 3, outputs}, activation, output);
            Matrix input = random.matrix(3, 4).times(2);
            Matrix target = loss == Loss.CROSS_ENTROPY ? random.probabilities(outputs, 4) : random.matrix(outputs, 4);
            ForwardTrace forward = network.forward(input);
            if (nearAKink(forward)) {
                continue;
            }
            BackwardTrace backward = forward.backward(target, loss);
            assertEquals(loss.value(forward, target), backward.loss());
            Function<Network, Double> lossOf = n -> loss.value(n.forward(input), target);
            for (int l = 0; l < network.layers().size(); l++) {
                LayerGradients g = backward.dense(l);
                assertNumericallyEqual(g.dW(), numericWeightGradient(network, l, lossOf), "dW of layer " + l);
                assertNumericallyEqual(g.db(), numericBiasGradient(network, l, lossOf), "db of layer " + l);
            }
            checked++;
        }
    }

    private static final double H = 1e-5;

    private static boolean nearAKink(ForwardTrace forward) {
        return forward.denseLayers().stream().anyMatch(trace -> {
            double[][] z = trace.z().toArrays();
            for (double[] zRow : z) {
                for (double v : zRow) {
                    if (Math.abs(v) < 0.01) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    private static Matrix numericWeightGradient(Network network, int l, Function<Network, Double> lossOf) {
        Layer layer = network.dense(l);
        double[][] w = layer.weights().toArrays();
        double[][] grad = new double[w.length][w[0].length];
        for (int r = 0; r < w.length; r++) {
            for (int c = 0; c < w[0].length; c++) {
                double[][] plus = layer.weights().toArrays();
                double[][] minus = layer.weights().toArrays();
                plus[r][c] += H;
                minus[r][c] -= H;
                double up = lossOf.apply(replace(network, l, layer.withParameters(Matrix.of(plus), layer.bias())));
                double down = lossOf.apply(replace(network, l, layer.withParameters(Matrix.of(minus), layer.bias())));
                grad[r][c] = (up - down) / (2 * H);
            }
        }
        return Matrix.of(grad);
    }

    private static Matrix numericBiasGradient(Network network, int l, Function<Network, Double> lossOf) {
        Layer layer = network.dense(l);
        double[] b = layer.bias().column(0);
        double[] grad = new double[b.length];
        for (int r = 0; r < b.length; r++) {
            double[] plus = b.clone();
            double[] minus = b.clone();
            plus[r] += H;
            minus[r] -= H;
            double up = lossOf.apply(replace(network, l, layer.withParameters(layer.weights(), Matrix.column(plus))));
            double down = lossOf.apply(replace(network, l, layer.withParameters(layer.weights(), Matrix.column(minus))));
            grad[r] = (up - down) / (2 * H);
        }
        return Matrix.column(grad);
    }

    private static Network replace(Network network, int index, Layer layer) {
        List<Stage> layers = new ArrayList<>(network.layers());
        layers.set(index, layer);
        return network.withLayers(layers);
    }

    private static void assertNumericallyEqual(Matrix analytic, Matrix numeric, String what) {
        assertEquals(analytic.shape(), numeric.shape(), what);
        for (int r = 0; r < analytic.rows(); r++) {
            for (int c = 0; c < analytic.cols(); c++) {
                double a = analytic.get(r, c);
                double n = numeric.get(r, c);
                assertTrue(Math.abs(a - n) <= 1e-6 * Math.abs(a) + 1e-8,
                        what + " [" + r + "][" + c + "]: backprop " + a + ", finite difference " + n);
            }
        }
    }
}
