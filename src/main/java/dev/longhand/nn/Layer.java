package dev.longhand.nn;

import java.util.Objects;

/**
 * One fully connected layer: {@code a = activation(weights · input + bias)}.
 *
 * @param name       the name shown on the page, e.g. "Hidden 1"
 * @param weights    units × inputs: one row per unit of this layer, one column per unit of the previous one
 * @param bias       units × 1
 * @param activation applied to every weighted sum
 */
public record Layer(String name, Matrix weights, Matrix bias, Activation activation) implements Stage {

    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
        Objects.requireNonNull(activation, "activation");
        if (bias.cols() != 1 || bias.rows() != weights.rows()) {
            throw new IllegalArgumentException("layer \"" + name + "\": bias is " + bias.shape()
                    + "; weights " + weights.shape() + " need a " + weights.rows() + "×1 bias");
        }
    }

    /** A layer with a zero bias, the classic hand exercise. */
    public static Layer withoutBias(String name, Matrix weights, Activation activation) {
        return new Layer(name, weights, Matrix.filled(weights.rows(), 1, 0.0), activation);
    }

    /** The number of units (neurons) of this layer. */
    public int units() {
        return weights.rows();
    }

    /** The number of values each unit receives: the previous layer's units. */
    public int inputs() {
        return weights.cols();
    }

    /**
     * The weighted sums of every sample: entry (i, s) is
     * {@code (sum over k = 0..n-1 of weights[i][k] * input[k][s], from 0.0) + bias[i]}:
     * the product first, then the bias.
     */
    public Matrix weightedSums(Matrix input) {
        if (input.rows() != inputs()) {
            throw new IllegalArgumentException("layer \"" + name + "\" takes " + inputs()
                    + " values per sample, not " + input.rows());
        }
        return weights.multiply(input).addColumnToEach(bias);
    }

    @Override
    public String type() {
        return "dense";
    }

    @Override
    public int inputRows() {
        return inputs();
    }

    @Override
    public int outputRows(int inputRows) {
        return inputRows == inputs() ? units() : -1;
    }

    @Override
    public LayerTrace forward(Matrix input) {
        Matrix z = weightedSums(input);
        return new LayerTrace(this, input, z, activation.apply(z));
    }

    /** {@code dZ = dA ⊙ f'(Z)} (or the softmax rule), then {@link #backwardFromLogits}. */
    @Override
    public LayerGradients backward(StageTrace trace, Matrix dOutput) {
        LayerTrace t = (LayerTrace) trace;
        return gradients(dOutput, activation.backward(t.z(), t.a(), dOutput), t);
    }

    @Override
    public Activation finalActivation() {
        return activation;
    }

    @Override
    public boolean endsInSoftmax() {
        return activation == Activation.SOFTMAX;
    }

    /** {@code dW = dZ · Aprevᵀ}, {@code db} = row sums of dZ, {@code dA_prev = Wᵀ · dZ}. */
    @Override
    public LayerGradients backwardFromLogits(StageTrace trace, Matrix dOutput, Matrix dZ) {
        return gradients(dOutput, dZ, (LayerTrace) trace);
    }

    private LayerGradients gradients(Matrix dA, Matrix dZ, LayerTrace t) {
        Matrix dW = dZ.multiply(t.input().transpose());
        Matrix db = dZ.sumColumns();
        return new LayerGradients(dA, dZ, dW, db, weights.transpose().multiply(dZ));
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder().matrix("weights", weights).vector("bias", bias).build();
    }

    @Override
    public Layer withParameters(Parameters parameters) {
        return withParameters(parameters.get("weights"), parameters.get("bias"));
    }

    /** This layer with other weights and bias, e.g. after a gradient-descent step. */
    public Layer withParameters(Matrix newWeights, Matrix newBias) {
        if (!newWeights.sameShape(weights)) {
            throw new IllegalArgumentException("layer \"" + name + "\": weights " + newWeights.shape()
                    + " do not replace " + weights.shape());
        }
        return new Layer(name, newWeights, newBias, activation);
    }
}
