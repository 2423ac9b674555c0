package dev.longhand.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The losses a lesson can train with, each equal to the PyTorch loss a learner can check it
 * against. Matrices are units × samples; m is the number of samples.
 */
public enum Loss {

    /**
     * PyTorch's {@code MSELoss()}: {@code sum = 0.0}; row by row (unit), then column by column
     * (sample): {@code d = a − t; sum += d * d}; the loss is {@code sum / (units * samples)}.
     * Gradient: {@code 2 * (a − t) / (units * samples)}.
     */
    MSE("mse") {
        @Override
        public double value(Matrix output, Matrix target) {
            requireSameShape(output, target);
            double sum = 0.0;
            for (int r = 0; r < output.rows(); r++) {
                for (int c = 0; c < output.cols(); c++) {
                    double d = output.get(r, c) - target.get(r, c);
                    sum += d * d;
                }
            }
            return sum / count(output);
        }

        @Override
        public Matrix gradient(Matrix output, Matrix target) {
            requireSameShape(output, target);
            double n = count(output);
            return output.combine(target, (a, t) -> 2.0 * (a - t) / n);
        }
    },

    /**
     * PyTorch's {@code CrossEntropyLoss} with probability targets, applied to the pre-softmax z:
     * per sample {@code l = 0.0; for i in order, skipping t_i = 0: l -= t_i * log(a_i)}; then
     * {@code sum = 0.0; for each sample in order: sum += l}; the loss is {@code sum / m}.
     * An entry with t = 0 contributes exactly 0, even where a = 0.
     * Gradient: {@code t == 0 ? 0 : −t / (a * m)}.
     */
    CROSS_ENTROPY("cross_entropy") {
        @Override
        public double value(Matrix output, Matrix target) {
            requireSameShape(output, target);
            return meanOverSamples(output, target, (r, c) -> StrictMath.log(output.get(r, c)));
        }

        /**
         * When the output layer is softmax, log(a_i) is taken from z as the log-softmax
         * {@code (z_i − max) − log(s)}, with max and {@code s = sum of exp(z_j − max)} as in
         * {@link Activation#SOFTMAX}: exact where a rounds to 0, and what PyTorch computes.
         */
        @Override
        public double value(ForwardTrace forward, Matrix target) {
            StageTrace last = forward.last();
            if (!last.stage().endsInSoftmax()) {
                return value(last.a(), target);
            }
            Matrix z = last.logits();
            requireSameShape(z, target);
            double[] max = new double[z.cols()];
            double[] logSum = new double[z.cols()];
            for (int c = 0; c < z.cols(); c++) {
                max[c] = z.get(0, c);
                for (int r = 1; r < z.rows(); r++) {
                    if (z.get(r, c) > max[c]) {
                        max[c] = z.get(r, c);
                    }
                }
                double sum = 0.0;
                for (int r = 0; r < z.rows(); r++) {
                    sum += StrictMath.exp(z.get(r, c) - max[c]);
                }
                logSum[c] = StrictMath.log(sum);
            }
            return meanOverSamples(z, target, (r, c) -> (z.get(r, c) - max[c]) - logSum[c]);
        }

        @Override
        public Matrix gradient(Matrix output, Matrix target) {
            requireSameShape(output, target);
            double m = output.cols();
            return output.combine(target, (a, t) -> t == 0 ? 0.0 : -t / (a * m));
        }
    };

    private final String key;

    Loss(String key) {
        this.key = key;
    }

    /** The name a lesson writes in YAML, e.g. {@code cross_entropy}. */
    public String key() {
        return key;
    }

    /** The loss a lesson names, or empty for an unknown name. */
    public static Optional<Loss> byKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    /** Every YAML name, in declaration order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Loss::key).toList();
    }

    /** The loss of an output (units × samples) against a target of the same shape. */
    public abstract double value(Matrix output, Matrix target);

    /** dL/dA: the derivative of the loss with respect to every entry of the output. */
    public abstract Matrix gradient(Matrix output, Matrix target);

    /** The loss of a forward pass; cross entropy uses the output layer's z where it can. */
    public double value(ForwardTrace forward, Matrix target) {
        return value(forward.output(), target);
    }

    /**
     * dL/dZ of a softmax output layer under cross entropy, directly:
     * per sample {@code s = 0.0; for i in order: s += t_i}; {@code dZ_i = (a_i * s − t_i) / m}.
     * Exact, and it never divides by a (which may round to 0).
     */
    static Matrix softmaxCrossEntropyGradient(Matrix a, Matrix target) {
        requireSameShape(a, target);
        double m = a.cols();
        double[][] dZ = new double[a.rows()][a.cols()];
        for (int c = 0; c < a.cols(); c++) {
            double targetSum = 0.0;
            for (int r = 0; r < a.rows(); r++) {
                targetSum += target.get(r, c);
            }
            for (int r = 0; r < a.rows(); r++) {
                dZ[r][c] = (a.get(r, c) * targetSum - target.get(r, c)) / m;
            }
        }
        return Matrix.of(dZ);
    }

    private interface EntryLog {
        double at(int row, int col);
    }

    private static double meanOverSamples(Matrix shape, Matrix target, EntryLog logA) {
        double sum = 0.0;
        for (int c = 0; c < shape.cols(); c++) {
            double sample = 0.0;
            for (int r = 0; r < shape.rows(); r++) {
                double t = target.get(r, c);
                if (t != 0) {
                    sample -= t * logA.at(r, c);
                }
            }
            sum += sample;
        }
        return sum / shape.cols();
    }

    private static double count(Matrix output) {
        return (double) output.rows() * output.cols();
    }

    private static void requireSameShape(Matrix output, Matrix target) {
        if (!output.sameShape(target)) {
            throw new IllegalArgumentException("output is " + output.shape() + ", target is " + target.shape());
        }
    }
}
