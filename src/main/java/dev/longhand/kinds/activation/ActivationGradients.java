package dev.longhand.kinds.activation;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.StageGradients;

/**
 * An activation layer's backward pass: no parameters, only the gradient handed back.
 *
 * @param dA     dL/d(output)
 * @param dInput dL/d(input): {@code dA * f'(input, a)}, or the softmax rule
 */
public record ActivationGradients(Matrix dA, Matrix dInput) implements StageGradients {

    @Override
    public Parameters gradients() {
        return Parameters.NONE;
    }
}
