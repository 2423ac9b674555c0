package dev.longhand.export.xlsx;

import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Training;

/**
 * The loss of the forward pass as a formula over the output and target cells: mean squared error
 * {@code SUMPRODUCT((A−T)^2)/COUNT(A)}, or cross entropy per sample from the softmax's input
 * (the log-softmax, exact where a rounds to 0) and then their mean; named {@code loss}.
 */
final class LossCells {

    private LossCells() {
    }

    /**
     * −Σ t·log a of sample {@code c}, as {@link Loss#value} computes it: from the softmax's input
     * (the log-softmax) when {@code logits}, else from a; an entry with t = 0 adds nothing.
     */
    private static double sampleLoss(Matrix m, Matrix t, int c, boolean logits) {
        double logSum = 0.0;
        double max = m.get(0, c);
        if (logits) {
            for (int r = 1; r < m.rows(); r++) {
                max = Math.max(max, m.get(r, c));
            }
            double sum = 0.0;
            for (int r = 0; r < m.rows(); r++) {
                sum += StrictMath.exp(m.get(r, c) - max);
            }
            logSum = StrictMath.log(sum);
        }
        double sample = 0.0;
        for (int r = 0; r < m.rows(); r++) {
            if (t.get(r, c) != 0) {
                sample -= t.get(r, c) * (logits ? (m.get(r, c) - max) - logSum : StrictMath.log(m.get(r, c)));
            }
        }
        return sample;
    }

    static Region write(Canvas canvas, Writer writer, Training training, Written last, Region t, ForwardTrace forward) {
        canvas.band("Loss (" + training.loss().key() + ")");
        Region a = last.a();
        Region loss;
        if (training.loss() == Loss.MSE) {
            loss = canvas.place("L = mean of (A − T)²", 1, 1);
            canvas.formula(loss.top(), loss.left(), "SUMPRODUCT((" + a.all() + "-" + t.all() + ")^2)/COUNT(" + a.all() + ")");
        } else {
            Region perSample = canvas.place("−Σ t·log a, per sample", 1, a.cols());
            for (int c = 0; c < a.cols(); c++) {
                String formula;
                if (last.logits().isPresent()) {
                    String z = last.logits().get().col(c);
                    formula = "-SUMPRODUCT(" + t.col(c) + "," + z + "-MAX(" + z + ")-LN(SUMPRODUCT(EXP(" + z
                            + "-MAX(" + z + ")))))";
                } else {
                    formula = "-SUMPRODUCT(" + t.col(c) + ",LN(" + a.col(c) + "))";
                }
                canvas.formula(perSample.top(), perSample.left() + c, formula,
                        sampleLoss(last.logits().isPresent() ? forward.last().logits() : forward.output(),
                                training.target(), c, last.logits().isPresent()));
            }
            loss = canvas.place("L = mean over samples", 1, 1);
            canvas.formula(loss.top(), loss.left(), "SUM(" + perSample.all() + ")/" + a.cols());
        }
        writer.name("loss", loss);
        Region rate = canvas.place("learning rate η", 1, 1);
        canvas.number(rate.top(), rate.left(), training.learningRate());
        writer.name("learning_rate", rate);
        return loss;
    }
}
