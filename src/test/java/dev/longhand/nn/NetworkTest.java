package dev.longhand.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static Matrix m(double[]... rows) {
        return Matrix.of(rows);
    }

    private static double[] row(double... values) {
        return values;
    }

    private static Layer layer(Matrix weights, Activation activation) {
        return Layer.withoutBias("layer", weights, activation);
    }

    @Test
    void contractExampleGivesZOneAndFour() {
        // z = [1 -1 0; 0 1 1] · (2, 1, 3) = (2 - 1 + 0, 0 + 1 + 3) = (1, 4); relu keeps both.
        // output: [1 1] · (1, 4) = 5, linear.
        Network network = new Network(List.of(
                layer(m(row(1, -1, 0), row(0, 1, 1)), Activation.RELU),
                layer(m(row(1, 1)), Activation.LINEAR)));
        ForwardTrace trace = network.forward(Matrix.column(2, 1, 3));
        assertEquals(Matrix.column(1, 4), trace.dense(0).z());
        assertEquals(Matrix.column(1, 4), trace.dense(0).a());
        assertEquals(Matrix.column(5.0), trace.output());
    }

    @Test
    void batchWithBiasComputesEverySample() {
        // samples as columns: (2,1,3), (1,0,1), (0,2,1); bias (1, -1)
        // W·X = [2-1+0  1-0+0  0-2+0]   [ 1  1 -2]    + bias  [2  2 -1]
        //       [0+1+3  0+0+1  0+2+1] = [ 4  1  3]  ------->  [3  0  2]
        // relu: [2 2 0; 3 0 2]; output [1 1]: (5, 2, 2)
        Network network = new Network(List.of(
                new Layer("Hidden", m(row(1, -1, 0), row(0, 1, 1)), Matrix.column(1, -1), Activation.RELU),
                layer(m(row(1, 1)), Activation.LINEAR)));
        Matrix x = m(row(2, 1, 0), row(1, 0, 2), row(3, 1, 1));
        ForwardTrace trace = network.forward(x);
        assertEquals(m(row(2, 2, -1), row(3, 0, 2)), trace.dense(0).z());
        assertEquals(m(row(2, 2, 0), row(3, 0, 2)), trace.dense(0).a());
        assertEquals(m(row(5, 2, 2)), trace.output());
        assertEquals(x, trace.input());
        assertEquals(x, trace.dense(0).input());
        assertEquals(trace.dense(0).a(), trace.dense(1).input());
    }

    @Test
    void classicSevenLayerNetwork() {
        // x1 = (3,4,5), x2 = (5,4,3) as columns; zero biases; relu everywhere but the linear output.
        Network network = new Network(List.of(
                layer(m(row(0, 0, 1), row(0, 1, 0), row(1, 0, 0), row(1, 1, 0), row(0, 1, 1)), Activation.RELU),
                layer(m(row(1, 1, -1, 0, 0), row(0, 0, 1, 1, -1)), Activation.RELU),
                layer(m(row(1, 1), row(1, -1), row(1, 2)), Activation.RELU),
                layer(m(row(1, -1, 0), row(0, -1, 1)), Activation.RELU),
                layer(m(row(0, 1), row(1, 0)), Activation.RELU),
                layer(m(row(1, -1), row(1, 1)), Activation.RELU),
                layer(m(row(1, -1)), Activation.LINEAR)));
        ForwardTrace trace = network.forward(m(row(3, 5), row(4, 4), row(5, 3)));

        // Layer 1 picks and adds inputs:
        //   x1: (5, 4, 3, 3+4, 4+5) = (5, 4, 3, 7, 9)   x2: (3, 4, 5, 5+4, 4+3) = (3, 4, 5, 9, 7)
        Matrix z1 = m(row(5, 3), row(4, 4), row(3, 5), row(7, 9), row(9, 7));
        assertLayer(trace, 0, z1, z1);
        // Layer 2: (a1 + a2 - a3, a3 + a4 - a5)
        //   x1: (5+4-3, 3+7-9) = (6, 1)   x2: (3+4-5, 5+9-7) = (2, 7)
        Matrix z2 = m(row(6, 2), row(1, 7));
        assertLayer(trace, 1, z2, z2);
        // Layer 3: (a1 + a2, a1 - a2, a1 + 2 a2)
        //   x1: (7, 5, 8)   x2: (9, -5, 16) -> relu clamps -5 to 0
        assertLayer(trace, 2, m(row(7, 9), row(5, -5), row(8, 16)), m(row(7, 9), row(5, 0), row(8, 16)));
        // Layer 4: (a1 - a2, -a2 + a3)
        //   x1: (7-5, -5+8) = (2, 3)   x2: (9-0, -0+16) = (9, 16)
        Matrix z4 = m(row(2, 9), row(3, 16));
        assertLayer(trace, 3, z4, z4);
        // Layer 5 swaps: x1: (3, 2)   x2: (16, 9)
        Matrix z5 = m(row(3, 16), row(2, 9));
        assertLayer(trace, 4, z5, z5);
        // Layer 6: (a1 - a2, a1 + a2): x1: (1, 5)   x2: (7, 25)
        Matrix z6 = m(row(1, 7), row(5, 25));
        assertLayer(trace, 5, z6, z6);
        // Layer 7, linear: a1 - a2: x1: 1-5 = -4   x2: 7-25 = -18
        assertLayer(trace, 6, m(row(-4, -18)), m(row(-4, -18)));
        assertEquals(m(row(-4, -18)), trace.output());

        Activation relu = trace.dense(2).layer().activation();
        assertTrue(relu.clamps(trace.dense(2).z().get(1, 1)));
        assertFalse(relu.clamps(trace.dense(2).z().get(1, 0)));
    }

    private static void assertLayer(ForwardTrace trace, int index, Matrix z, Matrix a) {
        assertEquals(z, trace.dense(index).z(), "z of layer " + (index + 1));
        assertEquals(a, trace.dense(index).a(), "a of layer " + (index + 1));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardEqualsANaiveLoopBitForBit(Activation activation) {
        for (long seed = 1; seed <= 20; seed++) {
            RandomNetworks random = new RandomNetworks(seed);
            Network network = random.network(new int[] {4, 5, 3, 2}, activation, activation);
            Matrix input = random.matrix(4, 3).times(3);
            ForwardTrace trace = network.forward(input);
            double[][] a = input.toArrays();
            for (int i = 0; i < network.layers().size(); i++) {
                Layer layer = network.dense(i);
                double[][] z = NaiveReference.weightedSums(layer.weights().toArrays(), layer.bias().column(0), a);
                a = NaiveReference.activate(activation, z);
                assertEquals(Matrix.of(z), trace.dense(i).z(), "z, seed " + seed + ", layer " + i);
                assertEquals(Matrix.of(a), trace.dense(i).a(), "a, seed " + seed + ", layer " + i);
            }
        }
    }

    @Test
    void rejectsLayersThatDoNotChain() {
        Layer threeToTwo = layer(Matrix.filled(2, 3, 1), Activation.RELU);
        assertThrows(IllegalArgumentException.class, () -> new Network(List.of(threeToTwo, threeToTwo)));
        assertThrows(IllegalArgumentException.class, () -> new Network(List.of()));
    }

    @Test
    void rejectsAnInputOfTheWrongLength() {
        Network network = new Network(List.of(layer(Matrix.filled(2, 3, 1), Activation.RELU)));
        assertThrows(IllegalArgumentException.class, () -> network.forward(Matrix.column(1, 2)));
    }

    @Test
    void keepsItsOwnCopyOfTheLayers() {
        List<Layer> layers = new ArrayList<>(List.of(layer(Matrix.filled(2, 3, 1), Activation.RELU)));
        Network network = Network.dense(layers);
        layers.add(layer(Matrix.filled(1, 2, 1), Activation.LINEAR));
        assertEquals(1, network.layers().size());
        assertThrows(UnsupportedOperationException.class, () -> network.layers().clear());
    }

    @Test
    void layerRejectsABiasOfTheWrongShape() {
        assertThrows(IllegalArgumentException.class,
                () -> new Layer("x", Matrix.filled(2, 3, 1), Matrix.column(1, 2, 3), Activation.RELU));
        assertThrows(IllegalArgumentException.class,
                () -> new Layer("x", Matrix.filled(2, 3, 1), Matrix.filled(2, 2, 0), Activation.RELU));
    }

    @Test
    void layerKnowsItsUnitsAndInputs() {
        Layer layer = layer(Matrix.filled(2, 3, 1), Activation.RELU);
        assertEquals(2, layer.units());
        assertEquals(3, layer.inputs());
    }
}
