package dev.longhand.bench;

import dev.longhand.nn.Activation;
import dev.longhand.nn.BackwardTrace;
import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.Layer;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward and backward pass of a 784-256-256-10 network on a batch of 64, through Longhand's
 * {@code nn} package, against the same multiply-adds as plain triple loops over {@code double[]}.
 * Multiply-adds per pass: forward 64 × (784·256 + 256·256 + 256·10) = 17,203,200; backward
 * twice that (weight gradients and the error sent back, minus the first layer's error) =
 * 51,609,600 in all. Divide a score in ns by {@link #MULTIPLY_ADDS} for ns per multiply-add.
 * Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NetworkBenchmark {

    static final int[] SIZES = {784, 256, 256, 10};
    static final int BATCH = 64;
    /** Forward (W·X) + backward (dW = δ·Aᵀ and δ_prev = Wᵀ·δ, except for the first layer). */
    public static final long MULTIPLY_ADDS = 3L * BATCH * (784 * 256 + 256 * 256 + 256 * 10) - (long) BATCH * 784 * 256;

    private Network network;
    private Matrix input;
    private Matrix target;
    private double[][][] weights;
    private double[][] x;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        Layer[] layers = new Layer[SIZES.length - 1];
        weights = new double[SIZES.length - 1][][];
        for (int l = 0; l < layers.length; l++) {
            double[][] w = new double[SIZES[l + 1]][SIZES[l]];
            for (double[] row : w) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = random.nextDouble(-0.1, 0.1);
                }
            }
            weights[l] = w;
            layers[l] = new Layer("L" + (l + 1), Matrix.of(w), Matrix.filled(SIZES[l + 1], 1, 0),
                    l == layers.length - 1 ? Activation.LINEAR : Activation.RELU);
        }
        network = new Network(List.of(layers));
        x = new double[SIZES[0]][BATCH];
        for (double[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextDouble();
            }
        }
        input = Matrix.of(x);
        target = Matrix.filled(10, BATCH, 0.5);
    }

    @Benchmark
    public BackwardTrace longhandForwardBackward() {
        ForwardTrace forward = network.forward(input);
        return forward.backward(target, Loss.MSE);
    }

    /** The same multiply-adds as plain i-k-j loops over double[][] (ReLU, MSE, no allocation tricks). */
    @Benchmark
    public double plainLoops() {
        int layers = weights.length;
        double[][][] a = new double[layers + 1][][];
        a[0] = x;
        for (int l = 0; l < layers; l++) {
            double[][] w = weights[l];
            double[][] z = multiply(w, a[l]);
            if (l < layers - 1) {
                for (double[] row : z) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = Math.max(0, row[j]);
                    }
                }
            }
            a[l + 1] = z;
        }
        double[][] delta = new double[10][BATCH];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < BATCH; j++) {
                delta[i][j] = 2 * (a[layers][i][j] - 0.5) / (10.0 * BATCH);
            }
        }
        double sum = 0;
        for (int l = layers - 1; l >= 0; l--) {
            double[][] dw = multiplyTransposedRight(delta, a[l]);
            sum += dw[0][0];
            if (l > 0) {
                double[][] back = multiplyTransposedLeft(weights[l], delta);
                for (int i = 0; i < back.length; i++) {
                    for (int j = 0; j < BATCH; j++) {
                        if (a[l][i][j] <= 0) {
                            back[i][j] = 0;
                        }
                    }
                }
                delta = back;
            }
        }
        return sum;
    }

    private static double[][] multiply(double[][] left, double[][] right) {
        int n = left.length;
        int inner = right.length;
        int m = right[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] o = out[i];
            for (int k = 0; k < inner; k++) {
                double v = left[i][k];
                double[] r = right[k];
                for (int j = 0; j < m; j++) {
                    o[j] += v * r[j];
                }
            }
        }
        return out;
    }

    /** left · rightᵀ. */
    private static double[][] multiplyTransposedRight(double[][] left, double[][] right) {
        double[][] out = new double[left.length][right.length];
        for (int i = 0; i < left.length; i++) {
            for (int j = 0; j < right.length; j++) {
                double s = 0;
                double[] l = left[i];
                double[] r = right[j];
                for (int k = 0; k < l.length; k++) {
                    s += l[k] * r[k];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    /** leftᵀ · right. */
    private static double[][] multiplyTransposedLeft(double[][] left, double[][] right) {
        int m = right[0].length;
        double[][] out = new double[left[0].length][m];
        for (int k = 0; k < left.length; k++) {
            double[] r = right[k];
            for (int i = 0; i < left[0].length; i++) {
                double v = left[k][i];
                double[] o = out[i];
                for (int j = 0; j < m; j++) {
                    o[j] += v * r[j];
                }
            }
        }
        return out;
    }
}
