package dev.longhand.kinds.dropout;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.StageGradients;

/**
 * A dropout layer's backward pass: no parameters.
 *
 * @param dA     dL/d(output)
 * @param dInput {@code (dA * mask) / (1 − p)}, entry by entry
 */
public record DropoutGradients(Matrix dA, Matrix dInput) implements StageGradients {

    @Override
    public Parameters gradients() {
        return Parameters.NONE;
    }
}
