package dev.longhand.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.SourceText;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Trainer;
import dev.longhand.nn.TrainingTrace;
import dev.longhand.spec.BlockSource;
import dev.longhand.spec.MlpSpec;
import dev.longhand.spec.SpecReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lessons' blocks against the contract's reference: attention (one head, two causal heads
 * with the output projection) and a whole transformer block, read from a block as an author writes it and trained one step:
 * attention + residual, layer norm, a GELU feed-forward + residual, layer norm. The expected
 * numbers are the contract's reference (network.py, with its finite-difference gradients for the
 * step), computed independently of this code; the reference's gradients are good to about 9
 * digits, so the step is compared to 1e-8.
 */
class TransformerBlockTest {

    static final String BLOCK = """
            input: [[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 2]]
            target: [[1, 0, -1], [-1, 1, 0], [1, 0, -1], [0, -1, 1]]
            learning_rate: 0.1
            steps: 1
            layers:
              - type: residual
                layers:
                  - type: attention
                    query: [[1, 0, 0], [0, 1, 0]]
                    key: [[1, 1, 0], [0, 0, 1]]
                    value: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
              - type: layer_norm
              - type: residual
                layers:
                  - weights: [[1, -1, 0], [0, 1, -1], [-1, 0, 1], [1, 0, 0]]
                    activation: gelu
                  - weights: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 1]]
              - type: layer_norm
            """;

    static MlpSpec spec() {
        return read(BLOCK);
    }

    /** A block's YAML read as the build reads it, with every kind; fails on any error. */
    static MlpSpec read(String block) {
        SourceText file = new SourceText("content/x.md", block);
        int[] offsets = new int[file.lineCount()];
        for (int line = 1; line <= file.lineCount(); line++) {
            offsets[line - 1] = file.lineStart(line);
        }
        Diagnostics diagnostics = new Diagnostics();
        Optional<MlpSpec> spec = SpecReader.read(new BlockSource(file, block, offsets, file.positionOf(0)),
                Optional.empty(), Kinds.readers(), diagnostics);
        assertTrue(spec.isPresent(), diagnostics.sorted().toString());
        return spec.get();
    }

    private static void assertMatrix(double[][] expected, Matrix actual, double tolerance, String what) {
        assertEquals(expected.length, actual.rows(), what + " rows");
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                assertEquals(expected[r][c], actual.get(r, c), tolerance, what + " (" + r + ", " + c + ")");
            }
        }
    }

    @Test
    void theForwardPassGivesTheReferencesOutput() {
        MlpSpec spec = spec();
        Matrix output = spec.network().forward(spec.input()).output();
        assertMatrix(new double[][] {
            {1.19925232, -1.2328514107, 0.2508692538, -0.6976817283},
            {-1.2487342937, 0.0163816517, 1.0798819409, -0.7164882164},
            {0.0494819738, 1.216469759, -1.3307511948, 1.4141699447}}, output, 1e-9, "output");
    }

    @Test
    void oneStepLowersTheLossAsTheReferenceDoes() {
        MlpSpec spec = spec();
        TrainingTrace trained = Trainer.train(spec.network(), spec.input(), spec.training().orElseThrow());
        assertEquals(0.6481157040526635, trained.losses().get(0), 1e-12, "loss before the step");
        assertEquals(0.43050068052154566, trained.losses().get(1), 1e-8, "loss after the step");
        var gradients = trained.firstStep().layers();
        // The second layer norm's γ and β, and the first one's.
        assertMatrix(new double[][] {{0.137475153}, {0.417706033}, {0.426263892}},
                gradients.get(3).gradients().get("gamma"), 1e-8, "dγ₂");
        assertMatrix(new double[][] {{-0.246735261}, {-0.144826486}, {0.391561747}},
                gradients.get(3).gradients().get("beta"), 1e-8, "dβ₂");
        assertMatrix(new double[][] {{-0.1068744762}, {-0.0334092496}, {0.2188582385}},
                gradients.get(1).gradients().get("gamma"), 1e-8, "dγ₁");
        // The attention head inside the first residual.
        assertMatrix(new double[][] {{0.0418147159, -0.0810681389, -0.0584909065},
            {-0.1393751239, 0.0442827791, 0.0374031188}},
                gradients.get(0).gradients().get("layers.0.heads.0.query"), 1e-8, "dW_q");
        assertMatrix(new double[][] {{-0.4707419489, -0.3775232323, -0.6411117108},
            {0.3430690151, 0.2693707923, 0.2874304587}, {0.1276729338, 0.1081524402, 0.353681252}},
                gradients.get(0).gradients().get("layers.0.heads.0.value"), 1e-8, "dW_v");
        assertMatrix(new double[][] {{-0.1766839829}, {0.0424283165}, {0.0609440845}, {0.1322670429}},
                gradients.get(2).gradients().get("layers.0.bias"), 1e-8, "db₁ of the feed-forward");
    }

    /** The attention lesson's block, as the reference computes it: X one list per token. */
    static final String ONE_HEAD = """
            input: [[1, 0, 1], [0, 2, 1], [1, 1, 0]]
            layers:
              - type: attention
                query: [[1, 0, 1], [0, 1, 0]]
                key: [[1, 0, 0], [-1, 0, 1]]
                value: [[1, 0, 0], [0, 1, 0]]
                scale: false
            """;

    static dev.longhand.nn.ForwardTrace forward(String block) {
        MlpSpec spec = read(block);
        return spec.network().forward(spec.input());
    }

    @Test
    void oneHeadWithoutTheScaleGivesTheLessonsScoresAndWeights() {
        var head = ((dev.longhand.kinds.attention.AttentionTrace) forward(ONE_HEAD).stages().get(0)).heads().get(0);
        var scored = (dev.longhand.kinds.attention.HeadTrace.Scored) head;
        // kᵢ·qⱼ with q = (2, 0), (1, 2), (1, 1) and k = (1, 0), (0, 2), (1, -1): small whole numbers.
        assertMatrix(new double[][] {{2, 1, 1}, {0, 2, 1}, {2, -1, 0}}, scored.scores(), 0, "scores");
        assertMatrix(new double[][] {{0.4683105308, 0.2594964603, 0.4223187983},
            {0.0633789383, 0.7053845127, 0.4223187983}, {0.4683105308, 0.035119027, 0.1553624035}},
                scored.weights(), 1e-10, "weights");
        assertMatrix(new double[][] {{0.9366210617, 0.2946154873, 0.5776812017}, {0.5950684075, 1.4458880524, 1.0}},
                head.z(), 1e-10, "Z");
    }

    @Test
    void twoCausalHeadsAndTheOutputProjectionGiveTheLessonsOutput() {
        String block = """
                input: [[1, 0, 1], [0, 2, 1], [1, 1, 0]]
                layers:
                  - type: attention
                    scale: false
                    causal: true
                    heads:
                      - query: [[1, 0, 1], [0, 1, 0]]
                        key: [[1, 0, 0], [-1, 0, 1]]
                        value: [[1, 0, 0], [0, 1, 0]]
                      - query: [[0, 0, 1], [0, 1, 0]]
                        key: [[0, 1, 0], [1, 0, 0]]
                        value: [[0, 0, 1], [1, 0, 0]]
                    output: [[1, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]]
                """;
        assertMatrix(new double[][] {{2, 1.2689414214, 1.1553624035}, {0, 1.4621171573, 1.0}, {1, 0.5, 0.8446375965}},
                forward(block).output(), 1e-10, "a");
    }
}
