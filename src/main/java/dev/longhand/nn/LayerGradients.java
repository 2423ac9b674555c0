package dev.longhand.nn;

/**
 * The gradients of one layer in a backward pass.
 *
 * @param dA dL/dA, units × samples: how the loss changes with this layer's output
 * @param dZ dL/dZ, units × samples
 * @param dW dL/dW = dZ · Aprevᵀ, units × inputs
 * @param db dL/db = the row sums of dZ, units × 1
 * @param dInput dL/d(the layer's input) = Wᵀ · dZ
 */
public record LayerGradients(Matrix dA, Matrix dZ, Matrix dW, Matrix db, Matrix dInput) implements StageGradients {

    @Override
    public Parameters gradients() {
        return Parameters.builder().matrix("weights", dW).vector("bias", db).build();
    }
}
