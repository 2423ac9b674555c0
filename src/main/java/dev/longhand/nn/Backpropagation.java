package dev.longhand.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Backpropagation through a recorded forward pass, from the output layer back to the first:
 * dA of the output is the loss gradient; then per layer {@code dZ = dA ⊙ f'(Z)} (or the
 * softmax rules), {@code dW = dZ · Aprevᵀ}, {@code db} = row sums of dZ and
 * {@code dA_prev = Wᵀ · dZ}, every product as in {@link Matrix#multiply}.
 */
final class Backpropagation {

    private Backpropagation() {
    }

    static BackwardTrace run(ForwardTrace forward, Matrix target, Loss loss) {
        Matrix output = forward.output();
        if (!output.sameShape(target)) {
            throw new IllegalArgumentException("the output is " + output.shape()
                    + " but the target is " + target.shape());
        }
        List<LayerTrace> traces = forward.layers();
        List<LayerGradients> gradients = new ArrayList<>(traces.size());
        Matrix dA = loss.gradient(output, target);
        for (int i = traces.size() - 1; i >= 0; i--) {
            LayerTrace trace = traces.get(i);
            Matrix dZ = isOutputSoftmaxWithCrossEntropy(trace, i == traces.size() - 1, loss)
                    ? Loss.softmaxCrossEntropyGradient(trace.a(), target)
                    : trace.layer().activation().backward(trace.z(), trace.a(), dA);
            Matrix dW = dZ.multiply(trace.input().transpose());
            Matrix db = dZ.sumColumns();
            gradients.add(new LayerGradients(dA, dZ, dW, db));
            dA = trace.layer().weights().transpose().multiply(dZ);
        }
        Collections.reverse(gradients);
        return new BackwardTrace(loss.value(forward, target), gradients);
    }

    /** Softmax followed by cross entropy has the simple, exact dZ = (a·Σt − t) / m. */
    private static boolean isOutputSoftmaxWithCrossEntropy(LayerTrace trace, boolean isOutput, Loss loss) {
        return isOutput && loss == Loss.CROSS_ENTROPY && trace.layer().activation() == Activation.SOFTMAX;
    }
}
