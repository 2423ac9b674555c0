package dev.longhand.kinds.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.nn.Matrix;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The attention kind's forward pass against numbers worked out by hand. */
class AttentionForwardTest {

    private static final double E1 = Math.exp(-1);
    private static final double E2 = Math.exp(-2);

    private static Matrix m(double[]... rows) {
        return Matrix.of(rows);
    }

    private static double[] row(double... values) {
        return values;
    }

    private static final Matrix IDENTITY = m(row(1, 0), row(0, 1));

    /** Three tokens of two features: x0 = (1, 0), x1 = (0, 1), x2 = (1, 1), the columns. */
    private static final Matrix X = m(row(1, 0, 1), row(0, 1, 1));

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, 1e-15, () -> "expected " + expected + ", got " + actual);
    }

    private static void assertColumnsSumToOne(Matrix w) {
        for (int c = 0; c < w.cols(); c++) {
            double sum = 0;
            for (int r = 0; r < w.rows(); r++) {
                sum += w.get(r, c);
            }
            assertClose(1.0, sum);
        }
    }

    @Test
    void oneHeadWithIdentityProjectionsScoresEachPairOfTokensByTheirDotProduct() {
        // Q = K = V = X. scores = Kᵀ·Q, entry (key i, query j) = x_i · x_j, no scaling:
        //   x0·x0 = 1  x0·x1 = 0  x0·x2 = 1
        //   x1·x0 = 0  x1·x1 = 1  x1·x2 = 1
        //   x2·x0 = 1  x2·x1 = 1  x2·x2 = 2
        SelfAttention layer = SelfAttention.oneHead("Attention", new AttentionHead(IDENTITY, IDENTITY, IDENTITY),
                Scale.NONE, false);
        AttentionTrace trace = layer.forward(X);
        HeadTrace.Scored head = (HeadTrace.Scored) trace.heads().get(0);

        assertEquals(X, head.q());
        assertEquals(X, head.k());
        assertEquals(X, head.v());
        assertEquals(m(row(1, 0, 1), row(0, 1, 1), row(1, 1, 2)), head.scores());

        // Column 0, scores (1, 0, 1), max 1: e = (1, e⁻¹, 1), sum 2 + e⁻¹.
        // Column 1, scores (0, 1, 1), max 1: e = (e⁻¹, 1, 1), sum 2 + e⁻¹.
        // Column 2, scores (1, 1, 2), max 2: e = (e⁻¹, e⁻¹, 1), sum 1 + 2e⁻¹.
        double s01 = 2 + E1;
        double s2 = 1 + 2 * E1;
        double[][] w = {{1 / s01, E1 / s01, E1 / s2}, {E1 / s01, 1 / s01, E1 / s2}, {1 / s01, 1 / s01, 1 / s2}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertClose(w[r][c], head.weights().get(r, c));
            }
        }
        assertColumnsSumToOne(head.weights());

        // z = V·weights: token j's output is Σ_i w[i][j] · x_i, so z[0][j] = w0j + w2j, z[1][j] = w1j + w2j.
        for (int j = 0; j < 3; j++) {
            assertClose(w[0][j] + w[2][j], head.z().get(0, j));
            assertClose(w[1][j] + w[2][j], head.z().get(1, j));
        }
        assertEquals(head.z(), trace.a(), "one head without output: a = z");
        assertEquals(head.z(), trace.stacked());
    }

    @Test
    void scaleTrueDividesByTheRootOfTheKeySize() {
        // d_k = 4: query = key repeat each feature twice, so kᵀ·q = 2 (x_i·x_j), and 1/√4 = 0.5
        // brings it back to x_i·x_j, exactly.
        Matrix twice = m(row(1, 0), row(0, 1), row(1, 0), row(0, 1));
        SelfAttention layer = SelfAttention.oneHead("A", new AttentionHead(twice, twice, IDENTITY), Scale.ROOT, false);
        HeadTrace.Scored head = (HeadTrace.Scored) layer.forward(X).heads().get(0);
        assertEquals(m(row(1, 0, 1), row(0, 1, 1), row(1, 1, 2)), head.scores());
    }

    @Test
    void aGivenScaleMultipliesEveryScore() {
        SelfAttention layer = SelfAttention.oneHead("A", new AttentionHead(IDENTITY, IDENTITY, IDENTITY),
                Scale.of(0.25), false);
        HeadTrace.Scored head = (HeadTrace.Scored) layer.forward(X).heads().get(0);
        assertEquals(m(row(0.25, 0, 0.25), row(0, 0.25, 0.25), row(0.25, 0.25, 0.5)), head.scores());
    }

    @Test
    void causalMaskHidesLaterKeysAndGivesThemWeightZero() {
        // The scores above with key i hidden from query j for i > j (below the diagonal):
        //   1   0   1
        //   −∞  1   1
        //   −∞  −∞  2
        // Column 0: only key 0, weight exactly 1, so z column 0 = x0 = (1, 0).
        // Column 1: (0, 1), max 1: (e⁻¹, 1) / (1 + e⁻¹).
        // Column 2: (1, 1, 2), max 2: (e⁻¹, e⁻¹, 1) / (1 + 2e⁻¹).
        SelfAttention layer = SelfAttention.oneHead("Attention", new AttentionHead(IDENTITY, IDENTITY, IDENTITY),
                Scale.NONE, true);
        AttentionTrace trace = layer.forward(X);
        HeadTrace.Scored head = (HeadTrace.Scored) trace.heads().get(0);
        double inf = Double.NEGATIVE_INFINITY;
        assertEquals(m(row(1, 0, 1), row(inf, 1, 1), row(inf, inf, 2)), head.scores());
        assertTrue(head.masked(2, 0) && head.masked(1, 0) && head.masked(2, 1));
        assertFalse(head.masked(0, 2) || head.masked(1, 1));

        Matrix w = head.weights();
        assertEquals(1.0, w.get(0, 0));
        assertEquals(0.0, w.get(1, 0));
        assertEquals(0.0, w.get(2, 0));
        assertEquals(0.0, w.get(2, 1));
        assertClose(E1 / (1 + E1), w.get(0, 1));
        assertClose(1 / (1 + E1), w.get(1, 1));
        assertClose(E1 / (1 + 2 * E1), w.get(0, 2));
        assertClose(1 / (1 + 2 * E1), w.get(2, 2));
        assertColumnsSumToOne(w);
        assertEquals(1.0, trace.a().get(0, 0));
        assertEquals(0.0, trace.a().get(1, 0));
    }

    @Test
    void givenUniformWeightsAverageTheTokens() {
        // Two tokens (2, 6) and (4, 0); every weight 1/2: each output column is their mean (3, 3).
        Matrix x = m(row(2, 4), row(6, 0));
        Matrix half = m(row(0.5, 0.5), row(0.5, 0.5));
        AttentionTrace trace = new GivenWeightsAttention("A", half, Optional.empty()).forward(x);
        HeadTrace.Given head = (HeadTrace.Given) trace.heads().get(0);
        assertEquals(x, head.v(), "without value, V = X");
        assertEquals(half, head.weights());
        assertEquals(m(row(3, 3), row(3, 3)), head.z());
        assertEquals(head.z(), trace.a());
    }

    @Test
    void givenWeightsWithAValueProjectionMixTheProjectedTokens() {
        // value = [1 1]: v = (2 + 6, 4 + 0) = (8, 4); with weights [[1, 1/2], [0, 1/2]]:
        // z column 0 = 8·1 + 4·0 = 8, column 1 = 8·1/2 + 4·1/2 = 6.
        Matrix x = m(row(2, 4), row(6, 0));
        GivenWeightsAttention layer = new GivenWeightsAttention("A", m(row(1, 0.5), row(0, 0.5)),
                Optional.of(m(row(1, 1))));
        AttentionTrace trace = layer.forward(x);
        assertEquals(m(row(8, 4)), trace.heads().get(0).v());
        assertEquals(m(row(8, 6)), trace.a());
        assertEquals(1, layer.outputRows(2));
        assertEquals(-1, layer.outputRows(3));
    }

    @Test
    void twoHeadsAreStackedAndProjectedByTheOutput() {
        // scale 2 for both heads.
        // Head 1: identity projections, scores 2 (x_i·x_j) = [[2 0 2] [0 2 2] [2 2 4]].
        // Head 2: query = key = [1 0] (feature 0 alone), value = [0 1] (feature 1 alone):
        //   q = k = (1, 0, 1), scores 2 k_i q_j = [[2 0 2] [0 0 0] [2 0 2]], v = (0, 1, 1).
        // stacked = (z1 row 0, z1 row 1, z2 row 0); output [[1 0 1] [0 1 −1]]:
        //   a row 0 = z1[0] + z2[0], a row 1 = z1[1] − z2[0].
        AttentionHead one = new AttentionHead(IDENTITY, IDENTITY, IDENTITY);
        AttentionHead two = new AttentionHead(m(row(1, 0)), m(row(1, 0)), m(row(0, 1)));
        Matrix output = m(row(1, 0, 1), row(0, 1, -1));
        SelfAttention layer = SelfAttention.withOutput("A", List.of(one, two), output, Scale.of(2), false);
        AttentionTrace trace = layer.forward(X);

        HeadTrace.Scored h1 = (HeadTrace.Scored) trace.heads().get(0);
        HeadTrace.Scored h2 = (HeadTrace.Scored) trace.heads().get(1);
        assertEquals(m(row(2, 0, 2), row(0, 2, 2), row(2, 2, 4)), h1.scores());
        assertEquals(m(row(2, 0, 2), row(0, 0, 0), row(2, 0, 2)), h2.scores());
        assertEquals(m(row(0, 1, 1)), h2.v());

        // Head 2, column 0: scores (2, 0, 2), max 2: e = (1, e⁻², 1), sum 2 + e⁻²;
        // column 1: all 0, weights 1/3 each; column 2 as column 0.
        double s = 2 + E2;
        assertClose(1 / s, h2.weights().get(0, 0));
        assertClose(E2 / s, h2.weights().get(1, 0));
        assertClose(1.0 / 3, h2.weights().get(1, 1));
        // z2 = v·weights: column j = w1j + w2j.
        assertClose(E2 / s + 1 / s, h2.z().get(0, 0));
        assertClose(2.0 / 3, h2.z().get(0, 1));

        Matrix z1 = h1.z();
        Matrix z2 = h2.z();
        assertEquals(m(row(z1.get(0, 0), z1.get(0, 1), z1.get(0, 2)), row(z1.get(1, 0), z1.get(1, 1), z1.get(1, 2)),
                row(z2.get(0, 0), z2.get(0, 1), z2.get(0, 2))), trace.stacked(), "first head on top");
        for (int j = 0; j < 3; j++) {
            assertClose(h1.z().get(0, j) + h2.z().get(0, j), trace.a().get(0, j));
            assertClose(h1.z().get(1, j) - h2.z().get(0, j), trace.a().get(1, j));
        }
        assertEquals(2, layer.outputRows(2));
        assertEquals(2, layer.inputRows());
    }

    @Test
    void severalHeadsWithoutOutputGiveTheStackedZAsTheReferenceDoes() {
        AttentionHead one = new AttentionHead(IDENTITY, IDENTITY, IDENTITY);
        AttentionHead two = new AttentionHead(m(row(1, 0)), m(row(1, 0)), m(row(0, 1)));
        SelfAttention layer = new SelfAttention("A", List.of(one, two), Optional.empty(), Scale.NONE, false);
        AttentionTrace trace = layer.forward(X);
        assertEquals(3, layer.outputRows(2));
        assertEquals(trace.stacked(), trace.a());
        assertEquals(3, trace.a().rows());
    }

    @Test
    void parametersAreNamedByTheirTracePaths() {
        AttentionHead one = new AttentionHead(IDENTITY, IDENTITY, IDENTITY);
        AttentionHead two = new AttentionHead(m(row(1, 0)), m(row(1, 0)), m(row(0, 1)));
        SelfAttention layer = SelfAttention.withOutput("A", List.of(one, two), m(row(1, 0, 1)), Scale.ROOT, true);
        assertEquals(List.of("heads.0.query", "heads.0.key", "heads.0.value", "heads.1.query", "heads.1.key",
                "heads.1.value", "output"), layer.parameters().entries().stream().map(e -> e.path()).toList());
        assertEquals(layer, layer.withParameters(layer.parameters()));
        GivenWeightsAttention given = new GivenWeightsAttention("B", IDENTITY, Optional.of(m(row(1, 1))));
        assertEquals(List.of("weights", "value"),
                given.parameters().entries().stream().map(e -> e.path()).toList());
        assertEquals(given, given.withParameters(given.parameters()));
        assertEquals("attention", given.type());
    }

    @Test
    void shapeMistakesAreRefusedWithTheShapes() {
        Matrix q2 = m(row(1, 0), row(0, 1));
        assertMessage("query is 2×2 but key is 1×2", () -> new AttentionHead(q2, m(row(1, 0)), q2));
        assertMessage("value has 3 columns but query has 2", () -> new AttentionHead(q2, q2, m(row(1, 0, 0))));
        AttentionHead two = new AttentionHead(q2, q2, q2);
        AttentionHead three = new AttentionHead(m(row(1, 0, 0)), m(row(1, 0, 0)), m(row(1, 0, 0)));
        assertMessage("head 2 takes 3 features but head 1 takes 2",
                () -> new SelfAttention("A", List.of(two, three), Optional.empty(), Scale.ROOT, false));
        assertMessage("output has 2 columns but the heads' values stack to 4 rows",
                () -> SelfAttention.withOutput("A", List.of(two, two), q2, Scale.ROOT, false));
        assertMessage("weights are 2×3", () -> new GivenWeightsAttention("A", m(row(1, 0, 0), row(0, 1, 0)),
                Optional.empty()));
        assertMessage("weights are 2×2 but there are 3 tokens",
                () -> new GivenWeightsAttention("A", q2, Optional.empty()).forward(X));
        SelfAttention layer = SelfAttention.oneHead("A", two, Scale.ROOT, false);
        assertEquals(-1, layer.outputRows(3));
        assertMessage("takes 2 features per token, not 1", () -> layer.forward(m(row(1, 2, 3))));
        assertThrows(IllegalArgumentException.class, () -> Scale.of(Double.NaN));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, code);
        assertTrue(e.getMessage().contains(part), () -> "\"" + e.getMessage() + "\" should say \"" + part + "\"");
    }
}
