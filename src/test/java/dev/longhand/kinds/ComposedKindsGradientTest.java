package dev.longhand.kinds;

import static dev.longhand.kinds.CentralDifferences.assertClose;
import static dev.longhand.kinds.CentralDifferences.gradient;
import static dev.longhand.kinds.CentralDifferences.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.longhand.kinds.activation.ActivationLayer;
import dev.longhand.kinds.dropout.Dropout;
import dev.longhand.kinds.norm.EpsilonPlacement;
import dev.longhand.kinds.norm.NormAxis;
import dev.longhand.kinds.norm.NormSettings;
import dev.longhand.kinds.norm.Normalization;
import dev.longhand.kinds.norm.VarianceMode;
import dev.longhand.nn.Activation;
import dev.longhand.nn.BackwardTrace;
import dev.longhand.nn.Layer;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The new kinds inside whole networks, between dense layers, through {@code nn.Network} and its
 * backpropagation: every parameter's gradient and the input's equal central differences of the
 * loss, with mean squared error and with softmax and cross entropy (whose shortcut starts from the
 * activation layer's logits).
 */
class ComposedKindsGradientTest {

    private static final int SAMPLES = 4;

    private static Normalization norm(Random random, NormAxis axis, int rows, NormSettings settings) {
        return new Normalization(axis, axis.type(), uniform(random, rows, 1, 0.5, 2), uniform(random, rows, 1, -1, 1), settings);
    }

    private static Network regression(Random random, NormSettings settings) {
        return new Network(List.of(
                new Layer("Dense 1", uniform(random, 4, 3, -1, 1), uniform(random, 4, 1, -1, 1), Activation.TANH),
                norm(random, NormAxis.LAYER, 4, settings),
                Dropout.seeded("Dropout", 0.25, random.nextLong(), 4, SAMPLES),
                new ActivationLayer("GELU", Activation.GELU),
                norm(random, NormAxis.BATCH, 4, settings),
                new Layer("Dense 2", uniform(random, 2, 4, -1, 1), uniform(random, 2, 1, -1, 1), Activation.LINEAR)));
    }

    private static Network classifier(Random random, NormSettings settings) {
        return new Network(List.of(
                new Layer("Dense 1", uniform(random, 4, 3, -1, 1), uniform(random, 4, 1, -1, 1), Activation.LINEAR),
                norm(random, NormAxis.BATCH, 4, settings),
                new ActivationLayer("tanh", Activation.TANH),
                Dropout.seeded("Dropout", 0.5, random.nextLong(), 4, SAMPLES),
                new Layer("Dense 2", uniform(random, 3, 4, -1, 1), uniform(random, 3, 1, -1, 1), Activation.LINEAR),
                norm(random, NormAxis.LAYER, 3, settings),
                new ActivationLayer("Softmax", Activation.SOFTMAX)));
    }

    private static List<NormSettings> everySetting() {
        List<NormSettings> all = new ArrayList<>();
        for (VarianceMode variance : VarianceMode.values()) {
            for (EpsilonPlacement placement : EpsilonPlacement.values()) {
                all.add(new NormSettings(0.01, variance, placement));
            }
        }
        return all;
    }

    @Test
    void aRegressionNetworkOfEveryKindWithMeanSquaredError() {
        Random random = new Random(61);
        for (NormSettings settings : everySetting()) {
            Network network = regression(random, settings);
            Matrix x = uniform(random, 3, SAMPLES, -2, 2);
            Matrix target = uniform(random, 2, SAMPLES, -1, 1);
            checkEveryGradient(network, x, target, Loss.MSE, settings.toString());
        }
    }

    @Test
    void aClassifierEndingInASoftmaxLayerWithCrossEntropy() {
        Random random = new Random(62);
        for (NormSettings settings : everySetting()) {
            Network network = classifier(random, settings);
            Matrix x = uniform(random, 3, SAMPLES, -2, 2);
            Matrix target = probabilities(random, 3, SAMPLES);
            checkEveryGradient(network, x, target, Loss.CROSS_ENTROPY, settings.toString());
        }
    }

    @Test
    void aTrainingStepUpdatesGammaAndBetaAndLeavesTheOtherKindsAlone() {
        Random random = new Random(63);
        Network network = regression(random, NormSettings.DEFAULT);
        Matrix x = uniform(random, 3, SAMPLES, -2, 2);
        BackwardTrace backward = network.forward(x).backward(uniform(random, 2, SAMPLES, -1, 1), Loss.MSE);
        Network after = network.step(backward, 0.1);
        Normalization before = (Normalization) network.layers().get(1);
        Normalization stepped = (Normalization) after.layers().get(1);
        Matrix dGamma = backward.layers().get(1).gradients().get("gamma");
        assertEquals(before.gamma().minus(dGamma.times(0.1)), stepped.gamma());
        assertEquals(network.layers().get(2), after.layers().get(2), "dropout keeps its mask");
        assertEquals(network.layers().get(3), after.layers().get(3), "an activation has nothing to learn");
    }

    private static void checkEveryGradient(Network network, Matrix x, Matrix target, Loss loss, String what) {
        BackwardTrace backward = network.forward(x).backward(target, loss);
        assertClose(gradient(in -> loss.value(network.forward(in), target), x),
                backward.layers().get(0).dInput(), 1e-6, what + " input");
        for (int i = 0; i < network.layers().size(); i++) {
            Stage stage = network.layers().get(i);
            for (Parameters.Entry entry : stage.parameters().entries()) {
                int index = i;
                Matrix numeric = gradient(value -> loss.value(with(network, index, entry.path(), value).forward(x), target),
                        entry.value());
                assertClose(numeric, backward.layers().get(i).gradients().get(entry.path()), 1e-6,
                        what + " layer " + (i + 1) + " (" + stage.type() + ") " + entry.path());
            }
        }
    }

    /** The network with one parameter of one layer replaced. */
    private static Network with(Network network, int index, String path, Matrix value) {
        Stage stage = network.layers().get(index);
        Parameters.Builder b = Parameters.builder();
        for (Parameters.Entry e : stage.parameters().entries()) {
            Matrix v = e.path().equals(path) ? value : e.value();
            if (e.vector()) {
                b.vector(e.path(), v);
            } else {
                b.matrix(e.path(), v);
            }
        }
        List<Stage> layers = new ArrayList<>(network.layers());
        layers.set(index, stage.withParameters(b.build()));
        return network.withLayers(layers);
    }

    /** Columns of positive numbers adding up to 1. */
    private static Matrix probabilities(Random random, int rows, int cols) {
        double[][] p = new double[rows][cols];
        for (int c = 0; c < cols; c++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                p[r][c] = 0.1 + random.nextDouble();
                sum += p[r][c];
            }
            for (int r = 0; r < rows; r++) {
                p[r][c] /= sum;
            }
        }
        return Matrix.of(p);
    }
}
