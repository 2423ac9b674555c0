package dev.longhand.export.xlsx;

import dev.longhand.nn.BackwardTrace;
import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.LayerGradients;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageGradients;
import dev.longhand.nn.Loss;
import dev.longhand.nn.StageTrace;
import dev.longhand.nn.Training;
import java.util.List;
import java.util.Optional;

/**
 * The first training step as formulas, from the loss gradient back to the first layer, each stage
 * through its kind's {@link KindWorkbook#backward}: mean squared error starts from
 * {@code dA = 2(A − T)/n}; cross entropy after a softmax from {@code dZ = (A·Σt − T)/m}, the
 * softmax's input's gradient; cross entropy otherwise from {@code dA = −T/(A·m)} (0 where t = 0).
 * Written only when every stage's kind writes its backward pass.
 */
final class TrainingCells {

    private TrainingCells() {
    }

    static void write(Canvas canvas, Writer writer, Training training, ForwardTrace forward, Region target,
                      BackwardTrace backward) {
        List<StageTrace> stages = forward.stages();
        List<StageGradients> gradients = backward.layers();
        if (!stages.stream().allMatch(writer::writesBackward)) {
            return;
        }
        int last = stages.size() - 1;
        StageGradients lastGradients = gradients.get(last);
        // What the last stage received: dZ of a dense layer, else dL/d(its input), the softmax's input's gradient.
        Matrix logitsGradient = lastGradients instanceof LayerGradients dense ? dense.dZ() : lastGradients.dInput();
        Region out = writer.region("layers." + last + ".a");
        Region t = target;
        Region dA = null;
        Optional<Region> dLogits = Optional.empty();
        canvas.band("The loss gradient");
        if (training.loss() == Loss.CROSS_ENTROPY && forward.last().stage().endsInSoftmax()) {
            dLogits = Optional.of(formulas(canvas, "dZ = (A·Σt − T)/m (softmax with cross entropy)", logitsGradient,
                    (r, c) -> "(" + out.at(r, c) + "*SUM(" + t.col(c) + ")-" + t.at(r, c) + ")/" + out.cols()));
        } else if (training.loss() == Loss.MSE) {
            dA = formulas(canvas, "dA = 2(A − T)/n", lastGradients.dA(),
                    (r, c) -> "2*(" + out.at(r, c) + "-" + t.at(r, c) + ")/" + (out.rows() * out.cols()));
        } else {
            dA = formulas(canvas, "dA = −T/(A·m)", lastGradients.dA(), (r, c) -> "IF(" + t.at(r, c) + "=0,0,-" + t.at(r, c) + "/("
                    + out.at(r, c) + "*" + out.cols() + "))");
        }
        for (int i = last; i >= 0; i--) {
            Region in = i == 0 ? writer.region("input") : writer.region("layers." + (i - 1) + ".a");
            dA = writer.backward(stages.get(i), gradients.get(i), canvas, "layers." + i, "layers." + i, "", dA,
                    i == last ? dLogits : Optional.empty(), in, training.steps() == 1, training.learningRate());
        }
    }

    private static Region formulas(Canvas canvas, String title, Matrix values, CellFormula f) {
        Region region = canvas.place(title, values.rows(), values.cols());
        for (int r = 0; r < values.rows(); r++) {
            for (int c = 0; c < values.cols(); c++) {
                canvas.formula(region.top() + r, region.left() + c, f.at(r, c), values.get(r, c));
            }
        }
        return region;
    }
}
