package dev.longhand.export.xlsx;

import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Training;

/**
 * The loss of the forward pass as a formula over the output and target cells: mean squared error
 * {@code SUMPRODUCT((A−T)^2)/COUNT(A)}, or cross entropy per sample from the softmax's input
 * (the log-softmax, exact where a rounds to 0) and then their mean; named {@code loss}.
 */
final class LossCells {

    private LossCells() {
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
                canvas.formula(perSample.top(), perSample.left() + c, formula);
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
