package dev.longhand.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Backpropagation through a recorded forward pass, from the output stage back to the first:
 * dL/d(output) is the loss gradient; each stage then gives its parameters' gradients and
 * dL/d(its input), which is the stage before's dL/d(output). For dense layers that is
 * {@code dZ = dA ⊙ f'(Z)} (or the softmax rules), {@code dW = dZ · Aprevᵀ}, {@code db} = row
 * sums of dZ and {@code dA_prev = Wᵀ · dZ}, every product as in {@link Matrix#multiply}.
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
        List<StageTrace> traces = forward.stages();
        List<StageGradients> gradients = new ArrayList<>(traces.size());
        Matrix dA = loss.gradient(output, target);
        for (int i = traces.size() - 1; i >= 0; i--) {
            StageTrace trace = traces.get(i);
            Stage stage = trace.stage();
            StageGradients g = i == traces.size() - 1 && loss == Loss.CROSS_ENTROPY && stage.endsInSoftmax()
                    // Softmax followed by cross entropy has the simple, exact dZ = (a·Σt − t) / m.
                    ? stage.backwardFromLogits(trace, dA, Loss.softmaxCrossEntropyGradient(trace.a(), target))
                    : stage.backward(trace, dA);
            gradients.add(g);
            dA = g.dInput();
        }
        Collections.reverse(gradients);
        return new BackwardTrace(loss.value(forward, target), gradients);
    }
}
