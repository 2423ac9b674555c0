package dev.longhand.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random small networks and batches for property tests, from java.util.Random (not the code under test). */
final class RandomNetworks {

    private final Random random;

    RandomNetworks(long seed) {
        this.random = new Random(seed);
    }

    /** Entries uniform in [-1, 1). */
    Matrix matrix(int rows, int cols) {
        double[][] values = new double[rows][cols];
        for (double[] row : values) {
            for (int c = 0; c < cols; c++) {
                row[c] = 2 * random.nextDouble() - 1;
            }
        }
        return Matrix.of(values);
    }

    /** Probability columns (each sums to 1), with one zero entry in the first sample to test t = 0. */
    Matrix probabilities(int rows, int cols) {
        double[][] values = new double[rows][cols];
        for (int c = 0; c < cols; c++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                values[r][c] = c == 0 && r == 0 ? 0 : random.nextDouble() + 0.1;
                sum += values[r][c];
            }
            for (int r = 0; r < rows; r++) {
                values[r][c] /= sum;
            }
        }
        return Matrix.of(values);
    }

    /** A network with the given sizes (inputs first), the hidden activation everywhere but the output. */
    Network network(int[] sizes, Activation hidden, Activation output) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 1; i < sizes.length; i++) {
            layers.add(new Layer("Layer " + i, matrix(sizes[i], sizes[i - 1]), matrix(sizes[i], 1),
                    i == sizes.length - 1 ? output : hidden));
        }
        return Network.dense(layers);
    }
}
