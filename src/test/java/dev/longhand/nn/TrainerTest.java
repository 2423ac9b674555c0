package dev.longhand.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** One linear unit w·x + b with w = b = 0, learning y = 1 at x = 1. */
    private static Network oneZeroUnit() {
        return new Network(List.of(Layer.withoutBias("u", Matrix.of(new double[][] {{0}}), Activation.LINEAR)));
    }

    @Test
    void lossesFallOnASimpleRegression() {
        // step 1: a = 0, loss (0-1)² = 1; dA = dZ = 2(0-1) = -2; dW = -2·1 = -2; db = -2
        //         w = 0 + 0.1·2 = 0.2, b = 0.2; then a = 0.4 and loss (0.4-1)² = 0.36
        TrainingTrace trace = Trainer.train(oneZeroUnit(), Matrix.column(1.0),
                new Training(Matrix.column(1.0), Loss.MSE, 0.1, 10));
        assertEquals(1.0, trace.losses().get(0));
        assertEquals(0.36, trace.losses().get(1), 1e-15);
        for (int i = 1; i < trace.losses().size(); i++) {
            assertTrue(trace.losses().get(i) < trace.losses().get(i - 1), "loss falls at step " + i);
        }
    }

    @Test
    void oneStepMovesWeightAndBiasAgainstTheGradient() {
        // dW = db = -2 (see above): w = 0 - 0.1·(-2) = 0.2, b = 0.2
        TrainingTrace trace = Trainer.train(oneZeroUnit(), Matrix.column(1.0),
                new Training(Matrix.column(1.0), Loss.MSE, 0.1, 1));
        Layer after = trace.after().dense(0);
        assertEquals(Matrix.of(new double[][] {{0.2}}), after.weights());
        assertEquals(Matrix.column(0.2), after.bias());
        assertEquals(List.of(1.0, (0.4 - 1) * (0.4 - 1)), trace.losses());
    }

    @Test
    void lossesHoldStepsPlusOneValues() {
        TrainingTrace trace = Trainer.train(oneZeroUnit(), Matrix.column(1.0),
                new Training(Matrix.column(1.0), Loss.MSE, 0.1, 3));
        assertEquals(4, trace.losses().size());
    }

    @Test
    void afterNStepsEqualsNExplicitSingleSteps() {
        RandomNetworks random = new RandomNetworks(3);
        Network network = random.network(new int[] {3, 4, 3}, Activation.TANH, Activation.SOFTMAX);
        Matrix input = random.matrix(3, 2);
        Matrix target = random.probabilities(3, 2);
        Training training = new Training(target, Loss.CROSS_ENTROPY, 0.5, 4);

        TrainingTrace trace = Trainer.train(network, input, training);

        Network expected = network;
        for (int step = 0; step < 4; step++) {
            BackwardTrace gradients = expected.forward(input).backward(target, Loss.CROSS_ENTROPY);
            assertEquals(gradients.loss(), trace.losses().get(step), "loss before step " + (step + 1));
            expected = expected.step(gradients, 0.5);
        }
        assertEquals(expected, trace.after());
        assertEquals(Loss.CROSS_ENTROPY.value(expected.forward(input), target), trace.losses().get(4));
    }

    @Test
    void forwardAndFirstStepDescribeTheOriginalNetwork() {
        Network network = new RandomNetworks(5).network(new int[] {2, 3, 1}, Activation.RELU, Activation.LINEAR);
        Matrix input = Matrix.of(new double[][] {{1, -1}, {2, 0.5}});
        Matrix target = Matrix.of(new double[][] {{0.5, -0.5}});
        TrainingTrace trace = Trainer.train(network, input, new Training(target, Loss.MSE, 0.1, 2));
        ForwardTrace forward = network.forward(input);
        assertEquals(forward, trace.forward());
        assertEquals(forward.backward(target, Loss.MSE), trace.firstStep());
        assertEquals(trace.firstStep().loss(), trace.losses().get(0));
    }

    @Test
    void zeroStepsLeaveTheNetworkAsItWas() {
        Network network = oneZeroUnit();
        TrainingTrace trace = Trainer.train(network, Matrix.column(1.0),
                new Training(Matrix.column(1.0), Loss.MSE, 0.1, 0));
        assertEquals(network, trace.after());
        assertEquals(List.of(1.0), trace.losses());
    }

    @Test
    void trainingRejectsNegativeStepsAndNonFiniteRates() {
        assertThrows(IllegalArgumentException.class, () -> new Training(Matrix.column(1.0), Loss.MSE, 0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Training(Matrix.column(1.0), Loss.MSE, Double.NaN, 1));
    }
}
