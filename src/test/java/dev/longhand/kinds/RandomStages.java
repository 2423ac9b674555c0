package dev.longhand.kinds;

import dev.longhand.kinds.activation.ActivationLayer;
import dev.longhand.kinds.attention.Attention;
import dev.longhand.kinds.attention.AttentionHead;
import dev.longhand.kinds.attention.AttentionJson;
import dev.longhand.kinds.attention.GivenWeightsAttention;
import dev.longhand.kinds.attention.Scale;
import dev.longhand.kinds.attention.SelfAttention;
import dev.longhand.kinds.dropout.Dropout;
import dev.longhand.kinds.norm.EpsilonPlacement;
import dev.longhand.kinds.norm.NormSettings;
import dev.longhand.kinds.norm.Normalization;
import dev.longhand.kinds.norm.VarianceMode;
import dev.longhand.kinds.residual.Residual;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import dev.longhand.nn.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Random networks of nn stages of every kind whose Java unit exists (dense, attention of every
 * form, batch and layer norm of every setting, dropout, activation layers, residuals around any
 * of them), built directly rather than read from a block, with
 * numbers that are random doubles so that no ReLU sits exactly on its kink, and with a target
 * and a loss: mse, or cross entropy after a final softmax. For gradient checks against finite
 * differences and the contract's reference.
 */
public final class RandomStages {

    /** A network with what it trains towards. */
    public record Case(Network network, Matrix input, Matrix target, Loss loss) {

        /** The network in the trace's canonical form, as the reference script reads it. */
        public String json() {
            StringJoiner layers = new StringJoiner(",", "[", "]");
            network.layers().forEach(s -> layers.add(RandomStages.json(s)));
            return "{\"input\":" + AttentionJson.matrix(input) + ",\"layers\":" + layers + "}";
        }
    }

    private static final List<Activation> HIDDEN = List.of(Activation.RELU, Activation.LINEAR, Activation.SIGMOID,
            Activation.TANH, Activation.LEAKY_RELU, Activation.GELU);

    /** Every kind drawn besides dense layers and residuals. */
    public static final List<String> KINDS = List.of("attention", "batch_norm", "layer_norm", "dropout", "activation");

    private final Random random;
    private final int tokens;
    private final List<String> kinds;

    /**
     * @param kinds the kinds of {@link #KINDS} drawn (a test whose other half, such as the trace
     *              writer, does not know a kind yet leaves it out)
     */
    public RandomStages(Random random, int tokens, List<String> kinds) {
        this.random = random;
        this.tokens = tokens;
        this.kinds = List.copyOf(kinds);
    }

    public Case next(int layers) {
        int features = 1 + random.nextInt(3);
        Matrix input = matrix(features, tokens);
        List<Stage> stages = new ArrayList<>();
        int rows = features;
        for (int i = 0; i < layers; i++) {
            Stage stage = any(rows, true);
            stages.add(stage);
            rows = stage.outputRows(rows);
        }
        boolean crossEntropy = random.nextBoolean();
        if (crossEntropy && kinds.contains("activation") && random.nextBoolean()) {
            // A linear layer, then softmax as a layer of its own: cross entropy starts from its input.
            stages.add(dense(rows, 2 + random.nextInt(2), Activation.LINEAR));
            stages.add(new ActivationLayer("Softmax", Activation.SOFTMAX));
            rows = stages.get(stages.size() - 2).outputRows(rows);
        } else if (crossEntropy) {
            stages.add(dense(rows, 2 + random.nextInt(2), Activation.SOFTMAX));
            rows = stages.get(stages.size() - 1).outputRows(rows);
        }
        Matrix target = crossEntropy ? probabilities(rows) : matrix(rows, tokens);
        return new Case(new Network(stages), input, target, crossEntropy ? Loss.CROSS_ENTROPY : Loss.MSE);
    }

    private Stage any(int rows, boolean residual) {
        int pick = random.nextInt(1 + kinds.size() + (residual ? 1 : 0));
        if (pick == 0) {
            return dense(rows, 1 + random.nextInt(3), HIDDEN.get(random.nextInt(HIDDEN.size())));
        }
        if (pick <= kinds.size()) {
            return switch (kinds.get(pick - 1)) {
                case "attention" -> attention(rows, random.nextBoolean() ? rows : 1 + random.nextInt(3));
                case "batch_norm" -> Normalization.batchNorm("Norm", matrix(rows, 1), matrix(rows, 1), settings(tokens));
                case "layer_norm" -> Normalization.layerNorm("Norm", matrix(rows, 1), matrix(rows, 1), settings(rows));
                case "dropout" -> dropout(rows);
                default -> new ActivationLayer("Activation", HIDDEN.get(random.nextInt(HIDDEN.size())));
            };
        }
        List<Stage> inner = new ArrayList<>();
        Stage first = any(rows, false);
        inner.add(first);
        int out = first.outputRows(rows);
        if (out != rows || random.nextBoolean()) {
            inner.add(kinds.contains("attention") && random.nextBoolean() ? attention(out, rows)
                    : dense(out, rows, HIDDEN.get(random.nextInt(HIDDEN.size()))));
        }
        return new Residual("Residual", inner);
    }

