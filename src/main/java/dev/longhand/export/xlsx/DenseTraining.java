package dev.longhand.export.xlsx;

import dev.longhand.nn.Activation;
import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Training;

/**
 * The first training step of a network of dense layers, as formulas: from the loss gradient back
 * to the first layer, {@code dZ = dA ⊙ f′(Z)} (softmax with cross entropy: {@code (A·Σt − T)/m}),
 * {@code dW = dZ·Aprevᵀ} ({@code SUMPRODUCT} of a row of dZ and a row of the layer's input),
 * {@code db} = row sums of dZ, {@code dA_prev = Wᵀ·dZ}, and the values after the step
 * {@code W − η·dW}, {@code b − η·db}. Named {@code layers_L_dW}, {@code layers_L_db}, and, when the
 * block takes one step, {@code layers_L_weights_after} and {@code layers_L_bias_after}.
 */
final class DenseTraining {

    /** 1/√(2π) as {@link Activation} writes it, for GELU's derivative. */
    private static final String INV_SQRT_2PI = "0.3989422804014327";

    private DenseTraining() {
    }

    static void write(Canvas canvas, Writer writer, Training training, ForwardTrace forward, Region target) {
        String eta = writer.region("learning_rate").at(0, 0);
        int last = forward.stages().size() - 1;
        Region out = writer.region("layers." + last + ".a");
        Region dA;
        Region dZ = null;
        if (training.loss() == Loss.CROSS_ENTROPY && forward.last().stage().endsInSoftmax()) {
            canvas.band("Layer " + (last + 1) + " backward: softmax with cross entropy");
            Region t = target;
            dZ = formulas(canvas, "dZ = (A·Σt − T)/m", out.rows(), out.cols(),
                    (r, c) -> "(" + out.at(r, c) + "*SUM(" + t.col(c) + ")-" + t.at(r, c) + ")/" + out.cols());
            dA = null;
        } else {
            canvas.band("The loss gradient");
            Region t = target;
            dA = training.loss() == Loss.MSE
                    ? formulas(canvas, "dA = 2(A − T)/n", out.rows(), out.cols(),
                            (r, c) -> "2*(" + out.at(r, c) + "-" + t.at(r, c) + ")/" + (out.rows() * out.cols()))
                    : formulas(canvas, "dA = −T/(A·m)", out.rows(), out.cols(), (r, c) -> "IF(" + t.at(r, c)
                            + "=0,0,-" + t.at(r, c) + "/(" + out.at(r, c) + "*" + out.cols() + "))");
        }
        for (int i = last; i >= 0; i--) {
            String at = "layers." + i + ".";
            Region w = writer.region(at + "weights");
            Region b = writer.region(at + "bias");
            Region z = writer.region(at + "z");
            Region a = writer.region(at + "a");
            Region x = i == 0 ? writer.region("input") : writer.region("layers." + (i - 1) + ".a");
            if (dZ == null) {
                canvas.band("Layer " + (i + 1) + " backward");
                Activation f = forward.dense(i).layer().activation();
                Region d = dA;
                dZ = formulas(canvas, "dZ = dA ⊙ " + f.key() + "′(Z)", z.rows(), z.cols(),
                        (r, c) -> dZ(f, d, z, a, r, c));
            }
            Region dz = dZ;
            Region dW = formulas(canvas, "dW = dZ·Xᵀ", w.rows(), w.cols(),
                    (r, k) -> "SUMPRODUCT(" + dz.row(r) + "," + x.row(k) + ")");
            Region db = formulas(canvas, "db = Σ dZ", b.rows(), 1, (r, c) -> "SUM(" + dz.row(r) + ")");
            writer.name(at + "dW", dW);
            writer.name(at + "db", db);
            Region wAfter = formulas(canvas, "W − η·dW", w.rows(), w.cols(),
                    (r, k) -> w.at(r, k) + "-" + eta + "*" + dW.at(r, k));
            Region bAfter = formulas(canvas, "b − η·db", b.rows(), 1, (r, c) -> b.at(r, 0) + "-" + eta + "*" + db.at(r, 0));
            if (training.steps() == 1) {
                writer.name(at + "weights_after", wAfter);
                writer.name(at + "bias_after", bAfter);
            }
            if (i > 0) {
                dA = formulas(canvas, "dX = Wᵀ·dZ", x.rows(), x.cols(),
                        (k, c) -> "SUMPRODUCT(" + w.col(k) + "," + dz.col(c) + ")");
            }
            dZ = null;
        }
    }

    /** dL/dz at (r, c) from dL/da, as {@link Activation#backward} computes it. */
    private static String dZ(Activation f, Region dA, Region z, Region a, int r, int c) {
        String d = dA.at(r, c);
        String zc = z.at(r, c);
        String ac = a.at(r, c);
        return switch (f) {
            case RELU -> d + "*IF(" + zc + ">0,1,0)";
            case LINEAR -> d;
            case SIGMOID -> d + "*" + ac + "*(1-" + ac + ")";
            case TANH -> d + "*(1-" + ac + "*" + ac + ")";
            case LEAKY_RELU -> d + "*IF(" + zc + ">0,1,0.01)";
            case GELU -> d + "*(0.5*(1+SIGN(" + zc + ")*ERF(ABS(" + zc + ")/SQRT(2)))+" + zc + "*EXP(-0.5*" + zc + "*"
                    + zc + ")*" + INV_SQRT_2PI + ")";
            case SOFTMAX -> ac + "*(" + d + "-SUMPRODUCT(" + dA.col(c) + "," + a.col(c) + "))";
        };
    }

    private static Region formulas(Canvas canvas, String title, int rows, int cols, CellFormula f) {
        Region region = canvas.place(title, rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                canvas.formula(region.top() + r, region.left() + c, f.at(r, c));
            }
        }
        return region;
    }
}
