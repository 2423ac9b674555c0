package dev.longhand.nn;

import java.util.Objects;

/**
 * What to train towards and how.
 *
 * @param target       the wanted output, units × samples
 * @param loss         the loss to descend
 * @param learningRate the step size η of {@code W ← W − η·dW}
 * @param steps        how many gradient-descent steps to take (0 computes the gradients only)
 */
public record Training(Matrix target, Loss loss, double learningRate, int steps) {

    /** The contract's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.1;

    public Training {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(loss, "loss");
        if (!Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a finite number, not " + learningRate);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, not " + steps);
        }
    }
}
