package dev.longhand.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The activation functions a lesson may name, with the derivatives backpropagation needs.
 *
 * <p>Formulas are fixed down to the operation so that the page's script gets the same bits:
 * {@code StrictMath} (fdlibm) for exp and tanh, {@link Erf} for erf, and the literal
 * expressions in each constant's comment. The script carries its own fdlibm exp, log, tanh and
 * erf, since a browser's {@code Math.exp}, {@code Math.log} and {@code Math.tanh} may be an ulp
 * off (Chromium's are).
 */
public enum Activation {

    /** {@code z > 0 ? z : 0.0}; never returns −0.0 (ReLU of −0.0 is +0.0). Derivative {@code z > 0 ? 1 : 0}, 0 at z = 0 as in PyTorch. */
    RELU("relu") {
        @Override
        public double apply(double z) {
            return z > 0 ? z : 0.0;
        }

        @Override
        public double derivative(double z, double a) {
            return z > 0 ? 1.0 : 0.0;
        }

        @Override
        public boolean clamps(double z) {
            return z < 0;
        }
    },

    /** The identity; derivative 1. The default of the output layer. */
    LINEAR("linear") {
        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double a) {
            return 1.0;
        }
    },

    /** {@code 1 / (1 + exp(−z))}; derivative {@code a * (1 − a)} from the output a. */
    SIGMOID("sigmoid") {
        @Override
        public double apply(double z) {
            return 1.0 / (1.0 + StrictMath.exp(-z));
        }

        @Override
        public double derivative(double z, double a) {
            return a * (1.0 - a);
        }
    },

    /** {@code StrictMath.tanh(z)}; derivative {@code 1 − a * a} from the output a. */
    TANH("tanh") {
        @Override
        public double apply(double z) {
            return StrictMath.tanh(z);
        }

        @Override
        public double derivative(double z, double a) {
            return 1.0 - a * a;
        }
    },

    /** {@code z > 0 ? z : 0.01 * z}; derivative {@code z > 0 ? 1 : 0.01}. */
    LEAKY_RELU("leaky_relu") {
        @Override
        public double apply(double z) {
            return z > 0 ? z : LEAK * z;
        }

        @Override
        public double derivative(double z, double a) {
            return z > 0 ? 1.0 : LEAK;
        }
    },

    /**
     * The exact GELU, PyTorch's default: {@code 0.5 * z * (1.0 + erf(z / √2))}, with
     * {@link Erf}. Derivative {@code 0.5 * (1.0 + erf(z / √2)) + z * exp(−0.5 * z * z) / √(2π)}:
     * Φ(z) + z·φ(z).
     */
    GELU("gelu") {
        @Override
        public double apply(double z) {
            return 0.5 * z * (1.0 + Erf.erf(z / SQRT_2));
        }

        @Override
        public double derivative(double z, double a) {
            return 0.5 * (1.0 + Erf.erf(z / SQRT_2)) + z * StrictMath.exp(-0.5 * z * z) * INV_SQRT_2PI;
        }
    },

    /**
     * Per column (one sample): {@code m} = the largest entry; {@code e_i = exp(z_i − m)};
     * {@code s = 0.0; for i in order: s += e_i}; {@code a_i = e_i / s}. Subtracting the
     * maximum changes nothing mathematically and keeps exp from overflowing.
     */
    SOFTMAX("softmax") {
        @Override
        public Matrix apply(Matrix z) {
            double[][] a = z.toArrays();
            for (int c = 0; c < z.cols(); c++) {
                double max = columnMax(z, c);
                double sum = 0.0;
                for (int r = 0; r < z.rows(); r++) {
                    a[r][c] = StrictMath.exp(z.get(r, c) - max);
                    sum += a[r][c];
                }
                for (int r = 0; r < z.rows(); r++) {
                    a[r][c] = a[r][c] / sum;
                }
            }
            return Matrix.of(a);
        }

        /** Softmax needs the whole column; there is no scalar form. */
        @Override
        public double apply(double z) {
            throw new UnsupportedOperationException("softmax is applied to a whole column, not to one number");
        }

        @Override
        public double derivative(double z, double a) {
            throw new UnsupportedOperationException("softmax has a Jacobian, not an entrywise derivative");
        }

        /**
         * Per sample: {@code d = 0.0; for j in order: d += dA_j * a_j}; then
         * {@code dZ_i = a_i * (dA_i − d)}, the product of the softmax Jacobian with dA.
         */
        @Override
        public Matrix backward(Matrix z, Matrix a, Matrix dA) {
            requireSameShape(z, a, dA);
            double[][] dZ = new double[a.rows()][a.cols()];
            for (int c = 0; c < a.cols(); c++) {
                double dot = 0.0;
                for (int r = 0; r < a.rows(); r++) {
                    dot += dA.get(r, c) * a.get(r, c);
                }
                for (int r = 0; r < a.rows(); r++) {
                    dZ[r][c] = a.get(r, c) * (dA.get(r, c) - dot);
                }
            }
            return Matrix.of(dZ);
        }
    };

    /** The slope of leaky ReLU for z ≤ 0. */
    static final double LEAK = 0.01;
    /** √2 and 1/√(2π), each the double nearest it (Math.sqrt(2.0), 1 / Math.sqrt(2 * Math.PI)). */
    static final double SQRT_2 = 1.4142135623730951;
    static final double INV_SQRT_2PI = 0.3989422804014327;

    private final String key;

    Activation(String key) {
        this.key = key;
    }

    /** The name a lesson writes in YAML, e.g. {@code leaky_relu}. */
    public String key() {
        return key;
    }

    /** The activation a lesson names, or empty for an unknown name. */
    public static Optional<Activation> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }

    /** Every YAML name, in declaration order, for "expected one of" messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Activation::key).toList();
    }

    /** The activation of one number. */
    public abstract double apply(double z);

    /** The derivative f'(z), given z and a = f(z) (sigmoid and tanh use a). */
    public abstract double derivative(double z, double a);

    /** The activation of every entry of z (units × samples); softmax works per column. */
    public Matrix apply(Matrix z) {
        return z.map(this::apply);
    }

    /**
     * True where ReLU turned a negative z into 0, so that a page can mark the clamped value.
     * False for every other activation, for z ≥ 0 and for −0.0 (nothing was clamped).
     */
    public boolean clamps(double z) {
        return false;
    }

    /**
     * dL/dZ from dL/dA: entrywise {@code dA * f'(z)} (in that order), or for softmax the
     * Jacobian product. The softmax-with-cross-entropy shortcut lives in {@link Backpropagation}.
     */
    public Matrix backward(Matrix z, Matrix a, Matrix dA) {
        requireSameShape(z, a, dA);
        double[][] dZ = new double[z.rows()][z.cols()];
        for (int r = 0; r < z.rows(); r++) {
            for (int c = 0; c < z.cols(); c++) {
                dZ[r][c] = dA.get(r, c) * derivative(z.get(r, c), a.get(r, c));
            }
        }
        return Matrix.of(dZ);
    }

    private static double columnMax(Matrix z, int col) {
        double max = z.get(0, col);
        for (int r = 1; r < z.rows(); r++) {
            if (z.get(r, col) > max) {
                max = z.get(r, col);
            }
        }
        return max;
    }

    private static void requireSameShape(Matrix z, Matrix a, Matrix dA) {
        if (!z.sameShape(a) || !z.sameShape(dA)) {
            throw new IllegalArgumentException("z " + z.shape() + ", a " + a.shape()
                    + " and dA " + dA.shape() + " must have one shape");
        }
    }
}
