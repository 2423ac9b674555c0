package dev.longhand.kinds.attention;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.StageTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Attention with heads that score the tokens, as {@code attention(L, x)} of the contract's
 * reference ({@code network.py}) computes it; x is features × tokens.
 *
 * <p><b>Forward</b>, for each head in order, every product a {@link Matrix#multiply}:
 * <ol>
 * <li>{@code q = query · x}, {@code k = key · x}, {@code v = value · x};</li>
 * <li>{@code p = kᵀ · q} (keys × queries: entry (i, j) is {@code sum = 0.0; for f in order:
 *     sum += k[f][i] * q[f][j]});</li>
 * <li>{@code scores[i][j] = p[i][j] * factor} with {@code factor = scale.factor(d_k)}
 *     ({@code 1.0 / Math.sqrt(d_k)}, d_k = the rows of q, or the given number); with
 *     {@code scale: false} the score is {@code p[i][j]} itself, not multiplied;</li>
 * <li>with {@code causal}, {@code scores[i][j] = −∞} wherever key i comes after query j (i &gt; j),
 *     whatever p was there;</li>
 * <li>{@code weights} = {@link Activation#SOFTMAX} of each column of scores, its exact arithmetic:
 *     {@code max} = the column's largest entry (row 0 is never masked, so −∞ never is the max);
 *     {@code e = StrictMath.exp(score − max)} in row order, summed from 0.0 in row order; each
 *     {@code e / sum}. A masked entry's {@code e} is {@code exp(−∞) = 0.0}, so its weight is
 *     exactly 0.0 and it adds nothing to the sum;</li>
 * <li>{@code z = v · weights}.</li>
 * </ol>
 * Then {@code stacked} = the heads' z, first head on top, and {@code a = output · stacked}, or
 * {@code a = stacked} without {@code output} (one head: a = its z).
 *
 * <p><b>Backward</b> from dA: {@code dOutput = dA · stackedᵀ} and {@code dStacked = outputᵀ · dA}
 * (without output: {@code dStacked = dA}); each head's {@code dZ} is its band of rows of dStacked.
 * Per head: {@code dWeights = vᵀ · dZ}; {@code dV = dZ · weightsᵀ}; {@code dScores} by
 * {@link Activation#SOFTMAX}'s backward ({@code d = 0.0; for i in order: d += dWeights[i] * w[i]};
 * {@code dScores[i] = w[i] * (dWeights[i] − d)}, per column), then {@code 0.0} at every masked
 * entry; {@code dP = dScores} times {@code factor} entrywise ({@code dP = dScores} with
 * {@code scale: false}); {@code dQ = k · dP}; {@code dK = q · dPᵀ}; {@code dQuery = dQ · xᵀ},
 * {@code dKey = dK · xᵀ}, {@code dValue = dV · xᵀ}; the head's share of dx is
 * {@code ((queryᵀ · dQ) + (keyᵀ · dK)) + (valueᵀ · dV)} entrywise in that order, and
 * {@code dx = share_0 + share_1 + …}, added left to right starting from head 0's share.
 *
 * @param name   the name shown on the page
 * @param heads  at least one; every head takes the same features
 * @param output the output projection, out × (the sum of the heads' d_v); several heads without
 *               one give their stacked z (the reference allows it; a lesson reader may require it)
 * @param scale  what multiplies the scores
 * @param causal whether each token attends only to itself and the tokens before it
 */
public record SelfAttention(String name, List<AttentionHead> heads, Optional<Matrix> output, Scale scale,
                            boolean causal) implements Attention {

    public SelfAttention {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(heads, "heads");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(scale, "scale");
        heads = List.copyOf(heads);
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("attention \"" + name + "\" needs at least one head");
        }
        int features = heads.get(0).features();
        for (int h = 1; h < heads.size(); h++) {
            if (heads.get(h).features() != features) {
                throw new IllegalArgumentException("attention \"" + name + "\": head " + (h + 1) + " takes "
                        + heads.get(h).features() + " features but head 1 takes " + features);
            }
        }
        int stacked = heads.stream().mapToInt(AttentionHead::valueSize).sum();
        if (output.isPresent() && output.get().cols() != stacked) {
            throw new IllegalArgumentException("attention \"" + name + "\": output has " + output.get().cols()
                    + " columns but the heads' values stack to " + stacked + " rows");
        }
    }

    /** One head, no output projection: a = the head's z. */
    public static SelfAttention oneHead(String name, AttentionHead head, Scale scale, boolean causal) {
        return new SelfAttention(name, List.of(head), Optional.empty(), scale, causal);
    }

    /** Several heads (or one) with the output projection {@code output}. */
    public static SelfAttention withOutput(String name, List<AttentionHead> heads, Matrix output, Scale scale,
                                           boolean causal) {
        return new SelfAttention(name, heads, Optional.of(output), scale, causal);
    }

    /** The features of each token: the columns of every head's projections. */
    public int features() {
        return heads.get(0).features();
    }

    /** The rows of the stacked z: the sum of the heads' d_v. */
    public int stackedRows() {
        return heads.stream().mapToInt(AttentionHead::valueSize).sum();
    }

    /**
     * The number each of {@code head}'s scores is multiplied by, for the worksheet's
     * "· 1/√d_k": {@code scale.factor(d_k)}; with {@code scale: false} (1.0) nothing is multiplied.
     */
    public double factor(AttentionHead head) {
        return scale.factor(head.keySize());
    }

    @Override
    public int inputRows() {
        return features();
    }

    @Override
    public int outputRows(int inputRows) {
        if (inputRows != features()) {
            return -1;
        }
        return output.map(Matrix::rows).orElse(stackedRows());
    }

    @Override
    public AttentionTrace forward(Matrix input) {
        if (input.rows() != features()) {
            throw new IllegalArgumentException("attention \"" + name + "\" takes " + features()
                    + " features per token, not " + input.rows());
        }
        List<HeadTrace> traces = new ArrayList<>(heads.size());
        List<Matrix> zs = new ArrayList<>(heads.size());
        for (AttentionHead head : heads) {
            HeadTrace.Scored t = head(head, input);
            traces.add(t);
            zs.add(t.z());
        }
        Matrix stacked = zs.size() == 1 ? zs.get(0) : Rows.stack(zs);
        Matrix a = output.map(o -> o.multiply(stacked)).orElse(stacked);
        return new AttentionTrace(this, input, traces, stacked, a);
    }

    private HeadTrace.Scored head(AttentionHead head, Matrix x) {
        Matrix q = head.query().multiply(x);
        Matrix k = head.key().multiply(x);
        Matrix v = head.value().multiply(x);
        Matrix scores = scores(k, q);
        Matrix weights = Activation.SOFTMAX.apply(scores);
        return new HeadTrace.Scored(head, q, k, v, scores, weights, v.multiply(weights), causal);
    }

    private Matrix scores(Matrix k, Matrix q) {
        double factor = scale.factor(q.rows()); // d_k = the rows of q
        double[][] s = k.transpose().multiply(q).toArrays();
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s[i].length; j++) {
                s[i][j] = causal && i > j ? Double.NEGATIVE_INFINITY : scale.apply(s[i][j], factor);
            }
        }
        return Matrix.of(s);
    }

    @Override
    public AttentionGradients backward(StageTrace trace, Matrix dOutput) {
        AttentionTrace t = (AttentionTrace) trace;
        if (!dOutput.sameShape(t.a())) {
            throw new IllegalArgumentException("attention \"" + name + "\" gave " + t.a().shape()
                    + ", not " + dOutput.shape());
        }
        Matrix x = t.input();
        Matrix dStacked = output.map(o -> o.transpose().multiply(dOutput)).orElse(dOutput);
        Parameters.Builder gradients = Parameters.builder();
        List<HeadGradients> perHead = new ArrayList<>(heads.size());
        Matrix dInput = null;
        int row = 0;
        for (int h = 0; h < heads.size(); h++) {
            AttentionHead head = heads.get(h);
            HeadTrace.Scored ht = (HeadTrace.Scored) t.heads().get(h);
            Matrix dZ = heads.size() == 1 ? dStacked : Rows.band(dStacked, row, head.valueSize());
            row += head.valueSize();
            Matrix dWeights = ht.v().transpose().multiply(dZ);
            Matrix dV = dZ.multiply(ht.weights().transpose());
            Matrix dScores = unmasked(Activation.SOFTMAX.backward(ht.scores(), ht.weights(), dWeights));
            Matrix dP = scale.scales() ? dScores.times(scale.factor(ht.q().rows())) : dScores;
            Matrix dQ = ht.k().multiply(dP);
            Matrix dK = ht.q().multiply(dP.transpose());
            Matrix xT = x.transpose();
            gradients.matrix("heads." + h + ".query", dQ.multiply(xT))
                    .matrix("heads." + h + ".key", dK.multiply(xT))
                    .matrix("heads." + h + ".value", dV.multiply(xT));
            Matrix share = head.query().transpose().multiply(dQ)
                    .plus(head.key().transpose().multiply(dK))
                    .plus(head.value().transpose().multiply(dV));
            dInput = dInput == null ? share : dInput.plus(share);
            perHead.add(new HeadGradients(dZ, dWeights, Optional.of(dScores), Optional.of(dQ), Optional.of(dK), dV));
        }
        output.ifPresent(o -> gradients.matrix("output", dOutput.multiply(t.stacked().transpose())));
        return new AttentionGradients(dOutput, dInput, dStacked, perHead, gradients.build());
    }

    /** dScores with 0.0 where the causal mask hid the key: no gradient reaches a masked score. */
    private Matrix unmasked(Matrix dScores) {
        if (!causal) {
            return dScores;
        }
        double[][] d = dScores.toArrays();
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < i && j < d[i].length; j++) {
                d[i][j] = 0.0;
            }
        }
        return Matrix.of(d);
    }

    /** {@code heads.0.query}, {@code heads.0.key}, {@code heads.0.value}, … then {@code output}. */
    @Override
    public Parameters parameters() {
        Parameters.Builder b = Parameters.builder();
        for (int h = 0; h < heads.size(); h++) {
            AttentionHead head = heads.get(h);
            b.matrix("heads." + h + ".query", head.query())
                    .matrix("heads." + h + ".key", head.key())
                    .matrix("heads." + h + ".value", head.value());
        }
        output.ifPresent(o -> b.matrix("output", o));
        return b.build();
    }

    @Override
    public SelfAttention withParameters(Parameters parameters) {
        List<AttentionHead> updated = new ArrayList<>(heads.size());
        for (int h = 0; h < heads.size(); h++) {
            AttentionHead head = heads.get(h);
            String at = "heads." + h + ".";
            updated.add(new AttentionHead(same(at + "query", head.query(), parameters),
                    same(at + "key", head.key(), parameters), same(at + "value", head.value(), parameters)));
        }
        Optional<Matrix> newOutput = output.map(o -> same("output", o, parameters));
        return new SelfAttention(name, updated, newOutput, scale, causal);
    }

    private Matrix same(String path, Matrix old, Parameters parameters) {
        Matrix m = parameters.get(path);
        if (!m.sameShape(old)) {
            throw new IllegalArgumentException("attention \"" + name + "\": " + path + " " + m.shape()
                    + " does not replace " + old.shape());
        }
        return m;
    }
}
