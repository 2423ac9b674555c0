package dev.longhand.nn;

/**
 * One layer of a network, of any kind ({@code type} in a block): it takes one tensor and gives
 * one tensor. Implementations are immutable and pure; each kind is a unit of its own under
 * {@code dev.longhand.kinds}, except dense layers ({@link Layer}), which every network had
 * before kinds existed.
 *
 * <p>The arithmetic of every implementation is specified down to the order of its operations,
 * since the page's script mirrors it bit for bit.
 */
public interface Stage {

    /** The name shown on the page, e.g. "Hidden 1" or "Layer 3". */
    String name();

    /** The contract's {@code type}: "dense", "attention", ... */
    String type();

    /**
     * The rows of this stage's output for an input of {@code inputRows} rows, or -1 when it cannot
     * take such an input. Columns (samples, tokens) pass through every kind of this version.
     */
    int outputRows(int inputRows);

    /** The rows this stage needs in its input, or -1 when it takes any number of rows. */
    default int inputRows() {
        return -1;
    }

    /** Runs the stage on {@code input}, rows = features, columns = samples or tokens. */
    StageTrace forward(Matrix input);

    /**
     * The backward pass through what {@link #forward} recorded.
     *
     * @param trace    this stage's own forward trace
     * @param dOutput  dL/d(this stage's output), shaped like its output
     */
    StageGradients backward(StageTrace trace, Matrix dOutput);

    /** The trainable numbers, by path; empty for a stage without any. */
    Parameters parameters();

    /** This stage with other parameters of the same paths and shapes (after a training step). */
    Stage withParameters(Parameters parameters);

    /** The function this stage applies last, which the loss checks (cross entropy needs a softmax). */
    default Activation finalActivation() {
        return Activation.LINEAR;
    }

    /**
     * Whether this stage's output is a softmax of its last step, so that with cross entropy the
     * output gradient may start from the exact {@code dZ = (a·Σt − t) / m} ({@link #backwardFromLogits}).
     */
    default boolean endsInSoftmax() {
        return false;
    }

    /**
     * The backward pass given dL/d(the softmax's input) as well as dL/d(output), for a stage
     * that {@link #endsInSoftmax()}.
     */
    default StageGradients backwardFromLogits(StageTrace trace, Matrix dOutput, Matrix dLogits) {
        throw new UnsupportedOperationException(type() + " does not end in a softmax");
    }
}
