package dev.longhand.nn;

/**
 * An independent, deliberately plain forward pass written from the contract's formulas with
 * loops over arrays, to check the real one bit for bit.
 */
final class NaiveReference {

    private NaiveReference() {
    }

    /** z[i][s] = (sum over k, from 0.0, of w[i][k] * a[k][s]) + b[i]. */
    static double[][] weightedSums(double[][] w, double[] b, double[][] a) {
        int samples = a[0].length;
        double[][] z = new double[w.length][samples];
        for (int i = 0; i < w.length; i++) {
            for (int s = 0; s < samples; s++) {
                double sum = 0.0;
                for (int k = 0; k < a.length; k++) {
                    sum += w[i][k] * a[k][s];
                }
                z[i][s] = sum + b[i];
            }
        }
        return z;
    }

    static double[][] activate(Activation activation, double[][] z) {
        int units = z.length;
        int samples = z[0].length;
        double[][] a = new double[units][samples];
        for (int s = 0; s < samples; s++) {
            if (activation == Activation.SOFTMAX) {
                double max = Double.NEGATIVE_INFINITY;
                for (double[] row : z) {
                    max = Math.max(max, row[s]);
                }
                double sum = 0.0;
                for (int i = 0; i < units; i++) {
                    sum += StrictMath.exp(z[i][s] - max);
                }
                for (int i = 0; i < units; i++) {
                    a[i][s] = StrictMath.exp(z[i][s] - max) / sum;
                }
                continue;
            }
            for (int i = 0; i < units; i++) {
                double v = z[i][s];
                a[i][s] = switch (activation) {
                    case RELU -> v > 0 ? v : 0.0;
                    case LINEAR -> v;
                    case SIGMOID -> 1.0 / (1.0 + StrictMath.exp(-v));
                    case TANH -> StrictMath.tanh(v);
                    case LEAKY_RELU -> v > 0 ? v : 0.01 * v;
                    case GELU -> 0.5 * v * (1.0 + Erf.erf(v / Math.sqrt(2.0)));
                    case SOFTMAX -> throw new AssertionError("handled above");
                };
            }
        }
        return a;
    }
}