    /**
     * Any setting a block may give; the unbiased variance only over two or more members (it
     * divides by n − 1), and ε added to the standard deviation only with ε ≥ 0.01, which keeps
     * a central difference accurate where the variance is small.
     */
    private NormSettings settings(int members) {
        VarianceMode variance = members > 1 && random.nextBoolean() ? VarianceMode.UNBIASED : VarianceMode.BIASED;
        EpsilonPlacement placement = random.nextBoolean() ? EpsilonPlacement.STD : EpsilonPlacement.VARIANCE;
        double epsilon = placement == EpsilonPlacement.STD ? 0.01 + random.nextDouble() * 0.1
                : random.nextBoolean() ? NormSettings.DEFAULT_EPSILON : random.nextDouble() * 0.1;
        return new NormSettings(epsilon, variance, placement);
    }

    /** A given mask of 0s and 1s, the input's shape, and p from 0 to 0.75. */
    private Dropout dropout(int rows) {
        double[][] mask = new double[rows][tokens];
        for (double[] row : mask) {
            for (int c = 0; c < tokens; c++) {
                row[c] = random.nextInt(3) == 0 ? 0 : 1;
            }
        }
        return Dropout.withMask("Dropout", random.nextInt(4) * 0.25, Matrix.of(mask));
    }

    Layer dense(int inputs, int units, Activation activation) {
        return new Layer("Dense", matrix(units, inputs), matrix(units, 1), activation);
    }

    /** Attention taking {@code rows} features and giving {@code out} rows, of a random form. */
    Attention attention(int rows, int out) {
        int form = random.nextInt(4);
        if (form == 3) {
            double[][] w = new double[tokens][tokens];
            for (double[] row : w) {
                for (int c = 0; c < tokens; c++) {
                    row[c] = random.nextDouble() / tokens;
                }
            }
            // Without a value matrix the output keeps the input's rows; with one it gives `out` rows.
            return new GivenWeightsAttention("Attention", Matrix.of(w),
                    out == rows && random.nextBoolean() ? Optional.empty() : Optional.of(matrix(out, rows)));
        }
        Scale scale = switch (random.nextInt(3)) {
            case 0 -> Scale.ROOT;
            case 1 -> Scale.NONE;
            default -> Scale.of(0.5 + random.nextDouble());
        };
        boolean causal = random.nextBoolean();
        if (form == 0) {
            return SelfAttention.oneHead("Attention", head(rows, out), scale, causal);
        }
        List<AttentionHead> heads = new ArrayList<>();
        int stacked = 0;
        for (int h = 0; h < 1 + random.nextInt(2); h++) {
            AttentionHead head = head(rows, 1 + random.nextInt(2));
            heads.add(head);
            stacked += head.value().rows();
        }
        return SelfAttention.withOutput("Attention", heads, matrix(out, stacked), scale, causal);
    }

    private AttentionHead head(int rows, int values) {
        int dk = 1 + random.nextInt(3);
        return new AttentionHead(matrix(dk, rows), matrix(dk, rows), matrix(values, rows));
    }

    Matrix matrix(int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = (random.nextDouble() - 0.5) * 2;
            }
        }
        return Matrix.of(m);
    }

    /** Each column non-negative, summing to 1. */
    private Matrix probabilities(int rows) {
        double[][] t = new double[rows][tokens];
        for (int c = 0; c < tokens; c++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                t[r][c] = random.nextDouble();
                sum += t[r][c];
            }
            for (int r = 0; r < rows; r++) {
                t[r][c] /= sum;
            }
        }
        return Matrix.of(t);
    }

    private static String flat(Matrix column) {
        StringJoiner values = new StringJoiner(",", "[", "]");
        for (int r = 0; r < column.rows(); r++) {
            values.add(Double.toString(column.get(r, 0)));
        }
        return values.toString();
    }

    static String json(Stage stage) {
        if (stage instanceof Layer dense) {
            return "{\"type\":\"dense\",\"weights\":" + AttentionJson.matrix(dense.weights()) + ",\"bias\":" + flat(dense.bias())
                    + ",\"activation\":\"" + dense.activation().key() + "\"}";
        }
        if (stage instanceof Attention a) {
            return AttentionJson.layer(a);
        }
        if (stage instanceof Normalization n) {
            return "{\"type\":\"" + n.type() + "\",\"gamma\":" + flat(n.gamma()) + ",\"beta\":" + flat(n.beta())
                    + ",\"epsilon\":" + n.settings().epsilon() + ",\"variance\":\"" + n.settings().variance().key()
                    + "\",\"epsilon_added_to\":\"" + n.settings().epsilonAddedTo().key() + "\"}";
        }
        if (stage instanceof Dropout d) {
            return "{\"type\":\"dropout\",\"p\":" + d.p() + ",\"mask\":" + AttentionJson.matrix(d.mask()) + "}";
        }
        if (stage instanceof ActivationLayer f) {
            return "{\"type\":\"activation\",\"activation\":\"" + f.activation().key() + "\"}";
        }
        Residual residual = (Residual) stage;
        StringJoiner inner = new StringJoiner(",", "[", "]");
        residual.layers().forEach(s -> inner.add(json(s)));
        return "{\"type\":\"residual\",\"layers\":" + inner + "}";
    }
}
