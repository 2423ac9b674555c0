package dev.longhand.kinds.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The attention kind's backward pass equals central finite differences of a scalar loss, for
 * every form alone and inside a network (dense → attention → dense, trained by nn's
 * backpropagation), and its hand-checkable special cases.
 */
class AttentionGradientTest {

    private static final double H = 1e-5;

    /** |analytic − numeric| ≤ 1e-6 · (1 + |analytic|): far above the finite difference's own error. */
    private static void assertNear(double analytic, double numeric, String what) {
        assertTrue(Math.abs(analytic - numeric) <= 1e-6 * (1 + Math.abs(analytic)),
                () -> what + ": backprop " + analytic + ", finite difference " + numeric);
    }

    private static Matrix random(Random random, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = (random.nextDouble() - 0.5) * 2;
            }
        }
        return Matrix.of(m);
    }

    private static Matrix nudged(Matrix m, int r, int c, double by) {
        double[][] d = m.toArrays();
        d[r][c] += by;
        return Matrix.of(d);
    }

    /** {@code parameters} with entry (r, c) of {@code path} moved by {@code by}. */
    private static Parameters nudged(Parameters parameters, String path, int r, int c, double by) {
        Parameters.Builder b = Parameters.builder();
        for (Parameters.Entry e : parameters.entries()) {
            Matrix value = e.path().equals(path) ? nudged(e.value(), r, c, by) : e.value();
            if (e.vector()) {
                b.vector(e.path(), value);
            } else {
                b.matrix(e.path(), value);
            }
        }
        return b.build();
    }

    /** L = Σ weights ⊙ a: its gradient with respect to a is {@code weights}. */
    private static double loss(Matrix a, Matrix weights) {
        double sum = 0;
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                sum += weights.get(r, c) * a.get(r, c);
            }
        }
        return sum;
    }

    private static double centralDifference(Function<Double, Double> lossAt) {
        return (lossAt.apply(H) - lossAt.apply(-H)) / (2 * H);
    }

    private static void assertGradientsOf(Attention layer, Matrix x, Random random) {
        AttentionTrace trace = layer.forward(x);
        Matrix dA = random(random, trace.a().rows(), trace.a().cols());
        AttentionGradients g = layer.backward(trace, dA);
        String form = AttentionJson.layer(layer);

        for (Parameters.Entry e : layer.parameters().entries()) {
            Matrix analytic = g.gradients().get(e.path());
            assertTrue(analytic.sameShape(e.value()), e.path() + " and its gradient have one shape");
            for (int r = 0; r < e.value().rows(); r++) {
                for (int c = 0; c < e.value().cols(); c++) {
                    int row = r;
                    int col = c;
                    double numeric = centralDifference(by -> loss(layer.withParameters(
                            nudged(layer.parameters(), e.path(), row, col, by)).forward(x).a(), dA));
                    assertNear(analytic.get(r, c), numeric, e.path() + "[" + r + "][" + c + "] of " + form);
                }
            }
        }
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                int row = r;
                int col = c;
                double numeric = centralDifference(by -> loss(layer.forward(nudged(x, row, col, by)).a(), dA));
                assertNear(g.dInput().get(r, c), numeric, "input[" + r + "][" + c + "] of " + form);
            }
        }
    }

    @Test
    void everyFormsGradientsEqualFiniteDifferences() {
        Random random = new Random(16);
        RandomAttention layers = new RandomAttention(1616);
        int[] perForm = new int[6];
        for (int i = 0; i < 120; i++) {
            int form = i % 6;
            RandomAttention.Case c = layers.next(form);
            assertGradientsOf(c.layer(), c.input(), random);
            perForm[form]++;
        }
        assertEquals(20, perForm[5]);
    }

    @Test
    void causalScaledTwoHeadLayerOfFourTokens() {
        Random random = new Random(3);
        List<AttentionHead> heads = List.of(
                new AttentionHead(random(random, 2, 3), random(random, 2, 3), random(random, 2, 3)),
                new AttentionHead(random(random, 3, 3), random(random, 3, 3), random(random, 1, 3)));
        SelfAttention layer = SelfAttention.withOutput("A", heads, random(random, 2, 3), Scale.ROOT, true);
        assertGradientsOf(layer, random(random, 3, 4), random);
    }

    @Test
    void maskedScoresGetNoGradient() {
        Random random = new Random(5);
        AttentionHead head = new AttentionHead(random(random, 2, 2), random(random, 2, 2), random(random, 2, 2));
        SelfAttention layer = SelfAttention.oneHead("A", head, Scale.ROOT, true);
        AttentionTrace trace = layer.forward(random(random, 2, 3));
        AttentionGradients g = layer.backward(trace, random(random, 2, 3));
        Matrix dScores = g.heads().get(0).dScores().orElseThrow();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, dScores.get(i, j), "key " + i + ", query " + j);
            }
        }
    }

    @Test
    void givenWeightsWithoutValuePassTheGradientBackThroughTheWeightsTransposed() {
        // z = x · W, so dx = dA · Wᵀ and dW = xᵀ · dA. x = [[1, 2]], W = [[1, 0.5], [0, 0.5]], dA = [[1, 1]]:
        // dx = [[1·1 + 1·0.5, 1·0 + 1·0.5]] = [[1.5, 0.5]]; dW = [[1·1, 1·1], [2·1, 2·1]].
        GivenWeightsAttention layer = new GivenWeightsAttention("A",
                Matrix.of(new double[][] {{1, 0.5}, {0, 0.5}}), Optional.empty());
        Matrix x = Matrix.of(new double[][] {{1, 2}});
        AttentionGradients g = layer.backward(layer.forward(x), Matrix.of(new double[][] {{1, 1}}));
        assertEquals(Matrix.of(new double[][] {{1.5, 0.5}}), g.dInput());
        assertEquals(Matrix.of(new double[][] {{1, 1}, {2, 2}}), g.gradients().get("weights"));
    }

    /** A network of a tanh dense layer, attention of every form, and a linear dense layer. */
    private static Network composed(Random random, Attention attention, int features, int hidden) {
        return new Network(List.of(
                new Layer("In", random(random, hidden, features), random(random, hidden, 1), Activation.TANH),
                attention,
                new Layer("Out", random(random, 2, attention.outputRows(hidden)), random(random, 2, 1),
                        Activation.LINEAR)));
    }

    @Test
    void denseAttentionDenseNetworkBackpropagatesThroughNnAsFiniteDifferencesSay() {
        Random random = new Random(20261206);
        int features = 3;
        int hidden = 4;
        int tokens = 4;
        List<Attention> attentions = new ArrayList<>();
        for (Scale scale : List.of(Scale.ROOT, Scale.NONE, Scale.of(0.7))) {
            List<AttentionHead> heads = List.of(
                    new AttentionHead(random(random, 2, hidden), random(random, 2, hidden), random(random, 2, hidden)),
                    new AttentionHead(random(random, 1, hidden), random(random, 1, hidden), random(random, 3, hidden)));
            attentions.add(SelfAttention.withOutput("Att", heads, random(random, 3, 5), scale, scale == Scale.ROOT));
            attentions.add(SelfAttention.oneHead("Att", heads.get(0), scale, scale != Scale.ROOT));
        }
        attentions.add(new GivenWeightsAttention("Att", random(random, tokens, tokens),
                Optional.of(random(random, 2, hidden))));
        attentions.add(new GivenWeightsAttention("Att", random(random, tokens, tokens), Optional.empty()));

        for (Attention attention : attentions) {
            Network network = composed(random, attention, features, hidden);
            Matrix input = random(random, features, tokens);
            Matrix target = random(random, 2, tokens);
            BackwardTrace backward = network.forward(input).backward(target, Loss.MSE);
            for (int s = 0; s < network.layers().size(); s++) {
                Stage stage = network.layers().get(s);
                Parameters analytic = backward.layers().get(s).gradients();
                for (Parameters.Entry e : stage.parameters().entries()) {
                    for (int r = 0; r < e.value().rows(); r++) {
                        for (int c = 0; c < e.value().cols(); c++) {
                            int index = s;
                            int row = r;
                            int col = c;
                            double numeric = centralDifference(by -> {
                                List<Stage> changed = new ArrayList<>(network.layers());
                                changed.set(index, stage.withParameters(
                                        nudged(stage.parameters(), e.path(), row, col, by)));
                                return Loss.MSE.value(network.withLayers(changed).forward(input).output(), target);
                            });
                            assertNear(analytic.get(e.path()).get(r, c), numeric, "layer " + s + " " + e.path()
                                    + "[" + r + "][" + c + "] with " + AttentionJson.layer(attention));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aTrainingStepUpdatesEveryAttentionParameter() {
        Random random = new Random(9);
        Attention attention = SelfAttention.withOutput("Att", List.of(
                new AttentionHead(random(random, 2, 4), random(random, 2, 4), random(random, 2, 4))),
                random(random, 2, 2), Scale.ROOT, true);
        Network network = composed(random, attention, 3, 4);
        Matrix input = random(random, 3, 3);
        Matrix target = random(random, 2, 3);
        BackwardTrace backward = network.forward(input).backward(target, Loss.MSE);
        Network after = network.step(backward, 0.1);
        Parameters before = network.layers().get(1).parameters();
        Parameters stepped = after.layers().get(1).parameters();
        Parameters gradients = backward.layers().get(1).gradients();
        for (Parameters.Entry e : before.entries()) {
            assertEquals(e.value().minus(gradients.get(e.path()).times(0.1)), stepped.get(e.path()), e.path());
        }
        assertTrue(Loss.MSE.value(after.forward(input).output(), target) < backward.loss(),
                "a small step down the gradient lowers the loss");
    }
}
