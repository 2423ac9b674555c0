package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random attention layers of every form, with an input for each: one head or several, with and
 * without the output projection, causal or not, every kind of scale, and given weights with and
 * without a value projection. Numbers are small whole numbers in some layers (ties in the
 * softmax's max, exact scores) and arbitrary doubles in others; inputs hold some zeros and −0.
 */
public final class RandomAttention {

    /** A layer and an input it takes. */
    public record Case(Attention layer, Matrix input) {
    }

    private final Random random;
    private boolean whole;

    public RandomAttention(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} cases, every form among them in turn. */
    public List<Case> cases(int count) {
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(next(i % 6));
        }
        return cases;
    }

    /**
     * One case of the given form: 0 one head, 1 one head with output, 2 several heads with
     * output, 3 several heads without output, 4 given weights with value, 5 given weights without.
     */
    public Case next(int form) {
        whole = random.nextInt(4) == 0;
        int features = 1 + random.nextInt(4);
        int tokens = 1 + random.nextInt(5);
        Matrix input = matrix(features, tokens, true);
        if (form >= 4) {
            Optional<Matrix> value = form == 4 ? Optional.of(matrix(1 + random.nextInt(3), features, false))
                    : Optional.empty();
            return new Case(new GivenWeightsAttention("Attention", givenWeights(tokens), value), input);
        }
        int headCount = form <= 1 ? 1 : 2 + random.nextInt(2);
        List<AttentionHead> heads = new ArrayList<>();
        int stacked = 0;
        for (int h = 0; h < headCount; h++) {
            int dk = 1 + random.nextInt(4);
            int dv = 1 + random.nextInt(3);
            heads.add(new AttentionHead(matrix(dk, features, false), matrix(dk, features, false),
                    matrix(dv, features, false)));
            stacked += dv;
        }
        Optional<Matrix> output = form == 1 || form == 2 ? Optional.of(matrix(1 + random.nextInt(3), stacked, false))
                : Optional.empty();
        return new Case(new SelfAttention("Attention", heads, output, scale(), random.nextBoolean()), input);
    }

    private Scale scale() {
        return switch (random.nextInt(4)) {
            case 0 -> Scale.ROOT;
            case 1 -> Scale.NONE;
            case 2 -> Scale.of(0.5);
            default -> Scale.of(0.1 + random.nextDouble());
        };
    }

    /** Given weights: each column a random spread that sums to about 1, as an author writes. */
    private Matrix givenWeights(int tokens) {
        double[][] w = new double[tokens][tokens];
        for (int c = 0; c < tokens; c++) {
            for (int r = 0; r < tokens; r++) {
                w[r][c] = whole ? random.nextInt(3) * 0.25 : random.nextDouble() / tokens;
            }
        }
        return Matrix.of(w);
    }

    private Matrix matrix(int rows, int cols, boolean input) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = whole ? random.nextInt(5) - 2 : (random.nextDouble() - 0.5) * 3;
                if (input && random.nextInt(12) == 0) {
                    m[r][c] = random.nextBoolean() ? 0.0 : -0.0;
                }
            }
        }
        return Matrix.of(m);
    }
}
